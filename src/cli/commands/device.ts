import { Command, Option } from 'clipanion';
import { getDeviceReport } from '../../app/device.js';
import { getStatus } from '../../app/status.js';
import { Redactor } from '../../safety/redact.js';
import { forText } from '../../safety/sanitize.js';
import { PrtCommand } from '../command.js';
import { parseNowOption, redactOption } from '../options.js';
import { writeJson } from '../output.js';
import { formatDevice } from '../present/device-text.js';
import { styleFor } from '../present/style.js';

export class DeviceCommand extends PrtCommand {
  static override paths = [['device']];

  static override usage = Command.Usage({
    description: 'Check what the PRT rests on: device certificate, TPM, SCP, join task, user, clock',
    details: `
      Reads this device with the tools Windows ships (certutil, tpmtool, reg, nltest, schtasks, w32tm, wevtutil for the TPM errors of the System log of the last 7 days), a Windows PowerShell LDAP script (the SCP, the password age, the computer object's userCertificate) and dsregcmd, and judges each part the PRT depends on: Pass, Warn, Fail, NotApplicable, or Unknown with the reason a read failed. Run it elevated for the certificate store and the TPM.

      Exit codes: 0 (failed checks are findings), 4 on a computer that is not Windows.
    `,
    examples: [
      ['Check this device', 'prt device'],
      ['The checks as JSON (what Get-PrtDeviceCheck returns)', 'prt device --json'],
      ['On a simulated device whose TPM is locked out', 'prt device --simulate tpm-locked-out'],
    ],
  });

  now = Option.String('--now', { description: 'Judge times (certificate expiry) against this ISO 8601 instant' });
  redact = redactOption('(the map back to the real values is not kept)');

  protected async run(): Promise<number> {
    const now = parseNowOption(this.now);
    const status = await getStatus(this.context.host, { now });
    const report = await getDeviceReport(this.context.host, status, now);
    const shown = this.redact ? new Redactor().deep(report) : report;
    if (this.json) writeJson(this.context.stdout, shown);
    else this.context.stdout.write(formatDevice(forText(shown), styleFor(this.context.stdout, this.context.env)));
    return 0;
  }
}

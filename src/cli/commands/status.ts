import { Command, Option } from 'clipanion';
import { getStatus } from '../../app/status.js';
import { usageError } from '../../errors.js';
import { writeFileSafely } from '../../host/write-file.js';
import { PrtCommand } from '../command.js';
import { parseNowOption } from '../options.js';
import { formatJson, writeJson } from '../output.js';
import { DetectionUnhealthyExitCode, formatDetectionLine, isUnhealthy } from '../present/detection.js';
import { formatStatus } from '../present/status-text.js';
import { styleFor } from '../present/style.js';

export class StatusCommand extends PrtCommand {
  static override paths = [['status']];

  static override usage = Command.Usage({
    description: 'Show whether the device has a Primary Refresh Token, and whether it is fresh',
    details: `
      Reads \`dsregcmd /status\` on this device, or a capture of it that a user sent, and judges the PRT: present, renewed within the last 4 hours, not expired. Each problem comes with the next step to take.

      A PRT that is unhealthy is a finding, not an error: the exit code is 0. Exit codes: 2 usage, 3 unreadable or not dsregcmd output, 4 no dsregcmd here (not Windows, missing, failed or hung).
    `,
    examples: [
      ['Check this device', 'prt status'],
      ['Check a capture (dsregcmd /status > status.txt) a user sent', 'prt status --input status.txt'],
      ['Judge an old capture as if it were now', 'prt status --input status.txt --now 2026-11-20T09:00:00Z'],
      ['See the tool work on a built-in failing hybrid device', 'prt status --sample'],
      ['Intune Remediations detection: one line, exit 1 when the PRT is unhealthy', 'prt status --detect'],
      ['Write the JSON document to a file instead of stdout (for a scheduled task)', 'prt status --json --output C:\\ProgramData\\status.json'],
    ],
  });

  input = Option.String('--input,--dsregcmd', { description: 'A saved `dsregcmd /status` output (UTF-16, UTF-8 or OEM code page)' });
  sample = Option.Boolean('--sample', false, { description: 'Use the built-in sample: a hybrid joined device whose PRT fails' });
  detect = Option.Boolean('--detect', false, { description: 'Detection-script mode: print one line and exit 1 when the PRT is unhealthy (Stale, Expired, Missing), 0 otherwise' });
  output = Option.String('--output', { description: 'Write the JSON document to this file (UTF-8, whole or not at all) instead of stdout' });
  now = Option.String('--now', { description: 'Judge times against this ISO 8601 instant instead of the capture\'s or the system clock' });

  protected async run(): Promise<number> {
    if (this.sample && this.input !== undefined) throw usageError('ConflictingOptions', '--sample and --input cannot be used together');
    if (this.detect && this.json) throw usageError('ConflictingOptions', '--detect prints one line for a detection script; it cannot be combined with --json');
    if (this.output !== undefined && !this.json) throw usageError('OutputNeedsJson', '--output writes the JSON document: add --json');
    const status = await getStatus(this.context.host, { input: this.input, sample: this.sample, now: parseNowOption(this.now) });
    if (this.detect) {
      this.context.stdout.write(`${formatDetectionLine(status)}\n`);
      return isUnhealthy(status) ? DetectionUnhealthyExitCode : 0;
    }
    // --output: the same document --json prints, for a caller that cannot read our stdout.
    if (this.output !== undefined) writeFileSafely(this.output, formatJson(status));
    else if (this.json) writeJson(this.context.stdout, status);
    else this.context.stdout.write(formatStatus(status, styleFor(this.context.stdout, this.context.env)));
    return 0;
  }
}

import { Command, Option } from 'clipanion';
import { runDoctor } from '../../app/doctor.js';
import { probeDevice } from '../../app/probe.js';
import type { Host } from '../../host/types.js';
import type { ProbeReport } from '../../probe/types.js';
import { Redactor } from '../../safety/redact.js';
import { forText } from '../../safety/sanitize.js';
import { PrtCommand } from '../command.js';
import { parseNowOption, parseSinceOption, redactOption } from '../options.js';
import { writeJson } from '../output.js';
import { formatDoctor } from '../present/doctor-text.js';
import { styleFor } from '../present/style.js';

/**
 * How the doctor probes the network of the device it reads: `prt probe` as SYSTEM, the context
 * CloudAP's requests travel in. Tests replace it; null means not probed, and the verdict says so.
 */
export const doctorProbe: { run: ((host: Host, env: NodeJS.ProcessEnv) => Promise<ProbeReport | null>) | null } = {
  run: (host, env) => probeDevice(host, { contexts: ['System'], env }),
};

export class DoctorCommand extends PrtCommand {
  static override paths = [['doctor']];

  static override usage = Command.Usage({
    description: 'Put status, errors, network and device checks together into one ranked verdict',
    details: `
      Reads dsregcmd's status, the failing PRT attempts of the AAD logs, the network probe and the device checks (certificate, TPM, service connection point, join task, user, clock), and ranks the causes they point to: the first is the verdict, with the chain of evidence that supports it, what speaks against the others, and the next step.

      With files (--input, --events, or a \`prt trace\` bundle folder or zip, which may hold device.json and probe.json) it judges only what the files show. When the evidence is too thin it says so and names what to collect; it never calls a device healthy from missing data.

      A failing PRT is a finding, not an error: the exit code is 0.
    `,
    examples: [
      ['The verdict for this device', 'prt doctor'],
      ['The verdict for a bundle a user sent', 'prt doctor .\\\\PrtTrace-CTS-WS-0512-20261120-093012.zip'],
      ['From a dsregcmd capture and exported logs', 'prt doctor --input status.txt --events aad.xml'],
      ['On the built-in failing device', 'prt doctor --simulate device-cert-expired'],
      ['The whole evidence, shareable', 'prt doctor --json --redact'],
    ],
  });

  bundle = Option.String({ required: false, name: 'bundle' });
  dsregcmd = Option.String('--input,--dsregcmd', { description: 'A saved `dsregcmd /status` output' });
  events = Option.Array('--events', [], { description: 'An AAD event log or a folder of them; repeatable' });
  since = Option.String('--since', { description: 'Only events since then: 30m, 2h, 7d, or an ISO 8601 time' });
  now = Option.String('--now', { description: 'Judge times against this ISO 8601 instant' });
  redact = redactOption('(the map back to the real values is not kept)');

  protected async run(): Promise<number> {
    const now = parseNowOption(this.now);
    const host = this.context.host;
    const probe = doctorProbe.run;
    const report = await runDoctor(
      host,
      { dsregcmd: this.dsregcmd, events: this.events, bundle: this.bundle, since: parseSinceOption(this.since, now ?? host.now()), now },
      { probe: probe ? () => probe(host, this.context.env) : undefined },
    );
    const shown = this.redact ? new Redactor().deep(report) : report;
    if (this.json) writeJson(this.context.stdout, shown);
    else this.context.stdout.write(formatDoctor(forText(shown), styleFor(this.context.stdout, this.context.env)));
    return 0;
  }
}

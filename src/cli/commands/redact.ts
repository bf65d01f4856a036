import { Command, Option } from 'clipanion';
import { resolve } from 'node:path';
import { redactPath, type RedactionResult } from '../../safety/redact-files.js';
import { forText } from '../../safety/sanitize.js';
import { PrtCommand } from '../command.js';
import { writeJson } from '../output.js';

export class RedactCommand extends PrtCommand {
  static override paths = [['redact']];

  static override usage = Command.Usage({
    description: 'Make a capture or a trace bundle shareable: names, ids and addresses replaced by stable pseudonyms',
    details: `
      Writes a redacted copy of a dsregcmd capture, an event log, a report, a trace bundle folder or its zip. UPNs and e-mail addresses, user and device names, domain and host names (AD FS included), tenant, device and correlation ids, SIDs, IP addresses, key ids and thumbprints become pseudonyms (\`user1@domain1.example\`, \`DEVICE-1\`, a fixed fake GUID per real one), the same in every file of the bundle. Microsoft's public endpoints, error codes and times stay, so the copy diagnoses exactly like the original.

      The map from each pseudonym back to its real value is written beside the copy (\`<copy>.redaction-map.json\`, readable by you only), never inside it or its zip: keep it, send the copy. Binary files (the network trace, an lsass recording, .evtx) cannot be redacted and are left out; the output lists them.
    `,
    examples: [
      ['Redact a bundle before sending it to support', 'prt redact C:\\\\ProgramData\\\\PrtTools\\\\traces\\\\PrtTrace-CTS-WS-0512-20261120-093012.zip'],
      ['Redact a capture into another folder', 'prt redact status.txt --output shared'],
    ],
  });

  input = Option.String({ name: 'file|folder|zip' });
  output = Option.String('--output', { description: 'Folder for the redacted copy and its map (default: beside the input)' });

  protected async run(): Promise<number> {
    const result = await redactPath(resolve(this.input), this.output === undefined ? undefined : resolve(this.output));
    if (process.platform === 'win32' && this.context.host.kind === 'Live') {
      await this.context.host.restrictToAdministrators(result.MapPath, 'File');
    }
    if (this.json) writeJson(this.context.stdout, result);
    else this.context.stdout.write(formatRedaction(forText(result)));
    return 0;
  }
}

function formatRedaction(result: RedactionResult): string {
  const lines = [`Redacted copy  ${result.Path}`];
  if (result.ZipPath) lines.push(`Zip            ${result.ZipPath}`);
  lines.push(`Map            ${result.MapPath} (keep it; do not send it)`, `Pseudonyms     ${result.Pseudonyms}`);
  if (result.LeftOut.length > 0) lines.push(`Left out       ${result.LeftOut.join(', ')} (binary: cannot be redacted)`);
  return `${lines.join('\n')}\n`;
}

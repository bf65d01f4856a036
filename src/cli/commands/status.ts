import { Command, Option } from 'clipanion';
import { getStatus } from '../../app/status.js';
import { ExitCode, PrtError, badInput, usageError } from '../../errors.js';
import { writeFileSafely } from '../../host/write-file.js';
import { PrtCommand } from '../command.js';
import { Redactor } from '../../safety/redact.js';
import { writeRedactionMap } from '../../safety/redaction-map.js';
import { forText } from '../../safety/sanitize.js';
import { parseNowOption, redactOption } from '../options.js';
import { formatJson, writeError, writeJson } from '../output.js';
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
      ['Check many captures with one start (--json prints an array, one item per file)', 'prt status --json --input a.txt --input b.txt'],
      ['Judge an old capture as if it were now', 'prt status --input status.txt --now 2026-11-20T09:00:00Z'],
      ['See the tool work on a built-in failing hybrid device', 'prt status --sample'],
      ['Intune Remediations detection: one line, exit 1 when the PRT is unhealthy', 'prt status --detect'],
      ['Write the JSON document to a file instead of stdout (for a scheduled task)', 'prt status --json --output C:\\ProgramData\\status.json'],
      ['A status to share: names and ids replaced, the map kept beside the file', 'prt status --json --redact --output status.json'],
    ],
  });

  inputs = Option.Array('--input,--dsregcmd', { description: 'A saved `dsregcmd /status` output (UTF-16, UTF-8 or OEM code page); repeat it for several files' });
  sample = Option.Boolean('--sample', false, { description: 'Use the built-in sample: a hybrid joined device whose PRT fails' });
  detect = Option.Boolean('--detect', false, { description: 'Detection-script mode: print one line and exit 1 when the PRT is unhealthy (Stale, Expired, Missing), 0 otherwise' });
  output = Option.String('--output', { description: 'Write the JSON document to this file (UTF-8, whole or not at all) instead of stdout' });
  now = Option.String('--now', { description: 'Judge times against this ISO 8601 instant instead of the capture\'s or the system clock' });
  redact = redactOption('(with --output, the map back to the real values is written beside the file)');

  protected async run(): Promise<number> {
    const inputs = this.inputs ?? [];
    if (inputs.length > 1) return this.runMany(inputs);
    const input = inputs[0];
    if (this.sample && input !== undefined) throw usageError('ConflictingOptions', '--sample and --input cannot be used together');
    if (this.detect && this.json) throw usageError('ConflictingOptions', '--detect prints one line for a detection script; it cannot be combined with --json');
    if (this.output !== undefined && !this.json) throw usageError('OutputNeedsJson', '--output writes the JSON document: add --json');
    const real = await getStatus(this.context.host, { input, sample: this.sample, now: parseNowOption(this.now) });
    const redactor = this.redact ? new Redactor() : null;
    const status = redactor ? redactor.deep(real) : real;
    if (this.detect) {
      this.context.stdout.write(`${formatDetectionLine(forText(status))}\n`);
      return isUnhealthy(status) ? DetectionUnhealthyExitCode : 0;
    }
    // --output: the same document --json prints, for a caller that cannot read our stdout.
    if (this.output !== undefined) {
      writeFileSafely(this.output, formatJson(status));
      if (redactor) writeRedactionMap(this.output, redactor, 'prt status');
    } else if (this.json) writeJson(this.context.stdout, status);
    else this.context.stdout.write(formatStatus(forText(status), styleFor(this.context.stdout, this.context.env)));
    return 0;
  }

  /**
   * Several captures in one start (the module's batch): with --json an array in input order, each
   * item a status or `{ Input, Error: { Id, Message, Category } }` for a file that could not be
   * read; exit 3 when one could not, as `prt explain` does for codes.
   */
  private async runMany(inputs: string[]): Promise<number> {
    if (this.sample) throw usageError('ConflictingOptions', '--sample and --input cannot be used together');
    if (this.detect) throw usageError('ConflictingOptions', '--detect judges one device: give one --input');
    if (this.output !== undefined && !this.json) throw usageError('OutputNeedsJson', '--output writes the JSON document: add --json');
    const now = parseNowOption(this.now);
    // One redactor for the batch: the same real value gets the same pseudonym in every item.
    const redactor = this.redact ? new Redactor() : null;
    const items: unknown[] = [];
    const failed: string[] = [];
    for (const input of inputs) {
      try {
        const real = await getStatus(this.context.host, { input, sample: false, now });
        const status = redactor ? redactor.deep(real) : real;
        items.push(status);
        if (!this.json && this.output === undefined) this.context.stdout.write(`${forText(input)}\n${formatStatus(forText(status), styleFor(this.context.stdout, this.context.env))}\n`);
      } catch (error) {
        if (!(error instanceof PrtError) || error.exitCode !== ExitCode.BadInput) throw error;
        items.push({ Input: input, Error: { Id: error.id, Message: error.message, Category: error.category } });
        failed.push(`${input}: ${error.message}`);
      }
    }
    if (this.output !== undefined) {
      writeFileSafely(this.output, formatJson(items));
      if (redactor) writeRedactionMap(this.output, redactor, 'prt status');
    } else if (this.json) writeJson(this.context.stdout, items);
    if (failed.length === 0) return ExitCode.Ok;
    writeError(this.context.stderr, badInput('UnreadableInput', `${failed.length} of ${inputs.length} files could not be read: ${failed.join('; ')}`), this.json);
    return ExitCode.BadInput;
  }
}

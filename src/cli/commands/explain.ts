import { Command, Option } from 'clipanion';
import { explainCodes, isExplainError } from '../../codes/index.js';
import { ExitCode, badInput } from '../../errors.js';
import { PrtCommand } from '../command.js';
import { forText } from '../../safety/sanitize.js';
import { writeError, writeJson } from '../output.js';
import { formatExplain } from '../present/explain-text.js';
import { styleFor } from '../present/style.js';

export class ExplainCommand extends PrtCommand {
  static override paths = [['explain']];

  static override usage = Command.Usage({
    description: 'Explain error codes: identity, meaning, causes, fixes and the next code to look at',
    details: `
      Takes codes in any spelling: hex (\`0xC000006D\`, \`c000006d\`), signed or unsigned decimal, symbolic names (\`STATUS_LOGON_FAILURE\`, \`ERROR_WINHTTP_TIMEOUT\`), \`AADSTS50126\`, \`MSIS7068\`, HRESULTs wrapping Win32 codes (\`0x80072EE2\`), web account codes (\`0xCAA5001C\`) and dsregcmd's \`Server Error Code\` strings (\`invalid_grant\`).

      Each code is resolved on its own: an input that cannot be read is reported in its place beside the others, and the exit code is then 3 (with \`--json\`, the document still holds every item and stderr names the unreadable ones). An unknown but well-formed code is decoded as far as it goes and marked \`Known: false\`.
    `,
    examples: [
      ['Explain the attempt status from dsregcmd', 'prt explain 0xc000006d'],
      ['Several codes at once, as JSON', 'prt explain 0xc000006d AADSTS50126 12029 --json'],
    ],
  });

  codes = Option.Rest({ required: 1 });

  protected async run(): Promise<number> {
    const items = explainCodes(this.codes);
    if (this.json) writeJson(this.context.stdout, items);
    else this.context.stdout.write(formatExplain(forText(items), styleFor(this.context.stdout, this.context.env)));
    const unreadable = items.filter(isExplainError);
    if (unreadable.length === 0) return ExitCode.Ok;
    // The document above still holds every item; the error names the inputs that were not codes.
    if (this.json) {
      const what = unreadable.map((item) => `"${item.Input}": ${item.Error.Message}`).join('; ');
      writeError(this.context.stderr, badInput('UnreadableCode', `${unreadable.length} of ${items.length} inputs could not be read as a code: ${what}`), true);
    }
    return ExitCode.BadInput;
  }
}


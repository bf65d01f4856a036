import type { Readable } from 'node:stream';
import { Command, Option } from 'clipanion';
import { explainCodes, explainText, isExplainError } from '../../codes/index.js';
import { decodeCapture } from '../../dsreg/decode.js';
import { ExitCode, badInput, usageError } from '../../errors.js';
import { PrtCommand } from '../command.js';
import { forText } from '../../safety/sanitize.js';
import { writeError, writeJson } from '../output.js';
import { formatExplain, formatTextExplanation } from '../present/explain-text.js';
import { styleFor } from '../present/style.js';

/** A ticket, a chat or a paste is small; a larger input is a wrong file. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;

export class ExplainCommand extends PrtCommand {
  static override paths = [['explain']];

  static override usage = Command.Usage({
    description: 'Explain error codes: identity, meaning, causes, fixes and the next code to look at',
    details: `
      Takes codes in any spelling: hex (\`0xC000006D\`, \`c000006d\`), signed or unsigned decimal, symbolic names (\`STATUS_LOGON_FAILURE\`, \`ERROR_WINHTTP_TIMEOUT\`, \`TPM_E_PCP_INTERNAL_ERROR\`), \`AADSTS50126\`, \`MSIS7068\`, AD FS \`ID3242\`, HRESULTs wrapping Win32 or NTSTATUS codes (\`0x80072EE2\`, \`0xD000023C\`), web account codes (\`0xCAA5001C\`), TPM codes (\`0xC028008B\`) and dsregcmd's \`Server Error Code\` strings (\`invalid_grant\`). A code copied with the words around it (\`"Error: 0x80070520"\`, \`"HRESULT 0x80072EE7"\`) is read too, with a note; an argument holding two codes is an error that names both.

      Each code is resolved on its own: an input that cannot be read is reported in its place beside the others, and the exit code is then 3 (with \`--json\`, the document still holds every item and stderr names the unreadable ones). An unknown but well-formed code is decoded as far as it goes (severity, facility, a Win32 or NTSTATUS code inside) and marked \`Known: false\`.

      With \`--text FILE\` (or \`--text -\` for standard input) prt reads free text instead: a ticket, an e-mail, a chat, the OCR of a screenshot, a dsregcmd paste or an Event Viewer paste. It pulls out every code, explains each once with the fields it stood in (\`Attempt Status\`, \`Server Error Description\`, an event's \`Error:\` line…), and lists them cause first: the server's reason, then network, TPM and token broker errors, then the client status. Times, GUIDs, correlation ids, version numbers, line numbers and unlabelled numbers such as an HTTP 400 are not taken for codes. Text without any code is an answer, not an error: exit 0 with \`Codes: []\`. Exit 3 means the text could not be read (missing file, too large, or empty).
    `,
    examples: [
      ['Explain the attempt status from dsregcmd', 'prt explain 0xc000006d'],
      ['Several codes at once, as JSON', 'prt explain 0xc000006d AADSTS50126 12029 --json'],
      ['Every code of a ticket, cause first', 'prt explain --text ticket.txt'],
      ['A paste from the clipboard (PowerShell)', 'Get-Clipboard | prt explain --text -'],
    ],
  });

  text = Option.String('--text', { description: 'Read free text from FILE (or - for standard input) and explain every code in it' });

  codes = Option.Rest();

  protected async run(): Promise<number> {
    if (this.text !== undefined) {
      if (this.codes.length > 0) throw usageError('CodesWithText', 'Give either codes or --text, not both: the codes can go into the text.');
      return this.runText(this.text);
    }
    if (this.codes.length === 0) throw usageError('NoCode', 'Give at least one code (prt explain 0xc000006d), or --text FILE to pull the codes out of a text.');
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

  private async runText(path: string): Promise<number> {
    const source = path === '-' ? 'standard input' : path;
    const bytes = path === '-' ? await readAll(this.context.stdin, MAX_TEXT_BYTES) : await this.context.host.readCapture(path);
    const { text } = decodeCapture(bytes);
    if (text.trim() === '') throw badInput('EmptyText', `${path === '-' ? 'Standard input' : `\`${path}\``} is empty: give the text of a ticket, a paste or a log that holds the error codes.`);
    const explanation = explainText(text, source);
    if (this.json) writeJson(this.context.stdout, explanation);
    else this.context.stdout.write(formatTextExplanation(forText(explanation), styleFor(this.context.stdout, this.context.env)));
    return ExitCode.Ok;
  }
}

async function readAll(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw badInput('TextTooLarge', `Standard input is larger than ${maxBytes} bytes; a ticket or a paste is never that large.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

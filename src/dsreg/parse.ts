/**
 * Turns the text of `dsregcmd /status` into a DsregReport: every section and every field as
 * printed (unknown ones too), plus the PRT diagnostics blocks read into typed values. No
 * interpretation (is the PRT healthy?) happens here: that is `evaluate`'s job.
 *
 * What the parser accepts (DESIGN §7):
 * - boxed sections (`+---+` / `| Name |` / `+---+`), right-aligned `Name : Value` lines and the
 *   older left-aligned `Name: value` lines, with or without left padding (ticket pastes);
 * - odd lines such as `KeySignTest: : MUST Run elevated to test.` and values holding `:`
 *   (URLs, times, `host:port`): a line splits on its first ` : `, else on its first `: `;
 * - a capture cut after one or more complete fields: what was read is kept;
 * - an unboxed paste (only field lines, no box): accepted when it holds a PRT line or at least two
 *   fields dsregcmd prints; its lines are filed under the sections they belong to;
 * - decoration from tickets and chats: Markdown fences and emphasis (`**NgcSet : YES**`), quote
 *   marks, list bullets and indentation, prompt lines (`PS C:\> dsregcmd /status`), trailing
 *   spaces, blank lines inside a box's header rules, stray lines, no-break and other Unicode
 *   spaces. Field names are stored clean;
 * - a folded paste (a page or forum that joined lines): a line holding two or more known fields,
 *   or a box rule beside other text, is read as the lines dsregcmd printed.
 *
 * What it refuses, with a PrtError (exit code 3) naming the source:
 * - `EmptyCapture`: nothing but whitespace;
 * - `TruncatedCapture`: a section box starts but the text ends before any field of any
 *   section (cut inside the first box, or right after its header);
 * - `NotDsregcmdOutput`: no boxed section and fewer than two dsregcmd fields (and no PRT line), or
 *   only boxes dsregcmd never prints.
 */
import { badInput } from '../errors.js';
import type { DiagnosticsKind, DsregField, DsregReport, DsregSection, PrtDiagnostics, PrtKind } from './types.js';
import { fieldsInText, homeSectionOf, isKnownField, unfoldLine } from './fields.js';
import { dataValue, meaningfulValue, normaliseName, parseDsregTime, parseHexStatus, parseIntOrNull } from './values.js';
import { decodeXmlReferences } from '../util/xml-text.js';

export interface ParseOptions {
  /** What the text came from (a file name, `live dsregcmd`), used in error messages. */
  source: string;
  /** How the bytes were decoded (`decodeCapture`), copied to the report. */
  encoding: string;
}

/** Section names dsregcmd prints (normalised); `Work Account N` is matched separately. */
export const KNOWN_SECTIONS: readonly string[] = [
  'Device State',
  'Device Details',
  'Tenant Details',
  'User State',
  'SSO State',
  'Diagnostic Data',
  'IE Proxy Config for Current User',
  'IE Proxy Config for System Account',
  'WinHttp Default Proxy Config',
  'URL Specific Proxy Config',
  'Ngc Prerequisite Check',
];
const KNOWN_SECTION_KEYS = new Set(KNOWN_SECTIONS.map(normaliseName));
const WORK_ACCOUNT = /^work account \d+$/;

/** True for a section name dsregcmd prints, in any case or spacing. */
export function isKnownSection(name: string): boolean {
  const key = normaliseName(name);
  return KNOWN_SECTION_KEYS.has(key) || WORK_ACCOUNT.test(key);
}

const BORDER = /^\+-{3,}\+$/;
const HEADER = /^\|\s*(\S.*?)\s*\|$/;
/** `+------- SSO State -------+`: a paste that folded the box into one rule. */
const RULE_HEADER = /^\+-{2,}\s*([A-Za-z][A-Za-z0-9 ]*?)\s*-{2,}\+$/;
/** Before the first box only label-like names count, so ticket prose is not taken for fields. */
const LABEL = /^[A-Za-z][A-Za-z0-9 ._()/-]{0,63}$/;

const PRT_LINES: ReadonlyMap<string, PrtKind> = new Map([
  ['azureadprt', 'AzureAd'],
  ['enterpriseprt', 'Enterprise'],
]);
const BLOCK_STARTS: ReadonlyMap<string, DiagnosticsKind> = new Map([
  ['acquireprtdiagnostics', 'Acquire'],
  ['refreshprtdiagnostics', 'Refresh'],
]);
type DiagSetter = (d: PrtDiagnostics, value: string) => void;
const BLOCK_FIELDS: ReadonlyMap<string, DiagSetter> = new Map<string, DiagSetter>([
  ['previous prt attempt', (d, v) => (d.PreviousPrtAttempt = parseDsregTime(v))],
  ['attempt status', (d, v) => (d.AttemptStatus = parseHexStatus(v))],
  ['user identity', (d, v) => (d.UserIdentity = dataValue(v))],
  ['credential type', (d, v) => (d.CredentialType = dataValue(v))],
  ['correlation id', (d, v) => (d.CorrelationId = dataValue(v))],
  ['endpoint uri', (d, v) => (d.EndpointUri = dataValue(v))],
  ['http method', (d, v) => (d.HttpMethod = dataValue(v))],
  // Kept as printed: it may be hex (`0x80072ee2`) or a WinHTTP decimal; decode with parseHexStatus.
  ['http error', (d, v) => (d.HttpError = dataValue(v))],
  ['http status', (d, v) => (d.HttpStatus = parseIntOrNull(v))],
  ['server error code', (d, v) => (d.ServerErrorCode = dataValue(v))],
  // Free text: a redacted id inside it does not make the server's words worthless.
  ['server error description', (d, v) => (d.ServerErrorDescription = meaningfulValue(v))],
]);

/**
 * Splits one trimmed line into name and value, or null when it is not a field line.
 * ` : ` first (right-aligned layout; a value may hold `: ` itself), then `: ` (left-aligned
 * layout; URLs and times have no space after their colons), then a bare trailing colon (an
 * empty value whose trailing space was trimmed). `KeySignTest: : MUST…` loses its stray colon.
 */
function splitField(line: string): { name: string; value: string } | null {
  let name: string;
  let value: string;
  const spaced = line.indexOf(' : ');
  if (spaced >= 0) {
    name = line.slice(0, spaced);
    value = line.slice(spaced + 3);
  } else {
    const colon = line.indexOf(': ');
    if (colon >= 0) {
      name = line.slice(0, colon);
      value = line.slice(colon + 2);
    } else if (line.endsWith(':')) {
      name = line.slice(0, -1);
      value = '';
    } else {
      return null;
    }
  }
  // `**NgcSet** : YES`, `` `AzureAdPrt` ``: emphasis and code marks are decoration, not the name.
  name = name.replace(/[\s:]+$/, '').replace(/^[*_`]+|[*_`]+$/g, '').replace(/[\s:]+$/, '').trim();
  if (name === '') return null;
  // `NgcSet : **YES**`: emphasis around a value (a redacted `***` is left alone).
  value = value.trim().replace(/^(\*\*|__|`)(?![*_`])(.+?)(?<![*_`])\1$/, '$2');
  return { name, value };
}

const UNICODE_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const FENCE = /^(?:`{3,}|~{3,})/;
/**
 * Lines copied out of a log (a script's log, CMTrace, a collector): a date and time first, in
 * brackets or not, then perhaps a level word. No line dsregcmd prints starts with a date.
 */
const LOG_STAMP =
  /^\[?(?:\d{4}-\d{2}-\d{2}[ T]|\d{1,2}\/\d{1,2}\/\d{4}\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?(?:[AP]M|Z|UTC|[+-]\d{2}:?\d{2}))?\]?\s*(?:\[?(?:INFO|INFORMATION|WARN|WARNING|ERROR|DEBUG|VERBOSE|TRACE)\]?\s*)?(?:[-:|]\s+)?/i;
/** A capture kept as one JSON string (remediation output read from Graph, a log export): `\r\n` as text. */
const ESCAPED_BREAK = /\\r\\n|\\n/g;
const JSON_ESCAPE = /\\(?:r\\n|u([0-9a-fA-F]{4})|([nrt"\\/]))/g;
const JSON_CHARS: Readonly<Record<string, string>> = { n: '\n', r: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/' };

/** Undo JSON string escapes when the text's line breaks are all (or nearly all) written as `\n`. */
function unescapeLineBreaks(text: string): string {
  const escaped = text.match(ESCAPED_BREAK)?.length ?? 0;
  const real = text.match(/\n/g)?.length ?? 0;
  if (escaped < 3 || real * 4 >= escaped) return text;
  return text.replace(JSON_ESCAPE, (_all, unicode: string | undefined, char: string | undefined) =>
    unicode !== undefined ? String.fromCharCode(Number.parseInt(unicode, 16)) : char !== undefined ? (JSON_CHARS[char] ?? char) : '\n');
}

/** Tags that end a line in HTML copied from a page's source or an HTML mail. */
const HTML_BREAK = /<br\s*\/?>|<\/(?:p|div|li|pre|tr|h\d)>|<(?:p|div|li|pre|tr)(?:\s[^<>]*)?>/gi;
const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

/**
 * A capture pasted as HTML (`AzureAdPrt : YES<br>`, `<pre><code>…`, `&nbsp;`): line breaks from
 * the tags, the other tags dropped, entities read. Only when line-breaking tags are there: a
 * plain capture is never touched.
 */
function htmlToText(text: string): string {
  if ((text.match(HTML_BREAK)?.length ?? 0) < 2) return text;
  // HTML's own no-break space, then what HTML shares with XML.
  return decodeXmlReferences(text.replace(HTML_BREAK, '\n').replace(HTML_TAG, '').replace(/&nbsp;/gi, ' '));
}

/** `PS C:\> dsregcmd /status`, `C:\Windows\system32>dsregcmd /status`, `$ dsregcmd …`. */
const PROMPT = /^(?:PS\s+[^>]*>|[A-Za-z]:\\[^>]*>|[$#]\s+dsregcmd\b)/i;

/**
 * One line with the decoration of a ticket or chat removed, or null for a line that is only
 * decoration (a Markdown fence, a shell prompt). A value that is itself `***` (redacted) stays.
 */
export function undecorate(raw: string): string | null {
  // Pastes from web pages, Teams and HTML mail carry no-break and other Unicode spaces (and tabs)
  // where dsregcmd printed plain spaces, and zero-width marks; ` : ` must still split the field.
  let line = raw.replace(UNICODE_SPACES, ' ').replace(ZERO_WIDTH, '').trim();
  line = line.replace(LOG_STAMP, '');
  if (FENCE.test(line) || PROMPT.test(line)) return null;
  line = line.replace(/^(?:>\s*)+/, ''); // e-mail and Markdown quotes
  line = line.replace(/^[-*•]\s+(?=\S)/, ''); // list bullets
  // `**NgcSet : YES**`: emphasis around the whole line (but not a redacted `***` value).
  const bold = /^(\*\*|__)(?![*_])(.*?)(?<![*_])\1$/.exec(line);
  const [, marker = '', inner = ''] = bold ?? [];
  if (bold && !inner.includes(marker)) line = inner.trim();
  return line;
}

/** Field lines quoted inside sentences: the reason there is no field line, and what to paste instead. */
function fieldsInProseHint(text: string, fieldLines: number): string {
  const quoted = fieldsInText(text);
  if (quoted.length <= fieldLines) return '';
  const shown = quoted.slice(0, 3).map((f) => `\`${f}\``).join(', ');
  return ` dsregcmd fields are quoted inside the text (${shown}${quoted.length > 3 ? ', …' : ''}), not on lines of their own: paste the whole output of \`dsregcmd /status\` as it was printed.`;
}

/** `dsregcmd /debug` lines, a ticket or an event message hold codes, not a status: say where they are read. */
function codesHint(text: string): string {
  const codes = [...new Set(text.match(/\b0x[0-9a-f]{8}\b/gi) ?? [])];
  if (codes.length === 0) return '';
  return ` It holds ${codes.length === 1 ? 'the code' : 'codes'} ${codes.slice(0, 3).join(', ')}${codes.length > 3 ? ', …' : ''}: \`prt explain --text\` (\`Get-PrtError -Text\`) reads the codes of any text.`;
}

function emptyDiagnostics(prt: PrtKind, kind: DiagnosticsKind): PrtDiagnostics {
  return {
    Prt: prt,
    Kind: kind,
    PreviousPrtAttempt: null,
    AttemptStatus: null,
    UserIdentity: null,
    CredentialType: null,
    CorrelationId: null,
    EndpointUri: null,
    HttpMethod: null,
    HttpError: null,
    HttpStatus: null,
    ServerErrorCode: null,
    ServerErrorDescription: null,
  };
}

export function parseDsregcmd(text: string, opts: ParseOptions): DsregReport {
  const src = '`' + opts.source + '`';
  if (text.trim() === '') {
    throw badInput('EmptyCapture', `${src} is empty: expected the output of \`dsregcmd /status\`.`);
  }

  // A folded paste's line becomes the lines dsregcmd printed, each keeping its line number.
  const lines = htmlToText(unescapeLineBreaks(text))
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .flatMap((line, i) => unfoldLine(line).map((part) => ({ part, lineNo: i + 1 })));
  const boxed: DsregSection[] = [];
  const diagnostics: PrtDiagnostics[] = [];
  /** Field lines before the first box: an unboxed paste, or a preamble. */
  let leading: DsregSection | null = null;
  let current: DsregSection | null = null;
  /** `top`: a border opened a box; `header`: its name was read, the closing border not yet. */
  let box: 'none' | 'top' | 'header' = 'none';
  let sawBorder = false;
  let prtLines = 0;
  // Diagnostics attach to the PRT line before them in the same section.
  let lastPrt: PrtKind | null = null;
  let block: PrtDiagnostics | null = null;
  /** A `…PrtDiagnostics` line was seen in this section: block lines after it are not a headless paste. */
  let sawBlockStart = false;
  /** Where each run of dsregcmd starts (a box whose name the run already has begins the next one). */
  const runStarts: { boxed: number; diagnostics: number }[] = [{ boxed: 0, diagnostics: 0 }];
  let runNames = new Set<string>();
  /** The same for loose lines: a Device State field the run already has begins the next one. */
  const looseRunStarts: { fields: number; diagnostics: number }[] = [{ fields: 0, diagnostics: 0 }];
  let looseRunNames = new Set<string>();

  for (const { part: raw, lineNo } of lines) {
    const line = undecorate(raw);
    if (line === null || line === '') continue;

    if (BORDER.test(line)) {
      sawBorder = true;
      box = box === 'header' ? 'none' : 'top';
      continue;
    }
    const header = HEADER.exec(line) ?? RULE_HEADER.exec(line);
    if (header !== null) {
      current = { Name: header[1] ?? '', Fields: [] };
      const name = normaliseName(current.Name);
      if (runNames.has(name)) {
        runStarts.push({ boxed: boxed.length, diagnostics: diagnostics.length });
        runNames = new Set();
      }
      runNames.add(name);
      boxed.push(current);
      // A header without a top border (a paste that lost it) is taken as a closed box.
      box = box === 'top' ? 'header' : 'none';
      lastPrt = null;
      block = null;
      sawBlockStart = false;
      continue;
    }

    const split = splitField(line);
    if (split === null) continue;
    let target: DsregSection;
    if (current === null) {
      if (!LABEL.test(split.name)) continue;
      leading ??= { Name: '', Fields: [] };
      target = leading;
      const name = normaliseName(split.name);
      if (homeSectionOf(split.name) === DEVICE_STATE) {
        if (looseRunNames.has(name)) {
          looseRunStarts.push({ fields: leading.Fields.length, diagnostics: diagnostics.length });
          looseRunNames = new Set();
          lastPrt = null;
          block = null;
          sawBlockStart = false;
        }
        looseRunNames.add(name);
      }
    } else {
      target = current;
      box = 'none';
    }
    const field: DsregField = { Name: split.name, Value: split.value, Line: lineNo };
    target.Fields.push(field);

    const key = normaliseName(field.Name);
    const prt = PRT_LINES.get(key);
    const startKind = BLOCK_STARTS.get(key);
    if (prt !== undefined) {
      prtLines++;
      lastPrt = prt;
      block = null;
    } else if (startKind !== undefined) {
      block = null;
      sawBlockStart = true;
      if (/^PRESENT\b/i.test(field.Value)) {
        // Windows prints a block only after a PRT line; a paste that starts at the block most
        // likely lost an AzureAdPrt line, the usual owner.
        block = emptyDiagnostics(lastPrt ?? 'AzureAd', startKind);
        diagnostics.push(block);
      }
    } else if (block !== null) {
      // Block fields are spaced words (`Attempt Status`); a CamelCase name (`EnterprisePrt`,
      // `OnPremTgt`) is the SSO State resuming. Unknown spaced names stay in Fields only.
      if (!/\s/.test(field.Name)) block = null;
      else BLOCK_FIELDS.get(key)?.(block, field.Value);
    } else if (BLOCK_FIELDS.has(key) && !sawBlockStart && (current === null || normaliseName(current.Name) === 'sso state')) {
      // A paste of a few block lines without their `…PrtDiagnostics : PRESENT` line: still an
      // attempt, of a kind the paste does not say.
      block = emptyDiagnostics(lastPrt ?? 'AzureAd', 'Unknown');
      diagnostics.push(block);
      BLOCK_FIELDS.get(key)?.(block, field.Value);
    }
  }

  const boxedFields = boxed.reduce((n, s) => n + s.Fields.length, 0);
  const knownLeading = leading === null ? 0 : leading.Fields.filter((f) => isKnownField(f.Name)).length;
  if (boxed.length === 0) {
    if (prtLines === 0 && knownLeading < 2) {
      if (sawBorder) {
        throw badInput('TruncatedCapture', `${src} is a truncated dsregcmd capture: a section box opens but the text ends before the section's name.`);
      }
      throw badInput(
        'NotDsregcmdOutput',
        `${src} is not dsregcmd output: no boxed section such as \`| Device State |\`, no \`AzureAdPrt\` line and ${knownLeading === 0 ? 'no' : 'only one'} \`Name : Value\` line that dsregcmd prints (expected the text of \`dsregcmd /status\`, or at least two of its lines such as \`AzureAdJoined : YES\`).${fieldsInProseHint(text, knownLeading)}${codesHint(text)}`,
      );
    }
  } else if (prtLines === 0) {
    if (!boxed.some((s) => isKnownSection(s.Name))) {
      const names = boxed.slice(0, 3).map((s) => `\`| ${s.Name} |\``).join(', ');
      throw badInput('NotDsregcmdOutput', `${src} is not dsregcmd output: its sections (${names}${boxed.length > 3 ? ', …' : ''}) are none that dsregcmd prints, and it has no \`AzureAdPrt\` line.`);
    }
    const [firstBox] = boxed;
    if (boxedFields === 0 && firstBox) {
      const first = firstBox.Name;
      const where = box === 'header' ? `inside the box of \`| ${first} |\`` : `after the \`| ${first} |\` header`;
      throw badInput('TruncatedCapture', `${src} is a truncated dsregcmd capture: it ends ${where}, before any field.`);
    }
  }

  if (boxed.length === 0 && leading !== null && looseRunStarts.length > 1) {
    // Loose lines only, with Device State repeating: several runs pasted without their boxes.
    const fields = leading.Fields;
    const looseRuns = looseRunStarts.map((start, i) => ({
      section: { Name: '', Fields: fields.slice(start.fields, looseRunStarts[i + 1]?.fields ?? fields.length) },
      diagnostics: diagnostics.slice(start.diagnostics, looseRunStarts[i + 1]?.diagnostics ?? diagnostics.length),
    }));
    return pickRun(looseRuns.map((run) => ({ boxed: [run.section], diagnostics: run.diagnostics })), (run, runs) => report([], run.boxed[0] ?? null, run.diagnostics, opts, runs));
  }

  const runs = runStarts.map((start, i) => ({
    boxed: boxed.slice(start.boxed, runStarts[i + 1]?.boxed ?? boxed.length),
    diagnostics: diagnostics.slice(start.diagnostics, runStarts[i + 1]?.diagnostics ?? diagnostics.length),
  }));
  if (runs.length > 1) {
    // Loose lines before the first box belong to the first run.
    return pickRun(runs, (run, picked) => report(run.boxed, picked.Kept === 1 ? leading : null, run.diagnostics, opts, picked));
  }
  return report(boxed, leading, diagnostics, opts);
}

const DEVICE_STATE = 'Device State';

interface Run { boxed: DsregSection[]; diagnostics: PrtDiagnostics[] }

/** Judges one run: the latest by its Client Time when every run shows one, else the last pasted. */
function pickRun(runs: readonly Run[], reportOf: (run: Run, picked: NonNullable<DsregReport['Runs']>) => DsregReport): DsregReport {
  const times = runs.map((run) => clientTimeOf(run.boxed));
  const byTime = times.every((t): t is number => t !== null);
  const kept = byTime ? times.indexOf(Math.max(...times)) : runs.length - 1;
  const run = runs[kept] ?? { boxed: [], diagnostics: [] };
  return reportOf(run, { Count: runs.length, Kept: kept + 1, By: byTime ? 'ClientTime' : 'Order' });
}

function report(boxed: DsregSection[], leading: DsregSection | null, diagnostics: PrtDiagnostics[], opts: ParseOptions, runs?: DsregReport['Runs']): DsregReport {
  const loose = leading === null ? [] : fileUnboxed(leading, boxed);
  const sections = [...loose, ...boxed];
  return {
    Sections: sections,
    WorkAccounts: sections.filter((s) => WORK_ACCOUNT.test(normaliseName(s.Name))),
    Diagnostics: diagnostics,
    LooseSections: loose.filter((s) => s.Name !== '').map((s) => s.Name),
    Encoding: opts.encoding,
    ...(runs ? { Runs: runs } : {}),
  };
}

/** A run's `Client Time` (Diagnostic Data) in epoch ms, or null. */
function clientTimeOf(sections: readonly DsregSection[]): number | null {
  const field = sections.flatMap((s) => s.Fields).find((f) => normaliseName(f.Name) === 'client time');
  const iso = field ? parseDsregTime(field.Value) : null;
  return iso === null ? null : Date.parse(iso);
}

/**
 * Files the field lines that stood before any box under the sections they belong to, in runs:
 * a field of another section starts a new run, a field dsregcmd does not print stays with the
 * run it stands in. A section the capture also shows as a box is not invented twice: such runs
 * (and a preamble of unknown lines) keep the empty name.
 */
function fileUnboxed(leading: DsregSection, boxed: readonly DsregSection[]): DsregSection[] {
  const boxedNames = new Set(boxed.map((s) => normaliseName(s.Name)));
  const runs: DsregSection[] = [];
  let run: DsregSection | null = null;
  for (const field of leading.Fields) {
    const home = homeSectionOf(field.Name);
    const name = home === null || boxedNames.has(normaliseName(home)) ? null : home;
    if (run === null || (name !== null && run.Name !== name)) {
      run = { Name: name ?? '', Fields: [] };
      runs.push(run);
    }
    run.Fields.push(field);
  }
  return mergeSameName(runs);
}

/** Two runs of the same section (a paste that repeats a line) become one. */
function mergeSameName(runs: DsregSection[]): DsregSection[] {
  const out: DsregSection[] = [];
  for (const run of runs) {
    const same = run.Name === '' ? undefined : out.find((s) => s.Name === run.Name);
    if (same) same.Fields.push(...run.Fields);
    else out.push(run);
  }
  return out;
}

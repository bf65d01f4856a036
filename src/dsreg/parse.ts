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
 * - an unboxed paste of SSO State lines (an `AzureAdPrt` line and what follows it).
 *
 * What it refuses, with a PrtError (exit code 3) naming the source:
 * - `EmptyCapture`: nothing but whitespace;
 * - `TruncatedCapture`: a section box starts but the text ends before any field of any
 *   section (cut inside the first box, or right after its header);
 * - `NotDsregcmdOutput`: no boxed section and no PRT line, or only boxes dsregcmd never prints.
 */
import { badInput } from '../errors.js';
import type { DiagnosticsKind, DsregField, DsregReport, DsregSection, PrtDiagnostics, PrtKind } from './types.js';
import { meaningfulValue, normaliseName, parseDsregTime, parseHexStatus, parseIntOrNull } from './values.js';

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
  ['user identity', (d, v) => (d.UserIdentity = meaningfulValue(v))],
  ['credential type', (d, v) => (d.CredentialType = meaningfulValue(v))],
  ['correlation id', (d, v) => (d.CorrelationId = meaningfulValue(v))],
  ['endpoint uri', (d, v) => (d.EndpointUri = meaningfulValue(v))],
  ['http method', (d, v) => (d.HttpMethod = meaningfulValue(v))],
  // Kept as printed: it may be hex (`0x80072ee2`) or a WinHTTP decimal; decode with parseHexStatus.
  ['http error', (d, v) => (d.HttpError = meaningfulValue(v))],
  ['http status', (d, v) => (d.HttpStatus = parseIntOrNull(v))],
  ['server error code', (d, v) => (d.ServerErrorCode = meaningfulValue(v))],
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
  name = name.replace(/[\s:]+$/, '').trim();
  if (name === '') return null;
  return { name, value: value.trim() };
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

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
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

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;

    if (BORDER.test(line)) {
      sawBorder = true;
      box = box === 'header' ? 'none' : 'top';
      continue;
    }
    const header = HEADER.exec(line);
    if (header !== null) {
      current = { Name: header[1]!, Fields: [] };
      boxed.push(current);
      // A header without a top border (a paste that lost it) is taken as a closed box.
      box = box === 'top' ? 'header' : 'none';
      lastPrt = null;
      block = null;
      continue;
    }

    const split = splitField(line);
    if (split === null) continue;
    let target: DsregSection;
    if (current === null) {
      if (!LABEL.test(split.name)) continue;
      leading ??= { Name: '', Fields: [] };
      target = leading;
    } else {
      target = current;
      box = 'none';
    }
    const field: DsregField = { Name: split.name, Value: split.value, Line: i + 1 };
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
    }
  }

  const boxedFields = boxed.reduce((n, s) => n + s.Fields.length, 0);
  if (boxed.length === 0) {
    if (prtLines === 0) {
      if (sawBorder) {
        throw badInput('TruncatedCapture', `${src} is a truncated dsregcmd capture: a section box opens but the text ends before the section's name.`);
      }
      throw badInput('NotDsregcmdOutput', `${src} is not dsregcmd output: no boxed section such as \`| Device State |\` and no \`AzureAdPrt\` line.`);
    }
  } else if (prtLines === 0) {
    if (!boxed.some((s) => isKnownSection(s.Name))) {
      const names = boxed.slice(0, 3).map((s) => `\`| ${s.Name} |\``).join(', ');
      throw badInput('NotDsregcmdOutput', `${src} is not dsregcmd output: its sections (${names}${boxed.length > 3 ? ', …' : ''}) are none that dsregcmd prints, and it has no \`AzureAdPrt\` line.`);
    }
    if (boxedFields === 0) {
      const first = boxed[0]!.Name;
      const where = box === 'header' ? `inside the box of \`| ${first} |\`` : `after the \`| ${first} |\` header`;
      throw badInput('TruncatedCapture', `${src} is a truncated dsregcmd capture: it ends ${where}, before any field.`);
    }
  }

  const sections = boxed;
  if (leading !== null) {
    // An unboxed paste of PRT lines is the SSO State, unless the capture has that box too.
    const isSso = leading.Fields.some((f) => PRT_LINES.has(normaliseName(f.Name))) && !boxed.some((s) => normaliseName(s.Name) === 'sso state');
    if (isSso) leading.Name = 'SSO State';
    sections.unshift(leading);
  }
  return {
    Sections: sections,
    WorkAccounts: sections.filter((s) => WORK_ACCOUNT.test(normaliseName(s.Name))),
    Diagnostics: diagnostics,
    Encoding: opts.encoding,
  };
}

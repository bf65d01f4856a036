import type { ExplainResult } from './types.js';
import { decodeCode } from './decode.js';
import { isExplainError } from './types.js';
import { registry } from './registry.js';
import { hex8 } from './bits.js';
import { isWinhttpNumber } from './classify.js';
import { readMiscountedHex } from './miscounted.js';
import { identityOf } from './same-error.js';

/**
 * Codes pulled out of free text: a ticket, a chat, an OCR'd screenshot, a dsregcmd paste, an
 * Event Viewer paste. Each code is explained once, with every place it stood, and the list is
 * ordered cause first: the server's reason before the network or device error, before the
 * token broker's wrapper, before the client status that only says "it failed".
 */

/** Where in the chain a code sits; the order of this list is the order of the answer. */
export const ROLES = ['ServerCause', 'ServerCategory', 'Transport', 'Device', 'TokenBroker', 'ClientStatus'] as const;
export type Role = (typeof ROLES)[number];

export interface Sighting {
  /** 1-based line number in the text. */
  Line: number;
  /** The field the code stood in (`Attempt Status`, `Server Error Description`, `Error`…), or null. */
  Label: string | null;
  /** The spelling as written. */
  Written: string;
}

export interface TextCode {
  Role: Role;
  Code: string;
  FoundAt: Sighting[];
  /** What this text adds to the code's meaning (a wrapper, the inner cause, the context). */
  Notes: string[];
  Explanation: ExplainResult;
}

export interface TextExplanation {
  Source: string;
  CodeCount: number;
  Codes: TextCode[];
}

interface Hit {
  line: number;
  column: number;
  written: string;
  /** What decodeCode gets (may differ from the spelling: `HTTP 400` → its token broker code). */
  input: string;
  label: string | null;
  httpStatus?: number;
  /** Why the code read differs from what was written (a miscounted hex, a bare server number). */
  note?: string;
  /** The HRESULT a .NET exception header carries (`SqlException (0x80131904):`): it names the type more often than the cause. */
  exceptionType?: boolean;
}

const MAX_LABEL_WORDS = 6;
const SMALLEST_UNLABELLED_HEX = 0x100;
const SMALLEST_SIGNED_STATUS = -0x80000000;
/** Entra sign-in codes written without AADSTS (`error status 500133`, `from server: [50055]`) start above every Win32 code. */
const SMALLEST_BARE_SERVER_CODE = 16_000;
const isKnownServerCode = (value: number): boolean => registry().byAadsts.has(value);
const LARGEST_SIGNED_STATUS = -0x10000000;

// Masked before matching, so that their digits never read as codes: GUIDs (also redacted ones
// with x), URLs, dates, clock times, version and IP numbers, and hex runs longer than 8 digits
// (thumbprints, key ids).
const NOISE: readonly RegExp[] = [
  /[0-9a-fx]{8}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{12}/gi,
  /\bhttps?:\/\/[^\s"'<>)\]]+/gi,
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?/g,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[AP]M)?\b/gi,
  /\b\d+(?:\.\d+){2,}\b/g,
  /\b(?=[0-9a-f]*[a-f])[0-9a-f]{9,}\b/gi,
  /\b\d{11,}\b/g,
];

const mask = (line: string): string => {
  let masked = line;
  for (const pattern of NOISE) masked = masked.replace(pattern, (m) => ' '.repeat(m.length));
  return masked;
};

/** `<Data Name='ProcessId'>0x32c` or `<SubjectLogonId>0x4a1f2`: the XML field a value is in. */
const XML_FIELD = /<(?:Data\s+Name=['"]([\w.-]+)['"]|(?:[\w.-]+:)?([\w.-]+))[^<>]*>\s*$/;
/** SOAP fault wrappers (`<s:Text xml:lang="en-US">ID3242: …`): the field is what stands before the element. */
const XML_WRAPPER = /^(?:Text|Value|Reason)$/i;

/** The `Name :` (or `Name:`) that the code is the value of, searching back on its line. */
const labelBefore = (line: string, column: number): string | null => {
  const xml = XML_FIELD.exec(line.slice(0, column));
  if (xml) {
    const name = xml[1] ?? xml[2] ?? null;
    return name !== null && XML_WRAPPER.test(name) && xml[1] === undefined ? labelBefore(line, xml.index) : name;
  }
  const segments = line.slice(0, column).split(':');
  for (let i = segments.length - 2; i >= 0; i--) {
    // The label is the tail of the segment after the last separator of a previous field.
    // `code(s)` is one word, not a bracket that ends the label.
    const tail = (segments[i] ?? '').replace(/\((e?s)\)/g, '$1').split(/[,;|()[\]{}"]|\.\s|\\[rn]/).pop()?.replace(/^[\s*>#-]+|[\s*]+$/g, '') ?? '';
    if (!tail) continue;
    if (CODE_LIKE.test(tail) || /^\d/.test(tail) || /^https?$/i.test(tail)) continue;
    // Field names are words: a dotted exception type or a sentence is not a label.
    if (!/^[A-Za-z][\w '/-]*$/.test(tail) || tail.split(/\s+/).length > MAX_LABEL_WORDS) return null;
    return tail;
  }
  return null;
};

/** After a code: no more word characters, and a dot only where a sentence ends (`…with 0xc000006d.`), not inside a version number (`0x1.2`). */
const CODE_END = String.raw`(?!\w|\.\w)`;
const PREFIXED_HEX = new RegExp(String.raw`(?<![\w.])0x([0-9a-f]{1,9})${CODE_END}`, 'gi');
const OCR_HEX = new RegExp(String.raw`(?<![\w.])[Oo]x([0-9a-f]{8})${CODE_END}`, 'gi');
const BARE_STATUS_HEX = new RegExp(String.raw`(?<![\w.-])([89cd][0-9a-f]{7})(?!-)${CODE_END}`, 'gi');
const BARE_SHORT_STATUS_HEX = new RegExp(String.raw`(?<![\w.-])([89cd][0-9a-f]{6})(?!-)${CODE_END}`, 'gi');
const LABELLED_DECIMAL = new RegExp(String.raw`(?<![\w.:-])(\d{3,10})(?!:)${CODE_END}`, 'g');
const CODE_LIKE = /^(?:AADSTS\d+|MSIS\d+|ID\d{4}|0x[0-9a-f]+)$/i;
const ERRORISH_LABEL = /error|status|result|code|hresult|failure|failed/i;
/** Fields whose hex values are ids, handles or bit masks (Logon ID: 0x3E7, ProcessId 0x32c). */
const ID_LABEL = /(?:\bI[Dd]|[a-z]Id|\bid)$/;
/** `Tag` is MSAL's code-location tag (`Tag: 0x21420087`), not an error. */
const MASK_OR_HANDLE_LABEL = /\b(?:keywords|flags|mask|handle|address|offset|pid|tid|luid|sid|tag)\b/i;
const isNotACodeLabel = (label: string): boolean => (ID_LABEL.test(label) || MASK_OR_HANDLE_LABEL.test(label)) && !ERRORISH_LABEL.test(label);
const HTTP_STATUS_LABEL = /\bhttps?\b.*\b(?:status|error)\b|\bstatus code\b/i;
/** Prose that names what follows as an error: `error code 80180026`, `failed with error 12029`, `status c000006d`. */
const ERROR_WORDS_BEFORE = /\b((?:error|status|hresult|result)(?:\s+code)?)\s*(?:is\s+|of\s+|=\s*|#\s*)?$/i;
/** The same for an HTTP status retyped without its colon (`Http request status 400`, as event 1025 words it). */
const HTTP_WORDS_BEFORE = /\b(https?(?:\s+(?:request|response))?\s+(?:status|error)(?:\s+code)?)\s*(?:is\s+|of\s+|=\s*|#\s*)?$/i;
const JSON_ERROR_CODES = /"error_codes"\s*:\s*\[([\d,\s]+)\]/g;
/** A 32-bit code written as a 64-bit value: sign-extended (`0xffffffff80070520`) or zero-extended. */
const WIDENED_HEX = new RegExp(String.raw`(?<![\w.])0x(?:(f{8})|0{8})([0-9a-f]{8})${CODE_END}`, 'gi');
const EXCEPTION_TYPE_BEFORE = /\b\w*Exception\s*\(\s*$/;

/** Every candidate on one line, with its column (so that nested codes keep their order). */
function hitsOnLine(raw: string, lineNumber: number): Hit[] {
  const line = mask(raw);
  const hits: Hit[] = [];
  const add = (column: number, written: string, input: string, extra: Partial<Hit> = {}) => {
    const fieldLabel = extra.label !== undefined ? extra.label : labelBefore(raw, column);
    // A number in an id, handle or mask field is not an error, whatever it looks like, unless error
    // words stand right before it (`Tag: 0x21420087 (error code -2147023584)`).
    const label = fieldLabel && isNotACodeLabel(fieldLabel) ? (ERROR_WORDS_BEFORE.exec(line.slice(0, column))?.[1] ?? null) : fieldLabel;
    if (fieldLabel && label === null) return;
    hits.push({ line: lineNumber, column, written, input, ...extra, label });
  };

  for (const m of line.matchAll(/\bAADSTS\s?(\d{4,7})\b/gi)) add(m.index, m[0], `AADSTS${m[1] ?? ''}`);
  for (const m of line.matchAll(/\bMSIS\s?(\d{4})\b/gi)) add(m.index, m[0], `MSIS${m[1] ?? ''}`);
  for (const m of line.matchAll(/\bID(\d{4})\b(:)?/g)) {
    const id = `ID${m[1] ?? ''}`;
    if (m[2] || registry().byText.has(id)) add(m.index, id, id);
  }
  for (const m of line.matchAll(PREFIXED_HEX)) {
    const miscounted = readMiscountedHex(m[0]);
    if (miscounted === 'unreadable') continue;
    if (miscounted !== null) {
      add(m.index, m[0], miscounted.code, { note: miscounted.note });
      continue;
    }
    const value = Number.parseInt(m[1] ?? '', 16);
    if (value === 0) continue;
    const label = labelBefore(raw, m.index);
    if (value < SMALLEST_UNLABELLED_HEX && !(label && ERRORISH_LABEL.test(label))) continue;
    add(m.index, m[0], m[0], EXCEPTION_TYPE_BEFORE.test(line.slice(0, m.index)) ? { exceptionType: true } : {});
  }
  // The long hex is masked as noise (a thumbprint's shape): its widened forms are read from the raw line.
  for (const m of raw.matchAll(WIDENED_HEX)) {
    const low = m[2] ?? '';
    if (m[1] !== undefined && Number.parseInt(low, 16) < 0x80000000) continue;
    if (Number.parseInt(low, 16) === 0) continue;
    add(m.index, m[0], `0x${low}`, { note: `${m[0]} is a 64-bit value (${m[1] !== undefined ? 'sign' : 'zero'}-extended); the code is its low 32 bits, 0x${low.toLowerCase()}.` });
  }
  // OCR of a screenshot reads the 0 of 0x as a letter O: eight hex digits after it are a status.
  for (const m of line.matchAll(OCR_HEX)) add(m.index, m[0], `0x${m[1] ?? ''}`);
  // Bare 8-digit hex as Windows prints statuses (c000006d, 80072ee2, caa5001c): error shapes
  // only (first digit 8, C, D), and only a code we know or one in an error field; anything else
  // is more likely an id.
  for (const m of line.matchAll(BARE_STATUS_HEX)) {
    const label = labelBefore(raw, m.index);
    const hex = `0x${m[1] ?? ''}`;
    const decoded = decodeCode(hex);
    const known = !isExplainError(decoded) && decoded.Known;
    if (!known && !(label && ERRORISH_LABEL.test(label)) && !ERROR_WORDS_BEFORE.test(line.slice(0, m.index))) continue;
    add(m.index, m[0], hex);
  }
  // The same shape with a digit short (`Error CA20002`): only in an error field or after error
  // words, and only as the one known code a typing slip away.
  for (const m of line.matchAll(BARE_SHORT_STATUS_HEX)) {
    const label = labelBefore(raw, m.index);
    if (!(label && ERRORISH_LABEL.test(label)) && !ERROR_WORDS_BEFORE.test(line.slice(0, m.index))) continue;
    const reading = readMiscountedHex(`0x${m[1] ?? ''}`, m[0]);
    if (reading !== null && reading !== 'unreadable') add(m.index, m[0], reading.code, { note: reading.note });
  }
  for (const m of line.matchAll(/(?<![\w.-])-(\d{9,10})(?![\d.])/g)) {
    const value = -Number(m[1]);
    if (value >= SMALLEST_SIGNED_STATUS && value <= LARGEST_SIGNED_STATUS) add(m.index, m[0], m[0]);
  }
  // Decimals that only count as codes when a field says so.
  for (const m of line.matchAll(LABELLED_DECIMAL)) {
    // In prose (`failed with error 12029`) the words before stand in for a field name.
    const before = line.slice(0, m.index);
    const label = labelBefore(raw, m.index) ?? HTTP_WORDS_BEFORE.exec(before)?.[1] ?? ERROR_WORDS_BEFORE.exec(before)?.[1] ?? null;
    if (!label) continue;
    const value = Number(m[1]);
    if (HTTP_STATUS_LABEL.test(label) && value >= 300 && value <= 599) {
      add(m.index, m[0], hex8((0xcaa30000 + value) >>> 0), { httpStatus: value });
    } else if (!/http/i.test(label) && ERRORISH_LABEL.test(label)) {
      if (isWinhttpNumber(value)) add(m.index, m[0], m[0]);
      else if (value > 0x7fffffff && value <= 0xffffffff) add(m.index, m[0], m[0]);
      else if (value >= SMALLEST_BARE_SERVER_CODE && isKnownServerCode(value)) {
        add(m.index, m[0], `AADSTS${value}`, { note: `The number ${value} was read as the sign-in code AADSTS${value}: the words before call it an error, Windows codes in decimal are below ${SMALLEST_BARE_SERVER_CODE} or above 2147483647, and that sign-in code exists.` });
      }
    }
  }
  for (const m of line.matchAll(JSON_ERROR_CODES)) {
    for (const n of (m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) add(m.index, n, `AADSTS${n}`, { label: 'error_codes' });
  }
  // Symbolic names and word codes the knowledge base knows (unknown words are not codes).
  for (const m of line.matchAll(/\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g)) {
    if (registry().bySymbol.has(m[1] ?? '')) add(m.index, m[0], m[0]);
  }
  for (const m of line.matchAll(/\b([a-z]+(?:_[a-z]+)+|[A-Z][a-z]+(?:[A-Z][a-z]+)*Error)\b/g)) {
    const known = registry().byText.get((m[1] ?? '').toUpperCase());
    if (known && known.Text === m[1]) add(m.index, m[0], m[0]);
  }
  return hits;
}

const roleOf = (r: ExplainResult, hit: Hit): Role => {
  if (hit.httpStatus !== undefined) return 'Transport';
  switch (r.Family) {
    case 'AADSTS':
    case 'AD FS':
      return 'ServerCause';
    case 'OAuth':
      return 'ServerCategory';
    case 'DSREG':
      return r.Hex === null ? 'ServerCategory' : 'ClientStatus';
    case 'WinHTTP':
      return 'Transport';
    case 'TPM':
      return 'Device';
    case 'Web account/ADAL': {
      const facility = r.Facility ?? 0;
      return facility === 0xaa3 || facility === 0xaa7 || facility === 0xaa8 ? 'Transport' : 'TokenBroker';
    }
    case 'HRESULT': {
      const u = r.Unsigned ?? 0;
      if (u >>> 16 === 0x8007 && isWinhttpNumber(u & 0xffff)) return 'Transport';
      if (u >>> 16 === 0x8009) return 'Device';
      return 'ClientStatus';
    }
    default:
      return 'ClientStatus';
  }
};



const DEVICE_CONTEXT = /AzureAdPrt|Attempt Status|dsregcmd|CloudAP|\bPRT\b|TokenBroker|Token broker|\bWAM\b|Device authentication|device is not authenticated|DeviceAuthStatus|Microsoft-Windows-AAD|Event ID:\s*10\d\d/i;
const DEVICE_AADSTS = new Set([50155, 135011, 50097, 50187, 50127]);

export function explainText(text: string, source: string): TextExplanation {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // In reading order, so that a code's first spelling is the one shown.
  const hits = lines.flatMap((line, i) => hitsOnLine(line, i + 1).sort((a, b) => a.column - b.column));

  interface Group { result: ExplainResult; role: Role; first: Hit; last: Hit; sightings: Sighting[]; notes: string[]; exceptionType: boolean }
  const groups = new Map<string, Group>();
  for (const hit of hits) {
    const decoded = decodeCode(hit.input);
    if (isExplainError(decoded)) continue;
    const key = identityOf(decoded);
    const sighting: Sighting = { Line: hit.line, Label: hit.label, Written: hit.written };
    const group = groups.get(key);
    if (group) {
      if (!group.sightings.some((s) => s.Line === sighting.Line && s.Written === sighting.Written)) group.sightings.push(sighting);
      group.last = hit;
      continue;
    }
    const result = { ...decoded, Input: hit.written };
    const notes: string[] = [];
    if (hit.httpStatus !== undefined) notes.push(`HTTP status ${hit.httpStatus}, explained through the token broker's code for it (${hit.input}).`);
    if (hit.note !== undefined) notes.push(hit.note);
    if (hit.exceptionType === true) notes.push('The HRESULT of a .NET exception header: most exception types carry one fixed value, which names the type, not the cause; the codes in its message come first.');
    groups.set(key, { result, role: roleOf(result, hit), first: hit, last: hit, sightings: [sighting], notes, exceptionType: hit.exceptionType === true });
  }

  const all = [...groups.values()];
  addNestingNotes(all.map((g) => ({ ...g, hit: g.first })), lines);
  addContextNotes(all, DEVICE_CONTEXT.test(text));

  const position = (h: Hit) => h.line * 100_000 + h.column;
  const wrappers = wrappingServerCodes(all, hits);
  all.sort((a, b) => {
    const byRole = ROLES.indexOf(a.role) - ROLES.indexOf(b.role);
    if (byRole !== 0) return byRole;
    if (a.exceptionType !== b.exceptionType) return Number(a.exceptionType) - Number(b.exceptionType);
    // A server message names its own reason after itself ("AADSTS70002: … AADSTS50155: …"):
    // the wrapper goes after the codes it wraps.
    if (a.role === 'ServerCause') return Number(wrappers.has(a)) - Number(wrappers.has(b)) || position(a.first) - position(b.first);
    // The token broker logs the outer code first and the operation's own error after it (1098).
    if (a.role === 'TokenBroker') return position(b.first) - position(a.first);
    return position(a.first) - position(b.first);
  });
  pullReferencedFirst(all);

  const codes = all.map((g): TextCode => ({
    Role: g.role,
    Code: g.result.Input,
    FoundAt: g.sightings,
    Notes: g.notes,
    Explanation: g.result,
  }));
  return { Source: source, CodeCount: codes.length, Codes: codes };
}

/** Server codes followed, on some line, by another server code: they wrap it. */
function wrappingServerCodes<G extends { result: ExplainResult; role: Role }>(groups: G[], hits: Hit[]): Set<G> {
  const byHit = new Map<Hit, G>();
  for (const hit of hits) {
    const decoded = decodeCode(hit.input);
    if (isExplainError(decoded)) continue;
    const group = groups.find((g) => identityOf(g.result) === identityOf(decoded));
    if (group?.role === 'ServerCause') byHit.set(hit, group);
  }
  const wrappers = new Set<G>();
  for (const [hit, group] of byHit) {
    if ([...byHit].some(([other, g]) => g !== group && other.line === hit.line && other.column > hit.column)) wrappers.add(group);
  }
  return wrappers;
}

/** "AADSTS70002: … AADSTS50155: …" on one line: the later code is the reason for the earlier. */
function addNestingNotes(groups: { result: ExplainResult; role: Role; notes: string[]; hit: Hit }[], lines: string[]): void {
  const server = groups.filter((g) => g.role === 'ServerCause');
  for (const outer of server) {
    const inner = server.filter((g) => g !== outer && g.hit.line === outer.hit.line && g.hit.column > outer.hit.column);
    if (inner.length === 0) continue;
    const names = inner.map((g) => g.result.Input).join(', ');
    outer.notes.push(`In this text ${outer.result.Input} is followed by ${names} in the same message: the later code is the reason, so it is explained first.`);
    for (const g of inner) g.notes.push(`Given as the reason inside ${outer.result.Input} (line ${outer.hit.line}: ${quoteLine(lines[outer.hit.line - 1])}).`);
  }
}

/** A line of the text inside a note: trimmed, shortened, without control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const quoteLine = (line: string | undefined): string => (line ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim().slice(0, 120);

/** 70002 means two things: say which one this text is about. */
function addContextNotes(groups: { result: ExplainResult; notes: string[] }[], deviceText: boolean): void {
  const invalidClient = groups.find((g) => g.result.Family === 'AADSTS' && g.result.Code === 70002);
  if (!invalidClient) return;
  const deviceCode = groups.some((g) => g.result.Family === 'AADSTS' && DEVICE_AADSTS.has(g.result.Code ?? -1));
  if (deviceText || deviceCode) {
    invalidClient.notes.push('This text is about a device sign-in: here AADSTS70002 does not mean that an application\'s client secret is wrong; the AADSTS code after it names the reason.');
  } else {
    invalidClient.notes.push('Nothing in this text says whether this is a device sign-in or an application\'s own request: for an application, the client secret or assertion was refused; for a device sign-in (PRT), look for the AADSTS code that follows 70002.');
  }
}

/**
 * The knowledge base's own chain, within one role: a code that another one points to as its next
 * link comes first. (Across roles the layering above already decides, and Related also holds
 * links that point outwards, such as a server code's usual client status.)
 */
function pullReferencedFirst(groups: { result: ExplainResult; role: Role }[]): void {
  // A catalog link ("see the AADSTS codes") names a family, and another family is another role.
  const refersTo = (a: ExplainResult, b: ExplainResult): boolean => a.Related.some((ref) => ref.Kind === 'Code' && sameCode(ref.Code, b));
  for (let pass = 0; pass < groups.length; pass++) {
    let moved = false;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const first = groups[i];
        const later = groups[j];
        if (!first || !later || first.role !== later.role) continue;
        if (refersTo(first.result, later.result) && !refersTo(later.result, first.result)) {
          groups.splice(j, 1);
          groups.splice(i, 0, later);
          moved = true;
        }
      }
    }
    if (!moved) return;
  }
}

const sameCode = (code: string, r: ExplainResult): boolean => {
  const decoded = decodeCode(code);
  return !isExplainError(decoded) && decoded.Id !== null && decoded.Id === r.Id;
};

/** For the human summary: the family and role words an admin reads. */
export const roleTitle: Readonly<Record<Role, string>> = {
  ServerCause: 'server reason',
  ServerCategory: 'server error category',
  Transport: 'network or HTTP',
  Device: 'TPM or key storage',
  TokenBroker: 'token broker',
  ClientStatus: 'client status',
};


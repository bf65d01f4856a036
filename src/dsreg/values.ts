/**
 * Small pure helpers to find and read dsregcmd fields. The parser keeps values exactly as
 * printed; these turn them into data (booleans, ISO times, hex codes) at the point of use.
 */
import type { DsregField, DsregReport, DsregSection } from './types.js';
import { hex8 } from '../util/status-code.js';

/**
 * The key two field or section names are compared by: case-insensitive, spaces trimmed and
 * collapsed, because spelling varies between builds (`HTTP status` / `HTTP Status`).
 */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The first section with that name (`findSection(report, 'sso state')` works too). */
export function findSection(report: DsregReport, name: string): DsregSection | undefined {
  const key = normaliseName(name);
  return report.Sections.find((s) => normaliseName(s.Name) === key);
}

/**
 * The first field with that name in the section. Names can repeat in one section (two
 * diagnostics blocks both have `Attempt Status`): use `report.Diagnostics` for those.
 */
export function findField(section: DsregSection | undefined, name: string): DsregField | undefined {
  if (section === undefined) return undefined;
  const key = normaliseName(name);
  return section.Fields.find((f) => normaliseName(f.Name) === key);
}

/**
 * The first field with that name in any section, for fields whose home moved between builds
 * (early Windows 10 printed `AzureAdPrt` under User State, later builds under SSO State).
 */
export function findFieldInReport(report: DsregReport, name: string): DsregField | undefined {
  for (const section of report.Sections) {
    const field = findField(section, name);
    if (field !== undefined) return field;
  }
  return undefined;
}

/**
 * A field's value when it says something: null when the field is missing, empty, or
 * `UNKNOWN` (dsregcmd's word for "could not read it"). Every other value is returned trimmed and
 * unchanged — `NO` where a URL is expected, `NONE`, `NOT SET`, `ERROR [UNKNOWN_ERROR]` are
 * information, not absence. The raw text is always on `findField(...).Value`.
 */
export function fieldValue(section: DsregSection | undefined, name: string): string | null {
  const field = findField(section, name);
  return field === undefined ? null : meaningfulValue(field.Value);
}

/** `meaningfulValue`, and null for a redacted value (`[GUID]`, `***`): what typed fields hold. */
export function dataValue(value: string | null | undefined): string | null {
  return isRedacted(value) ? null : meaningfulValue(value);
}

/** The `fieldValue` rule applied to a raw value: empty or `UNKNOWN` → null, else trimmed. */
export function meaningfulValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (v === '' || v.toUpperCase() === 'UNKNOWN') return null;
  return v;
}

/**
 * `YES` → true, `NO` → false, judged by the first word so `YES ( StateReady )` is true.
 * Anything else (`UNKNOWN`, `PASS`, empty) → null: only dsregcmd's yes/no fields are booleans.
 */
export function parseYesNo(value: string | null | undefined): boolean | null {
  if (value === null || value === undefined) return null;
  const m = /^\s*(YES|NO)\b/i.exec(value);
  if (m === null) return null;
  return m[1]?.toUpperCase() === 'YES';
}

const DSREG_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?\s*(?:UTC|Z)?$/i;

/**
 * `2020-07-12 22:57:53.000 UTC` → `2020-07-12T22:57:53.000Z`. dsregcmd prints UTC; the
 * millis and the `UTC` suffix are optional (tickets lose them). Impossible dates
 * (`2020-02-30`) and anything else → null.
 */
export function parseDsregTime(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const m = DSREG_TIME.exec(value.trim());
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = Number((m[7] ?? '0').padEnd(3, '0'));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 2020-02-30 over to March: a changed component means the input was impossible.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    return null;
  }
  return date.toISOString();
}

/**
 * A status code in any spelling → lowercase 8-digit `0x` hex, so one code compares equal to
 * itself: `0xC000006D`, `-1073741715` (signed) and `3221225581` (unsigned) all give
 * `0xc000006d`. A code inside text (`ERROR (0xd0020017)`) is found; when there are several
 * (`FAIL [0x801c0021/0x80072ee2]`) the first one is returned. Anything else → null.
 */
export function parseHexStatus(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (/^[-+]?\d+$/.test(v)) {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < -0x80000000 || n > 0xffffffff) return null;
    return hex8(n);
  }
  const m = /(?:^|[^0-9a-z])0x([0-9a-f]{1,8})(?![0-9a-z])/i.exec(v);
  if (m === null) return null;
  return hex8(parseInt(m[1] ?? '', 16));
}


/**
 * A decimal integer at the start of the value (`400`, `-5`, `400 Bad Request`) → number;
 * anything else, or an integer too large to be exact → null.
 */
export function parseIntOrNull(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const m = /^\s*([-+]?\d+)(?:\s|$)/.exec(value);
  if (m === null) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The value when it is an http(s) URL, else null: dsregcmd prints `NO` or nothing where a URL
 * (an authority, an MDM URL) is expected.
 */
export function parseUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  return /^https?:\/\/\S+$/i.test(v) ? v : null;
}

/**
 * Placeholders people put in a capture before they share it: `[Date]`, `[GUID]`, `[TenantId]`,
 * `[REDACTED_GUID]`, `{UPN}`, `<redacted>`, `<date>`, `***`, `#####`, `xxxx` runs (`96fa76d0-xxxx-…`, `MyPC.xxxx.com`, `2024-xx-xx`).
 * dsregcmd's own bracketed words (`ERROR [UNKNOWN_ERROR]`) and ranges (`[ 2019-… -- … ]`) are not.
 */
const REDACTION_MARKS: readonly RegExp[] = [
  /\[(?!UNKNOWN)[A-Za-z][A-Za-z0-9 ._-]{0,40}\]/,
  /\{(?!\s)[A-Za-z][A-Za-z ._-]{0,40}\}/,
  /<(?:redacted|removed|hidden|masked|snip(?:ped)?|[a-z ]*(?:tenant|user|upn|guid|domain|device|name|email|id|date|time)[a-z ]*)>/i,
  /\*{3,}/,
  /#{3,}/,
  // A run of x standing alone: letters of any script around it make it part of a name (`XXX京a`).
  /(?:^|[^\p{L}\p{N}])x{3,}(?=[^\p{L}\p{N}]|$)/iu,
  /^(?:redacted|removed|hidden|masked|anonymi[sz]ed)$/i,
  // An id cut short by hand: `e37ec551...`, `5b2d-…`.
  /^[0-9a-f][0-9a-f-]{3,}(?:\.{3}|…)$/i,
];
/** GUIDs and dates (`96fa76d0-xxxx-…`, `2024-xx-xx`): redacted when some of their digits were replaced by x. */
const X_FOR_DIGITS: readonly RegExp[] = [
  /[0-9a-fx]{8}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{12}/i,
  /\b[0-9x]{4}-[0-9x]{2}-[0-9x]{2}\b/i,
];

/** True when the value carries a redaction placeholder (the value is then not data). */
export function isRedacted(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  return REDACTION_MARKS.some((mark) => mark.test(value)) || X_FOR_DIGITS.some((shape) => /x/i.test(shape.exec(value)?.[0] ?? ''));
}

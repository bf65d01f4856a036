/**
 * Parsers of the stock Windows tools the device checks read: text in, facts out, no I/O. Each
 * throws a DeviceParseError when the text is not what the tool prints (a localized Windows, a
 * changed format); the host turns that into an Unknown with the reason.
 */
import type { CdjAadFact, CertificateFact, ClockFact, DomainControllerFact, JoinTaskFact, TpmFact } from './facts.js';

export class DeviceParseError extends Error {}

const lines = (text: string) => text.split(/\r?\n/);

/** `12/7/2024 6:16 AM` (US, with AM/PM), `07.12.2024 06:16`, `07/12/2024 06:16`, `2024-12-07 06:16`: the device's local time, read as UTC (a few hours off at most). */
export function parseToolTime(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?/i.exec(text);
  let parts: [number, number, number, number, number, number] | null = null;
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
  else if (dmy) {
    const meridiem = dmy[7]?.toUpperCase();
    // With AM/PM the culture is en-US (month first); without it, day first (most other cultures).
    const [month, day] = meridiem ? [Number(dmy[1]), Number(dmy[2])] : [Number(dmy[2]), Number(dmy[1])];
    let hour = Number(dmy[4]);
    if (meridiem === 'PM' && hour < 12) hour += 12;
    if (meridiem === 'AM' && hour === 12) hour = 0;
    parts = [Number(dmy[3]), month, day, hour, Number(dmy[5]), Number(dmy[6] ?? 0)];
  }
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls an impossible value over (31.02 into March, month 13 into the next year, hour 24 into
  // the next day): a changed month or day means the tool did not print a real time.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || minute > 59 || second > 59) return null;
  return date.toISOString();
}

const CERTIFICATE_HEADER = String.raw`=+\s*Certificate\s+\d+\s*=+`;
const certificateHeader = new RegExp(`^${CERTIFICATE_HEADER}$`, 'i');
/** The same header inside a line: a listing whose line breaks were lost. */
const certificateHeaderInLine = new RegExp(CERTIFICATE_HEADER, 'i');

/** `certutil -store My`: one block per certificate. */
export function parseCertutilStore(text: string): CertificateFact[] {
  const blocks: string[][] = [];
  let sawHeader = false;
  for (const raw of lines(text)) {
    const line = raw.trim();
    if (certificateHeader.test(line)) {
      sawHeader = true;
      blocks.push([]);
      continue;
    }
    blocks.at(-1)?.push(line);
  }
  // A header sharing its line with other text: the listing's line breaks were lost (a page that
  // folded it). Its blocks cannot be told apart, and the store name would pass it as empty.
  if (!sawHeader && certificateHeaderInLine.test(text)) {
    throw new DeviceParseError('certutil listing with its line breaks lost (certificate headers inside lines): its certificates cannot be told apart');
  }
  // An empty store prints its name and the completion line, and no block.
  if (!sawHeader && !/-store command completed successfully|"Personal"|^\s*My\s*$/im.test(text)) {
    throw new DeviceParseError('certutil printed no certificate block and no store name (a localized Windows, or not certutil output)');
  }
  return blocks.map((block) => {
    const value = (label: string) => {
      const found = block.find((line) => line.toLowerCase().startsWith(`${label.toLowerCase()}:`) || line.toLowerCase().startsWith(`${label.toLowerCase()} =`));
      return found ? found.slice(found.search(/[:=]/) + 1).trim() : null;
    };
    const hash = value('Cert Hash(sha1)') ?? '';
    const joined = block.join('\n');
    const keyPresent = /(Encryption|Signature) test passed/i.test(joined) ? true : /No key provider information|Missing stored keyset|Cannot find the certificate and private key/i.test(joined) ? false : null;
    const notBefore = value('NotBefore');
    const notAfter = value('NotAfter');
    return {
      Subject: value('Subject') ?? '',
      Issuer: value('Issuer') ?? '',
      Thumbprint: hash.replace(/\s/g, '').toUpperCase(),
      NotBefore: notBefore ? parseToolTime(notBefore) : null,
      NotAfter: notAfter ? parseToolTime(notAfter) : null,
      HasPrivateKey: keyPresent,
      Provider: value('Provider'),
    };
  });
}

const trueFalse = (value: string | undefined): boolean | null => (value === undefined ? null : /^true$/i.test(value) ? true : /^false$/i.test(value) ? false : null);

/** `tpmtool getdeviceinformation`: `-Name: Value` lines, the lockout block indented. */
export function parseTpmtool(text: string): TpmFact {
  const values = new Map<string, string>();
  for (const raw of lines(text)) {
    const match = /^\s*-([^:]+):\s*(.*)$/.exec(raw);
    if (match?.[1] !== undefined && match[2] !== undefined) values.set(match[1].trim().toLowerCase(), match[2].trim());
  }
  const present = trueFalse(values.get('tpm present'));
  if (present === null) throw new DeviceParseError('tpmtool printed no "TPM Present" line (a localized Windows, or not tpmtool output)');
  const counter = values.get('lockout counter');
  return {
    Present: present,
    Ready: trueFalse(values.get('ready for storage')),
    // tpmtool has no "enabled" line: a TPM 2.0 it can query is enabled; that is not shown, so unknown.
    Enabled: null,
    Owned: trueFalse(values.get('is initialized')),
    LockedOut: trueFalse(values.get('is locked out')),
    LockoutCount: counter !== undefined && /^\d+$/.test(counter) ? Number(counter) : null,
    ManufacturerVersion: values.get('tpm manufacturer version') ?? null,
    ClearNeeded: trueFalse(values.get('clear needed to recover')),
  };
}

/** `reg query <key>`: `    Name    REG_SZ    Value` lines. */
export function parseRegQuery(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of lines(text)) {
    const match = /^\s+(\S.*?)\s{2,}(REG_\w+)\s{2,}(.*)$/.exec(raw) ?? /^\s+(\S+)\s+(REG_\w+)\s*(.*)$/.exec(raw);
    if (match?.[1] !== undefined) values.set(match[1].toLowerCase(), (match[3] ?? '').trim());
  }
  return values;
}

export function parseCdjAad(text: string): CdjAadFact {
  if (!/^HKEY_LOCAL_MACHINE\\/im.test(text)) throw new DeviceParseError('reg printed no key name line (not `reg query` output, or a listing cut short): which key the values belong to is not shown');
  const values = parseRegQuery(text);
  return { TenantId: values.get('tenantid') || null, TenantName: values.get('tenantname') || null };
}

/** `nltest /dsgetdc:<domain>`: `DC: \\DC01.contoso.com` on success, `Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN` on failure. */
export function parseNltest(text: string, domain: string): DomainControllerFact {
  const dc = /^\s*DC:\s*(\\\\\S+)/m.exec(text)?.[1] ?? null;
  if (dc) return { Domain: domain, DomainController: dc, Error: null };
  // The hex may be missing and the name may wrap to the next line (retyped from a screenshot).
  const failed = /Status\s*=\s*(\d+)\s+(?:(0x[0-9a-fA-F]+)\s+)?([A-Z]\w+)/.exec(text);
  if (failed?.[1] !== undefined && failed[3] !== undefined) {
    const hex = failed[2]?.toLowerCase() ?? `0x${Number(failed[1]).toString(16)}`;
    return { Domain: domain, DomainController: null, Error: `${failed[3]} (${hex})` };
  }
  // A DC line without the `\\` before the name (eaten by a Markdown renderer) is not read as a name.
  if (/^\s*DC:\s*\S/m.test(text)) throw new DeviceParseError('nltest printed a DC line whose name is not in the \\\\name form');
  throw new DeviceParseError('nltest printed neither a DC line nor a failure status');
}

/** `schtasks /query /tn <task> /xml`: the task definition; `<Settings><Enabled>false` when disabled (absent means enabled). */
export function parseTaskXmlEnabled(xml: string): boolean {
  if (!/<Task[\s>]/.test(xml)) throw new DeviceParseError('schtasks did not print a task definition (no <Task> element)');
  const settings = /<Settings>([\s\S]*?)<\/Settings>/.exec(xml)?.[1];
  // schtasks always prints the Settings of a registered task: without them the text is an excerpt.
  if (settings === undefined) throw new DeviceParseError('the task definition has no <Settings> element (an excerpt?): whether the task is enabled is not shown');
  const enabled = /<Enabled>\s*(true|false)\s*<\/Enabled>/i.exec(settings)?.[1];
  return enabled === undefined ? true : enabled.toLowerCase() === 'true';
}

/** Columns of `schtasks /query /fo csv /v /nh` (their order does not change with the language). */
const csvColumn = { lastRunTime: 5, lastResult: 6 } as const;

function csvFields(line: string): string[] {
  const fields: string[] = [];
  const pattern = /"((?:[^"]|"")*)"(?:,|$)/g;
  for (const match of line.matchAll(pattern)) fields.push((match[1] ?? '').replace(/""/g, '"'));
  return fields;
}

/** The last run time and result from the verbose CSV listing; the result printed as a decimal is turned into hex. */
export function parseTaskCsv(text: string): Pick<JoinTaskFact, 'LastRunTime' | 'LastResult'> {
  const row = lines(text).map((line) => line.trim()).find((line) => line.startsWith('"'));
  if (!row) throw new DeviceParseError('schtasks printed no CSV row');
  const fields = csvFields(row);
  const time = fields[csvColumn.lastRunTime] ?? '';
  const result = (fields[csvColumn.lastResult] ?? '').trim();
  let hex: string | null = null;
  if (/^-?\d+$/.test(result)) hex = `0x${(Number(result) >>> 0).toString(16)}`;
  else if (/^0x[0-9a-f]+$/i.test(result)) hex = result.toLowerCase();
  // "N/A" and the year-1999 placeholder mean the task never ran.
  const never = time === '' || /N\/A|1999/.test(time);
  return { LastRunTime: never ? null : time, LastResult: hex };
}

/** `w32tm /query /status`. */
export function parseW32tm(text: string): ClockFact {
  const value = (label: string) => new RegExp(`^\\s*${label}:\\s*(.*)$`, 'im').exec(text)?.[1]?.trim() ?? null;
  const leap = value('Leap Indicator');
  if (leap === null) {
    const why = value('Source') === null ? 'a localized Windows, or the time service is not running' : 'a capture cut short: its Source line is there';
    throw new DeviceParseError(`w32tm printed no "Leap Indicator" line (${why})`);
  }
  const lastSync = value('Last Successful Sync Time');
  const never = lastSync === null || /unspecified/i.test(lastSync);
  return { Source: value('Source'), LastSuccessfulSync: never ? null : lastSync, Synchronized: !/^3\b/.test(leap) };
}

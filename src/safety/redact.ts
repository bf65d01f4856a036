/**
 * Redaction for sharing (opt-in, `--redact`, `prt redact`): personal and organisational
 * identifiers become stable pseudonyms — the same real value gives the same pseudonym in every
 * file of one bundle — while what the diagnosis needs stays: Microsoft's public endpoints, error
 * codes, times, field names, URL paths. One Redactor is one mapping; its map (pseudonym → real
 * value) is written beside the output, never inside it.
 */

import { sanitizeText } from './sanitize.js';

export type PseudonymKind = 'User' | 'Domain' | 'Host' | 'Device' | 'NetbiosDomain' | 'Tenant' | 'Guid' | 'Sid' | 'IpAddress' | 'Thumbprint';

export interface RedactionEntry {
  Kind: PseudonymKind;
  Pseudonym: string;
  Real: string;
}

/** Hosts under these names are Microsoft's (or the XML standards'): public, kept as they are. */
const publicDomains = [
  'microsoft.com', 'microsoftonline.com', 'microsoftonline.us', 'microsoftonline.de', 'microsoftonline.cn', 'chinacloudapi.cn',
  'windows.net', 'windowsazure.com', 'azure.com', 'azure.net', 'live.com', 'live.net', 'msauth.net', 'msftauth.net',
  'msauthimages.net', 'msftidentity.com', 'msidentity.com', 'aka.ms', 'microsoftazuread-sso.com', 'office.com', 'office365.com',
  'windowsupdate.com', 'msft.net', 'ietf.org', 'rfc-editor.org', 'w3.org', 'xmlsoap.org', 'oasis-open.org', 'example', 'example.com', 'example.org', 'example.net',
];
/** Microsoft's well-known GUIDs: the AAD event provider, first-party client ids. */
const publicGuids = new Set([
  '4de9bc9c-b27a-43c9-8994-0915f1a5e24f',
  '29d9ed98-a469-4536-ade2-f981bc1d605e',
  '38aa3b87-a06d-4817-b275-7a316988d93b',
  '1b730954-1685-4b74-9bfd-dac224a7b894',
  'dd762716-544d-4aeb-a526-687b73838a22',
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
]);
/** Top-level domains a host name can end in (file names such as `report.json` do not). */
const hostTlds = new Set(
  'com net org edu gov mil int info biz io co us uk de fr nl be ch at it es pt se no dk fi pl cz sk hu ro gr ie lu jp cn kr tw hk sg au nz ca in br mx ar cl za ru ua tr il ae sa eu asia cloud online tech app dev local lan corp internal intra intranet home ad priv'.split(' '),
);
/** Second-level labels under a country code that belong to the registry, not to the organisation. */
const registrySecondLevel = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc']);

const guidPattern = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const sidPattern = /\bS-1-(?:5-21|12-1)(?:-\d+){3,}\b/g;
const emailPattern = /\b[A-Za-z0-9._%+'-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\b/g;
const hostPattern = /\b(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\b/g;
const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4Pattern = new RegExp(`(?<![\\d.])${octet}(?:\\.${octet}){3}(?![\\d.]*\\d)`, 'g');
const ipv6Pattern = /(?<![0-9A-Za-z:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![0-9A-Za-z:])|(?<![0-9A-Za-z:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?(?![0-9A-Za-z:])/gi;
const thumbprintPattern = /\b[0-9a-f]{40}\b/gi;
/**
 * The nth IPv4 pseudonym: the three documentation ranges (762 addresses), then the benchmark range
 * 198.18.0.0/15, reserved too: two addresses never share a pseudonym.
 */
const ipv4Pseudonym = (n: number): string => {
  if (n <= 254) return `192.0.2.${n}`;
  if (n <= 508) return `198.51.100.${n - 254}`;
  if (n <= 762) return `203.0.113.${n - 508}`;
  const k = n - 763;
  return `198.${18 + (k >> 16)}.${(k >> 8) & 255}.${k & 255}`;
};

/** dsregcmd fields (and our own properties) whose value names a device, a tenant, a user, a domain. */
const learnedFields: Record<string, 'Device' | 'Tenant' | 'User' | 'Netbios' | 'Account'> = {
  devicename: 'Device',
  computer: 'Device',
  computername: 'Device',
  machinename: 'Device',
  tenantname: 'Tenant',
  workplacetenantname: 'Tenant',
  username: 'User',
  samaccountname: 'User',
  domainname: 'Netbios',
  executingaccountname: 'Account',
};
/** Shorter names would be found inside ordinary words. */
const minimumLearnedLength = 3;

const fieldKey = (name: string) => name.replace(/[\s_-]/g, '').toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sameCase = (real: string, pseudonym: string) => (real === real.toUpperCase() && /[A-F]/.test(real) ? pseudonym.toUpperCase() : pseudonym);

export class Redactor {
  private readonly byReal = new Map<string, string>();
  private readonly pseudonyms = new Set<string>();
  private readonly counters = new Map<PseudonymKind, number>();
  /** Learnt names (lower case) → their kind and the real name whose pseudonym they take. */
  private readonly learned = new Map<string, { kind: PseudonymKind; real: string }>();
  private literalPattern: RegExp | null = null;
  readonly entries: RedactionEntry[] = [];

  /** The pseudonym of a real value of one kind, created on first sight. */
  private pseudonym(kind: PseudonymKind, real: string, make: (n: number) => string): string {
    const key = `${kind}:${real.toLowerCase()}`;
    const known = this.byReal.get(key);
    if (known) return known;
    if (this.pseudonyms.has(real.toLowerCase())) return real;
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    const pseudonym = make(n);
    this.byReal.set(key, pseudonym);
    this.pseudonyms.add(pseudonym.toLowerCase());
    this.entries.push({ Kind: kind, Pseudonym: pseudonym, Real: real });
    return pseudonym;
  }

  private learn(kind: PseudonymKind, real: string, alias = real): void {
    // A name with control characters reaches text files in its sanitized spelling: learn that one too.
    const shown = sanitizeText(alias);
    if (shown !== alias) this.learn(kind, real, shown);
    const name = alias.trim();
    if (name.length < minimumLearnedLength || this.pseudonyms.has(name.toLowerCase()) || /^(unknown|none|n\/a|null|yes|no)$/i.test(name)) return;
    if (this.learned.has(name.toLowerCase())) return;
    this.learned.set(name.toLowerCase(), { kind, real: real.trim() });
    this.literalPattern = null;
  }

  /** Remembers the identifier a named field holds, so that it is replaced wherever it appears. */
  learnField(name: string, value: string): void {
    const what = learnedFields[fieldKey(name)];
    const text = value.trim();
    if (!what || text === '') return;
    if (what === 'Account') {
      // `CONTOSO\maja, maja@contoso.com`
      const account = /^([^\\,\s]+)\\([^,\s]+)/.exec(text);
      if (account?.[1] && account[2]) {
        this.learn('NetbiosDomain', account[1]);
        this.learn('User', account[2]);
      }
      return;
    }
    if (text.includes('@')) return;
    if (what === 'Device') {
      const device = text.split('.')[0] ?? text;
      this.learn('Device', device);
      // The bundle folder's spelling of it (PrtTrace-<device>-…): the same device, the same pseudonym.
      this.learn('Device', device, device.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 40));
    } else if (what === 'Tenant') this.learn('Tenant', text);
    else if (what === 'User') this.learn('User', text.includes('\\') ? (text.split('\\').pop() ?? text) : text);
    else if (!text.includes('.')) this.learn('NetbiosDomain', text);
  }

  /** Learns from `Name : value` lines (dsregcmd) and `<Computer>` elements (event XML). */
  learnText(text: string): void {
    for (const match of text.matchAll(/^[ \t|]*([A-Za-z][A-Za-z ]{2,40}?)\s*:\s+(.+?)\s*\|?\s*$/gm)) this.learnField(match[1] ?? '', match[2] ?? '');
    for (const match of text.matchAll(/<Computer>([^<]+)<\/Computer>/g)) this.learnField('Computer', match[1] ?? '');
  }

  /** Learns from the named properties of a parsed document, and from its `{Name, Value}` pairs. */
  learnDeep(value: unknown): void {
    if (Array.isArray(value)) {
      for (const item of value) this.learnDeep(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.Name === 'string' && typeof record.Value === 'string') this.learnField(record.Name, record.Value);
    for (const [key, item] of Object.entries(record)) {
      if (typeof item === 'string') this.learnField(key, item);
      else this.learnDeep(item);
    }
  }

  private domain(registered: string): string {
    return this.pseudonym('Domain', registered, (n) => `domain${n}.example`);
  }

  /**
   * A host name: Microsoft's kept, the rest as `hostN.domainM.example` (a device's own name kept as
   * its pseudonym). `surelyHost`: the name follows `@` or `://`, so it is a host whatever its
   * top-level domain (`contoso.ai`); elsewhere an unknown one is taken for a file name.
   */
  private host(name: string, surelyHost: boolean): string {
    const lower = name.toLowerCase();
    const labels = lower.split('.');
    const tld = labels.at(-1) ?? '';
    if (!surelyHost && !hostTlds.has(tld) && tld !== 'example') return name;
    if (publicDomains.some((domain) => lower === domain || lower.endsWith(`.${domain}`))) return name;
    if (this.pseudonyms.has(lower)) return name;
    const size = labels.length >= 3 && (registrySecondLevel.has(labels.at(-2) ?? '') || lower.endsWith('.onmicrosoft.com')) ? 3 : 2;
    if (labels.length < size) return name;
    const domain = this.domain(labels.slice(-size).join('.'));
    if (labels.length === size) return domain;
    // A device's own name (`CTS-WS-0512.corp.contoso.com`) keeps its device pseudonym in front.
    const first = name.split('.')[0] ?? '';
    if (this.learned.get(first.toLowerCase())?.kind === 'Device') return `${this.literal(first)}.${this.host(name.slice(first.length + 1), surelyHost)}`;
    const inner = labels.slice(0, -size).join('.');
    const hostLabel = this.pseudonym('Host', `${inner}.${labels.slice(-size).join('.')}`, (n) => `host${n}`);
    return `${hostLabel}.${domain}`;
  }

  private user(local: string): string {
    return this.pseudonym('User', local, (n) => `user${n}`);
  }

  private literal(found: string): string {
    const learnt = this.learned.get(found.toLowerCase());
    if (!learnt) return found;
    const { kind, real: name } = learnt;
    if (kind === 'Device') return this.pseudonym('Device', name, (n) => `DEVICE-${n}`);
    if (kind === 'Tenant') return this.pseudonym('Tenant', name, (n) => `TENANT-${n}`);
    if (kind === 'NetbiosDomain') return this.pseudonym('NetbiosDomain', name, (n) => `DOMAIN${n}`);
    if (kind === 'User') return this.user(name);
    return found;
  }

  private literals(): RegExp | null {
    if (this.learned.size === 0) return null;
    if (!this.literalPattern) {
      const names = [...this.learned.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.literalPattern = new RegExp(`(?<![A-Za-z0-9_])(?:${names.join('|')})(?![A-Za-z0-9_])`, 'gi');
    }
    return this.literalPattern;
  }

  /** Free text with every identifier replaced. */
  text(text: string): string {
    let result = text.replace(guidPattern, (guid) => {
      const lower = guid.toLowerCase();
      if (publicGuids.has(lower) || lower.startsWith('0000000') || this.pseudonyms.has(lower)) return guid;
      return sameCase(guid, this.pseudonym('Guid', lower, (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`));
    });
    result = result.replace(sidPattern, (sid) =>
      this.pseudonyms.has(sid.toLowerCase()) ? sid : this.pseudonym('Sid', sid, (n) => (sid.startsWith('S-1-12-') ? `S-1-12-1-0-0-0-${n}` : `S-1-5-21-0-0-0-${1000 + n}`)),
    );
    result = result.replace(thumbprintPattern, (hex) => {
      if (this.pseudonyms.has(hex.toLowerCase())) return hex;
      return sameCase(hex, this.pseudonym('Thumbprint', hex.toLowerCase(), (n) => `${'0'.repeat(32)}${n.toString(16).padStart(8, '0')}`));
    });
    result = result.replace(emailPattern, (email) => {
      const at = email.lastIndexOf('@');
      const local = email.slice(0, at);
      if (this.pseudonyms.has(email.toLowerCase())) return email;
      return `${this.pseudonyms.has(local.toLowerCase()) ? local : this.user(local)}@${this.host(email.slice(at + 1), true)}`;
    });
    // Again after `@`: a domain without a user before it (`@contoso.com`, a UPN suffix) is no address.
    result = result.replace(hostPattern, (name, offset: number, whole: string) => this.host(name, whole[offset - 1] === '@' || whole.slice(offset - 3, offset) === '://'));
    result = result.replace(ipv4Pattern, (ip) => {
      if (/^(127\.|0\.0\.0\.0$|255\.255\.255\.255$)/.test(ip) || this.pseudonyms.has(ip)) return ip;
      return this.pseudonym('IpAddress', ip, ipv4Pseudonym);
    });
    result = result.replace(ipv6Pattern, (ip) => {
      // The pattern needs a group before `::`, so `::`, `::1` and times (`09:13:40`) never get here.
      if (this.pseudonyms.has(ip.toLowerCase())) return ip;
      return this.pseudonym('IpAddress', ip.toLowerCase(), (n) => `2001:db8::${n.toString(16)}`);
    });
    const literals = this.literals();
    if (literals) result = result.replace(literals, (name) => (this.pseudonyms.has(name.toLowerCase()) ? name : this.literal(name)));
    return result;
  }

  /** Every string of a JSON-shaped value redacted (learning from its named fields first). */
  deep<T>(value: T): T {
    this.learnDeep(value);
    return this.replaceDeep(value);
  }

  private replaceDeep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) {
      const items: unknown[] = value;
      return items.map((item) => this.replaceDeep(item)) as T;
    }
    if (value !== null && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = this.replaceDeep(item);
      return copy as T;
    }
    return value;
  }

  /** The document written beside the redacted output: how to read the pseudonyms back. */
  mapDocument(source: string): RedactionMapDocument {
    return {
      Note: 'Pseudonym to real value for a redacted PrtTools output. Keep this file to yourself: it undoes the redaction.',
      Source: source,
      Entries: this.entries.map((entry) => ({ ...entry })),
    };
  }
}

export interface RedactionMapDocument {
  Note: string;
  Source: string;
  Entries: RedactionEntry[];
}

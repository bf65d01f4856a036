import type { ProbeRoute } from './types.js';

/** A static proxy setting: WinHTTP's (netsh / WinHttpSettings) or the user's WinINet one. */
export interface StaticProxy {
  /** As configured: `proxy:8080`, `http://proxy:8080`, `http=a:80;https=b:8443`. */
  Server: string;
  /** Entries as configured (`<local>`, `*.contoso.com`, `10.*`). */
  Bypass: string[];
}

/** What WinHTTP's machine-wide setting says: direct, a static proxy, or not readable. */
export type WinHttpSetting = { Kind: 'Direct' } | ({ Kind: 'Proxy' } & StaticProxy);

const splitList = (text: string) => text.split(/[;\s]+/).map((entry) => entry.trim()).filter((entry) => entry !== '');

/**
 * `netsh winhttp show proxy` as people paste it: prompt lines, fences, padding and a missing full
 * stop tolerated. Null when the text says neither (another language: use the registry instead).
 */
export function parseNetshWinHttp(text: string): WinHttpSetting | null {
  if (/Direct access \(no proxy server\)/i.test(text)) return { Kind: 'Direct' };
  const server = /Proxy Server\(s\)\s*:\s*(.+)/i.exec(text)?.[1]?.trim();
  if (!server) return null;
  const bypass = /Bypass List\s*:\s*(.+)/i.exec(text)?.[1]?.trim() ?? '(none)';
  return { Kind: 'Proxy', Server: server, Bypass: /^\(none\)$/i.test(bypass) ? [] : splitList(bypass) };
}

/**
 * The `WinHttpSettings` registry value (HKLM\…\Internet Settings\Connections), as `reg query`
 * prints REG_BINARY: hex. Layout (the same as WinINet's DefaultConnectionSettings): a version
 * DWORD, a counter, the flags (bit 2: a proxy is set), then the proxy and the bypass list, each a
 * length DWORD followed by that many ASCII bytes. Locale-independent, unlike netsh's text.
 */
export function parseWinHttpSettingsHex(hex: string): WinHttpSetting | null {
  const clean = hex.replace(/[^0-9a-f]/gi, '');
  if (clean.length < 24 || clean.length % 2 !== 0) return null;
  const bytes = Buffer.from(clean, 'hex');
  const dword = (offset: number) => (offset + 4 <= bytes.length ? bytes.readUInt32LE(offset) : null);
  const flags = dword(8);
  const proxyLength = dword(12);
  if (flags === null || proxyLength === null || 16 + proxyLength > bytes.length) return null;
  const proxy = bytes.subarray(16, 16 + proxyLength).toString('latin1');
  const bypassLength = dword(16 + proxyLength) ?? 0;
  const bypassStart = 20 + proxyLength;
  const bypass = bypassStart + bypassLength <= bytes.length ? bytes.subarray(bypassStart, bypassStart + bypassLength).toString('latin1') : '';
  const ProxyFlag = 0x2;
  if ((flags & ProxyFlag) === 0 || proxy.trim() === '') return { Kind: 'Direct' };
  return { Kind: 'Proxy', Server: proxy.trim(), Bypass: splitList(bypass) };
}

/** The values of one key as `reg query KEY` prints them: `    Name    REG_TYPE    Data`. */
export function parseRegQuery(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const match = /^\s+(.+?)\s{2,}(REG_[A-Z_]+)\s{2,}(.*)$/.exec(line) ?? /^\s+(.+?)\s{2,}(REG_[A-Z_]+)\s*$/.exec(line);
    if (match?.[1] && match[2]) values.set(match[1].trim().toLowerCase(), (match[3] ?? '').trim());
  }
  return values;
}

/** The user's WinINet settings (HKCU\…\Internet Settings). */
export interface WinInetSettings {
  ProxyEnable: boolean;
  ProxyServer: string | null;
  ProxyOverride: string[];
  AutoConfigURL: string | null;
}

export function winInetFromRegQuery(text: string): WinInetSettings {
  const values = parseRegQuery(text);
  const text_ = (name: string) => {
    const value = values.get(name.toLowerCase());
    return value === undefined || value === '' ? null : value;
  };
  return {
    ProxyEnable: Number.parseInt(text_('ProxyEnable') ?? '0', 16) === 1 || text_('ProxyEnable') === '0x1',
    ProxyServer: text_('ProxyServer'),
    ProxyOverride: splitList(text_('ProxyOverride') ?? ''),
    AutoConfigURL: text_('AutoConfigURL'),
  };
}

/**
 * The proxy a static setting gives an https URL, as WinHTTP reads the string: `https=` wins, a
 * bare entry serves every scheme, an `http=`-only list leaves https direct. Null: no proxy.
 */
export function proxyForHttps(server: string): string | null {
  const entries = server.split(/[;\s]+/).filter((entry) => entry !== '');
  const scoped = entries.map((entry) => /^([a-z]+)=(.*)$/i.exec(entry));
  const https = scoped.find((match) => match?.[1]?.toLowerCase() === 'https')?.[2];
  const bare = entries.find((_, index) => scoped[index] === null);
  const chosen = https ?? bare;
  if (!chosen) return null;
  const hostPort = chosen.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  return /:\d+$/.test(hostPort) ? hostPort : `${hostPort}:80`;
}

/** Whether a bypass entry matches the host: `<local>` is any name without a dot; `*` matches anything. */
export function bypasses(entries: readonly string[], host: string): string | null {
  const name = host.toLowerCase();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '<local>') {
      if (!name.includes('.')) return raw;
      continue;
    }
    const pattern = entry.replace(/^[a-z]+:\/\//, '').replace(/:\d+$/, '');
    const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    if (regex.test(name)) return raw;
  }
  return null;
}

/** The route a static proxy setting gives a host. */
export function staticRoute(setting: StaticProxy, host: string, source: 'WinHttpStatic' | 'WinInet', label: string): ProbeRoute {
  const proxy = proxyForHttps(setting.Server);
  if (proxy === null) return { Kind: 'Direct', Proxy: null, Source: source, Reason: `${label} ${setting.Server} names no proxy for https` };
  const matched = bypasses(setting.Bypass, host);
  if (matched !== null) return { Kind: 'Direct', Proxy: null, Source: source === 'WinHttpStatic' ? 'WinHttpBypass' : source, Reason: `${label} ${proxy}; ${host} matches bypass entry ${matched}` };
  return { Kind: 'Proxy', Proxy: proxy, Source: source, Reason: `${label} ${proxy}; ${host} not in the bypass list` };
}

/** A PAC answer (`PROXY a:8080; DIRECT`) as a route: WinHTTP takes the first entry it can use. */
export function routeFromPac(answer: string, label: string): ProbeRoute {
  const first = answer.split(';').map((part) => part.trim()).find((part) => part !== '') ?? 'DIRECT';
  const match = /^(PROXY|HTTPS?)\s+(\S+)$/i.exec(first);
  if (match?.[2]) return { Kind: 'Proxy', Proxy: match[2].replace(/^[a-z]+:\/\//i, ''), Source: 'Pac', Reason: `${label} answered "${answer.trim()}"` };
  if (/^DIRECT$/i.test(first)) return { Kind: 'Direct', Proxy: null, Source: 'Pac', Reason: `${label} answered "${answer.trim()}"` };
  return { Kind: 'Unknown', Proxy: null, Source: 'Pac', Reason: `${label} answered "${answer.trim()}", which WinHTTP cannot use` };
}

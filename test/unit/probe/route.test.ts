import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bypasses, parseNetshWinHttp, parseRegQuery, parseWinHttpSettingsHex, proxyForHttps, routeFromPac, staticRoute, winInetFromRegQuery } from '../../../src/probe/route.js';
import { wpadCandidates } from '../../../src/probe/probe.js';

const real = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/real/netsh', name), 'utf8');

describe('netsh winhttp show proxy, as people paste it', () => {
  test('a proxy with a scheme and <local>, one space before the colon', () => {
    expect(parseNetshWinHttp(real('blog-npm-proxy-local-bypass.txt'))).toEqual({ Kind: 'Proxy', Server: 'http://192.168.0.117:8080', Bypass: ['<local>'] });
  });
  test('direct access without the full stop, in a fence with trailing spaces', () => {
    expect(parseNetshWinHttp(real('qa-exchange-direct-access.txt'))).toEqual({ Kind: 'Direct' });
  });
  test('direct access with the full stop, right under the title', () => {
    expect(parseNetshWinHttp(real('docs-direct-access-dotted.txt'))).toEqual({ Kind: 'Direct' });
  });
  test('a bare host:port and "(none)" as the bypass list', () => {
    expect(parseNetshWinHttp(real('readme-set-proxy-no-bypass.txt'))).toEqual({ Kind: 'Proxy', Server: 'testProxy:8999', Bypass: [] });
  });
  test('a per-protocol proxy with a wildcard bypass entry, title cut', () => {
    expect(parseNetshWinHttp(real('notes-per-protocol-wildcard-bypass.txt'))).toEqual({ Kind: 'Proxy', Server: 'http=10.0.0.10', Bypass: ['*.examples.co.za'] });
  });
  test('text in another language is not guessed at', () => {
    expect(parseNetshWinHttp('Aktuelle WinHTTP-Proxyeinstellungen:\n\n    Direkter Zugriff (kein Proxyserver).\n')).toBeNull();
  });
});

describe('the WinHttpSettings registry value', () => {
  const value = (flags: number, proxy: string, bypass: string) => {
    const dword = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
    return Buffer.concat([dword(0x18), dword(0), dword(flags), dword(proxy.length), Buffer.from(proxy, 'latin1'), dword(bypass.length), Buffer.from(bypass, 'latin1')]).toString('hex').toUpperCase();
  };
  test('a proxy and a bypass list', () => {
    expect(parseWinHttpSettingsHex(value(3, 'proxy.corp:8080', '<local>;*.corp'))).toEqual({ Kind: 'Proxy', Server: 'proxy.corp:8080', Bypass: ['<local>', '*.corp'] });
  });
  test('direct (flag 1, empty strings)', () => {
    expect(parseWinHttpSettingsHex(value(1, '', ''))).toEqual({ Kind: 'Direct' });
  });
  test('too short to be the value', () => {
    expect(parseWinHttpSettingsHex('1800')).toBeNull();
  });
});

describe('the proxy WinHTTP takes for an https URL', () => {
  test.each([
    ['proxy:8080', 'proxy:8080'],
    ['http://192.168.0.117:8080', '192.168.0.117:8080'],
    ['http=a:80;https=b:8443', 'b:8443'],
    ['http=10.0.0.10', null],
    ['proxy', 'proxy:80'],
  ])('%s → %s', (server, expected) => {
    expect(proxyForHttps(server)).toBe(expected);
  });
});

describe('bypass entries', () => {
  test('<local> matches names without a dot only', () => {
    expect(bypasses(['<local>'], 'exchsvr01')).toBe('<local>');
    expect(bypasses(['<local>'], 'login.microsoftonline.com')).toBeNull();
  });
  test('wildcards match case-insensitively; a scheme or port on the entry is ignored', () => {
    expect(bypasses(['*.MicrosoftOnline.com'], 'login.microsoftonline.com')).toBe('*.MicrosoftOnline.com');
    expect(bypasses(['https://*.windows.net:443'], 'enterpriseregistration.windows.net')).toBe('https://*.windows.net:443');
    expect(bypasses(['*.examples.co.za'], 'login.microsoftonline.com')).toBeNull();
  });
  test('a bypassed host goes direct and says which entry matched', () => {
    expect(staticRoute({ Server: 'p:1', Bypass: ['*.windows.net'] }, 'enterpriseregistration.windows.net', 'WinHttpStatic', 'WinHTTP proxy')).toEqual({ Kind: 'Direct', Proxy: null, Source: 'WinHttpBypass', Reason: 'WinHTTP proxy p:1; enterpriseregistration.windows.net matches bypass entry *.windows.net' });
  });
});

describe('the user\'s WinINet settings from reg query', () => {
  const output = [
    '',
    'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
    '    ProxyEnable    REG_DWORD    0x1',
    '    ProxyServer    REG_SZ    proxy.corp:8080',
    '    ProxyOverride    REG_SZ    <local>;*.corp',
    '    AutoConfigURL    REG_SZ    ',
    '',
  ].join('\r\n');
  test('values by name, empty ones included', () => {
    expect(parseRegQuery(output).get('proxyserver')).toBe('proxy.corp:8080');
  });
  test('as settings', () => {
    expect(winInetFromRegQuery(output)).toEqual({ ProxyEnable: true, ProxyServer: 'proxy.corp:8080', ProxyOverride: ['<local>', '*.corp'], AutoConfigURL: null });
  });
});

describe('PAC answers and WPAD names', () => {
  test('the first usable entry of a PAC answer', () => {
    expect(routeFromPac('PROXY p.corp:3128; DIRECT', 'PAC')).toMatchObject({ Kind: 'Proxy', Proxy: 'p.corp:3128' });
    expect(routeFromPac(' DIRECT ', 'PAC')).toMatchObject({ Kind: 'Direct' });
    expect(routeFromPac('SOCKS s:1080', 'PAC')).toMatchObject({ Kind: 'Unknown' });
  });
  test('WPAD devolves the DNS suffix down to two labels', () => {
    expect(wpadCandidates(['eu.corp.contoso.com.', 'contoso.com'])).toEqual(['wpad.eu.corp.contoso.com', 'wpad.corp.contoso.com', 'wpad.contoso.com']);
  });
});

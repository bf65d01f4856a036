import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROBE_FINDING_IDS } from '../../../src/probe/catalogue.js';
import { runProbe, type ProbeRequest } from '../../../src/probe/probe.js';
import { systemNetwork } from '../../../src/probe/network.js';
import type { ProbeFindingId, ProbeReport } from '../../../src/probe/types.js';
import { installLoopbackGuard, refusedDestinations } from './helpers/guard.js';
import { INSPECTION_ROOT, Lab, MEX, MICROSOFT_ROOT, STS } from './helpers/lab.js';

installLoopbackGuard();

let lab: Lab;
beforeAll(async () => {
  lab = await Lab.start();
}, 30_000);
afterAll(async () => {
  await lab.stop();
});

const TENANT = '8b2c7f4e-1d3a-4f5b-9c6d-2e7f8a9b0c1d';
const request = (overrides: Partial<ProbeRequest> = {}): ProbeRequest => ({ Contexts: ['System'], TenantId: TENANT, UserPrincipalName: null, Cloud: 'Public', ...overrides });
const ids = (report: ProbeReport) => [...new Set(report.Findings.map((finding) => finding.Id))].sort();
/** Which catalogue ids the scenarios below produced. */
const produced = new Set<ProbeFindingId>();
const record = (report: ProbeReport) => {
  for (const finding of report.Findings) produced.add(finding.Id);
  return report;
};

describe('a healthy device', () => {
  test('reaches every endpoint directly, with no finding, a Microsoft root and the servers\' date', async () => {
    const report = record(await runProbe(request(), lab.environment({})));
    const run = report.Runs[0];
    expect(report.Findings).toEqual([]);
    expect(run?.Endpoints.map((endpoint) => endpoint.Outcome)).toEqual(['Reachable', 'Reachable', 'Reachable', 'Reachable']);
    expect(run?.Endpoints[0]?.TlsRootIssuer).toContain(MICROSOFT_ROOT);
    expect(run?.Endpoints[0]?.Route).toMatchObject({ Kind: 'Direct', Source: 'None' });
    expect(run?.Endpoints[2]?.HttpStatus).toBe(200);
    expect(Math.abs(run?.ClockSkewSeconds ?? 99)).toBeLessThanOrEqual(2);
    expect(run?.Endpoints[0]?.Stages.every((stage) => stage.Ok === true && typeof stage.Milliseconds === 'number')).toBe(true);
  });

  test('goes through a WinHTTP proxy without authentication and says so', async () => {
    const report = record(await runProbe(request(), lab.environment({ WinHttp: { Kind: 'Proxy', Server: 'proxy.lab.test:3128', Bypass: ['<local>'] } })));
    expect(report.Findings).toEqual([]);
    expect(report.Runs[0]?.Endpoints[0]?.Route).toEqual({ Kind: 'Proxy', Proxy: 'proxy.lab.test:3128', Source: 'WinHttpStatic', Reason: 'WinHTTP proxy proxy.lab.test:3128; login.microsoftonline.com not in the bypass list' });
    expect(report.Runs[0]?.Endpoints[0]?.Outcome).toBe('Reachable');
  });

  test('goes direct for a host on the WinHTTP bypass list', async () => {
    const report = record(await runProbe(request(), lab.environment({ WinHttp: { Kind: 'Proxy', Server: 'deadproxy.lab.test:3128', Bypass: ['*.microsoftonline.com', '*.windows.net', '*.microsoftazuread-sso.com'] } })));
    expect(report.Findings).toEqual([]);
    expect(report.Runs[0]?.Endpoints[1]?.Route).toMatchObject({ Kind: 'Direct', Source: 'WinHttpBypass' });
  });
});

describe('network faults, each a finding', () => {
  test('a proxy that wants authentication: ProxyAuthRequired on every host, no credentials sent', async () => {
    const report = record(await runProbe(request(), lab.environment({ WinHttp: { Kind: 'Proxy', Server: 'http=authproxy.lab.test:8080;https=authproxy.lab.test:8080', Bypass: [] } })));
    expect(ids(report)).toEqual(['ProxyAuthRequired']);
    const finding = report.Findings[0];
    expect(finding).toMatchObject({ Context: 'System', Target: 'login.microsoftonline.com', Severity: 'Error' });
    expect(finding?.Message).toContain('407');
    expect(finding?.RelatedCodes).toContain('0xc000023c');
    expect(report.Runs[0]?.Endpoints[0]?.ProxyStatus).toBe(407);
  });

  test('a proxy nobody listens on: ProxyUnreachable', async () => {
    const report = record(await runProbe(request(), lab.environment({ WinHttp: { Kind: 'Proxy', Server: 'deadproxy.lab.test:3128', Bypass: [] } })));
    expect(ids(report)).toEqual(['ProxyUnreachable']);
  });

  test('a host that does not resolve: DnsFailed', async () => {
    const report = record(await runProbe(request(), lab.environment({}, { 'autologon.microsoftazuread-sso.com': null })));
    expect(ids(report)).toEqual(['DnsFailed']);
    expect(report.Findings[0]?.Target).toBe('autologon.microsoftazuread-sso.com');
  });

  test('a host whose port is closed: ConnectFailed', async () => {
    const report = record(await runProbe(request(), lab.environment({}, { 'enterpriseregistration.windows.net': `127.0.0.1:${lab.ports.closed ?? 0}` })));
    expect(ids(report)).toEqual(['ConnectFailed']);
    expect(report.Findings[0]?.RelatedCodes).toEqual(expect.arrayContaining(['12029', '0x80072efd']));
  });

  test('a TLS-inspecting proxy: TlsInspected naming the inspecting CA', async () => {
    const report = record(await runProbe(request(), lab.environment({ WinHttp: { Kind: 'Proxy', Server: 'inspect.lab.test:8080', Bypass: [] } })));
    expect(ids(report)).toEqual(['TlsInspected']);
    expect(report.Findings[0]?.Message).toContain(INSPECTION_ROOT);
    expect(report.Runs[0]?.Endpoints[0]?.TlsRootIssuer).toContain(INSPECTION_ROOT);
  });

  test('a port that does not speak TLS: TlsFailed', async () => {
    const report = record(await runProbe(request(), lab.environment({}, { 'device.login.microsoftonline.com': `127.0.0.1:${lab.ports.brokenTls ?? 0}` })));
    expect(ids(report)).toEqual(['TlsFailed']);
  });

  test('a filtering proxy that refuses the CONNECT with a page: HttpBlocked', async () => {
    const report = record(await runProbe(request(), lab.environment({ WinHttp: { Kind: 'Proxy', Server: 'filter.lab.test:8080', Bypass: [] } })));
    expect(ids(report)).toEqual(['HttpBlocked']);
    expect(report.Runs[0]?.Endpoints[0]).toMatchObject({ ProxyStatus: 403, BlockPage: true });
  });

  test('a block page served in the service\'s place: HttpBlocked', async () => {
    lab.behaviour.blockedHost = 'autologon.microsoftazuread-sso.com';
    try {
      const report = record(await runProbe(request(), lab.environment({})));
      expect(ids(report)).toEqual(['HttpBlocked']);
      expect(report.Findings[0]?.Target).toBe('autologon.microsoftazuread-sso.com');
    } finally {
      lab.behaviour.blockedHost = null;
    }
  });

  test('a server slower than 2 s: Slow', async () => {
    lab.behaviour.delayMs['login.microsoftonline.com'] = 2300;
    try {
      const report = record(await runProbe(request(), lab.environment({}, {}, 5000)));
      expect(ids(report)).toEqual(['Slow']);
      expect(report.Findings[0]?.Message).toMatch(/took 2\.\d s/);
    } finally {
      delete lab.behaviour.delayMs['login.microsoftonline.com'];
    }
  }, 20_000);

  test('servers 10 minutes behind this clock: ClockSkew with the seconds', async () => {
    lab.behaviour.dateOffsetSeconds = -600;
    try {
      const report = record(await runProbe(request(), lab.environment({})));
      expect(ids(report)).toEqual(['ClockSkew']);
      expect(report.Runs[0]?.ClockSkewSeconds).toBeGreaterThanOrEqual(599);
      expect(report.Runs[0]?.ClockSkewSeconds).toBeLessThanOrEqual(601);
      expect(report.Findings[0]?.Message).toMatch(/(599|600|601) s ahead of/);
    } finally {
      lab.behaviour.dateOffsetSeconds = 0;
    }
  });

  test('a clock 4 minutes off is within tolerance: no finding', async () => {
    lab.behaviour.dateOffsetSeconds = 240;
    try {
      const report = record(await runProbe(request(), lab.environment({})));
      expect(report.Findings).toEqual([]);
      expect(report.Runs[0]?.ClockSkewSeconds).toBeLessThan(-238);
    } finally {
      lab.behaviour.dateOffsetSeconds = 0;
    }
  });
});

describe('WPAD and PAC, as WinHTTP finds them for SYSTEM', () => {
  const wpad = () => ({ 'wpad.corp.contoso.test': `127.0.0.1:${lab.ports.wpad ?? 0}` });

  test('a PAC that sends Microsoft through the proxy: the route says WPAD and the proxy', async () => {
    lab.pac = 'function FindProxyForURL(url, host) { if (dnsDomainIs(host, ".microsoftonline.com") || shExpMatch(host, "*.windows.net")) return "PROXY proxy.lab.test:3128; DIRECT"; return "DIRECT"; }';
    const report = record(await runProbe(request(), lab.environment({ DnsSuffixes: ['eu.corp.contoso.test'] }, wpad())));
    expect(report.Findings).toEqual([]);
    const [login, , registration, autologon] = report.Runs[0]?.Endpoints ?? [];
    expect(login?.Route).toMatchObject({ Kind: 'Proxy', Proxy: 'proxy.lab.test:3128', Source: 'Wpad' });
    expect(login?.Route.Reason).toContain('http://wpad.corp.contoso.test/wpad.dat');
    expect(registration?.Route.Kind).toBe('Proxy');
    expect(autologon?.Route).toMatchObject({ Kind: 'Direct', Source: 'Wpad' });
  });

  test('a PAC whose helpers resolve names does so through the probe\'s resolver only', async () => {
    lab.pac = 'function FindProxyForURL(url, host) { if (isInNet(dnsResolve(host), "127.0.0.0", "255.0.0.0") && isResolvable(host)) return "PROXY proxy.lab.test:3128"; return "DIRECT"; }';
    const report = record(await runProbe(request(), lab.environment({ DnsSuffixes: ['corp.contoso.test'] }, wpad())));
    expect(report.Runs[0]?.Endpoints[0]?.Route).toMatchObject({ Kind: 'Proxy', Source: 'Wpad' });
  });

  test('a PAC script that throws: PacFailed, then direct', async () => {
    lab.pac = 'function FindProxyForURL(url, host) { throw new Error("broken rule"); }';
    const report = record(await runProbe(request(), lab.environment({ DnsSuffixes: ['corp.contoso.test'] }, wpad())));
    expect(ids(report)).toEqual(['PacFailed']);
    expect(report.Runs[0]?.PacError).toContain('broken rule');
    expect(report.Runs[0]?.Endpoints[0]?.Outcome).toBe('Reachable');
  });

  test('a PAC that loops forever is stopped: PacFailed', async () => {
    lab.pac = 'function FindProxyForURL(url, host) { for (;;) {} }';
    const report = record(await runProbe(request(), lab.environment({ DnsSuffixes: ['corp.contoso.test'] }, wpad())));
    expect(ids(report)).toEqual(['PacFailed']);
  }, 20_000);

  test('a WPAD host whose wpad.dat is missing: PacFailed', async () => {
    lab.pac = null;
    const report = record(await runProbe(request(), lab.environment({ DnsSuffixes: ['corp.contoso.test'] }, wpad())));
    expect(ids(report)).toEqual(['PacFailed']);
    expect(report.Runs[0]?.PacError).toContain('404');
  });

  test('no WPAD host resolves: direct, and the reason names the names tried', async () => {
    const report = record(await runProbe(request(), lab.environment({ DnsSuffixes: ['corp.contoso.test'] })));
    expect(report.Findings).toEqual([]);
    expect(report.Runs[0]?.Endpoints[0]?.Route.Reason).toContain('wpad.corp.contoso.test, wpad.contoso.test');
  });
});

describe('federation: the realm and the MEX', () => {
  test('a managed domain: no federation to check', async () => {
    const report = record(await runProbe(request({ UserPrincipalName: 'ana@fabrikam.test' }), lab.environment({})));
    expect(report.Runs[0]?.Federation).toMatchObject({ NameSpaceType: 'Managed', MexUrl: null });
    expect(report.Findings).toEqual([]);
  });

  test('a federated domain with a good MEX: its WS-Trust endpoints, no finding', async () => {
    lab.behaviour.mex = MEX.good;
    const report = record(await runProbe(request({ UserPrincipalName: 'ana@contoso.test' }), lab.environment({})));
    expect(report.Runs[0]?.Federation).toMatchObject({ NameSpaceType: 'Federated', Protocol: 'WSTrust', MexReachable: true, MexHasDtd: false });
    expect(report.Runs[0]?.Federation?.WsTrustEndpoints).toEqual(['certificatemixed (2005)', 'usernamemixed (1.3)', 'usernamemixed (2005)', 'windowstransport (1.3)']);
    expect(report.Findings).toEqual([]);
  });

  test('a MEX without usernamemixed: WsTrustEndpointMissing', async () => {
    lab.behaviour.mex = MEX.noUsernameMixed;
    try {
      const report = record(await runProbe(request({ UserPrincipalName: 'ana@contoso.test' }), lab.environment({})));
      expect(ids(report)).toEqual(['WsTrustEndpointMissing']);
      expect(report.Findings[0]).toMatchObject({ Target: STS });
      expect(report.Findings[0]?.Message).toContain('usernamemixed');
    } finally {
      lab.behaviour.mex = MEX.good;
    }
  });

  test('a MEX carrying a DTD: MexHasDtd, and the DTD was not processed', async () => {
    lab.behaviour.mex = MEX.withDtd;
    try {
      const report = record(await runProbe(request({ UserPrincipalName: 'ana@contoso.test' }), lab.environment({})));
      expect(ids(report)).toEqual(['MexHasDtd']);
      expect(report.Findings[0]?.RelatedCodes).toContain('0xc00cee4f');
    } finally {
      lab.behaviour.mex = MEX.good;
    }
  });

  test('a MEX that answers 404: MexUnreachable', async () => {
    lab.behaviour.mex = null;
    try {
      const report = record(await runProbe(request({ UserPrincipalName: 'ana@contoso.test' }), lab.environment({})));
      expect(ids(report)).toEqual(['MexUnreachable']);
      expect(report.Runs[0]?.Federation?.MexError).toBe('HTTP 404');
    } finally {
      lab.behaviour.mex = MEX.good;
    }
  });

  test('a domain Entra ID does not know: RealmNotFound', async () => {
    const report = record(await runProbe(request({ UserPrincipalName: 'ana@nowhere.test' }), lab.environment({})));
    expect(ids(report)).toEqual(['RealmNotFound']);
  });
});

describe('SYSTEM and the user side by side', () => {
  test('SYSTEM stuck at an authenticating proxy while the user goes direct: ContextsDiffer', async () => {
    const report = record(await runProbe(request({ Contexts: ['System', 'User'] }), lab.environment({
      WinHttp: { Kind: 'Proxy', Server: 'authproxy.lab.test:8080', Bypass: [] },
      WinInet: { ProxyEnable: false, ProxyServer: null, ProxyOverride: [], AutoConfigURL: null },
    })));
    expect(ids(report)).toEqual(['ContextsDiffer', 'ProxyAuthRequired']);
    const differ = report.Findings.find((finding) => finding.Id === 'ContextsDiffer');
    expect(differ?.Context).toBeNull();
    expect(report.Runs.map((run) => run.Context)).toEqual(['System', 'User']);
    expect(report.Runs[1]?.Findings).toEqual([]);
  });
});

describe('the suite stays on loopback', () => {
  test('the guard refuses a socket to a public address', async () => {
    const before = refusedDestinations.length;
    await expect(systemNetwork.connect('192.0.2.10', 443)).rejects.toThrow(/loopback guard/);
    expect(refusedDestinations.slice(before)).toEqual(['192.0.2.10']);
    refusedDestinations.splice(before);
  });

  test('every finding of the catalogue was produced by a scenario above, and no socket left loopback', () => {
    expect([...produced].sort()).toEqual([...PROBE_FINDING_IDS].sort());
    expect(refusedDestinations).toEqual([]);
  });
});

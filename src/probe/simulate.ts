import type { Scenario } from '../sim/scenario.js';
import { cloudOfAuthority, cloudTargets } from './cloud.js';
import { judgeRun } from './judge.js';
import { assembleReport, type ProbeRequest } from './probe.js';
import { parseNetshWinHttp, staticRoute } from './route.js';
import type { ProbeContext, ProbeEndpoint, ProbeFederation, ProbeReport, ProbeRoute, ProbeRun, ProbeStage } from './types.js';

/** Stage times of a simulated answer (ms): plausible, fixed, so outputs are stable. */
const STAGE_MS = { Dns: 12, Connect: 31, Tls: 48, Http: 95 } as const;

/**
 * What the probe would measure on a simulated device: the scenario's network fault turned into
 * the measurements the real client produces, then judged by the same rules. No socket is opened.
 */
export function simulateProbe(scenario: Scenario, request: ProbeRequest, now: Date): ProbeReport {
  const network = scenario.Network ?? { WinHttpProxy: null, Fault: 'None' };
  const runs: ProbeRun[] = request.Contexts.map((context) => simulatedRun(scenario, network, context, request, now));
  return assembleReport(request, runs, now);
}

function simulatedRun(scenario: Scenario, network: NonNullable<Scenario['Network']>, context: ProbeContext, request: ProbeRequest, now: Date): ProbeRun {
  // The user's browser settings are direct in every scenario: the faults sit on SYSTEM's route.
  const faulty = context === 'System';
  const proxy = faulty && network.WinHttpProxy ? parseNetshWinHttp(`Proxy Server(s) : ${network.WinHttpProxy}\nBypass List : (none)`) : null;
  const routeFor = (host: string): ProbeRoute =>
    proxy?.Kind === 'Proxy' ? staticRoute(proxy, host, 'WinHttpStatic', 'WinHTTP proxy') : { Kind: 'Direct', Proxy: null, Source: context === 'System' ? 'None' : 'WinInet', Reason: context === 'System' ? 'no WinHTTP proxy; no WPAD host resolves' : 'the user has no proxy and no PAC' };
  const skew = faulty && network.Fault === 'ClockSkew' ? (network.SkewSeconds ?? 0) : 0;
  const answer = (url: string): ProbeEndpoint => {
    const host = new URL(url).hostname;
    const route = routeFor(host);
    const stages: ProbeStage[] = (['Dns', 'Connect', 'Tls', 'Http'] as const).map((Name) => ({ Name, Ok: true, Milliseconds: STAGE_MS[Name], Detail: null }));
    const endpoint: ProbeEndpoint = {
      Host: host, Url: url, Route: route, Stages: stages, HttpStatus: 200,
      TlsRootIssuer: faulty && network.Fault === 'TlsInspected' ? `CN=${network.InspectionIssuer ?? 'Inspection CA'}` : 'CN=DigiCert Global Root G2, O=DigiCert Inc, C=US',
      ServerDate: new Date(Math.round((now.getTime() - skew * 1000) / 1000) * 1000).toISOString(),
      Outcome: 'Reachable', Failure: null, ProxyStatus: null, BlockPage: false,
      TotalMilliseconds: STAGE_MS.Dns + STAGE_MS.Connect + STAGE_MS.Tls + STAGE_MS.Http,
    };
    if (faulty && network.Fault === 'ProxyAuthRequired' && route.Kind === 'Proxy') {
      const [, connect, tls, http] = stages;
      if (connect) Object.assign(connect, { Ok: false, Detail: 'the proxy answered 407 to CONNECT' });
      for (const stage of [tls, http]) if (stage) Object.assign(stage, { Ok: null, Milliseconds: null });
      Object.assign(endpoint, { HttpStatus: null, TlsRootIssuer: null, ServerDate: null, Outcome: 'Failed', Failure: 'ProxyRefused', ProxyStatus: 407, TotalMilliseconds: STAGE_MS.Dns + STAGE_MS.Connect });
    }
    return endpoint;
  };
  const endpoints = cloudTargets(request.Cloud, request.TenantId).map((target) => answer(target.Url));
  let federation: ProbeFederation | null = null;
  const authority = scenario.Device.FederationAuthority;
  const upn = request.UserPrincipalName;
  if (upn?.includes('@') && endpoints.every((endpoint) => endpoint.Outcome === 'Reachable')) {
    const domain = upn.split('@').pop() ?? upn;
    if (authority) {
      const mexUrl = `${new URL(authority).origin}/adfs/services/trust/mex`;
      const mex = answer(mexUrl);
      endpoints.push(mex);
      const dtd = faulty && network.Fault === 'MexHasDtd';
      federation = { Domain: domain, NameSpaceType: 'Federated', Protocol: 'WSTrust', MexUrl: mexUrl, MexReachable: true, MexHasDtd: dtd, WsTrustEndpoints: dtd ? [] : ['usernamemixed (1.3)', 'usernamemixed (2005)', 'windowstransport (1.3)'], MexError: null };
    } else {
      federation = { Domain: domain, NameSpaceType: 'Managed', Protocol: null, MexUrl: null, MexReachable: null, MexHasDtd: null, WsTrustEndpoints: [], MexError: null };
    }
  }
  const run: Omit<ProbeRun, 'Findings'> = { Context: context, Endpoints: endpoints, ClockSkewSeconds: skew, Federation: federation, PacError: null };
  return { ...run, Findings: judgeRun(run) };
}

/** The request a simulated device implies when the command gives no tenant, UPN or cloud. */
export function simulatedIdentity(scenario: Scenario): Pick<ProbeRequest, 'TenantId' | 'UserPrincipalName' | 'Cloud'> {
  return { TenantId: scenario.Device.TenantId, UserPrincipalName: scenario.Device.UserPrincipalName, Cloud: cloudOfAuthority('https://login.microsoftonline.com') };
}

import { bySeverity, makeFinding } from './catalogue.js';
import type { ProbeContext, ProbeEndpoint, ProbeFinding, ProbeRun } from './types.js';

/**
 * The root CAs Microsoft's identity endpoints chain to (public, US Government and China): the
 * DigiCert roots, Microsoft's own 2017 roots, and the retired Baltimore root older chains still
 * show. Judged by the root's name, since servers rarely send the root itself.
 */
export const MICROSOFT_ROOT_CAS: readonly string[] = [
  'DigiCert Global Root G2',
  'DigiCert Global Root G3',
  'DigiCert Global Root CA',
  'Microsoft RSA Root Certificate Authority 2017',
  'Microsoft ECC Root Certificate Authority 2017',
  'Baltimore CyberTrust Root',
];

/** Above this an answer is slow (the 2 s). */
export const SLOW_MS = 2000;
/** Entra ID's tolerance for clock differences in tokens and assertions: 5 minutes. */
export const MAX_SKEW_SECONDS = 300;

/** The common name of an issuer written `CN=…, O=…` (or the whole text when it has none). */
export function issuerName(issuer: string): string {
  const cn = /(?:^|[,/]\s*)CN=([^,/]+)/i.exec(issuer);
  return (cn?.[1] ?? issuer).trim();
}

export const isMicrosoftRoot = (issuer: string) => MICROSOFT_ROOT_CAS.some((name) => name.toLowerCase() === issuerName(issuer).toLowerCase());

const stageDetail = (endpoint: ProbeEndpoint, name: string) => endpoint.Stages.find((stage) => stage.Name === name && stage.Ok === false)?.Detail ?? null;
const why = (detail: string | null) => (detail ? ` (${detail})` : '');

function endpointFindings(endpoint: ProbeEndpoint, context: ProbeContext): ProbeFinding[] {
  const found: ProbeFinding[] = [];
  const host = endpoint.Host;
  const route = endpoint.Route;
  const add = (id: Parameters<typeof makeFinding>[0], message: string) => found.push(makeFinding(id, context, host, message));
  const via = route.Kind === 'Proxy' ? ` through the proxy ${route.Proxy ?? '?'}` : ' on a direct route';
  switch (endpoint.Failure) {
    case 'Dns':
      if (route.Kind === 'Proxy') add('ProxyUnreachable', `The proxy ${route.Proxy ?? '?'} (${route.Reason}) has a name that does not resolve${why(stageDetail(endpoint, 'Dns'))}.`);
      else add('DnsFailed', `${host} does not resolve${why(stageDetail(endpoint, 'Dns'))}.`);
      break;
    case 'ProxyConnect':
      add('ProxyUnreachable', `The proxy ${route.Proxy ?? '?'} (${route.Reason}) refuses or drops the connection${why(stageDetail(endpoint, 'Connect'))}.`);
      break;
    case 'ProxyRefused': {
      const status = endpoint.ProxyStatus ?? null;
      if (status === 407) add('ProxyAuthRequired', `The proxy ${route.Proxy ?? '?'} answered 407 (authentication required) to the CONNECT for ${host}:443; the probe, like the computer account, sends no credentials.`);
      else if (endpoint.BlockPage === true || status === 403 || status === 451) add('HttpBlocked', `The proxy ${route.Proxy ?? '?'} refused the CONNECT for ${host}:443 with ${status ?? 'an error'}${endpoint.BlockPage === true ? ' and a block page' : ''}.`);
      else add('ConnectFailed', `The proxy ${route.Proxy ?? '?'} could not open ${host}:443 (it answered ${status ?? 'an error'}).`);
      break;
    }
    case 'Connect':
      add('ConnectFailed', `No TCP connection to ${host}:443${via}${why(stageDetail(endpoint, 'Connect'))}.`);
      break;
    case 'Timeout':
      add('ConnectFailed', `${host} did not answer in time${via}${why(endpoint.Stages.find((stage) => stage.Ok === false)?.Detail ?? null)}.`);
      break;
    case 'Tls':
      add('TlsFailed', `The TLS handshake with ${host}${via} failed${why(stageDetail(endpoint, 'Tls'))}.`);
      break;
    default:
      break;
  }
  if (endpoint.TlsRootIssuer !== null && !isMicrosoftRoot(endpoint.TlsRootIssuer)) {
    add('TlsInspected', `The certificate chain for ${host}${via} ends in "${issuerName(endpoint.TlsRootIssuer)}", not a root Microsoft uses for this host: something re-signs the traffic.`);
  }
  if (endpoint.Failure !== 'ProxyRefused' && endpoint.BlockPage === true) {
    add('HttpBlocked', `${host} answered ${endpoint.HttpStatus ?? '?'} with a filter's page${via}, not the service's answer.`);
  }
  const total = endpoint.TotalMilliseconds ?? null;
  if (total !== null && total > SLOW_MS && endpoint.Outcome === 'Reachable') {
    add('Slow', `${host} took ${(total / 1000).toFixed(1)} s to answer${via} (more than ${SLOW_MS / 1000} s).`);
  }
  return found;
}

/** The findings of one measured run (pure: the measurements in, the judgement out). */
export function judgeRun(run: Omit<ProbeRun, 'Findings'>): ProbeFinding[] {
  const found: ProbeFinding[] = [];
  const context = run.Context;
  if (run.PacError) found.push(makeFinding('PacFailed', context, null, `The proxy auto-configuration failed: ${run.PacError}.`));
  for (const endpoint of run.Endpoints) found.push(...endpointFindings(endpoint, context));
  const skew = run.ClockSkewSeconds;
  if (skew !== null && Math.abs(skew) > MAX_SKEW_SECONDS) {
    const direction = skew > 0 ? 'ahead of' : 'behind';
    found.push(makeFinding('ClockSkew', context, null, `This computer's clock is ${Math.abs(Math.round(skew))} s ${direction} the servers' (the Date of their answers); more than ${MAX_SKEW_SECONDS} s is refused.`));
  }
  const federation = run.Federation;
  if (federation) {
    if (federation.NameSpaceType === 'Unknown') {
      found.push(makeFinding('RealmNotFound', context, federation.Domain, `Entra ID's realm lookup does not know the domain ${federation.Domain}.`));
    } else if (federation.NameSpaceType === 'Federated' && federation.MexUrl !== null) {
      const mexHost = hostOf(federation.MexUrl);
      if (federation.MexReachable === false) {
        found.push(makeFinding('MexUnreachable', context, mexHost, `The federation metadata ${federation.MexUrl} could not be read${why(federation.MexError ?? null)}.`));
      } else if (federation.MexHasDtd === true) {
        found.push(makeFinding('MexHasDtd', context, mexHost, `The document served at ${federation.MexUrl} carries a DTD (<!DOCTYPE …>), which the Windows XML reader refuses.`));
      } else if (federation.MexReachable === true) {
        const missing = ['windowstransport', 'usernamemixed'].filter((kind) => !federation.WsTrustEndpoints.some((endpoint) => endpoint.startsWith(kind)));
        if (missing.length > 0) {
          found.push(makeFinding('WsTrustEndpointMissing', context, mexHost, `The federation metadata publishes no ${missing.join(' and no ')} endpoint (it lists: ${federation.WsTrustEndpoints.join(', ') || 'none'}).`));
        }
      }
    }
  }
  return bySeverity(found);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

/** What differs between the SYSTEM and the user run: the same host reached by one and not the other. */
export function judgeContexts(system: ProbeRun, user: ProbeRun): ProbeFinding[] {
  const differences: string[] = [];
  for (const mine of system.Endpoints) {
    const theirs = user.Endpoints.find((endpoint) => endpoint.Host === mine.Host);
    if (!theirs || theirs.Outcome === mine.Outcome) continue;
    differences.push(`${mine.Host}: SYSTEM ${mine.Outcome === 'Reachable' ? 'reaches it' : 'fails'} (${mine.Route.Reason}), the user ${theirs.Outcome === 'Reachable' ? 'reaches it' : 'fails'} (${theirs.Route.Reason})`);
  }
  if (differences.length === 0) return [];
  return [makeFinding('ContextsDiffer', null, null, `SYSTEM and the user do not reach the same hosts: ${differences.join('; ')}.`)];
}

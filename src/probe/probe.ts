import { bySeverity } from './catalogue.js';
import { cloudTargets, realmUrl, type Cloud } from './cloud.js';
import { parseRealm, readMex } from './federation.js';
import { judgeContexts, judgeRun } from './judge.js';
import { measure, type Measurement, type Network } from './network.js';
import { compilePac, type FindProxyForUrl } from './pac.js';
import { routeFromPac, staticRoute, type WinHttpSetting, type WinInetSettings } from './route.js';
import type { ProbeContext, ProbeEndpoint, ProbeFederation, ProbeReport, ProbeRoute, ProbeRun } from './types.js';

/** How this device routes requests, as read by the host (null: could not be read here). */
export interface ProbeSettings {
  WinHttp: WinHttpSetting | null;
  WinInet: WinInetSettings | null;
  /** The device's DNS suffixes, for WPAD's `wpad.<suffix>` (most specific first). */
  DnsSuffixes: string[];
}

export interface ProbeRequest {
  Contexts: ProbeContext[];
  TenantId: string | null;
  UserPrincipalName: string | null;
  Cloud: Cloud;
}

export interface ProbeEnvironment {
  settings: ProbeSettings;
  network: Network;
  now: () => Date;
  timeoutMs: number;
  myIpAddress: string;
}

/** A route decider for one context: the host in, the route out. */
type RouteFor = (url: string) => Promise<ProbeRoute>;

/** `wpad.a.b.c`, `wpad.b.c`: WinHTTP's DNS devolution, stopping at two labels. */
export function wpadCandidates(suffixes: readonly string[]): string[] {
  const names: string[] = [];
  for (const suffix of suffixes) {
    const labels = suffix.toLowerCase().replace(/\.$/, '').split('.').filter((label) => label !== '');
    for (let start = 0; labels.length - start >= 2; start++) {
      const name = `wpad.${labels.slice(start).join('.')}`;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** Downloads a PAC file over plain HTTP (as WPAD does), direct. */
async function downloadPac(url: string, env: ProbeEnvironment): Promise<string> {
  const { request } = await import('node:http');
  const parsed = new URL(url);
  const addresses = await env.network.lookup(parsed.hostname);
  const first = addresses[0];
  if (!first) throw new Error(`${parsed.hostname} has no address`);
  const port = first.port ?? Number(parsed.port || 80);
  const socket = await env.network.connect(first.address, port);
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${env.timeoutMs / 1000} s`));
    }, env.timeoutMs);
    const req = request({ host: parsed.hostname, port, path: `${parsed.pathname}${parsed.search}`, headers: { 'User-Agent': 'PrtTools-probe', Connection: 'close' }, createConnection: () => socket });
    req.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        clearTimeout(timer);
        socket.destroy();
        if (response.statusCode !== 200) reject(new Error(`${url} answered HTTP ${response.statusCode ?? '?'}`));
        else resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
    req.end();
  });
}

/** A failure's words: an Error's code and message, or what QuickJS throws (a plain object with a message). */
function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  if (error && typeof error === 'object' && 'message' in error) return String((error).message);
  return String(error);
}

/** A PAC file as a route decider; a failure becomes the run's PacError and a direct route. */
async function pacRoutes(pacUrl: string, label: string, source: 'Wpad' | 'Pac', env: ProbeEnvironment, failed: (why: string) => void): Promise<RouteFor> {
  let find: FindProxyForUrl;
  try {
    find = await compilePac(await downloadPac(pacUrl, env), env.network, env.myIpAddress);
  } catch (error) {
    const why = `${label} ${pacUrl}: ${errorText(error)}`;
    failed(why);
    return async () => ({ Kind: 'Direct', Proxy: null, Source: source, Reason: `${why}; tried direct, as WinHTTP falls back to` });
  }
  // A script that failed once is not run again (a loop would cost its time limit per host).
  let broken: string | null = null;
  return async (url) => {
    if (broken === null) {
      try {
        return { ...routeFromPac(await find(url), `${label} ${pacUrl}`), Source: source };
      } catch (error) {
        broken = `${label} ${pacUrl} failed to run for ${new URL(url).hostname}: ${errorText(error)}`;
        failed(broken);
      }
    }
    return { Kind: 'Direct', Proxy: null, Source: source, Reason: `${broken}; tried direct` };
  };
}

async function systemRoutes(env: ProbeEnvironment, failed: (why: string) => void): Promise<RouteFor> {
  const winHttp = env.settings.WinHttp;
  if (winHttp?.Kind === 'Proxy') return async (url) => staticRoute(winHttp, new URL(url).hostname, 'WinHttpStatic', 'WinHTTP proxy');
  if (winHttp === null) return async () => ({ Kind: 'Direct', Proxy: null, Source: 'None', Reason: 'no WinHTTP settings readable here (not Windows); went direct' });
  for (const name of wpadCandidates(env.settings.DnsSuffixes)) {
    let resolves: boolean;
    try {
      resolves = (await env.network.lookup(name)).length > 0;
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      resolves = false;
    }
    if (resolves) return pacRoutes(`http://${name}/wpad.dat`, 'WPAD', 'Wpad', env, failed);
  }
  const tried = wpadCandidates(env.settings.DnsSuffixes);
  return async () => ({ Kind: 'Direct', Proxy: null, Source: 'None', Reason: `no WinHTTP proxy; ${tried.length > 0 ? `no WPAD host (${tried.join(', ')}) resolves` : 'no DNS suffix for WPAD'}` });
}

async function userRoutes(env: ProbeEnvironment, failed: (why: string) => void): Promise<RouteFor> {
  const winInet = env.settings.WinInet;
  if (winInet === null) return async () => ({ Kind: 'Direct', Proxy: null, Source: 'None', Reason: 'no user proxy settings readable here (not Windows); went direct' });
  if (winInet.AutoConfigURL) return pacRoutes(winInet.AutoConfigURL, 'the user\'s PAC', 'Pac', env, failed);
  if (winInet.ProxyEnable && winInet.ProxyServer) {
    const setting = { Server: winInet.ProxyServer, Bypass: winInet.ProxyOverride };
    return async (url) => staticRoute(setting, new URL(url).hostname, 'WinInet', 'the user\'s proxy');
  }
  return async () => ({ Kind: 'Direct', Proxy: null, Source: 'WinInet', Reason: 'the user has no proxy and no PAC' });
}

/** Median of the per-answer differences, in whole seconds (positive: this computer is ahead). */
export function clockSkewSeconds(measurements: readonly Measurement[]): number | null {
  const samples = measurements
    .filter((m) => m.Endpoint.ServerDate !== null && m.LocalTimeAtResponse !== null)
    .map((m) => ((m.LocalTimeAtResponse as Date).getTime() - Date.parse(m.Endpoint.ServerDate as string)) / 1000)
    .sort((a, b) => a - b);
  if (samples.length === 0) return null;
  const middle = samples[Math.floor(samples.length / 2)] ?? 0;
  return Math.round(middle);
}

async function probeContext(context: ProbeContext, request: ProbeRequest, env: ProbeEnvironment): Promise<ProbeRun> {
  let pacError: string | null = null;
  const failed = (why: string) => {
    pacError ??= why;
  };
  const routeFor = context === 'System' ? await systemRoutes(env, failed) : await userRoutes(env, failed);
  const ask = async (url: string, headers: Record<string, string> = {}) => measure({ url, headers, route: await routeFor(url), network: env.network, timeoutMs: env.timeoutMs, now: env.now });
  const measurements: Measurement[] = [];
  for (const target of cloudTargets(request.Cloud, request.TenantId)) measurements.push(await ask(target.Url, target.Headers));
  const endpoints: ProbeEndpoint[] = measurements.map((m) => m.Endpoint);
  let federation: ProbeFederation | null = null;
  if (request.UserPrincipalName?.includes('@')) {
    const realmAnswer = await ask(realmUrl(request.Cloud, request.UserPrincipalName));
    const realm = realmAnswer.Body !== null ? parseRealm(realmAnswer.Body, request.UserPrincipalName) : null;
    if (realm) {
      federation = { Domain: realm.Domain, NameSpaceType: realm.NameSpaceType, Protocol: realm.Protocol, MexUrl: realm.MexUrl, MexReachable: null, MexHasDtd: null, WsTrustEndpoints: [], MexError: null };
      // Only the federation host the realm document names, and only over https.
      if (realm.NameSpaceType === 'Federated' && realm.MexUrl?.startsWith('https://')) {
        const mex = await ask(realm.MexUrl);
        endpoints.push(mex.Endpoint);
        if (mex.Endpoint.Outcome !== 'Reachable' || mex.Endpoint.HttpStatus !== 200 || mex.Body === null) {
          federation.MexReachable = false;
          federation.MexError = mex.Endpoint.HttpStatus !== null ? `HTTP ${mex.Endpoint.HttpStatus}` : (mex.Endpoint.Stages.find((stage) => stage.Ok === false)?.Detail ?? mex.Endpoint.Failure ?? 'not reached');
        } else {
          const reading = readMex(mex.Body);
          federation.MexReachable = true;
          federation.MexHasDtd = reading.HasDtd;
          federation.WsTrustEndpoints = reading.Endpoints;
        }
      } else if (realm.NameSpaceType === 'Federated') {
        federation.MexError = realm.MexUrl ? `not an https URL: ${realm.MexUrl}` : 'the realm document names no metadata URL';
      }
    }
  }
  const run: Omit<ProbeRun, 'Findings'> = { Context: context, Endpoints: endpoints, ClockSkewSeconds: clockSkewSeconds(measurements), Federation: federation, PacError: pacError };
  return { ...run, Findings: judgeRun(run) };
}

/** The whole probe: each context's run, judged, and what differs between them. */
export async function runProbe(request: ProbeRequest, env: ProbeEnvironment): Promise<ProbeReport> {
  const runs: ProbeRun[] = [];
  for (const context of request.Contexts) runs.push(await probeContext(context, request, env));
  return assembleReport(request, runs, env.now());
}

export function assembleReport(request: ProbeRequest, runs: ProbeRun[], observedAt: Date): ProbeReport {
  const system = runs.find((run) => run.Context === 'System');
  const user = runs.find((run) => run.Context === 'User');
  // A SYSTEM run that did not happen differs from nothing: no cross-context finding from it.
  const across = system && user && !system.ContextError ? judgeContexts(system, user) : [];
  return {
    SchemaVersion: 1,
    ObservedAt: observedAt.toISOString(),
    Cloud: request.Cloud,
    TenantId: request.TenantId,
    UserPrincipalName: request.UserPrincipalName,
    Runs: runs,
    Findings: bySeverity([...runs.flatMap((run) => run.Findings), ...across]),
  };
}

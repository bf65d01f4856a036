import type { Socket } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { ProbeEndpoint, ProbeFailure, ProbeRoute, ProbeStage, ProbeStageName } from './types.js';

/** Where a name leads: an address, and for tests a port standing in for the URL's. */
export interface ResolvedAddress {
  address: string;
  port?: number;
}

/**
 * The only way the probe reaches the network: name lookups and TCP connections. Production uses
 * the system resolver and sockets; tests point host names at loopback servers.
 */
export interface Network {
  lookup(host: string): Promise<ResolvedAddress[]>;
  connect(address: string, port: number): Promise<Socket>;
}

export const systemNetwork: Network = {
  async lookup(host) {
    const { lookup } = await import('node:dns/promises');
    return (await lookup(host, { all: true })).map((entry) => ({ address: entry.address }));
  },
  async connect(address, port) {
    const { connect } = await import('node:net');
    return connect({ host: address, port });
  },
};

/**
 * Host names mapped to `127.0.0.1:port` (the tests' resolver): any other name does not resolve,
 * and only loopback addresses are ever connected to.
 */
export function loopbackNetwork(hosts: Readonly<Record<string, string>>): Network {
  return {
    async lookup(host) {
      const target = hosts[host.toLowerCase()];
      if (target === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      const [address = '', port] = target.split(':');
      return [{ address, port: port === undefined ? undefined : Number(port) }];
    },
    async connect(address, port) {
      if (address !== '127.0.0.1' && address !== '::1') throw new Error(`the test network connects to loopback only, not ${address}`);
      const { connect } = await import('node:net');
      return connect({ host: address, port });
    },
  };
}

/**
 * `PRT_PROBE_HOSTS=host=127.0.0.1:port,…` (forced live mode only): the end-to-end tests' resolver.
 * Forced live mode is a test mode: without that list no name resolves, so no test reaches out.
 */
export function networkFromEnv(env: NodeJS.ProcessEnv): Network {
  if (env.PRT_FORCE_LIVE !== '1') return systemNetwork;
  const spec = env.PRT_PROBE_HOSTS ?? '';
  const hosts: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const [host, target] = pair.split('=');
    if (host && target) hosts[host.trim().toLowerCase()] = target.trim();
  }
  return loopbackNetwork(hosts);
}

export interface RequestOptions {
  url: string;
  headers?: Record<string, string>;
  route: ProbeRoute;
  network: Network;
  /** Per stage. */
  timeoutMs: number;
  now: () => Date;
  /** Bytes of the body kept (realm JSON, MEX XML); the rest is not read. */
  maxBodyBytes?: number;
}

export interface Measurement {
  Endpoint: ProbeEndpoint;
  Body: string | null;
  ContentType: string | null;
  /** This computer's clock when the answer's head arrived (for the skew). */
  LocalTimeAtResponse: Date | null;
}

class StageFailure extends Error {
  constructor(
    readonly failure: ProbeFailure,
    readonly stage: ProbeStageName,
    detail: string,
  ) {
    super(detail);
  }
}

const describe = (error: unknown) => (error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error));

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => StageFailure): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => { reject(onTimeout()); }, ms);
    }),
  ]).finally(() => { clearTimeout(timer); });
}

function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (!socket.connecting) { resolve(socket); return; }
    socket.once('connect', () => { resolve(socket); });
    socket.once('error', reject);
  });
}

/** The head of the proxy's answer to CONNECT (status and, for a refusal, the start of the body). */
function readConnectAnswer(socket: Socket): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const MaxHead = 16 * 1024;
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0 && buffer.length < MaxHead) return;
      socket.off('data', onData);
      socket.off('error', reject);
      socket.off('end', onEnd);
      const head = buffer.subarray(0, end < 0 ? buffer.length : end).toString('latin1');
      const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(head)?.[1] ?? 0);
      // Anything after the head belongs to the tunnel (or is the refusal's body): give it back.
      const rest = end < 0 ? Buffer.alloc(0) : buffer.subarray(end + 4);
      if (status === 200 && rest.length > 0) socket.unshift(rest);
      resolve({ status, head, body: rest.toString('utf8') });
    };
    const onEnd = () => { reject(new Error('the proxy closed the connection without an answer')); };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('end', onEnd);
  });
}

/** The issuer of the last certificate of the chain the peer sent: the root's name. */
export function rootIssuer(certificate: PeerCertificate | null): string | null {
  // getPeerCertificate() gives {} when the peer sent none, whatever its type says.
  if (!certificate || !('issuer' in certificate)) return null;
  let last = certificate;
  const seen = new Set<string>();
  for (;;) {
    const next = (last as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
    if (!next || next === last || seen.has(next.fingerprint256) || next.fingerprint256 === last.fingerprint256) break;
    seen.add(last.fingerprint256);
    last = next;
  }
  const issuer = last.issuer as unknown as Record<string, string | string[] | undefined>;
  const part = (key: string) => {
    const value = issuer[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const parts = ['CN', 'O', 'C'].map((key) => [key, part(key)] as const).filter(([, value]) => value !== undefined && value !== '');
  return parts.length > 0 ? parts.map(([key, value]) => `${key}=${value ?? ''}`).join(', ') : null;
}

const looksLikeBlockPage = (status: number, contentType: string | null, body: string) =>
  (status === 403 || status === 451) && (/html/i.test(contentType ?? '') || /<html/i.test(body));

/**
 * One HTTPS GET as the PRT request would travel: DNS, TCP (to the proxy and CONNECT through it
 * when the route says so), TLS (any chain accepted, its root recorded), the answer's head and a
 * bounded body. No credentials are ever sent: a 407 is measured, not answered.
 */
export async function measure(options: RequestOptions): Promise<Measurement> {
  const url = new URL(options.url);
  const host = url.hostname;
  const targetPort = Number(url.port || 443);
  const stages: ProbeStage[] = (['Dns', 'Connect', 'Tls', 'Http'] as const).map((Name) => ({ Name, Ok: null, Milliseconds: null, Detail: null }));
  const endpoint: ProbeEndpoint = { Host: host, Url: options.url, Route: options.route, Stages: stages, HttpStatus: null, TlsRootIssuer: null, ServerDate: null, Outcome: 'NotTried', Failure: null, ProxyStatus: null, BlockPage: false, TotalMilliseconds: null };
  const result: Measurement = { Endpoint: endpoint, Body: null, ContentType: null, LocalTimeAtResponse: null };
  if (options.route.Kind === 'Unknown') {
    endpoint.Failure = 'Pac';
    return result;
  }
  const stageOf = (name: ProbeStageName) => stages.find((stage) => stage.Name === name) as ProbeStage;
  const started = performance.now();
  let sockets: Socket[] = [];
  const timed = async <T>(name: ProbeStageName, failure: ProbeFailure, work: () => Promise<T>, detail: (value: T) => string | null = () => null): Promise<T> => {
    const stage = stageOf(name);
    const begin = performance.now();
    try {
      const value = await withTimeout(work(), options.timeoutMs, () => new StageFailure(failure === 'Http' ? 'Timeout' : failure, name, `no answer within ${options.timeoutMs / 1000} s`));
      stage.Ok = true;
      stage.Detail = detail(value);
      return value;
    } catch (error) {
      stage.Ok = false;
      const failed = error instanceof StageFailure ? error : new StageFailure(failure, name, describe(error));
      stage.Detail = failed.message;
      throw failed;
    } finally {
      // A stage timed in two steps (TCP, then CONNECT) adds up.
      stage.Milliseconds = (stage.Milliseconds ?? 0) + Math.round(performance.now() - begin);
    }
  };
  try {
    const viaProxy = options.route.Kind === 'Proxy' && options.route.Proxy !== null;
    const [connectHost = host, connectPortText] = viaProxy ? (options.route.Proxy ?? '').split(/:(?=\d+$)/) : [host, String(targetPort)];
    const connectPort = Number(connectPortText ?? 80);
    const addresses = await timed('Dns', 'Dns', () => options.network.lookup(connectHost), (found) => `${viaProxy ? `proxy ${connectHost}` : host} → ${found.map((entry) => entry.address).join(', ')}`);
    const first = addresses[0];
    if (!first) throw new StageFailure('Dns', 'Dns', 'no address');
    const tcp = await timed('Connect', viaProxy ? 'ProxyConnect' : 'Connect', async () => {
      const socket = await options.network.connect(first.address, first.port ?? connectPort);
      sockets.push(socket);
      return connected(socket);
    });
    if (viaProxy) {
      const answer = await timed('Connect', 'ProxyConnect', async () => {
        tcp.write(`CONNECT ${host}:${targetPort} HTTP/1.1\r\nHost: ${host}:${targetPort}\r\n\r\n`);
        return readConnectAnswer(tcp);
      }, (value) => `proxy answered ${value.status}`);
      if (answer.status !== 200) {
        endpoint.ProxyStatus = answer.status;
        endpoint.BlockPage = answer.status !== 407 && looksLikeBlockPage(answer.status, /content-type:\s*([^\r\n]+)/i.exec(answer.head)?.[1] ?? null, answer.body);
        stageOf('Connect').Ok = false;
        stageOf('Connect').Detail = `the proxy answered ${answer.status} to CONNECT`;
        throw new StageFailure('ProxyRefused', 'Connect', `the proxy answered ${answer.status} to CONNECT`);
      }
    }
    const { connect: tlsConnect } = await import('node:tls');
    const secure = await timed('Tls', 'Tls', () => new Promise<TLSSocket>((resolve, reject) => {
      // Observe, do not judge: an inspecting proxy's chain is the finding, not a reason to stop.
      const socket = tlsConnect({ socket: tcp, servername: host, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
      sockets.push(socket);
      socket.once('secureConnect', () => { resolve(socket); });
      socket.once('error', reject);
    }), (socket) => `${socket.getProtocol() ?? 'TLS'}${socket.authorized ? '' : `; not trusted here: ${String(socket.authorizationError)}`}`);
    endpoint.TlsRootIssuer = rootIssuer(secure.getPeerCertificate(true));
    const { request } = await import('node:http');
    await timed('Http', 'Http', () => new Promise<void>((resolve, reject) => {
      const req = request({
        host, port: targetPort, method: 'GET', path: `${url.pathname}${url.search}`,
        headers: { Host: host, 'User-Agent': 'PrtTools-probe', Accept: '*/*', Connection: 'close', ...(options.headers ?? {}) },
        // With createConnection and no agent, http uses our TLS socket and never resolves the name itself.
        createConnection: () => secure,
      });
      req.once('error', reject);
      req.once('response', (response) => {
        result.LocalTimeAtResponse = options.now();
        endpoint.HttpStatus = response.statusCode ?? null;
        const date = response.headers.date;
        const parsed = date ? Date.parse(date) : Number.NaN;
        endpoint.ServerDate = Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
        result.ContentType = response.headers['content-type'] ?? null;
        const chunks: Buffer[] = [];
        let size = 0;
        const limit = options.maxBodyBytes ?? 256 * 1024;
        response.on('data', (chunk: Buffer) => {
          if (size < limit) chunks.push(chunk.subarray(0, limit - size));
          size += chunk.length;
          if (size >= limit) response.destroy();
        });
        const done = () => {
          result.Body = Buffer.concat(chunks).toString('utf8');
          resolve();
        };
        response.once('end', done);
        response.once('close', done);
        response.once('error', reject);
      });
      req.end();
    }), () => `HTTP ${endpoint.HttpStatus ?? '?'}`);
    endpoint.BlockPage = looksLikeBlockPage(endpoint.HttpStatus ?? 0, result.ContentType, result.Body ?? '');
    endpoint.Outcome = 'Reachable';
  } catch (error) {
    if (!(error instanceof StageFailure)) throw error;
    endpoint.Failure = error.failure;
    endpoint.Outcome = 'Failed';
  } finally {
    endpoint.TotalMilliseconds = Math.round(performance.now() - started);
    for (const socket of sockets) socket.destroy();
    sockets = [];
  }
  return result;
}

import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { join } from 'node:path';
import { Server as ProxyServer } from 'proxy-chain';
import selfsigned from 'selfsigned';
import { loopbackNetwork, type Network } from '../../../../src/probe/network.js';
import type { ProbeEnvironment, ProbeSettings } from '../../../../src/probe/probe.js';

const fixtures = join(import.meta.dirname, '../../../fixtures/probe');
export const MEX = {
  good: readFileSync(join(fixtures, 'mex-adfs.xml'), 'utf8'),
  noUsernameMixed: readFileSync(join(fixtures, 'mex-no-usernamemixed.xml'), 'utf8'),
  withDtd: readFileSync(join(fixtures, 'mex-with-dtd.xml'), 'utf8'),
};

export const CLOUD_HOSTS = ['login.microsoftonline.com', 'device.login.microsoftonline.com', 'enterpriseregistration.windows.net', 'autologon.microsoftazuread-sso.com'];
export const STS = 'sts.contoso.test';
export const MICROSOFT_ROOT = 'DigiCert Global Root G2';
export const INSPECTION_ROOT = 'Contoso Outbound Inspection CA';

/** How the fake Microsoft answers. */
export interface Behaviour {
  /** Added to the real time in the Date header (negative: the servers are behind us). */
  dateOffsetSeconds: number;
  /** Milliseconds before answering, per host. */
  delayMs: Record<string, number>;
  /** The MEX document served at /adfs/services/trust/mex (null: 404). */
  mex: string | null;
  /** A host whose answer is a filter's 403 page. */
  blockedHost: string | null;
}

interface Pems {
  key: string;
  cert: string;
}

async function authority(name: string): Promise<Pems> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: name }, { name: 'organizationName', value: name.split(' ')[0] ?? name }], { keyType: 'ec', algorithm: 'sha256', extensions: [{ name: 'basicConstraints', cA: true }] });
  return { key: pems.private, cert: pems.cert };
}

async function leaf(ca: Pems): Promise<Pems> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'login.microsoftonline.com' }], { keyType: 'ec', algorithm: 'sha256', ca: { key: ca.key, cert: ca.cert } });
  return { key: pems.private, cert: pems.cert };
}

const listen = (server: net.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));

/** A port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function realmAnswer(upn: string): { NameSpaceType: string; [key: string]: unknown } {
  const domain = upn.split('@')[1] ?? '';
  if (domain === 'contoso.test') return { ver: '1.0', account_type: 'Federated', domain_name: domain, federation_protocol: 'WSTrust', federation_metadata_url: `https://${STS}/adfs/services/trust/mex`, federation_active_auth_url: `https://${STS}/adfs/services/trust/2005/usernamemixed`, cloud_instance_name: 'microsoftonline.com', NameSpaceType: 'Federated' };
  if (domain === 'fabrikam.test') return { ver: '1.0', account_type: 'Managed', domain_name: domain, cloud_instance_name: 'microsoftonline.com', NameSpaceType: 'Managed' };
  return { ver: '1.0', account_type: 'Unknown', cloud_instance_name: 'microsoftonline.com', NameSpaceType: 'Unknown' };
}

/**
 * Everything the probe meets on the way, on loopback: Microsoft's endpoints and a federation
 * server (one TLS server, chain from a CA named like Microsoft's root), an inspecting CA's server,
 * a forward proxy with and without Basic authentication (proxy-chain), an inspecting proxy, a
 * filtering proxy, a WPAD server, and a port that drops TLS.
 */
export class Lab {
  readonly behaviour: Behaviour = { dateOffsetSeconds: 0, delayMs: {}, mex: MEX.good, blockedHost: null };
  readonly ports: Record<string, number> = {};
  /** The PAC served at /wpad.dat (null: 404). */
  pac: string | null = 'function FindProxyForURL(url, host) { return "DIRECT"; }';
  private readonly servers: net.Server[] = [];
  private readonly proxies: ProxyServer[] = [];

  private handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const answer = () => {
      res.setHeader('Date', new Date(Date.now() + this.behaviour.dateOffsetSeconds * 1000).toUTCString());
      if (host === this.behaviour.blockedHost) {
        res.writeHead(403, { 'Content-Type': 'text/html' }).end('<html><body><h1>Access denied</h1><p>This site is blocked by policy.</p></body></html>');
        return;
      }
      const path = req.url ?? '/';
      const realm = /^\/common\/userrealm\/([^?]+)/.exec(path);
      if (realm?.[1]) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(realmAnswer(decodeURIComponent(realm[1]))));
      } else if (host === STS && path.startsWith('/adfs/services/trust/mex')) {
        if (this.behaviour.mex === null) res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html>Not found</html>');
        else res.writeHead(200, { 'Content-Type': 'application/soap+xml; charset=utf-8' }).end(this.behaviour.mex);
      } else if (path.includes('/discover')) {
        res.writeHead(req.headers['ocp-adrs-client-name'] === 'dsreg' ? 200 : 400, { 'Content-Type': 'application/json' }).end('{"DeviceRegistrationService":{}}');
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"issuer":"lab"}');
      }
    };
    const delay = this.behaviour.delayMs[host] ?? 0;
    if (delay > 0) setTimeout(answer, delay);
    else answer();
  };

  microsoft!: https.Server;
  inspected!: https.Server;

  static async start(): Promise<Lab> {
    const lab = new Lab();
    const [microsoftCa, inspectionCa] = await Promise.all([authority(MICROSOFT_ROOT), authority(INSPECTION_ROOT)]);
    const [microsoftLeaf, inspectionLeaf] = await Promise.all([leaf(microsoftCa), leaf(inspectionCa)]);
    lab.microsoft = https.createServer({ key: microsoftLeaf.key, cert: microsoftLeaf.cert }, lab.handler);
    lab.inspected = https.createServer({ key: inspectionLeaf.key, cert: inspectionLeaf.cert }, lab.handler);
    lab.ports.microsoft = await lab.track(lab.microsoft);
    lab.ports.inspected = await lab.track(lab.inspected);
    // A forward proxy: every tunnel ends at the lab's Microsoft (the inspecting one's at its own CA).
    lab.ports.proxy = await lab.proxy({ auth: false, target: lab.microsoft });
    lab.ports.authProxy = await lab.proxy({ auth: true, target: lab.microsoft });
    lab.ports.inspectingProxy = await lab.proxy({ auth: false, target: lab.inspected });
    const filtering = http.createServer();
    filtering.on('connect', (_req, socket: net.Socket) => {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>Blocked by the web filter</body></html>');
    });
    lab.ports.filteringProxy = await lab.track(filtering);
    const wpad = http.createServer((_req, res) => {
      if (lab.pac === null) res.writeHead(404).end('not here');
      else res.writeHead(200, { 'Content-Type': 'application/x-ns-proxy-autoconfig' }).end(lab.pac);
    });
    lab.ports.wpad = await lab.track(wpad);
    // Accepts TCP, then answers the TLS hello with garbage and closes.
    const broken = net.createServer((socket) => socket.end('SSH-2.0-not-tls\r\n'));
    lab.ports.brokenTls = await lab.track(broken);
    lab.ports.closed = await closedPort();
    return lab;
  }

  private readonly sockets = new Set<net.Socket>();

  private async track(server: net.Server): Promise<number> {
    this.servers.push(server);
    // Tunnels handed over by the proxies arrive as 'connection' too: all are closed at the end.
    server.on('connection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('secureConnection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    return listen(server);
  }

  private async proxy(options: { auth: boolean; target: https.Server }): Promise<number> {
    const server = new ProxyServer({
      port: 0,
      host: '127.0.0.1',
      prepareRequestFunction: ({ username, password }) => {
        if (options.auth && !(username === 'alice' && password === 'secret')) return { requestAuthentication: true };
        // Never a real connection: the tunnel is handed to a lab server.
        return { customConnectServer: options.target as unknown as http.Server };
      },
    });
    await server.listen();
    this.proxies.push(server);
    return server.port;
  }

  /** Host names as this test wants them; unlisted names do not resolve. */
  network(overrides: Record<string, string | null> = {}): Network {
    const hosts: Record<string, string> = {};
    const microsoft = `127.0.0.1:${this.ports.microsoft ?? 0}`;
    for (const host of [...CLOUD_HOSTS, STS]) hosts[host] = microsoft;
    hosts['proxy.lab.test'] = `127.0.0.1:${this.ports.proxy ?? 0}`;
    hosts['authproxy.lab.test'] = `127.0.0.1:${this.ports.authProxy ?? 0}`;
    hosts['inspect.lab.test'] = `127.0.0.1:${this.ports.inspectingProxy ?? 0}`;
    hosts['filter.lab.test'] = `127.0.0.1:${this.ports.filteringProxy ?? 0}`;
    hosts['deadproxy.lab.test'] = `127.0.0.1:${this.ports.closed ?? 0}`;
    for (const [host, target] of Object.entries(overrides)) {
      if (target === null) delete hosts[host];
      else hosts[host] = target;
    }
    return loopbackNetwork(hosts);
  }

  environment(settings: Partial<ProbeSettings>, overrides: Record<string, string | null> = {}, timeoutMs = 1500): ProbeEnvironment {
    return {
      settings: { WinHttp: { Kind: 'Direct' }, WinInet: null, DnsSuffixes: [], ...settings },
      network: this.network(overrides),
      now: () => new Date(),
      timeoutMs,
      myIpAddress: '10.1.2.3',
    };
  }

  async stop(): Promise<void> {
    for (const proxy of this.proxies) await proxy.close(true);
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(this.servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

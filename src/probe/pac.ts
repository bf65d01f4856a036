import { isIP } from 'node:net';
import type { Network } from './network.js';

/** A PAC script's `FindProxyForURL`, run in a QuickJS sandbox (no Node, no network of its own). */
export type FindProxyForUrl = (url: string) => Promise<string>;

/** A PAC script that loops or recurses is stopped after this long per call. */
const PAC_CALL_MS = 2000;
const PAC_MEMORY_BYTES = 32 * 1024 * 1024;

const ipv4ToNumber = (ip: string) => ip.split('.').reduce((sum, part) => sum * 256 + (Number(part) & 0xff), 0);

/**
 * Compiles a PAC script with pac-resolver in QuickJS. The PAC helpers that touch the network
 * (dnsResolve, isResolvable, isInNet) resolve through the probe's Network, so tests stay on
 * loopback and production asks the same resolver WinHTTP's script would.
 */
export async function compilePac(script: string, network: Network, myIpAddress: string): Promise<FindProxyForUrl> {
  const [{ createPacResolver }, { getQuickJS }] = await Promise.all([import('pac-resolver'), import('@tootallnate/quickjs-emscripten')]);
  const qjs = await getQuickJS();
  let deadline = Date.now() + PAC_CALL_MS;
  const sandboxed = {
    newContext: () => {
      const runtime = qjs.newRuntime();
      runtime.setMemoryLimit(PAC_MEMORY_BYTES);
      runtime.setInterruptHandler(() => Date.now() > deadline);
      return runtime.newContext();
    },
  };
  const resolveV4 = async (host: string): Promise<string | null> => {
    if (isIP(host) === 4) return host;
    try {
      return (await network.lookup(host)).find((entry) => isIP(entry.address) === 4)?.address ?? null;
    } catch (error) {
      if (error instanceof Error) return null;
      throw error;
    }
  };
  const dnsResolve = Object.assign(async (host: string) => resolveV4(host), { async: true });
  const isResolvable = Object.assign(async (host: string) => (await resolveV4(host)) !== null, { async: true });
  const isInNet = Object.assign(async (host: string, pattern: string, mask: string) => {
    const ip = await resolveV4(host);
    if (ip === null) return false;
    const maskValue = ipv4ToNumber(mask);
    // Unsigned arithmetic: bitwise & on 32-bit values would go negative.
    return (ipv4ToNumber(ip) - (ipv4ToNumber(ip) % (2 ** 32 - maskValue))) === (ipv4ToNumber(pattern) - (ipv4ToNumber(pattern) % (2 ** 32 - maskValue)));
  }, { async: true });
  const myIp = Object.assign(async () => myIpAddress, { async: true });
  const resolver = createPacResolver(sandboxed as unknown as Parameters<typeof createPacResolver>[0], script, {
    sandbox: { dnsResolve, isResolvable, isInNet, myIpAddress: myIp, alert: () => undefined },
  });
  return async (url: string) => {
    deadline = Date.now() + PAC_CALL_MS;
    const answer: unknown = await resolver(url);
    return typeof answer === 'string' ? answer : String(answer);
  };
}

import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

/** Every non-loopback destination a socket tried during the suite (should stay empty). */
export const refusedDestinations: string[] = [];

let installed = false;

/**
 * Refuses (and records) any TCP connection to a non-loopback address, for the whole test file:
 * the probe suite must never leave the machine.
 */
export function installLoopbackGuard(): void {
  if (installed) return;
  installed = true;
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const first = args[0];
    let host: string | undefined;
    let isPath = false;
    if (Array.isArray(first)) {
      const options = first[0] as { host?: string; path?: string };
      host = options.host;
      isPath = options.path !== undefined;
    } else if (first && typeof first === 'object') {
      const options = first as { host?: string; path?: string };
      host = options.host;
      isPath = options.path !== undefined;
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      host = typeof args[1] === 'string' ? args[1] : undefined;
    } else if (typeof first === 'string') {
      isPath = true;
    }
    if (!isPath && host !== undefined && !LOOPBACK.has(host)) {
      refusedDestinations.push(host);
      throw new Error(`loopback guard: a test tried to open a socket to ${host}`);
    }
    return (original as (...inner: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
}

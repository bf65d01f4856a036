import type { DeviceHost } from './device-host.js';
import type { EventHost } from './event-host.js';
import type { TraceHost } from './trace-host.js';

/** Reads `dsregcmd /status` (Step 1 of the checklist). */
export interface DsregHost {
  /** `Live` reads this device; `Simulated` is a scripted device; `Unavailable` has no device. */
  readonly kind: 'Live' | 'Simulated' | 'Unavailable';
  /** Runs `dsregcmd /status` and returns its raw stdout bytes (the encoding varies). */
  runDsregcmdStatus(): Promise<Uint8Array>;
  /** Reads a capture a user sent; errors name the file and say what is wrong. */
  readCapture(path: string): Promise<Uint8Array>;
  now(): Date;
}

/**
 * The only window onto the operating system (DESIGN §3). Commands and analysis never spawn,
 * read files or look at the clock themselves; they ask the host, so tests and the simulated
 * device can stand in for Windows. One interface per capability, one file each.
 */
export interface Host extends DsregHost, EventHost, TraceHost, DeviceHost {}

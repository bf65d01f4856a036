import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/run.js';
import type { TraceHost } from '../../../src/host/trace-host.js';
import type { Host } from '../../../src/host/types.js';

/** Every trace call fails: these tests do not trace (test/unit/trace scripts the simulated device). */
function unscriptedTraceHost(): TraceHost {
  const no = () => Promise.reject(new Error('this test did not script the trace tools'));
  return {
    isElevated: no, freeDiskBytes: no, networkTraceStatus: no, startNetworkTrace: no, stopNetworkTrace: no,
    setChannelEnabled: no, exportChannel: no, findLsassTracer: no, isLsaProtectionOn: no, findLsassPid: no,
    startLsassTrace: no, stopLsassTrace: no, startAuthScripts: no, stopAuthScripts: no, lockWorkstation: no,
    expectRepro: no, restrictToAdministrators: no, isProcessRunning: () => false, sleep: () => Promise.resolve(), takeToolRuns: () => [],
  };
}

/** A host with no device behind it: what a test does not script fails loudly. */
export function scriptedHost(overrides: Partial<Host> = {}): Host {
  return {
    kind: 'Live',
    runDsregcmdStatus: () => Promise.reject(new Error('this test did not script dsregcmd')),
    readCapture: () => Promise.reject(new Error('this test did not script a file')),
    now: () => new Date('2026-11-26T12:00:00Z'),
    queryEvents: () => {
      throw new Error('this test did not script the event channels');
    },
    isChannelEnabled: () => Promise.reject(new Error('this test did not script the event channels')),
    readEventFile: () => {
      throw new Error('this test did not script an event file');
    },
    listFolder: () => Promise.reject(new Error('this test did not script a folder')),
    readDeviceFacts: () => Promise.reject(new Error('this test did not script the device checks')),
    ...unscriptedTraceHost(),
    ...overrides,
  };
}

/** Runs the CLI in-process against in-memory streams, as yarn's CLI tests do. */
export async function runInMemory(argv: string[], host: Host, env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, env, host });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

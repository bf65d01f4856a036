import { ExitCode, PrtError } from '../errors.js';
import { readInputFile } from './files.js';
import { createDeviceHost } from './live-device.js';
import { createEventHost } from './live-events.js';
import { createLiveTraceHost } from './live-trace.js';
import { runTool } from './process.js';
import type { Host } from './types.js';

/** A dsregcmd capture is a few KB; anything near this size is something else. */
const maxCaptureBytes = 4 * 1024 * 1024;

const notWindows = () =>
  new PrtError(
    'NotWindows',
    'There is no device to read here: dsregcmd and the AAD event logs exist only on Windows. Pass what the user sent instead (`--input status.txt` from `dsregcmd /status > status.txt`, `--events` for exported logs), or try `--sample`',
    ExitCode.Environment,
    'NotInstalled',
  );

/**
 * The live host on Windows; elsewhere one that can still read captures. `PRT_FORCE_LIVE=1` takes
 * the live path on any OS so tests can run it against fake Windows tools on PATH (DESIGN §3).
 */
export function createHost(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Host {
  const live = platform === 'win32' || env.PRT_FORCE_LIVE === '1';
  const toolTimeoutMs = Number(env.PRT_TOOL_TIMEOUT_MS) > 0 ? Number(env.PRT_TOOL_TIMEOUT_MS) : 60_000;
  return {
    kind: live ? 'Live' : 'Unavailable',
    async runDsregcmdStatus() {
      if (!live) throw notWindows();
      const { stdout } = await runTool('dsregcmd', ['/status'], { timeoutMs: toolTimeoutMs, env });
      return stdout;
    },
    readCapture: (path) => readInputFile(path, maxCaptureBytes),
    now: () => new Date(),
    ...createEventHost({ live, env, toolTimeoutMs, notWindows }),
    ...createLiveTraceHost({ live, env, toolTimeoutMs, unavailable: notWindows }),
    ...createDeviceHost({ live, env, toolTimeoutMs, notWindows }),
  };
}

import { existsSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeCodePage } from '../util/oem-code-page.js';
import { systemToolExists, systemToolPath } from './system-tools.js';
import { ExitCode, PrtError, abortReason } from '../errors.js';
import { channelFileBase, commandLine, traceCommands } from './trace-commands.js';
import { ToolExitError, usefulLine, type ToolDecoder } from './tool-errors.js';
import { isProcessRunning, runTool, type ToolResult } from './process.js';
import type { NetworkTraceStatus, ToolRun, TraceHost } from './trace-host.js';

/** Integrity level SIDs: High (elevated admin) and System. Not localized, unlike group names. */
const elevatedSids = ['S-1-16-12288', 'S-1-16-16384'];

export interface LiveTraceOptions {
  /** false off Windows (unless live mode is forced): every device call fails with `unavailable()`. */
  live: boolean;
  env: NodeJS.ProcessEnv;
  toolTimeoutMs: number;
  unavailable: () => PrtError;
}

/**
 * The live Windows TraceHost (also taken in forced live mode, against fake tools on PATH).
 * Reading the channel's setting (`wevtutil gl`) is the event host's `isChannelEnabled`.
 */
export function createLiveTraceHost({ live, env, toolTimeoutMs, unavailable }: LiveTraceOptions): TraceHost {
  const runs: ToolRun[] = [];
  // netsh trace stop merges and writes the trace; TTD and the Auth scripts can be slow too.
  const longTimeoutMs = Math.max(toolTimeoutMs, 15 * 60_000);

  // The tools write to a pipe in the console's OEM code page, read once from the registry (reg's
  // own answer is ASCII digits, which every code page agrees on). Unknown: see decodeCodePage.
  let codePage: Promise<number | null> | undefined;
  const oemCodePage = () =>
    (codePage ??= runTool('reg', traceCommands.oemCodePage().slice(1), { timeoutMs: toolTimeoutMs, env }).then(
      ({ stdout }) => parseOemCodePage(stdout.toString('latin1')),
      () => null,
    ));
  const decoderFor = (page: number | null): ToolDecoder => (bytes) => decodeCodePage(bytes, page);
  const text = async (result: ToolResult) => decoderFor(await oemCodePage())(result.stdout);

  async function run(argv: readonly string[], timeoutMs = toolTimeoutMs, cwd?: string): Promise<ToolResult> {
    if (!live) throw unavailable();
    const decode = decoderFor(await oemCodePage());
    const [name, ...args] = argv as [string, ...string[]];
    const started = Date.now();
    const record: ToolRun = { CommandLine: commandLine(argv), ExitCode: null, StartedAt: new Date(started).toISOString(), DurationMs: 0, Error: null };
    runs.push(record);
    try {
      const result = await runTool(name, args, { timeoutMs, env, cwd, decode });
      record.ExitCode = 0;
      return result;
    } catch (error) {
      record.Error = error instanceof Error ? error.message : String(error);
      record.ExitCode = exitCodeOf(error);
      throw error;
    } finally {
      record.DurationMs = Date.now() - started;
    }
  }

  return {
    async isElevated() {
      // SIDs are ASCII: no decoding needed to find them.
      const { stdout } = await run(traceCommands.whoamiGroups());
      const groups = stdout.toString('latin1');
      return elevatedSids.some((sid) => groups.includes(sid));
    },

    async freeDiskBytes(path) {
      if (!live) throw unavailable();
      let probe = path;
      while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
      const stats = statfsSync(probe);
      return stats.bavail * stats.bsize;
    },

    async networkTraceStatus(): Promise<NetworkTraceStatus> {
      let output: string;
      try {
        output = await text(await run(traceCommands.netshStatus()));
      } catch (error) {
        // netsh says "no trace session" with a non-zero exit; anything else (a timeout, a tool
        // that could not start) leaves the question open: unknown, never "not running".
        if (error instanceof ToolExitError && error.signal === null) return { Running: false, TraceFile: null };
        if (error instanceof PrtError && error.id === 'ToolNotFound') throw error;
        return { Running: null, TraceFile: null, Error: errorText(error) };
      }
      return parseNetworkTraceStatus(output);
    },

    async startNetworkTrace(traceFile) {
      await run(traceCommands.netshStart(traceFile), longTimeoutMs);
    },

    async stopNetworkTrace() {
      await run(traceCommands.netshStop(), longTimeoutMs);
    },

    async setChannelEnabled(channel, enabled) {
      await run(traceCommands.channelSet(channel, enabled));
    },

    async exportChannel(channel, folder) {
      const file = join(folder, `${channelFileBase(channel)}.evtx`);
      await run(traceCommands.channelExport(channel, file), longTimeoutMs);
      return file;
    },

    async findLsassTracer() {
      if (!live) throw unavailable();
      if (systemToolExists('TTD', env)) return 'TTD';
      if (systemToolExists('tttracer', env)) return 'tttracer';
      return null;
    },

    async isLsaProtectionOn() {
      let text: string;
      try {
        text = (await run(traceCommands.lsaKey())).stdout.toString('latin1');
      } catch (error) {
        if (error instanceof PrtError && error.id === 'ToolNotFound') throw error;
        return false;
      }
      // RunAsPPL 1 or 2 (UEFI lock) turns protection on; RunAsPPLBoot is the newer spelling.
      return /^\s*RunAsPPL(Boot)?\s+REG_DWORD\s+0x0*[12]\s*$/im.test(text);
    },

    async findLsassPid() {
      const text = (await run(traceCommands.lsassPid())).stdout.toString('latin1');
      for (const line of text.split(/\r?\n/)) {
        const cells = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
        if (cells[0]?.toLowerCase() === 'lsass.exe' && /^\d+$/.test(cells[1] ?? '')) return Number(cells[1]);
      }
      throw new PrtError('LsassNotFound', '`tasklist /m lsasrv.dll` did not list lsass.exe', ExitCode.Environment, 'ResourceUnavailable');
    },

    async startLsassTrace(tracer, pid, outFolder) {
      if (!live) throw unavailable();
      return { RecorderPid: await startRecorder(traceCommands.lsassStart(tracer, pid, outFolder), env, runs, decoderFor(await oemCodePage())) };
    },

    async stopLsassTrace(tracer) {
      await run(traceCommands.lsassStop(tracer), longTimeoutMs);
    },

    async startAuthScripts(folder) {
      await run(traceCommands.authScript(folder, 'start-auth.ps1'), longTimeoutMs, folder);
    },

    async stopAuthScripts(folder) {
      await run(traceCommands.authScript(folder, 'stop-auth.ps1'), longTimeoutMs, folder);
    },

    async lockWorkstation() {
      await run(traceCommands.lock());
    },

    async expectRepro() {
      // A real person does the repro.
    },

    async restrictToAdministrators(path, kind) {
      await run(traceCommands.restrict(path, kind));
    },

    isProcessRunning,

    sleep: realSleep,

    takeToolRuns() {
      return runs.splice(0, runs.length);
    },
  };
}

/** The exit code of a tool that ran and failed, for the manifest. */
function exitCodeOf(error: unknown): number | null {
  return error instanceof ToolExitError ? error.code : null;
}

/** `OEMCP    REG_SZ    850` in `reg query …\\Nls\\CodePage /v OEMCP`. */
export function parseOemCodePage(output: string): number | null {
  const match = /^\s*OEMCP\s+REG_SZ\s+(\d+)\s*$/im.exec(output);
  const page = match ? Number(match[1]) : NaN;
  return Number.isInteger(page) && page > 0 ? page : null;
}

/**
 * `netsh trace show status`: the labels are localized, the file name is not. A running trace
 * names its .etl file, as a full path or (when it was started with one) a relative name.
 */
export function parseNetworkTraceStatus(output: string): NetworkTraceStatus {
  const file = /^[^\r\n:]*:[ \t]*([^\r\n]*?\.etl)[ \t]*$/im.exec(output);
  return { Running: file !== null, TraceFile: file?.[1] ?? null };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      if (signal) reject(abortReason(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The time travel recorder stays attached until it is told to stop, so it cannot be awaited like
 * the other tools: start it on its own (it must outlive prt if prt is killed; the state file
 * remembers to stop it) and treat an exit within the first seconds as a refusal.
 */
async function startRecorder(argv: readonly string[], env: NodeJS.ProcessEnv, runs: ToolRun[], decode: ToolDecoder): Promise<number | null> {
  const { spawn } = await import('node:child_process');
  const [name, ...args] = argv as [string, ...string[]];
  const started = Date.now();
  const record: ToolRun = { CommandLine: commandLine(argv), ExitCode: null, StartedAt: new Date(started).toISOString(), DurationMs: 0, Error: null };
  runs.push(record);
  const settleMs = Number(env.PRT_RECORDER_SETTLE_MS) >= 0 && env.PRT_RECORDER_SETTLE_MS !== undefined ? Number(env.PRT_RECORDER_SETTLE_MS) : 5_000;
  return new Promise<number | null>((resolve, reject) => {
    const path = systemToolPath(name, env);
    const child = spawn(path, args, { env, shell: false, windowsHide: true, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const said: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => said.push(chunk));
    const fail = (message: string, code: number | null) => {
      record.Error = message;
      record.ExitCode = code;
      record.DurationMs = Date.now() - started;
      reject(new PrtError('ToolFailed', message, ExitCode.Environment, 'ResourceUnavailable'));
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'ENOENT' ? `\`${name}\` was not found at ${path}` : `\`${record.CommandLine}\` could not be started: ${error.message}`, null);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const text = usefulLine(decode(Buffer.concat(said)));
      if (code === 0) {
        // Some recorders return once attached; that is a success too.
        record.ExitCode = 0;
        record.DurationMs = Date.now() - started;
        resolve(null);
        return;
      }
      fail(`\`${record.CommandLine}\` exited with code ${code ?? 'none'}${text ? `: ${text}` : ''}`, code);
    });
    const timer = setTimeout(() => {
      // Still running: attached and recording. Let it live on without us.
      child.stderr.destroy();
      child.removeAllListeners('exit');
      child.unref();
      record.DurationMs = Date.now() - started;
      resolve(child.pid ?? null);
    }, settleMs);
  });
}

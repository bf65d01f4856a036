import type { AadChannel } from './event-host.js';

/** One command a host ran for the trace, as the bundle's manifest lists it. */
export interface ToolRun {
  /** The tool and its arguments, joined with spaces (as a person would type them). */
  CommandLine: string;
  /** null when the tool could not be started or was stopped (timeout). */
  ExitCode: number | null;
  /** ISO 8601 UTC, host clock. */
  StartedAt: string;
  DurationMs: number;
  /** What went wrong, when something did. */
  Error: string | null;
}

/** `netsh trace show status`: only one network trace can run at a time on Windows. */
export interface NetworkTraceStatus {
  /** null: unknown (netsh timed out or could not run), never to be read as "not running". */
  Running: boolean | null;
  /** The .etl file of the running trace, when netsh said. */
  TraceFile: string | null;
  /** Why the status is unknown. */
  Error?: string;
}

/** `TTD.exe` (the current recorder) or `tttracer.exe` (built into older Windows 10). */
export type LsassTracer = 'TTD' | 'tttracer';

/**
 * What `prt trace` needs from a device (Step 4 of the checklist): elevation, the netsh and TTD
 * traces, the Analytic channel's setting and its export, the Auth scripts, locking the
 * workstation, restricting a folder to administrators, and a clock to wait on. The live host runs
 * the Windows tools; the simulated device scripts them with a clock it controls.
 */
export interface TraceHost {
  /** Whether this process runs elevated (High or System integrity level). */
  isElevated(): Promise<boolean>;
  /** Free bytes on the volume that holds `path` (or its nearest existing parent). */
  freeDiskBytes(path: string): Promise<number>;

  networkTraceStatus(): Promise<NetworkTraceStatus>;
  /** `netsh trace start scenario=InternetClient_dbg capture=yes persistent=yes tracefile=…`. */
  startNetworkTrace(traceFile: string): Promise<void>;
  /** `netsh trace stop`; may take minutes while netsh writes the file. */
  stopNetworkTrace(): Promise<void>;

  /** `wevtutil sl <channel> /e:true|false /q:true` (quiet: enabling an Analytic log clears it). */
  setChannelEnabled(channel: AadChannel, enabled: boolean): Promise<void>;
  /** `wevtutil epl <channel> <file> /ow:true` into `folder`; returns the file written. */
  exportChannel(channel: AadChannel, folder: string): Promise<string>;

  /** The time travel recorder found on PATH, or null. */
  findLsassTracer(): Promise<LsassTracer | null>;
  /** LSA protection (RunAsPPL) makes lsass refuse a tracer. */
  isLsaProtectionOn(): Promise<boolean>;
  /** `tasklist /m lsasrv.dll`: the PID of lsass.exe. */
  findLsassPid(): Promise<number>;
  /**
   * Attaches the recorder to lsass; the recorder keeps running until `stopLsassTrace`, and writes
   * its recording out after that. Returns the recorder's PID, to wait for it, when there is one.
   */
  startLsassTrace(tracer: LsassTracer, pid: number, outFolder: string): Promise<{ RecorderPid: number | null }>;
  /** `TTD.exe -stop all` / `tttracer.exe -stop all`. */
  stopLsassTrace(tracer: LsassTracer): Promise<void>;

  /** Microsoft's Auth scripts in `folder`: `start-auth.ps1 -v -acceptEULA` (output in `folder\authlogs`). */
  startAuthScripts(folder: string): Promise<void>;
  /** `stop-auth.ps1`. */
  stopAuthScripts(folder: string): Promise<void>;

  /** Locks the interactive session (`rundll32 user32.dll,LockWorkStation`). */
  lockWorkstation(): Promise<void>;
  /**
   * The person at the device has just been asked to lock and unlock it. Nothing to do on a real
   * device; the simulated device starts its scripted user.
   */
  expectRepro(): Promise<void>;

  /** Makes a folder or file readable by Administrators and SYSTEM only (icacls; chmod 700 elsewhere). */
  restrictToAdministrators(path: string, kind: 'Folder' | 'File'): Promise<void>;
  /** Whether a process (a prt that owns a trace) is still alive. */
  isProcessRunning(pid: number): boolean;
  /** Waits on the host's clock (compressed on the simulated device); rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** The commands run since the last call, oldest first, for the bundle's manifest. */
  takeToolRuns(): ToolRun[];
}

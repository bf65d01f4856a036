// Runs prt once as SYSTEM through a one-shot scheduled task (`prt probe --as system`, #14 item 6):
// CloudAP asks for the PRT as SYSTEM, and only a process in SYSTEM's own logon session sees
// SYSTEM's network as CloudAP does. The task writes its document into a private folder; the task
// and the folder are removed on every path, an interruption included.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { DeviceParseError, parseTaskCsv } from '../device/parse.js';
import { ExitCode, PrtError, isNodeError } from '../errors.js';
import { runTool } from './process.js';
import { systemToolExists, systemToolPath } from './system-tools.js';
import { traceCommands } from './trace-commands.js';
import { writeFileSafely } from './write-file.js';

/** The well-known SID of LocalSystem: not localized, unlike the account's name (Système, …). */
export const systemSid = 'S-1-5-18';

/**
 * Whether this process already runs as SYSTEM. The profile folder comes from the process token
 * (libuv asks GetUserProfileDirectory), not from an inherited variable, and SYSTEM's is always
 * `…\config\systemprofile` (LocalService and NetworkService live under ServiceProfiles), in every
 * language — cheaper than spawning `whoami /user`, and not fooled by a changed USERNAME.
 */
export function runsAsSystem(platform: NodeJS.Platform = process.platform, homedir: () => string = () => userInfo().homedir): boolean {
  if (platform !== 'win32') return false;
  try {
    return /[\\/]config[\\/]systemprofile[\\/]?$/i.test(homedir());
  } catch (error) {
    // No profile could be read for this token: not SYSTEM's, whose profile always exists.
    if (isNodeError(error)) return false;
    throw error;
  }
}

/**
 * The program (and its leading arguments) that starts this same prt, or null when prt is not
 * running from its executable (a development run under a test runner): then there is nothing
 * the task could start. `PRT_SELF_COMMAND` (a JSON array) stands in for it in forced live mode only, for tests.
 */
export function prtSelfCommand(env: NodeJS.ProcessEnv): string[] | null {
  if (env.PRT_FORCE_LIVE === '1' && env.PRT_SELF_COMMAND) {
    const parsed: unknown = JSON.parse(env.PRT_SELF_COMMAND);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((part) => typeof part === 'string')) return parsed;
    throw new PrtError('BadSelfCommand', 'PRT_SELF_COMMAND must be a JSON array of strings', ExitCode.BadInput, 'InvalidArgument');
  }
  const sea = process.getBuiltinModule('node:sea') as typeof import('node:sea') | undefined;
  return sea?.isSea() ? [process.execPath] : null;
}

/**
 * One argument as the C runtime's command-line parser reads it back (CommandLineToArgvW rules):
 * quoted when it holds a space, a tab or a quote; a quote escaped as `\"`; backslashes doubled
 * only where they come before a quote.
 */
export function quoteWindowsArgument(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let quoted = '"';
  let backslashes = 0;
  for (const char of arg) {
    if (char === '\\') {
      backslashes++;
      continue;
    }
    quoted += '\\'.repeat(char === '"' ? backslashes * 2 + 1 : backslashes) + char;
    backslashes = 0;
  }
  return `${quoted}${'\\'.repeat(backslashes * 2)}"`;
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export interface TaskDefinition {
  /** The program the task starts. */
  command: string;
  arguments: readonly string[];
  workingDirectory: string;
  /** Task Scheduler ends the task after this long, should prt be gone before it could. */
  executionLimitSeconds: number;
}

/**
 * The task as Task Scheduler's XML (schema 1.2): run as SYSTEM by SID, no trigger (it is started
 * on demand by `/Run` and never again), allowed on battery, hidden, with a time limit.
 */
export function taskXml(task: TaskDefinition): string {
  const args = task.arguments.map(quoteWindowsArgument).join(' ');
  return [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    '    <Description>PrtTools: one network probe as SYSTEM; prt deletes this task when it ends.</Description>',
    '  </RegistrationInfo>',
    '  <Principals>',
    '    <Principal id="Author">',
    `      <UserId>${systemSid}</UserId>`,
    '      <RunLevel>HighestAvailable</RunLevel>',
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    '    <AllowHardTerminate>true</AllowHardTerminate>',
    '    <StartWhenAvailable>false</StartWhenAvailable>',
    '    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>',
    '    <AllowStartOnDemand>true</AllowStartOnDemand>',
    '    <Enabled>true</Enabled>',
    '    <Hidden>true</Hidden>',
    `    <ExecutionTimeLimit>PT${Math.max(60, Math.ceil(task.executionLimitSeconds))}S</ExecutionTimeLimit>`,
    '    <Priority>7</Priority>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${xmlEscape(task.command)}</Command>`,
    `      <Arguments>${xmlEscape(args)}</Arguments>`,
    `      <WorkingDirectory>${xmlEscape(task.workingDirectory)}</WorkingDirectory>`,
    '    </Exec>',
    '  </Actions>',
    '</Task>',
    '',
  ].join('\r\n');
}

export interface SystemTaskOptions<T> {
  /** prt itself: prtSelfCommand. */
  self: readonly string[];
  /** prt's arguments; the output file's path is appended after `outputFlag`. */
  args: readonly string[];
  outputFlag: string;
  env: NodeJS.ProcessEnv;
  /**
   * Where the private folder is made: on Windows %ProgramData% itself, which only administrators
   * and SYSTEM own and where users may create but never rename or delete another's folder (a
   * PrtTools folder below it could have been made by a user first, who could then swap ours).
   */
  baseFolder: string;
  /** How long to wait for the document. */
  waitMs: number;
  toolTimeoutMs: number;
  pollMs?: number;
  /** Aborting (Ctrl+C) stops the wait; the task and folder are still removed. */
  signal?: AbortSignal;
  /** Reads the document; throws a PrtError naming `path` when it is not what was expected. */
  read: (text: string, path: string) => T;
  /** Told when the wait that `signal` can stop begins and ends (the command traps Ctrl+C only then). */
  onActive?: (active: boolean) => void;
}

/** The task could not be set up (not elevated, no Task Scheduler…): the caller may read in-process instead. */
export class SystemTaskUnavailable extends PrtError {
  constructor(why: string) {
    super('SystemTaskUnavailable', why, ExitCode.Environment, 'PermissionDenied');
  }
}

/** The task was created but gave no valid document: the SYSTEM run failed. */
export class SystemTaskFailed extends PrtError {
  constructor(why: string) {
    super('SystemTaskFailed', why, ExitCode.Environment, 'OperationStopped');
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(interrupted());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(interrupted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const interrupted = () => new PrtError('Interrupted', 'prt probe was interrupted while the probe ran as SYSTEM; its scheduled task and folder were removed', ExitCode.Interrupted, 'OperationStopped');

/**
 * Creates the private folder (SYSTEM and Administrators only) and the task, runs it, waits for
 * its document, and removes both whatever happens. Returns what `read` made of the document and
 * what could not be cleaned up (normally nothing).
 */
export async function runAsSystemTask<T>(options: SystemTaskOptions<T>): Promise<{ value: T; leftovers: string[] }> {
  const [command, ...leading] = options.self;
  if (command === undefined) throw new SystemTaskUnavailable('there is no prt executable to start');
  // No Task Scheduler tool: nothing is made at all (no folder to create and remove).
  if (!systemToolExists('schtasks', options.env)) throw new SystemTaskUnavailable(`the scheduled task could not be set up: schtasks was not found (${systemToolPath('schtasks', options.env)})`);
  const id = randomBytes(8).toString('hex');
  const taskName = `PrtTools-Probe-${id}`;
  const folder = join(options.baseFolder, `PrtTools-Probe-${id}`);
  const output = join(folder, 'probe.json');
  const definition = join(folder, 'task.xml');
  const tool = (args: string[]) => runTool('schtasks', args, { timeoutMs: options.toolTimeoutMs, env: options.env });
  const pollMs = options.pollMs ?? 250;
  let created = false;
  let finished = false;
  const leftovers: string[] = [];
  try {
    try {
      mkdirSync(options.baseFolder, { recursive: true });
      mkdirSync(folder, { mode: 0o700 });
      // SYSTEM and Administrators only: no user can plant or read the task's document.
      await runTool('icacls', traceCommands.restrict(folder, 'Folder').slice(1), { timeoutMs: options.toolTimeoutMs, env: options.env });
      // Before the restriction a user could still create something inside (a file, a link to
      // swap the task definition): anything there now was planted, and the task is not made.
      const planted = readdirSync(folder);
      if (planted.length > 0) throw new SystemTaskUnavailable(`the private folder \`${folder}\` already held ${planted.join(', ')} when prt restricted it: something else wrote there, so no task was made`);
      const xml = taskXml({ command, arguments: [...leading, ...options.args, options.outputFlag, output], workingDirectory: folder, executionLimitSeconds: options.waitMs / 1000 + 60 });
      // Task Scheduler reads the file as UTF-16 (as its own exports are), with the BOM.
      writeFileSafely(definition, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]), { mode: 0o600 });
      await tool(['/Create', '/TN', taskName, '/XML', definition]);
      created = true;
    } catch (error) {
      if (error instanceof PrtError && error.exitCode !== ExitCode.Interrupted) throw new SystemTaskUnavailable(`the scheduled task could not be set up: ${reasonOf(error)}`);
      if (isNodeError(error)) throw new SystemTaskUnavailable(`the private folder \`${folder}\` could not be made: ${error.message}`);
      throw error;
    }
    if (options.signal?.aborted) throw interrupted();
    options.onActive?.(true);
    try {
      await tool(['/Run', '/TN', taskName]);
    } catch (error) {
      if (error instanceof PrtError) throw new SystemTaskFailed(`\`schtasks /Run\` failed: ${reasonOf(error)}`);
      throw error;
    }
    const deadline = Date.now() + options.waitMs;
    let nextQuery = Date.now() + queryEveryMs;
    // The document is renamed into place whole (write-file.ts): once it exists it is complete.
    while (!existsSync(output)) {
      if (Date.now() >= deadline) throw new SystemTaskFailed(`the task as SYSTEM wrote no document (\`${output}\`) within ${Math.round(options.waitMs / 1000)} s`);
      if (Date.now() >= nextQuery) {
        nextQuery = Date.now() + queryEveryMs;
        // A task that already ended without its document (prt could not start as SYSTEM, or failed) need not be waited for.
        const ended = await endedWith(taskName, tool);
        if (ended !== null && !existsSync(output)) throw new SystemTaskFailed(`the task as SYSTEM ended (last result ${ended}) without writing its document (\`${output}\`)`);
      }
      await abortableSleep(pollMs, options.signal);
    }
    finished = true;
    let text: string;
    try {
      text = readFileSync(output, 'utf8');
    } catch (error) {
      if (isNodeError(error)) throw new SystemTaskFailed(`the document the task wrote (\`${output}\`) cannot be read: ${error.message}`);
      throw error;
    }
    try {
      return { value: options.read(text, output), leftovers };
    } catch (error) {
      if (error instanceof PrtError) throw new SystemTaskFailed(error.message);
      throw error;
    }
  } finally {
    options.onActive?.(false);
    leftovers.push(...(await removeTaskAndFolder(created ? taskName : null, !finished, folder, tool)));
  }
}

/** Last results that mean the task has not ended: running (0x41301), not yet run (0x41303), queued (0x41325). */
const notEnded = new Set(['0x41301', '0x41303', '0x41325']);
const queryEveryMs = 2_000;

/** The task's last result once it has run and ended, else null (still running, or schtasks could not say). */
async function endedWith(taskName: string, tool: (args: string[]) => Promise<{ stdout: Buffer }>): Promise<string | null> {
  try {
    const { LastRunTime, LastResult } = parseTaskCsv((await tool(['/Query', '/TN', taskName, '/FO', 'CSV', '/V', '/NH'])).stdout.toString('latin1'));
    return LastRunTime !== null && LastResult !== null && !notEnded.has(LastResult) ? LastResult : null;
  } catch (error) {
    // schtasks failed or printed no row: keep waiting for the document until the time is up.
    if (error instanceof PrtError || error instanceof DeviceParseError) return null;
    throw error;
  }
}

/** Ends (when still running) and deletes the task, removes the folder; returns what could not be removed. */
async function removeTaskAndFolder(taskName: string | null, running: boolean, folder: string, tool: (args: string[]) => Promise<unknown>): Promise<string[]> {
  const leftovers: string[] = [];
  if (taskName !== null) {
    // A task still running is ended first: deleting it alone would leave the process going.
    if (running) await tool(['/End', '/TN', taskName]).catch(ignoreToolError);
    try {
      await tool(['/Delete', '/TN', taskName, '/F']);
    } catch (error) {
      if (!(error instanceof PrtError)) throw error;
      leftovers.push(`the scheduled task ${taskName} could not be deleted (${error.message}); delete it with \`schtasks /Delete /TN ${taskName} /F\``);
    }
  }
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch (error) {
    if (!isNodeError(error)) throw error;
    leftovers.push(`the folder \`${folder}\` could not be removed (${error.message})`);
  }
  return leftovers;
}

function ignoreToolError(error: unknown): void {
  // The task may have ended by itself meanwhile: /End then fails, and that is fine.
  if (!(error instanceof PrtError)) throw error;
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, PrtError, type ErrorCategory } from '../errors.js';
import type { Host } from '../host/types.js';
import type { TraceOptions } from './types.js';

const gigabyte = 1024 ** 3;
/** A network trace stops at 1 GB (maxsize=1024); the logs, snapshots and zip need room too. */
export const requiredFreeBytes = (options: TraceOptions) => (options.NetworkTrace || options.AuthScriptsPath ? 3 : 1) * gigabyte + (options.LsassTrace ? 10 * gigabyte : 0);

export interface PreflightCheck {
  Check: string;
  Passed: boolean;
  Message: string;
  /** Set when the check failed: the error to report. */
  Failure: { Id: string; ExitCode: ExitCode; Category: ErrorCategory } | null;
}

const pass = (check: string, message: string): PreflightCheck => ({ Check: check, Passed: true, Message: message, Failure: null });
const fail = (check: string, id: string, message: string, category: ErrorCategory, exitCode: ExitCode = ExitCode.Environment): PreflightCheck => ({
  Check: check,
  Passed: false,
  Message: message,
  Failure: { Id: id, ExitCode: exitCode, Category: category },
});

/**
 * Every check before the first change, each failure with the fix. Read-only: `--dry-run` shows
 * them too. Stops early only where a later check could not run (no Windows, not elevated).
 */
export async function runPreflight(host: Host, options: TraceOptions): Promise<PreflightCheck[]> {
  const checks: PreflightCheck[] = [];
  if (host.kind === 'Unavailable') {
    checks.push(
      fail(
        'Windows',
        'NotWindows',
        'prt trace collects logs on the Windows device itself, and this is not Windows. Run it there (elevated), or watch the whole repro on a simulated device: prt trace run --simulate hybrid-wrong-password',
        'NotInstalled',
      ),
    );
    return checks;
  }
  checks.push(pass('Windows', host.kind === 'Simulated' ? 'a simulated Windows device' : 'Windows'));

  if (!(await host.isElevated())) {
    checks.push(
      fail(
        'Elevation',
        'NotElevated',
        'prt trace changes event log settings and starts traces, which needs administrator rights: open PowerShell or Command Prompt with "Run as administrator" and run it again',
        'PermissionDenied',
      ),
    );
    return checks;
  }
  checks.push(pass('Elevation', 'running elevated'));

  const required = requiredFreeBytes(options);
  const free = await host.freeDiskBytes(options.OutputFolder);
  checks.push(
    free >= required
      ? pass('FreeDisk', `${(free / gigabyte).toFixed(1)} GB free where the bundle goes`)
      : fail(
          'FreeDisk',
          'LowDiskSpace',
          `only ${(free / gigabyte).toFixed(1)} GB are free where the bundle goes (${options.OutputFolder}); this trace needs at least ${required / gigabyte} GB. Free some space, or choose a folder on another drive with --output`,
          'ResourceUnavailable',
        ),
  );

  // The Auth scripts take their own network trace: ours is left out then (only one can run).
  if (options.NetworkTrace && !options.AuthScriptsPath) {
    const status = await host.networkTraceStatus();
    checks.push(
      status.Running === null
        ? pass('NetworkTrace', `could not tell whether another network trace runs (${status.Error ?? 'netsh did not answer'}); if one does, ours records nothing and the stop says so`)
        : status.Running
        ? fail(
            'NetworkTrace',
            'NetworkTraceRunning',
            `another network trace is already running${status.TraceFile ? ` (writing ${status.TraceFile})` : ''}, and Windows runs only one at a time. Stop it with \`netsh trace stop\` once its owner has what they need, or leave the network trace out with --no-network-trace`,
            'ResourceUnavailable',
          )
        : pass('NetworkTrace', 'no other network trace is running'),
    );
  }

  const authScripts = options.AuthScriptsPath;
  if (authScripts) {
    const missing = ['start-auth.ps1', 'stop-auth.ps1'].filter((name) => !existsSync(join(authScripts, name)));
    checks.push(
      missing.length === 0
        ? pass('AuthScripts', `Auth scripts found in ${authScripts}`)
        : fail(
            'AuthScripts',
            'AuthScriptsNotFound',
            `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not in ${authScripts}. Download the Auth scripts from https://aka.ms/authscripts, extract them into a folder and pass that folder`,
            'InvalidArgument',
            ExitCode.BadInput,
          ),
    );
  }

  if (options.LsassTrace) {
    const tracer = await host.findLsassTracer();
    checks.push(
      tracer
        ? pass('TimeTravelRecorder', `${tracer === 'TTD' ? 'TTD.exe' : 'tttracer.exe'} found`)
        : fail(
            'TimeTravelRecorder',
            'TtdNotInstalled',
            'the lsass trace needs the Time Travel Debugging recorder (TTD.exe), which is not on PATH. Install it from https://aka.ms/ttd/download, open a new elevated prompt, and run again; or leave out the lsass trace',
            'NotInstalled',
          ),
    );
    const protectedLsa = await host.isLsaProtectionOn();
    checks.push(
      protectedLsa
        ? fail(
            'LsaProtection',
            'LsaProtectionOn',
            'LSA protection (RunAsPPL) is on, so no recorder can attach to lsass. Leave out the lsass trace: the other logs usually suffice. Turning the protection off (RunAsPPL under HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa, then a restart) weakens the device: do it only on a test device, and turn it back on afterwards',
            'PermissionDenied',
          )
        : pass('LsaProtection', 'LSA protection (RunAsPPL) is off'),
    );
  }
  return checks;
}

/** The first failed check as the error, with every failure's message. */
export function preflightError(checks: PreflightCheck[]): PrtError | null {
  const failed = checks.filter((check) => !check.Passed);
  const first = failed[0];
  if (!first?.Failure) return null;
  const message = failed.length === 1 ? first.Message : `${failed.length} checks failed before anything was changed:\n${failed.map((check) => `- ${check.Message}`).join('\n')}`;
  return new PrtError(first.Failure.Id, message, first.Failure.ExitCode, first.Failure.Category);
}

// The command lines of `prt trace`, as pure builders: the live host runs them, the simulated
// device and the plan only show them. Nothing here touches the system.
import { join } from 'node:path';
import type { AadChannel } from './event-host.js';
import type { LsassTracer } from './trace-host.js';

/**
 * The exact command lines of Step 4 (DESIGN §7), as argument arrays. The live host runs them; the
 * simulated device reports the same lines in its manifest, so a simulated bundle reads like a real one.
 */
export const traceCommands = {
  whoamiGroups: () => ['whoami', '/groups', '/fo', 'csv', '/nh'],
  netshStatus: () => ['netsh', 'trace', 'show', 'status'],
  // report=disabled: the .cab report takes minutes at stop and holds nothing the PRT needs.
  netshStart: (traceFile: string) => ['netsh', 'trace', 'start', 'scenario=InternetClient_dbg', 'capture=yes', 'persistent=yes', 'report=disabled', 'maxsize=1024', `tracefile=${traceFile}`],
  netshStop: () => ['netsh', 'trace', 'stop'],
  channelGet: (channel: AadChannel) => ['wevtutil', 'gl', channel],
  channelSet: (channel: AadChannel, enabled: boolean) => ['wevtutil', 'sl', channel, `/e:${String(enabled)}`, '/q:true'],
  channelExport: (channel: AadChannel, file: string) => ['wevtutil', 'epl', channel, file, '/ow:true'],
  lsaKey: () => ['reg', 'query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa'],
  oemCodePage: () => ['reg', 'query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage', '/v', 'OEMCP'],
  lsassPid: () => ['tasklist', '/m', 'lsasrv.dll', '/fo', 'csv', '/nh'],
  lsassStart: (tracer: LsassTracer, pid: number, outFolder: string) =>
    tracer === 'TTD'
      ? ['TTD', '-accepteula', '-noUI', '-attach', String(pid), '-out', outFolder]
      : ['tttracer', '-accepteula', '-dumpfull', '-attach', String(pid), '-out', outFolder],
  lsassStop: (tracer: LsassTracer) => [tracer, '-stop', 'all'],
  // -File with the script's path and arguments: no command string to quote. The scripts write
  // .\authlogs relative to the current folder, so they run from their own (see authScriptFolder).
  authScript: (folder: string, script: 'start-auth.ps1' | 'stop-auth.ps1') => [
    'powershell',
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-File',
    join(folder, script),
    ...(script === 'start-auth.ps1' ? ['-v', '-acceptEULA'] : []),
  ],
  lock: () => ['rundll32', 'user32.dll,LockWorkStation'],
  restrict: (path: string, kind: 'Folder' | 'File') => {
    // SIDs, not names: group names are localized (Administrateurs, Administratoren…).
    const inherit = kind === 'Folder' ? '(OI)(CI)' : '';
    return ['icacls', path, '/inheritance:r', '/grant:r', `*S-1-5-32-544:${inherit}F`, `*S-1-5-18:${inherit}F`];
  },
} as const;

/**
 * An argument array as one line a person can read or paste into a console: an argument with a
 * space or a quote is put in double quotes (a bundle under `C:\Users\Jane Doe\…`).
 */
export const commandLine = (argv: readonly string[]) => argv.map((arg) => (arg === '' || /[\s"]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg)).join(' ');

/** A channel name as a file name: `Microsoft-Windows-AAD/Analytic` → `Microsoft-Windows-AAD-Analytic`. */
export const channelFileBase = (channel: AadChannel) => channel.replace(/[\\/]/g, '-');

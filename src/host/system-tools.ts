import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/**
 * Where a Windows tool is run from: never a PATH search (an elevated prt must not run a
 * `dsregcmd.exe` planted in a folder a user can write to). The tools that ship with Windows run
 * from `%SystemRoot%\System32` by full path; PowerShell from its own folder there; the time travel
 * recorders from where they are installed:
 * - `tttracer.exe` is part of Windows 10 1809 and later, in System32;
 * - `TTD.exe` (the current recorder, installed with winget or its .appinstaller) is an MSIX
 *   package whose command is an app execution alias in `%LOCALAPPDATA%\Microsoft\WindowsApps`
 *   of the administrator who installed it.
 *
 * Tests: in forced live mode (`PRT_FORCE_LIVE=1`) `PRT_SYSTEM32_DIR` replaces that folder for every
 * tool (the fakes); it is ignored otherwise. On a non-Windows OS in forced live mode without it,
 * the bare name is used (the fakes on PATH): that OS has no System32 to protect.
 */
export function systemToolPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const windows = platform === 'win32';
  const exe = windows ? `${name}.exe` : name;
  const fakes = env.PRT_FORCE_LIVE === '1' ? env.PRT_SYSTEM32_DIR : undefined;
  if (fakes) return (windows ? win32 : posix).join(fakes, exe);
  if (!windows) return name;
  const system32 = win32.join(env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows', 'System32');
  if (name === 'powershell') return win32.join(system32, 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  if (name === 'TTD') return win32.join(env.LOCALAPPDATA ?? win32.join(env.USERPROFILE ?? 'C:\\Users\\Default', 'AppData', 'Local'), 'Microsoft', 'WindowsApps', 'TTD.exe');
  return win32.join(system32, exe);
}

/** Whether the tool is where systemToolPath looks (a bare name: somewhere on PATH). */
export function systemToolExists(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  const path = systemToolPath(name, env, platform);
  if (path !== name) return existsSync(path);
  return (env.PATH ?? '').split(posix.delimiter).some((folder) => folder !== '' && existsSync(posix.join(folder, name)));
}

// Runs the built executables as a user would: real processes, real files, real exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const linuxExe = join(repoRoot, 'dist/prt');
export const windowsExe = join(repoRoot, 'dist/prt.exe');
export const fixture = (name: string) => join('test/fixtures/dsregcmd', name);

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(linuxExe)) throw new Error(`${linuxExe} is missing: run \`npm run build\` first`);
}

/** Runs dist/prt with an argument array (no shell) from the repo root. */
export function runPrt(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): RunResult {
  const result = spawnSync(linuxExe, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: timeoutMs });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs dist/prt.exe under Wine through the project's runner script. */
export function runPrtExe(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): RunResult {
  const result = spawnSync('bash', [join(repoRoot, 'scripts/lib/run-prt-exe.sh'), ...args], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** stdout must be exactly one JSON document (the contract); returns it parsed. */
export function parseSingleJson(stdout: string): any {
  const trimmed = stdout.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) throw new Error(`stdout is not a JSON document: ${stdout.slice(0, 200)}`);
  return JSON.parse(trimmed);
}

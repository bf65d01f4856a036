import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fixture, parseSingleJson, repoRoot, runPrt, runPrtExe } from './prt.js';

/** Wine maps the Unix root to drive Z:. */
const windowsPath = (unixPath: string) => `Z:${unixPath.replaceAll('/', '\\')}`;

beforeAll(assertBuilt);

// prt.exe is the same core on Windows' Node: under Wine it must print the very same document.
describe('prt.exe under Wine', () => {
  it('gives the same status JSON as the Linux exe for a capture', () => {
    const args = ['status', '--input', fixture('missing-prt-0xc000006d-aadsts50126.txt'), '--json'];
    const windows = runPrtExe(args);
    expect(windows.code).toBe(0);
    const linux = runPrt(args);
    expect(parseSingleJson(windows.stdout)).toEqual(parseSingleJson(linux.stdout));
  });

  it('reports a bad input file with exit 3 and the JSON error on stderr', () => {
    const windows = runPrtExe(['status', '--input', fixture('not-dsregcmd.txt'), '--json']);
    expect(windows.code).toBe(3);
    expect(windows.stdout.trim()).toBe('');
    expect(JSON.parse(windows.stderr.trim()).Error.Category).toBe('InvalidData');
  });
});

// The real Windows live path: node.exe finds dsregcmd.exe through PATH with no shell.
describe('prt.exe live on Wine against a fake dsregcmd.exe', () => {
  const work = join(repoRoot, 'test/.tmp/wine-live');
  const bin = join(work, 'bin');
  const log = join(work, 'calls.log');
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(bin, { recursive: true });
    const compile = spawnSync('x86_64-w64-mingw32-gcc', ['-O2', '-o', join(bin, 'dsregcmd.exe'), join(repoRoot, 'test/fakes/win/fake-tool.c')], { encoding: 'utf8' });
    if (compile.status !== 0) throw new Error(`cannot build the fake dsregcmd.exe: ${compile.stderr}`);
  });

  const live = (capture: string, env: NodeJS.ProcessEnv = {}) => {
    writeFileSync(log, '');
    return runPrtExe(['status', '--json'], {
      // prt.exe runs system tools from System32 by full path; forced live mode points that at the fakes.
      PRT_FORCE_LIVE: '1',
      PRT_SYSTEM32_DIR: windowsPath(bin),
      FAKE_TOOL_LOG: windowsPath(log),
      FAKE_DSREGCMD_OUTPUT: windowsPath(join(repoRoot, fixture(capture))),
      ...env,
    });
  };

  it('runs `dsregcmd /status` and reads its UTF-16 CRLF output', () => {
    const result = live('utf16le-bom-crlf.txt');
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('dsregcmd /status\n');
    const status = parseSingleJson(result.stdout);
    expect(status.Source).toEqual({ Kind: 'Live', Path: null, Encoding: 'utf-16le' });
    const fromFile = parseSingleJson(runPrt(['status', '--input', fixture('utf16le-bom-crlf.txt'), '--json', '--now', status.EvaluatedAt]).stdout);
    expect(status.Sections).toEqual(fromFile.Sections);
  });

  it('exits 4 quoting dsregcmd when it fails', () => {
    const result = live('healthy-aadj.txt', { FAKE_DSREGCMD_MODE: 'fail' });
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stderr.trim()).Error.Message).toContain('exited with code 87');
  });
});

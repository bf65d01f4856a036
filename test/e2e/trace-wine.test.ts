// prt.exe's own Windows code path for `prt trace` under Wine: node.exe finds the fake tools through
// PATH, passes Windows paths and icacls' SIDs as arguments, starts the TTD recorder detached and,
// in the next process, waits for it to end. What Wine cannot show (the real netsh, TTD, wevtutil,
// lock) is verified by reasoning only.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fixture, parseSingleJson, repoRoot, runPrtExe } from './prt.js';

/** Wine maps the Unix root to drive Z:. */
const windowsPath = (unixPath: string) => `Z:${unixPath.replaceAll('/', '\\')}`;

beforeAll(assertBuilt);

describe('prt.exe trace under Wine', () => {
  const work = join(repoRoot, 'test/.tmp/wine-trace');
  const bin = join(work, 'bin');
  const log = join(work, 'calls.log');
  const fakeState = join(work, 'fakestate');
  const state = join(work, 'state');
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(bin, { recursive: true });
    mkdirSync(fakeState);
    const exe = join(bin, 'netsh.exe');
    const compile = spawnSync('x86_64-w64-mingw32-gcc', ['-O2', '-o', exe, join(repoRoot, 'test/fakes/win/trace-tool.c')], { encoding: 'utf8' });
    if (compile.status !== 0) throw new Error(`cannot build the fake trace tools: ${compile.stderr}`);
    for (const tool of ['whoami', 'wevtutil', 'tasklist', 'TTD', 'reg', 'icacls', 'dsregcmd']) copyFileSync(exe, join(bin, `${tool}.exe`));
  });

  const env = () => ({
    // prt.exe runs system tools from System32 by full path; forced live mode points that at the fakes.
      PRT_FORCE_LIVE: '1',
      PRT_SYSTEM32_DIR: windowsPath(bin),
    FAKE_TOOL_LOG: windowsPath(log),
    FAKE_STATE_DIR: windowsPath(fakeState),
    FAKE_DSREGCMD_OUTPUT: windowsPath(join(repoRoot, fixture('hybrid-enterprise-prt.txt'))),
    PRT_STATE_DIR: windowsPath(state),
    PRT_RECORDER_SETTLE_MS: '1500',
  });

  it('start then stop (two prt.exe processes) issue the Windows commands in order and undo them all', () => {
    writeFileSync(log, '');
    const started = runPrtExe(['trace', 'start', '--lsass-trace', '--yes', '--json'], env());
    expect(started.code).toBe(0);
    const bundle: string = parseSingleJson(started.stdout).BundlePath;
    expect(bundle).toMatch(/^Z:\\.*\\traces\\PrtTrace-[A-Za-z0-9-]+$/);
    const stopped = runPrtExe(['trace', 'stop', '--json'], env());
    expect(stopped.code).toBe(0);
    expect(parseSingleJson(stopped.stdout).Outcome).toBe('Completed');
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    // The network probe before the trace reads identity and route settings with a short timeout
    // per read; a Wine start under load can exceed it, so those reads are best effort here. What
    // this test pins is the trace's own commands; the probe's outcome is probe.json.
    const probeReads = ['netsh winhttp show proxy', 'Internet Settings', 'Tcpip\\Parameters'];
    const probeStart = lines.indexOf('dsregcmd /status', lines.indexOf('dsregcmd /status') + 1);
    // The device checks' reads run at once: their TPM event query (wevtutil is a fake here) is checked apart.
    const tpmQuery = (line: string) => line.startsWith('wevtutil qe System ');
    expect(lines.filter(tpmQuery)).toHaveLength(1);
    const traced = lines.filter((line, index) => !tpmQuery(line) && !probeReads.some((read) => line.includes(read)) && !(index === probeStart && index < lines.indexOf('wevtutil gl Microsoft-Windows-AAD/Analytic')));
    expect(traced).toEqual([
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage /v OEMCP',
      'whoami /groups /fo csv /nh',
      'netsh trace show status',
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
      'dsregcmd /status',
      `icacls ${bundle} /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F`,
      'wevtutil gl Microsoft-Windows-AAD/Analytic',
      'wevtutil sl Microsoft-Windows-AAD/Analytic /e:true /q:true',
      `netsh trace start scenario=InternetClient_dbg capture=yes persistent=yes report=disabled maxsize=1024 tracefile=${bundle}\\network\\NetTrace.etl`,
      'tasklist /m lsasrv.dll /fo csv /nh',
      `TTD -accepteula -noUI -attach 812 -out ${bundle}\\lsass`,
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage /v OEMCP',
      'TTD -stop all',
      'netsh trace show status',
      'netsh trace stop',
      'wevtutil gl Microsoft-Windows-AAD/Analytic',
      'wevtutil sl Microsoft-Windows-AAD/Analytic /e:false /q:true',
      // Each export is read back as XML and scrubbed; the raw .evtx is then deleted.
      `wevtutil epl Microsoft-Windows-AAD/Operational ${bundle}\\events\\Microsoft-Windows-AAD-Operational.evtx /ow:true`,
      `wevtutil qe ${bundle}\\events\\Microsoft-Windows-AAD-Operational.evtx /lf:true /f:RenderedXml`,
      `wevtutil epl Microsoft-Windows-AAD/Analytic ${bundle}\\events\\Microsoft-Windows-AAD-Analytic.evtx /ow:true`,
      `wevtutil qe ${bundle}\\events\\Microsoft-Windows-AAD-Analytic.evtx /lf:true /f:RenderedXml`,
      'dsregcmd /status',
      // The device checks of device.json (#15): of their tools, reg and wevtutil (above) are among this test's fakes.
      'reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CDJ\\AAD',
      `icacls ${bundle}.zip /inheritance:r /grant:r *S-1-5-32-544:F *S-1-5-18:F`,
    ]);
    // The recorder was waited for across processes: its final recording is the one kept.
    const unixBundle = bundle.replace(/^Z:/, '').replaceAll('\\', '/');
    expect(JSON.parse(readFileSync(join(unixBundle, 'probe.json'), 'utf8'))).toMatchObject({ SchemaVersion: 1, Runs: [{ Context: 'System' }] });
    expect(readdirSync(join(unixBundle, 'lsass'))).toEqual(['lsass02.run']);
    expect(existsSync(join(state, 'trace-state.json'))).toBe(false);
    expect(existsSync(join(fakeState, 'netsh-trace'))).toBe(false);
    expect(readFileSync(join(fakeState, 'wevtutil-Microsoft-Windows-AAD_Analytic.enabled'), 'utf8')).toBe('false');
  });

  it('runs the whole simulated repro on Windows\' Node too', () => {
    const result = runPrtExe(['trace', 'run', '--simulate', 'hybrid-wrong-password', '--json'], { PRT_STATE_DIR: windowsPath(join(work, 'sim')), PRT_SIM_SPEED: '400' });
    expect(result.code).toBe(0);
    const bundle = parseSingleJson(result.stdout);
    expect(bundle).toMatchObject({ Outcome: 'Completed', Repro: { Outcome: 'AttemptFailed', AttemptStatus: '0xc000006d' } });
    expect(bundle.ZipPath).toMatch(/^Z:\\.*\.zip$/);
  });
});

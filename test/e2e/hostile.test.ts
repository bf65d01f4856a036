// The hostile corpus against the built exe, as an attacker would plant it: escape sequences and
// secrets in a dsregcmd capture, in AAD events, in file names, in arguments and in a simulated
// device; every command's stdout, stderr and files (the bundle, its zip, the redacted copy) must
// hold no raw control character and no planted secret. Each check also finds the planted value in
// its visible form somewhere, so that a command which dropped the data cannot pass by accident.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/safety/zip-read.js';
import { allEscapes, hostileStrings, markersIn, plantedSecrets, rawControlsIn } from '../unit/safety/corpus.js';
import { assertBuilt, parseSingleJson, repoRoot, runPrt, type RunResult } from './prt.js';

beforeAll(assertBuilt);

const work = mkdtempSync(join(tmpdir(), 'prt-hostile-'));
const counts = { escapes: 0, secrets: 0 };
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  // The figures for the report: how many outputs were checked in each category.
  console.log(`hostile outputs checked: ${counts.escapes} for raw control characters, ${counts.secrets} for planted secrets; all clean`);
});

const secretsText = plantedSecrets.map((secret) => secret.Text).join(' ');
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One output (a stream, a file): no raw control character, no planted secret. */
function assertSafe(what: string, text: string, { secrets = true, escapes = true } = {}): void {
  if (escapes) {
    expect(rawControlsIn(text), `raw control characters in ${what}`).toEqual([]);
    counts.escapes += 1;
  }
  if (secrets) {
    expect(markersIn(text), `planted secrets in ${what}`).toEqual([]);
    counts.secrets += 1;
  }
}

function assertRun(what: string, result: RunResult, expectedCode = 0): void {
  expect(result.code, `${what}: ${result.stderr}`).toBe(expectedCode);
  assertSafe(`${what} stdout`, result.stdout);
  assertSafe(`${what} stderr`, result.stderr);
}

// A capture whose device name, tenant and server reply carry every escape and every secret.
const capture = join(work, 'planted-status.txt');
const events = join(work, 'planted-operational.xml');
const hostileName = join(work, `capture${hostileStrings.ClearScreen}${hostileStrings.Bell}.txt`);
beforeAll(() => {
  const original = readFileSync(join(repoRoot, 'test/fixtures/dsregcmd/missing-prt-0xc000006d-aadsts50126.txt'), 'utf8');
  const planted = original
    .replace('Device Name : CTS-LT-31188', `Device Name : CTS-LT-31188${allEscapes}`)
    .replace('TenantName : Contoso', `TenantName : Contoso${hostileStrings.Hyperlink}`)
    .replace('did not match.', `did not match. ${allEscapes} ${secretsText}`);
  expect(planted).not.toBe(original);
  writeFileSync(capture, planted);
  copyFileSync(capture, hostileName);
  const xml = readFileSync(join(repoRoot, 'test/fixtures/events/wrong-password-50126.operational.xml'), 'utf8');
  writeFileSync(events, xml.replaceAll('invalid username or password.', `invalid username or password. ${allEscapes} ${escapeXml(secretsText)}`));
});

describe('hostile input through every command', () => {
  it('status: text, --json, --output, --detect, --redact', () => {
    const text = runPrt(['status', '--input', capture, '--now', '2026-09-18T21:00:00Z']);
    assertRun('status', text);
    expect(text.stdout).toContain('\\x1b[2J');
    const json = runPrt(['status', '--input', capture, '--json']);
    assertRun('status --json', json);
    expect(parseSingleJson(json.stdout).DeviceName).toContain('\u001b[2J');
    const output = join(work, 'status.json');
    assertRun('status --output', runPrt(['status', '--input', capture, '--json', '--output', output]));
    assertSafe('status --output file', readFileSync(output, 'utf8'));
    assertRun('status --detect', runPrt(['status', '--input', capture, '--detect']), 1);
    const redacted = runPrt(['status', '--input', capture, '--redact']);
    assertRun('status --redact', redacted);
    expect(redacted.stdout).not.toContain('CTS-LT-31188');
  });

  it('status of a file whose name holds escape sequences, and of one that is missing', () => {
    assertRun('status hostile file name', runPrt(['status', '--input', hostileName]));
    assertRun('status hostile file name --json', runPrt(['status', '--input', hostileName, '--json']));
    const missing = runPrt(['status', '--input', `${hostileName}.missing`]);
    assertRun('status missing hostile file', missing, 3);
    expect(missing.stderr).toContain('\\x1b[2J');
    assertRun('status missing hostile file --json', runPrt(['status', '--input', `${hostileName}.missing`, '--json']), 3);
  });

  it('error: text, --json and --redact on planted events and capture', () => {
    for (const extra of [[], ['--json'], ['--redact'], ['--json', '--redact']]) {
      const result = runPrt(['error', '--dsregcmd', capture, '--events', events, ...extra]);
      assertRun(`error ${extra.join(' ')}`, result);
    }
    expect(runPrt(['error', '--events', events]).stdout).toContain('\\x1b[2J');
  });

  it('explain echoes its arguments safely, and so do usage errors', () => {
    // An argument cannot hold NUL (the OS ends it there): every other escape is planted.
    const args = [`0xc000006d${allEscapes.replace('\u0000', '')}`, `AADSTS50126${hostileStrings.C1Csi}`, secretsText];
    const text = runPrt(['explain', ...args]);
    assertRun('explain', text, 3);
    expect(text.stdout).toContain('\\u009b');
    assertRun('explain --json', runPrt(['explain', '--json', ...args]), 3);
    assertRun('unknown option', runPrt(['status', `--${hostileStrings.WindowTitle}`]), 2);
    assertRun('unknown option --json', runPrt(['status', '--json', `--x${hostileStrings.C1Csi}`]), 2);
  });
});

describe('hostile simulated device: watch, trace, bundle, zip, redact', () => {
  const scenario = join(work, 'hostile-scenario.json');
  beforeAll(() => {
    const description = `AADSTS50126: Error validating credentials due to invalid username or password. ${allEscapes} ${secretsText}`;
    writeFileSync(
      scenario,
      JSON.stringify({
        Extends: 'hybrid-wrong-password',
        Name: 'hostile',
        Device: { DeviceName: `CTS-WS-0512${hostileStrings.WindowTitle}`, TenantName: `Contoso${allEscapes}` },
        Prt: { LastAttempt: { ServerErrorDescription: description } },
        History: [{ Id: 1081, AtMs: -1_740_000, Data: ['invalid_grant', description, '8d1f4a27-6c3e-49b0-b7a5-2e9c0d6f1b83'] }],
        OnUnlock: {
          Attempt: { ServerErrorDescription: description },
          Events: [
            { Id: 1006, AtMs: 0, Data: [] },
            { Id: 1022, AtMs: 380, Data: [`https://login.microsoftonline.com/common/oauth2/token?password=PlantedQueryPassword${hostileStrings.Hyperlink}`] },
            { Id: 1081, AtMs: 1_460, Data: ['invalid_grant', description, '3e7a9c52-1d84-4b6f-9a03-c5e8b2d71f96'] },
            { Id: 1088, AtMs: 1_470, Data: ['invalid_request', `<s:Envelope><s:Header>${plantedSecrets.find((s) => s.Name === 'WsseSecurity')!.Text}</s:Header><s:Body><s:Fault>${allEscapes}</s:Fault></s:Body></s:Envelope>`] },
            { Id: 1007, AtMs: 1_520, Data: ['0xC000006D'] },
          ],
        },
      }),
    );
  });
  const sim = (state: string, args: string[]) => runPrt(args, { PRT_STATE_DIR: state, PRT_SIM_SPEED: '400' }, 90_000);

  it('watch, in plain lines', () => {
    const result = sim(join(work, 'watch'), ['watch', '--simulate', scenario, '--duration', '4']);
    assertRun('watch', result);
    expect(result.stderr).toContain('\\x1b');
    assertRun('watch --json', sim(join(work, 'watch-json'), ['watch', '--simulate', scenario, '--duration', '3', '--json']));
  });

  function bundleFiles(folder: string): [string, string][] {
    return (readdirSync(folder, { recursive: true }) as string[])
      .filter((name) => statSync(join(folder, name)).isFile())
      .map((name) => [name, readFileSync(join(folder, name)).toString('utf8')]);
  }

  it('trace run: progress, document, every bundle file and every zip entry; then prt redact', async () => {
    const state = join(work, 'trace');
    const output = join(work, 'traces');
    const text = sim(state, ['trace', 'run', '--simulate', scenario, '--output', output]);
    assertRun('trace run', text);
    const json = sim(join(work, 'trace-json'), ['trace', 'run', '--simulate', scenario, '--output', join(work, 'traces-json'), '--json']);
    assertRun('trace run --json', json);
    const bundle = parseSingleJson(json.stdout);
    const files = bundleFiles(bundle.BundlePath);
    expect(files.map(([name]) => name)).toContain(join('events', 'Microsoft-Windows-AAD-Operational.xml'));
    // The dsregcmd snapshots and the exported logs are evidence, kept as Windows wrote them (but
    // scrubbed); everything prt writes for people (report, log, JSON) is sanitized too.
    const evidence = (name: string) => /dsregcmd-(before|after)\.txt$|events[/\\]/.test(name);
    for (const [name, content] of files) {
      assertSafe(`bundle ${name}`, content, { escapes: !evidence(name) });
      if (/report\.txt$/.test(name)) expect(content).toContain('\\x1b');
    }
    for (const entry of await readZip(bundle.ZipPath, () => true)) assertSafe(`zip ${entry.name}`, entry.data!.toString('utf8'), { escapes: !evidence(entry.name) });

    const redacted = runPrt(['redact', bundle.ZipPath, '--output', join(work, 'shared'), '--json']);
    assertRun('redact', redacted);
    const copy = parseSingleJson(redacted.stdout);
    for (const entry of await readZip(copy.ZipPath, () => true)) {
      assertSafe(`redacted zip ${entry.name}`, entry.data!.toString('utf8'), { escapes: !evidence(entry.name) });
      expect(entry.data!.toString('utf8'), entry.name).not.toContain('CTS-WS-0512');
    }
    expect(readdirSync(join(work, 'shared')).some((name) => name.endsWith('.redaction-map.json'))).toBe(true);
  }, 120_000);

  it('trace run --redact: the document and the copy use the same pseudonyms, the map stays outside the zip', async () => {
    const result = sim(join(work, 'trace-redact'), ['trace', 'run', '--simulate', scenario, '--output', join(work, 'traces-redact'), '--redact', '--json']);
    assertRun('trace run --redact', result);
    const document = parseSingleJson(result.stdout);
    expect(document.DeviceName).toMatch(/^DEVICE-1/);
    expect(JSON.stringify(document)).not.toContain('CTS-WS-0512');
    const names = (await readZip(document.ZipPath, () => false)).map((entry) => entry.name);
    expect(names.some((name) => /redaction-map/.test(name))).toBe(false);
    expect(readFileSync(document.Redaction.MapPath, 'utf8')).toContain('CTS-WS-0512');
    expect(statSync(document.Redaction.MapPath).mode & 0o077).toBe(0);
  }, 120_000);

  it('--keep-raw-events keeps the export raw, says so, and records it in the manifest', () => {
    const result = sim(join(work, 'trace-raw'), ['trace', 'run', '--simulate', scenario, '--output', join(work, 'traces-raw'), '--keep-raw-events', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/keep-raw-events/);
    const bundle = parseSingleJson(result.stdout);
    const manifest = JSON.parse(readFileSync(join(bundle.BundlePath, 'manifest.json'), 'utf8'));
    expect(manifest.Options.KeepRawEvents).toBe(true);
    expect(manifest.Notes.join(' ')).toMatch(/raw/);
    // The corpus did reach the export: raw, it holds the planted secrets that every other run removed.
    const raw = readFileSync(join(bundle.BundlePath, 'events', 'Microsoft-Windows-AAD-Operational.xml'), 'utf8');
    expect(markersIn(raw).length).toBeGreaterThan(0);
  }, 120_000);
});

// The packages `npm run build` writes (scripts/package/package.mjs), as an admin receives them:
// what each one holds, that they are reproducible, the notices, prt.exe's version resource.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, repoRoot } from './prt.js';

const dist = join(repoRoot, 'dist');
const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;
const packageScript = join(repoRoot, 'scripts/package/package.mjs');

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const result = spawnSync(command, args, { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Entry name → { mode, date+time } as zipinfo lists them. */
function entries(zip: string): Map<string, { mode: string; time: string }> {
  const listing = run('zipinfo', ['-T', zip]).stdout.split('\n');
  const map = new Map<string, { mode: string; time: string }>();
  for (const line of listing) {
    const m = /^([-dlrwxs]{10})\s+\S+\s+\S+\s+\d+\s+\S+\s+\S+\s+(\d{8}\.\d{6})\s+(.+)$/.exec(line);
    if (m) map.set(m[3]!, { mode: m[1]!, time: m[2]! });
  }
  return map;
}

let work: string;
beforeAll(() => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'prt-package-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the per-platform zips', () => {
  it('win-x64 holds the module with prt.exe only, linux-x64 with an executable prt only; both pass unzip -t', () => {
    const win = join(dist, `PrtTools-${version}-win-x64.zip`);
    const linux = join(dist, `PrtTools-${version}-linux-x64.zip`);
    for (const zip of [win, linux]) expect(run('unzip', ['-tq', zip]).stdout).toMatch(/No errors detected/);
    const winEntries = entries(win);
    const linuxEntries = entries(linux);
    expect(winEntries.has('PrtTools/bin/prt.exe')).toBe(true);
    expect(winEntries.has('PrtTools/bin/prt')).toBe(false);
    expect(linuxEntries.has('PrtTools/bin/prt')).toBe(true);
    expect(linuxEntries.has('PrtTools/bin/prt.exe')).toBe(false);
    expect(linuxEntries.get('PrtTools/bin/prt')!.mode).toBe('-rwxr-xr-x');
    for (const list of [winEntries, linuxEntries]) {
      for (const name of ['PrtTools/PrtTools.psd1', 'PrtTools/PrtTools.psm1', 'PrtTools/THIRD-PARTY-NOTICES.txt', 'PrtTools/Examples/Install-PrtTools.ps1']) {
        expect(list.has(name), name).toBe(true);
      }
    }
    // Every file of the developer build is in both, but for the other platform's exe.
    const developer = readdirSync(join(dist, 'PrtTools'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => `PrtTools/${join(d.parentPath, d.name).slice(join(dist, 'PrtTools').length + 1)}`)
      .sort();
    expect([...winEntries.keys()].sort()).toEqual(developer.filter((n) => n !== 'PrtTools/bin/prt'));
    expect([...linuxEntries.keys()].sort()).toEqual(developer.filter((n) => n !== 'PrtTools/bin/prt.exe'));
  });
});

describe('the nupkgs', () => {
  it('have the layout PSResourceGet publishes, the Windows payload under the version, the Linux one under -linux', () => {
    const win = entries(join(dist, `PrtTools.${version}.nupkg`));
    const linux = entries(join(dist, `PrtTools.${version}-linux.nupkg`));
    for (const list of [win, linux]) {
      expect(list.has('PrtTools.nuspec')).toBe(true);
      expect(list.has('[Content_Types].xml')).toBe(true);
      expect(list.has('_rels/.rels')).toBe(true);
      expect([...list.keys()].filter((n) => /^package\/services\/metadata\/core-properties\/[0-9a-f]{32}\.psmdcp$/.test(n))).toHaveLength(1);
      // The module sits at the root, as Install-PSResource expects.
      expect(list.has('PrtTools.psd1')).toBe(true);
      expect(list.has('THIRD-PARTY-NOTICES.txt')).toBe(true);
    }
    expect(win.has('bin/prt.exe') && !win.has('bin/prt')).toBe(true);
    expect(linux.has('bin/prt') && !linux.has('bin/prt.exe')).toBe(true);
    const nuspec = (pkg: string) => run('unzip', ['-p', join(dist, pkg), 'PrtTools.nuspec']).stdout;
    expect(nuspec(`PrtTools.${version}.nupkg`)).toContain(`<version>${version}</version>`);
    expect(nuspec(`PrtTools.${version}-linux.nupkg`)).toContain(`<version>${version}-linux</version>`);
    expect(nuspec(`PrtTools.${version}.nupkg`)).toMatch(/<tags>PSModule PRT /);
    // PSResourceGet takes the version from the manifest inside: the Linux one says its label.
    const manifest = (pkg: string) => run('unzip', ['-p', join(dist, pkg), 'PrtTools.psd1']).stdout;
    expect(manifest(`PrtTools.${version}-linux.nupkg`)).toMatch(/^\s*Prerelease = 'linux'/m);
    expect(manifest(`PrtTools.${version}.nupkg`)).not.toMatch(/Prerelease/);
    expect(run('unzip', ['-p', join(dist, `PrtTools-${version}-linux-x64.zip`), 'PrtTools/PrtTools.psd1']).stdout).toMatch(/^\s*Prerelease = 'linux'/m);
  });
});

describe('reproducible packages', () => {
  it('every entry of every package carries the same fixed time and sorted names', () => {
    for (const name of readFileSync(join(dist, '.packages'), 'utf8').trim().split('\n')) {
      const list = entries(join(dist, name));
      const times = new Set([...list.values()].map((e) => e.time));
      expect(times.size, name).toBe(1);
      const moduleNames = [...list.keys()].filter((n) => !/^(_rels\/|\[Content_Types\]|package\/|PrtTools\.nuspec)/.test(n));
      expect(moduleNames, name).toEqual([...moduleNames].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }
  });

  it('two packaging runs over the same files give the same bytes, whatever the files’ times, modes and the time zone', () => {
    const module = join(work, 'module');
    mkdirSync(join(module, 'bin'), { recursive: true });
    mkdirSync(join(module, 'Public'));
    const files: Record<string, string> = {
      'PrtTools.psd1': "@{ ModuleVersion = '1.2.3' }",
      'PrtTools.psm1': '# module',
      'Public/Get-Ü.ps1': 'function Get-U {}',
      'bin/prt': 'linux exe',
      'bin/prt.exe': 'MZ windows exe',
      'THIRD-PARTY-NOTICES.txt': 'notices',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(module, name), text);
    const linuxManifest = join(work, 'linux.psd1');
    writeFileSync(linuxManifest, "@{ ModuleVersion = '1.2.3'; PrivateData = @{ PSData = @{ Prerelease = 'linux' } } }");
    const meta = join(work, 'meta.json');
    writeFileSync(meta, JSON.stringify({ Name: 'PrtTools', Author: 'A', CompanyName: 'C', Description: 'D & <E>', Tags: ['PRT'], LicenseUri: 'https://example.org/l' }));
    const pack = (out: string, env: NodeJS.ProcessEnv, epoch = '1700000000') => {
      mkdirSync(out);
      const result = run('node', [packageScript, module, out, '1.2.3', meta, epoch, linuxManifest], { env });
      expect(result.code, result.stderr).toBe(0);
      return Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
    };
    const first = pack(join(work, 'a'), { TZ: 'America/New_York' });
    // Different file times, a lost execute bit, another zone: nothing of it may show.
    for (const name of Object.keys(files)) utimesSync(join(module, name), new Date('2031-05-06T07:08:09Z'), new Date('2031-05-06T07:08:09Z'));
    chmodSync(join(module, 'bin/prt'), 0o600);
    const second = pack(join(work, 'b'), { TZ: 'Asia/Kolkata' });
    expect(Object.keys(first).sort()).toEqual(['PrtTools-1.2.3-linux-x64.zip', 'PrtTools-1.2.3-win-x64.zip', 'PrtTools.1.2.3-linux.nupkg', 'PrtTools.1.2.3.nupkg']);
    for (const name of Object.keys(first)) expect(first[name]!.equals(second[name]!), name).toBe(true);
    // The time is the given one (the commit's), so another one gives other bytes.
    const third = pack(join(work, 'c'), {}, '1710000000');
    expect(third['PrtTools.1.2.3.nupkg']!.equals(first['PrtTools.1.2.3.nupkg']!)).toBe(false);
    expect(entries(join(work, 'a', 'PrtTools-1.2.3-linux-x64.zip')).get('PrtTools/bin/prt')!.mode).toBe('-rwxr-xr-x');
    expect(run('unzip', ['-p', join(work, 'a', 'PrtTools.1.2.3.nupkg'), 'PrtTools.nuspec']).stdout).toContain('<description>D &amp; &lt;E&gt;</description>');
  });
});

describe('THIRD-PARTY-NOTICES.txt', () => {
  it('has the licence of every npm package bundled into the exe, and Node.js’s', () => {
    // Bundled afresh here: the notices must match what esbuild puts in, not a list kept by hand.
    const out = join(work, 'bundle');
    mkdirSync(out);
    for (const [entry, file] of [['src/cli/main.ts', 'prt.cjs'], ['src/ui/dashboard.tsx', 'dashboard.cjs']] as const) {
      expect(run('node', ['scripts/build/bundle.mjs', entry, join(out, file)]).code).toBe(0);
    }
    const listed = run('node', ['--input-type=module', '-e', `
      import { readFileSync } from 'node:fs';
      import { bundledPackageFolders, packageLicence } from './scripts/build/notices.mjs';
      const metas = ${JSON.stringify([join(out, 'prt.cjs.meta.json'), join(out, 'dashboard.cjs.meta.json')])}.map((p) => JSON.parse(readFileSync(p, 'utf8')));
      process.stdout.write(JSON.stringify(bundledPackageFolders(metas).map((f) => packageLicence(f))));`]);
    expect(listed.code, listed.stderr).toBe(0);
    const packages = JSON.parse(listed.stdout) as { name: string; version: string; texts: string[] }[];
    const names = packages.map((p) => p.name);
    for (const expected of ['react', 'ink', 'clipanion', 'fast-xml-parser', 'yoga-layout', 'yazl']) expect(names).toContain(expected);
    const notices = readFileSync(join(dist, 'PrtTools/THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const p of packages) {
      expect(notices, p.name).toContain(`${p.name} ${p.version} (`);
      expect(p.texts.length, p.name).toBeGreaterThan(0);
      expect(notices.replace(/\r\n/g, '\n'), p.name).toContain(p.texts[0]!.replace(/\r\n/g, '\n').slice(0, 200));
    }
    expect(notices).toMatch(/^Node\.js \d+\.\d+\.\d+ \(the runtime inside prt\.exe and prt\)/m);
    expect(notices).toContain('V8'); // Node's LICENSE carries its dependencies' licences
  });

  it('the generator fails, naming it, when a bundled package has no licence text', () => {
    const fake = join(work, 'fake');
    mkdirSync(join(fake, 'node_modules/nolicence'), { recursive: true });
    mkdirSync(join(fake, 'node_modules/haslicence'), { recursive: true });
    writeFileSync(join(fake, 'node_modules/nolicence/package.json'), '{"name":"nolicence","version":"1.0.0","license":"MIT"}');
    writeFileSync(join(fake, 'node_modules/nolicence/README.md'), '# nolicence\n\n## License\n\nMIT\n');
    writeFileSync(join(fake, 'node_modules/haslicence/package.json'), '{"name":"haslicence","version":"2.0.0","license":"ISC"}');
    writeFileSync(join(fake, 'node_modules/haslicence/LICENSE'), 'ISC License, Copyright (c) Someone');
    const meta = { inputs: { 'node_modules/nolicence/index.js': {}, 'node_modules/haslicence/index.js': {}, 'src/own.ts': {} } };
    const generate = (supplements: string) =>
      run('node', ['--input-type=module', '-e', `
        import { noticesText } from ${JSON.stringify(join(repoRoot, 'scripts/build/notices.mjs'))};
        try { process.stdout.write(noticesText([${JSON.stringify(meta)}], 'node licence', '22.0.0', process.cwd(), ${JSON.stringify(supplements)}).text); }
        catch (e) { process.stderr.write(e.message); process.exit(1); }`], { cwd: fake });
    const failed = generate(join(fake, 'no-supplements'));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('nolicence@1.0.0');
    expect(failed.stderr).not.toContain('haslicence');
    mkdirSync(join(fake, 'supplements'));
    writeFileSync(join(fake, 'supplements/nolicence.txt'), 'MIT License, Copyright (c) Nobody');
    const fixed = generate(join(fake, 'supplements'));
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('Copyright (c) Nobody');
    expect(fixed.stdout).toContain('ISC License, Copyright (c) Someone');
  });
});

describe("prt.exe's version resource", () => {
  it('says PrtTools and the package version (read back with resedit)', () => {
    const manifest = readFileSync(join(repoRoot, 'ps-module/PrtTools.psd1'), 'utf8');
    const field = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*'([^']*)'`, 'm').exec(manifest)![1]!;
    const checked = run('node', ['scripts/build/version-info.mjs', 'check', join(dist, 'prt.exe'), version, field('CompanyName'), field('Copyright')]);
    expect(checked.code, checked.stderr).toBe(0);
    // And a wrong expectation is noticed: the check reads the exe, it does not just say ok.
    const wrong = run('node', ['scripts/build/version-info.mjs', 'check', join(dist, 'prt.exe'), '9.9.9', field('CompanyName'), field('Copyright')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`FileVersion is '${version}', not '9.9.9'`);
  });
});

describe('signing (scripts/package/sign.sh) with a throwaway test CA', () => {
  it('signs prt.exe and every script; each verifies against the CA; a changed script does not', () => {
    const dir = join(work, 'sign');
    mkdirSync(dir);
    const config = join(dir, 'openssl.cnf');
    writeFileSync(config, [
      '[req]', 'distinguished_name=dn', '[dn]',
      '[ca]', 'basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash',
      '[signer]', 'basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=codeSigning',
      'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid',
    ].join('\n'));
    const openssl = (...args: string[]) => expect(run('openssl', args, { cwd: dir }).code).toBe(0);
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=PrtTools Test CA', '-days', '2', '-config', config, '-extensions', 'ca');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'signer.key', '-out', 'signer.csr', '-subj', '/CN=PrtTools Test Signer', '-config', config);
    openssl('x509', '-req', '-in', 'signer.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'signer.crt', '-days', '2', '-extfile', config, '-extensions', 'signer');
    openssl('pkcs12', '-export', '-out', 'signer.pfx', '-inkey', 'signer.key', '-in', 'signer.crt', '-passout', 'pass:test-only-password');

    const module = join(dir, 'PrtTools');
    cpSync(join(dist, 'PrtTools'), module, { recursive: true });
    rmSync(join(module, 'bin/prt'));
    const env = { PRT_SIGN_PFX: join(dir, 'signer.pfx'), PRT_SIGN_PASSWORD: 'test-only-password', PRT_SIGN_CA_FILE: join(dir, 'ca.crt') };
    const signed = run('bash', ['scripts/package/sign.sh', module], { env });
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stderr).not.toContain('test-only-password');

    const files = readdirSync(module, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /(\.ps1|\.psm1|\.psd1|\.ps1xml|prt\.exe)$/.test(d.name))
      .map((d) => join(d.parentPath, d.name));
    // The shipped module: one joined .psm1, its manifest and views, the exe, the deployment kit.
    for (const name of ['bin/prt.exe', 'PrtTools.psd1', 'PrtTools.psm1', 'PrtTools.Format.ps1xml', 'Examples/Install-PrtTools.ps1', 'Examples/Detect-PrtHealth.ps1']) {
      expect(files).toContain(join(module, name));
    }
    expect(signed.stdout).toContain(`${files.length} files signed and verified`);
    for (const file of files) {
      const verified = run('osslsigncode', ['verify', '-in', file, '-CAfile', join(dir, 'ca.crt')]);
      expect(verified.code, `${file}: ${verified.stdout}`).toBe(0);
      expect(verified.stdout).toContain('Signature verification: ok');
    }
    // The signed script still parses and reads as the same module.
    expect(readFileSync(join(module, 'PrtTools.psd1'), 'utf8')).toMatch(/# SIG # Begin signature block/);

    const script = join(module, 'PrtTools.psm1');
    writeFileSync(script, readFileSync(script, 'utf8').replace('PrtTools', 'PrtToolz'));
    const tampered = run('osslsigncode', ['verify', '-in', script, '-CAfile', join(dir, 'ca.crt')]);
    expect(tampered.code).not.toBe(0);
    expect(tampered.stdout).toMatch(/MISMATCH/);
  });

  it('fails, naming the files, when the signatures cannot be verified, and on a wrong password', () => {
    const dir = join(work, 'sign');
    const module = join(dir, 'Unverifiable');
    mkdirSync(module);
    writeFileSync(join(module, 'A.ps1'), "'a'\n");
    // Without the test CA the chain ends nowhere: the build must not pass that as signed.
    const unverified = run('bash', ['scripts/package/sign.sh', module], { env: { PRT_SIGN_PFX: join(dir, 'signer.pfx'), PRT_SIGN_PASSWORD: 'test-only-password' } });
    expect(unverified.code).toBe(1);
    expect(unverified.stderr).toContain(join(module, 'A.ps1'));
    const wrong = run('bash', ['scripts/package/sign.sh', module], { env: { PRT_SIGN_PFX: join(dir, 'signer.pfx'), PRT_SIGN_PASSWORD: 'not-it' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/cannot open .*signer\.pfx/);
    expect(wrong.stderr).not.toContain('not-it');
    expect(existsSync(join(module, 'A.ps1'))).toBe(true);
  });
});

// prt.exe's PE version resource: what Explorer's Details tab, EDR consoles and AppLocker show.
// node.exe says "Node.js"; ours says PrtTools and the package version. Written with resedit
// (a maintained PE resource library) into the unsigned node.exe before the SEA blob is injected;
// `check` reads it back from the finished exe.
// Usage: node scripts/build/version-info.mjs set|check <exe> <version> <company> <copyright>
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import * as ResEdit from 'resedit';

const english = { lang: 1033, codepage: 1200 }; // en-US, UTF-16: what node.exe carries

/** The strings and numbers the resource must hold for this version. */
export function expectedVersionInfo(version, company, copyright) {
  // The numeric versions are four 16-bit parts: 1.2.3-beta.4 → 1.2.3.0.
  const numbers = version.replace(/[-+].*$/, '').split('.').map(Number);
  while (numbers.length < 4) numbers.push(0);
  if (numbers.some((n) => !Number.isInteger(n) || n < 0 || n > 65535)) throw new Error(`version '${version}' is not n.n.n[-label]`);
  return {
    numbers,
    strings: {
      ProductName: 'PrtTools',
      FileDescription: 'PrtTools: Primary Refresh Token diagnostics',
      CompanyName: company,
      LegalCopyright: copyright,
      FileVersion: version,
      ProductVersion: version,
      InternalName: 'prt',
      OriginalFilename: 'prt.exe',
    },
  };
}

function versionInfoOf(executable) {
  const resources = ResEdit.NtExecutableResource.from(executable);
  const [info] = ResEdit.Resource.VersionInfo.fromEntries(resources.entries);
  return { resources, info };
}

export function setVersionInfo(bytes, expected) {
  const executable = ResEdit.NtExecutable.from(bytes);
  const { resources, info } = versionInfoOf(executable);
  if (!info) throw new Error('no version resource to replace');
  // Everything node.exe said about itself goes, in every language it said it in.
  for (const language of info.getAllLanguagesForStringValues()) {
    for (const key of Object.keys(info.getStringValues(language))) info.removeStringValue(language, key);
  }
  const [a, b, c, d] = expected.numbers;
  info.setFileVersion(a, b, c, d, english.lang);
  info.setProductVersion(a, b, c, d, english.lang);
  // After the numbers: setting them also writes "1.2.3.0" strings, and ours keep the label.
  info.setStringValues(english, expected.strings);
  info.outputToResourceEntries(resources.entries);
  resources.outputResource(executable);
  return Buffer.from(executable.generate());
}

/** The differences between the exe's resource and what it should be; empty when right. */
export function checkVersionInfo(bytes, expected) {
  const executable = ResEdit.NtExecutable.from(bytes, { ignoreCert: true });
  const { info } = versionInfoOf(executable);
  if (!info) return ['no version resource'];
  const problems = [];
  const strings = info.getStringValues(english);
  for (const [key, want] of Object.entries(expected.strings)) {
    if (strings[key] !== want) problems.push(`${key} is '${strings[key] ?? ''}', not '${want}'`);
  }
  const fixed = info.fixedInfo;
  const fileVersion = [fixed.fileVersionMS >>> 16, fixed.fileVersionMS & 0xffff, fixed.fileVersionLS >>> 16, fixed.fileVersionLS & 0xffff];
  if (fileVersion.join('.') !== expected.numbers.join('.')) problems.push(`numeric FileVersion is ${fileVersion.join('.')}`);
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, exe, version, company, copyright] = process.argv.slice(2);
  if (!['set', 'check'].includes(command) || !exe || !version || !company || !copyright) {
    process.stderr.write('usage: node scripts/build/version-info.mjs set|check <exe> <version> <company> <copyright>\n');
    process.exit(2);
  }
  const expected = expectedVersionInfo(version, company, copyright);
  if (command === 'set') {
    writeFileSync(exe, setVersionInfo(readFileSync(exe), expected));
    process.stdout.write(`ProductName PrtTools, FileVersion ${version}`);
  } else {
    const problems = checkVersionInfo(readFileSync(exe), expected);
    if (problems.length > 0) {
      process.stderr.write(`version-info: ${exe}: ${problems.join('; ')}\n`);
      process.exit(1);
    }
    process.stdout.write(`version resource ok (${version})`);
  }
}

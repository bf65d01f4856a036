// THIRD-PARTY-NOTICES.txt: the licence of every npm package whose code esbuild actually put into
// the exe (read from the bundles' metafiles, not from package.json), and Node.js's own licence
// (the runtime inside both exes; its LICENSE also carries V8's, ICU's, OpenSSL's… texts).
// Usage: node scripts/build/notices.mjs <out.txt> <node LICENSE> <metafile.json>...
// A package that publishes no licence file: its README's licence section, else a text kept in
// scripts/build/licences/. Fails, naming them, when a bundled package has no licence text at all.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const licenceFile = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$|^licen[cs]e[-.]/i;

/** Package folders (absolute) of the npm packages whose files are inputs of these metafiles. */
export function bundledPackageFolders(metafiles, cwd = process.cwd()) {
  const folders = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      // Plugin namespaces prefix the path ("prt-yoga-wasm:node_modules/yoga-layout/…").
      const path = input.replace(/^[a-z][\w-]+:/, '');
      const parts = path.split(/[\\/]/);
      const at = parts.lastIndexOf('node_modules');
      if (at < 0) continue; // our own source
      const length = parts[at + 1]?.startsWith('@') ? 2 : 1;
      folders.add(resolve(cwd, parts.slice(0, at + 1 + length).join('/') || '/'));
    }
  }
  return [...folders];
}

// Licence texts for packages that publish none in their npm package, kept in git with where they
// come from (scripts/build/licences/README.md).
const supplements = join(dirname(fileURLToPath(import.meta.url)), 'licences');

/** The README's "License" section when it holds a licence text, not just the licence's name. */
function readmeLicence(folder) {
  const readme = readdirSync(folder).find((name) => /^readme(\.md)?$/i.test(name));
  if (!readme) return null;
  const text = readFileSync(join(folder, readme), 'utf8');
  const section = /^#+ *licen[cs]e\b.*$([\s\S]*?)(?=^#+ |(?![\s\S]))/im.exec(text)?.[1]?.trim() ?? '';
  return /copyright/i.test(section) && section.length >= 200 ? section.replace(/^> ?/gm, '') : null;
}

/** Name, version, declared licence and licence texts of one package folder. */
export function packageLicence(folder, supplementFolder = supplements) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const files = readdirSync(folder)
    .filter((name) => licenceFile.test(name))
    .sort();
  const texts = files.map((name) => readFileSync(join(folder, name), 'utf8').trim()).filter((text) => text.length > 0);
  if (texts.length === 0) {
    const supplement = join(supplementFolder, `${manifest.name.replace('/', '__')}.txt`);
    const fromReadme = readmeLicence(folder);
    if (fromReadme) texts.push(fromReadme);
    else if (existsSync(supplement)) texts.push(readFileSync(supplement, 'utf8').trim());
  }
  const declared = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'not declared');
  return { name: manifest.name, version: manifest.version, declared, texts };
}

/** The notices text; throws naming every bundled package that has no licence text. */
export function noticesText(metafiles, nodeLicence, nodeVersion, cwd = process.cwd(), supplementFolder = supplements) {
  // The same name@version can be installed twice (nested node_modules): listed once.
  const unique = new Map();
  for (const folder of bundledPackageFolders(metafiles, cwd)) {
    const licence = packageLicence(folder, supplementFolder);
    if (!unique.has(`${licence.name}@${licence.version}`)) unique.set(`${licence.name}@${licence.version}`, licence);
  }
  const packages = [...unique.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'));
  const missing = packages.filter((p) => p.texts.length === 0).map((p) => `${p.name}@${p.version}`);
  if (missing.length > 0) {
    throw new Error(`no licence file in bundled package(s): ${missing.join(', ')}; add its licence text to scripts/build/licences/ before shipping`);
  }
  const rule = '='.repeat(78);
  const parts = [
    'PrtTools third-party notices',
    '',
    'prt.exe and prt are made of Node.js and of the npm packages listed below, bundled into',
    'one script. Each one is distributed under its own licence, reproduced here in full.',
    '',
    `Node.js ${nodeVersion}`,
    ...packages.map((p) => `${p.name} ${p.version} (${p.declared})`),
    '',
    rule,
    `Node.js ${nodeVersion} (the runtime inside prt.exe and prt)`,
    rule,
    nodeLicence.trim(),
  ];
  for (const p of packages) parts.push('', rule, `${p.name} ${p.version} (${p.declared})`, rule, p.texts.join('\n\n'));
  return { text: `${parts.join('\n').replace(/\r\n/g, '\n')}\n`, packages };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, nodeLicencePath, ...metafilePaths] = process.argv.slice(2);
  if (!out || !nodeLicencePath || metafilePaths.length === 0) {
    process.stderr.write('usage: node scripts/build/notices.mjs <out.txt> <node LICENSE> <metafile.json>...\n');
    process.exit(2);
  }
  if (!existsSync(nodeLicencePath)) {
    process.stderr.write(`notices: Node.js's licence is missing at ${nodeLicencePath}: run scripts/bootstrap.sh\n`);
    process.exit(1);
  }
  const nodeVersion = JSON.parse(readFileSync(join(dirname(nodeLicencePath), 'package.json'), 'utf8')).version;
  try {
    const metafiles = metafilePaths.map((path) => JSON.parse(readFileSync(path, 'utf8')));
    const { text, packages } = noticesText(metafiles, readFileSync(nodeLicencePath, 'utf8'), nodeVersion);
    // CRLF: the file is read on Windows, in Notepad too.
    writeFileSync(out, text.replace(/\n/g, '\r\n'));
    process.stdout.write(`Node.js + ${packages.length} npm packages`);
  } catch (error) {
    process.stderr.write(`notices: ${error.message}\n`);
    process.exit(1);
  }
}

// Lays out the shipped PowerShell module: copies ps-module/ to the destination and joins the
// one-function-per-file sources (Private/*.ps1, then Public/*.ps1, each by name, the order of the
// source loader in PrtTools.psm1) into one PrtTools.psm1. Importing one file is several times
// faster than dot-sourcing thirty (issue 13, item 14; `npm run bench` measures it). The sources
// stay one function per file; only the build joins them.
//   node scripts/build-module.mjs <ps-module folder> <destination folder>
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [source, destination] = process.argv.slice(2);
if (!source || !destination) {
  console.error('usage: node scripts/build-module.mjs <ps-module folder> <destination folder>');
  process.exit(2);
}
cpSync(source, destination, { recursive: true });

const loader = readFileSync(join(source, 'PrtTools.psm1'), 'utf8');
// The source loader ends with the loop that dot-sources the folders: everything before it stays.
const loopStart = loader.indexOf('foreach ($folder in');
if (loopStart < 0) throw new Error(`${source}/PrtTools.psm1 has no "foreach ($folder in" loader loop to replace`);
const parts = [
  loader.slice(0, loopStart).replace(/^# PrtTools: the cmdlets are in Public\/.*$/m, '# PrtTools, built by scripts/build-module.mjs from ps-module/ (one function per file there).'),
];
// Ordinal order, as Sort-Object -Property Name sorts these ASCII names in the source loader.
const byName = (a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
for (const folder of ['Private', 'Public']) {
  const files = readdirSync(join(source, folder)).filter((name) => name.toLowerCase().endsWith('.ps1')).sort(byName);
  for (const name of files) {
    const text = readFileSync(join(source, folder, name), 'utf8').replace(/^\uFEFF/, '');
    parts.push(`# --- ${folder}/${name}\n${text.trimEnd()}\n`);
  }
  rmSync(join(destination, folder), { recursive: true, force: true });
}
writeFileSync(join(destination, 'PrtTools.psm1'), `${parts.join('\n')}`, 'utf8');
console.log(`PrtTools.psm1 joined from ${parts.length - 1} files`);

// Lays out the shipped PowerShell module: copies ps-module/ to the destination and joins the
// one-function-per-file sources (Private/*.ps1, then Public/*.ps1, each by name, the order of the
// source loader in PrtTools.psm1) into one PrtTools.psm1. Importing one file is several times
// faster than dot-sourcing thirty (issue 13, item 14; `npm run bench` measures it). The sources
// stay one function per file; only the build joins them. The joined file carries no comment-based
// help: every import parsed it (a third of the file). The cmdlets' help is external MAML instead
// (en-US/PrtTools-help.xml, written from the same comments by scripts/package/module-help.ps1),
// named in each cmdlet by .ExternalHelp; the helpers' comments are for readers of the sources.
//   node scripts/build-module.mjs [--no-help] <ps-module folder> <destination folder>
// Needs pwsh for the help: $PWSH (scripts/tools.env), else pwsh on PATH.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
// --no-help: the .psm1 alone (scripts/mutate-module.mjs swaps only that file into a built module).
const withHelp = !args.includes('--no-help');
const [source, destination] = args.filter((arg) => arg !== '--no-help');
if (!source || !destination) {
  console.error('usage: node scripts/build-module.mjs [--no-help] <ps-module folder> <destination folder>');
  process.exit(2);
}
cpSync(source, destination, { recursive: true });

const loader = readFileSync(join(source, 'PrtTools.psm1'), 'utf8');
// The source loader ends with the loop that dot-sources the folders: everything before it stays.
const loopStart = loader.indexOf('foreach ($folder in');
if (loopStart < 0) throw new Error(`${source}/PrtTools.psm1 has no "foreach ($folder in" loader loop to replace`);
// A help block right after `function Name {`: `<#`, a .SYNOPSIS line, up to the first `#>`.
const helpBlock = /^([ \t]*function[ \t]+([\w-]+)[^\n]*\{[ \t]*\r?\n)[ \t]*<#(?:(?!#>)[\s\S])*?^[ \t]*\.SYNOPSIS\b[\s\S]*?#>[ \t]*\r?\n/gm;
const exported = new Set();
let stripped = 0;
const withoutHelp = (text, folder) =>
  text.replace(helpBlock, (_block, header, name) => {
    stripped++;
    if (folder !== 'Public') return header;
    exported.add(name);
    return `${header}    # .ExternalHelp PrtTools-help.xml\n`;
  });
const parts = [
  loader.slice(0, loopStart).replace(/^# PrtTools: the cmdlets are in Public\/.*$/m, '# PrtTools, built by scripts/build-module.mjs from ps-module/ (one function per file there).'),
];
// Ordinal order, as Sort-Object -Property Name sorts these ASCII names in the source loader.
const byName = (a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
for (const folder of ['Private', 'Public']) {
  const files = readdirSync(join(source, folder)).filter((name) => name.toLowerCase().endsWith('.ps1')).sort(byName);
  for (const name of files) {
    const text = readFileSync(join(source, folder, name), 'utf8').replace(/^\uFEFF/, '');
    parts.push(`# --- ${folder}/${name}\n${withoutHelp(text, folder).trimEnd()}\n`);
  }
  rmSync(join(destination, folder), { recursive: true, force: true });
}
writeFileSync(join(destination, 'PrtTools.psm1'), `${parts.join('\n')}`, 'utf8');
for (const name of readdirSync(join(source, 'Public')).filter((file) => file.toLowerCase().endsWith('.ps1'))) {
  const command = name.replace(/\.ps1$/i, '');
  if (!exported.has(command)) throw new Error(`${source}/Public/${name}: no comment-based help (.SYNOPSIS) right after "function ${command} {"`);
}
console.log(`PrtTools.psm1 joined from ${parts.length - 1} files, ${stripped} comment help blocks left to en-US/PrtTools-help.xml`);

// The cmdlets' help, read by PowerShell from the same sources.
if (withHelp) {
  const helpFile = join(destination, 'en-US', 'PrtTools-help.xml');
  const script = join(import.meta.dirname, 'package', 'module-help.ps1');
  execFileSync(process.env.PWSH || 'pwsh', ['-NoProfile', '-NonInteractive', '-File', script, join(source, 'PrtTools.psd1'), helpFile], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

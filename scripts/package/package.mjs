// Writes the four packages of one build from the assembled module folder (both exes in bin/):
//   PrtTools-<version>-win-x64.zip     PrtTools/ with bin/prt.exe only (copy or Expand-Archive)
//   PrtTools-<version>-linux-x64.zip   PrtTools/ with bin/prt only (execute bit set)
//   PrtTools.<version>.nupkg           Windows payload, for Install-PSResource from a feed
//   PrtTools.<version>-linux.nupkg     Linux payload, the same module under the prerelease label
//                                      "linux" (<version>linux when the version has a label)
// The nupkg is laid out as Publish-PSResource (PSResourceGet 1.2) writes it: the module at the
// root, <id>.nuspec with the manifest's metadata, [Content_Types].xml, _rels/.rels and
// package/services/metadata/core-properties/<name>.psmdcp.
// Reproducible: entries sorted by name, every time the same (SOURCE_DATE_EPOCH, else the last
// commit's time, given by build.sh), modes fixed (0644, bin/prt 0755), names that derive from
// content instead of random ones. Two runs over the same inputs give the same bytes.
// The Linux packages carry a manifest with Prerelease = 'linux' (made by --linux-manifest before
// signing); the Windows ones and dist/PrtTools/ the manifest as written.
// Usage: node scripts/package/package.mjs <module folder> <out folder> <version> <metadata.json> <epoch seconds> <Linux manifest>
//        node scripts/package/package.mjs --linux-manifest <psd1 in> <psd1 out> <version>
import { createHash } from 'node:crypto';
import { createWriteStream, readdirSync, statSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { ZipFile } from 'yazl';

// DOS times in a zip are local times: pin the zone, or two machines write different bytes.
process.env.TZ = 'UTC';

const fileMode = 0o100644;
const exeMode = 0o100755;

/** Every file under the folder as { name (with /), path, mode }, sorted by name bytes. */
export function moduleFiles(folder) {
  const files = [];
  const walk = (relative) => {
    for (const entry of readdirSync(join(folder, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) files.push({ name, path: join(folder, name), mode: name === 'bin/prt' ? exeMode : fileMode });
    }
  };
  walk('');
  return files.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
}

/**
 * Writes a zip of files ({ name, path } from disk or { name, data } generated) in the given
 * order, all with one time. Written to <target>.partial first: a failure leaves no zip.
 */
export async function writeArchive(target, entries, mtime) {
  const zip = new ZipFile();
  const partial = `${target}.partial`;
  const output = createWriteStream(partial);
  zip.on('error', (error) => output.destroy(error));
  const written = pipeline(zip.outputStream, output);
  for (const entry of entries) {
    const options = { mtime, mode: entry.mode ?? fileMode };
    if (entry.data !== undefined) zip.addBuffer(Buffer.from(entry.data), entry.name, options);
    else zip.addFile(entry.path, entry.name, options);
  }
  zip.end();
  try {
    await written;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, target);
  return statSync(target).size;
}

const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const bom = '\ufeff';

/** The nuspec PSResourceGet writes for a module manifest (same elements, same order). */
export function nuspec(meta, version) {
  const tags = ['PSModule', ...(meta.Tags ?? [])].join(' ');
  // NuGet writes the 2011/10 schema when the version has a prerelease label.
  const schema = version.includes('-') ? '2011/10' : '2011/08';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<package xmlns="http://schemas.microsoft.com/packaging/${schema}/nuspec.xsd">`,
    '  <metadata>',
    `    <id>${xml(meta.Name)}</id>`,
    `    <version>${xml(version)}</version>`,
    `    <authors>${xml(meta.Author)}</authors>`,
    `    <owners>${xml(meta.CompanyName ?? meta.Author)}</owners>`,
    `    <requireLicenseAcceptance>${meta.RequireLicenseAcceptance ? 'true' : 'false'}</requireLicenseAcceptance>`,
    ...(meta.LicenseUri ? [`    <licenseUrl>${xml(meta.LicenseUri)}</licenseUrl>`] : []),
    ...(meta.ProjectUri ? [`    <projectUrl>${xml(meta.ProjectUri)}</projectUrl>`] : []),
    ...(meta.IconUri ? [`    <iconUrl>${xml(meta.IconUri)}</iconUrl>`] : []),
    `    <description>${xml(meta.Description)}</description>`,
    ...(meta.ReleaseNotes ? [`    <releaseNotes>${xml(meta.ReleaseNotes)}</releaseNotes>`] : []),
    ...(meta.Copyright ? [`    <copyright>${xml(meta.Copyright)}</copyright>`] : []),
    `    <tags>${xml(tags)}</tags>`,
    '  </metadata>',
    '</package>',
  ];
  return bom + lines.join('\r\n');
}

/** [Content_Types].xml: one Default per extension, an Override per file without one. */
export function contentTypes(names) {
  const extensions = new Set();
  const overrides = [];
  for (const name of names) {
    const base = name.split('/').pop();
    const dot = base.lastIndexOf('.');
    if (dot > 0) extensions.add(base.slice(dot + 1).toLowerCase());
    else overrides.push(name);
  }
  extensions.delete('rels');
  extensions.delete('psmdcp');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />',
    '  <Default Extension="psmdcp" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />',
    ...[...extensions].sort().map((ext) => `  <Default Extension="${xml(ext)}" ContentType="application/octet" />`),
    ...overrides.sort().map((name) => `  <Override PartName="/${xml(name)}" ContentType="application/octet" />`),
    '</Types>',
  ].join('\r\n');
}

/** A nupkg: module files at the root plus the NuGet/OPC parts, all named from content. */
export async function writeNupkg(target, files, meta, version, mtime) {
  const id = meta.Name;
  const spec = nuspec(meta, version);
  // NuGet names these with fresh GUIDs; ours derive from the package so rebuilds match.
  const digest = createHash('sha256').update(`${id}\0${version}\0${spec}`).digest('hex').toUpperCase();
  const corePropertiesName = `package/services/metadata/core-properties/${digest.slice(0, 32).toLowerCase()}.psmdcp`;
  const rels = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    `  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/${xml(id)}.nuspec" Id="R${digest.slice(32, 48)}" />`,
    `  <Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/${corePropertiesName}" Id="R${digest.slice(48, 64)}" />`,
    '</Relationships>',
  ].join('\r\n');
  const coreProperties = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">',
    `  <dc:creator>${xml(meta.Author)}</dc:creator>`,
    `  <dc:description>${xml(meta.Description)}</dc:description>`,
    `  <dc:identifier>${xml(id)}</dc:identifier>`,
    `  <version>${xml(version)}</version>`,
    `  <keywords>${xml(['PSModule', ...(meta.Tags ?? [])].join(' '))}</keywords>`,
    '  <lastModifiedBy>PrtTools scripts/package/package.mjs</lastModifiedBy>',
    '</coreProperties>',
  ].join('\r\n');
  const names = [...files.map((f) => f.name), `${id}.nuspec`];
  const entries = [
    { name: '_rels/.rels', data: rels },
    { name: `${id}.nuspec`, data: spec },
    ...files,
    { name: '[Content_Types].xml', data: contentTypes(names) },
    { name: corePropertiesName, data: coreProperties },
  ];
  return writeArchive(target, entries, mtime);
}

/** The Linux flavour's version: the prerelease label "linux" (appended to an existing one). */
export function linuxVersion(version) {
  return version.includes('-') ? `${version}linux` : `${version}-linux`;
}

/**
 * The Linux flavour's manifest: PSResourceGet reads a package's version from the manifest inside
 * it (PrivateData.PSData.Prerelease), not from the nuspec alone, so the label goes there too.
 * Written before signing (build.sh), so that this file is signed as it ships.
 */
export function linuxManifest(text, version) {
  const label = linuxVersion(version).replace(/^[^-]*-/, '');
  if (!/^[A-Za-z0-9]+$/.test(label)) throw new Error(`prerelease label '${label}' is not letters and digits only (PowerShellGet's rule)`);
  const line = `Prerelease = '${label}'`;
  if (/^\s*Prerelease\s*=.*$/m.test(text)) return text.replace(/^(\s*)Prerelease\s*=.*$/m, `$1${line}`);
  const psData = /^(\s*)PSData\s*=\s*@\{[ \t]*\r?\n/m.exec(text);
  if (!psData) throw new Error('the manifest has no PrivateData.PSData = @{ block to put the prerelease label in');
  const indent = `${psData[1]}    `;
  const at = psData.index + psData[0].length;
  return `${text.slice(0, at)}${indent}${line}${text.includes('\r\n') ? '\r\n' : '\n'}${text.slice(at)}`;
}

/** All four packages; returns { file name: bytes }. */
export async function writePackages(moduleFolder, outFolder, version, meta, epochSeconds, linuxManifestPath) {
  const mtime = new Date(epochSeconds * 1000);
  const all = moduleFiles(moduleFolder);
  for (const needed of ['bin/prt', 'bin/prt.exe', `${meta.Name}.psd1`, 'THIRD-PARTY-NOTICES.txt']) {
    if (!all.some((f) => f.name === needed)) throw new Error(`${moduleFolder} has no ${needed}`);
  }
  const windows = all.filter((f) => f.name !== 'bin/prt');
  const manifestName = `${meta.Name}.psd1`;
  const linux = all
    .filter((f) => f.name !== 'bin/prt.exe')
    .map((f) => (f.name === manifestName ? { ...f, path: linuxManifestPath } : f));
  const under = (files) => files.map((f) => ({ ...f, name: `${meta.Name}/${f.name}` }));
  const jobs = {
    [`${meta.Name}-${version}-win-x64.zip`]: (t) => writeArchive(t, under(windows), mtime),
    [`${meta.Name}-${version}-linux-x64.zip`]: (t) => writeArchive(t, under(linux), mtime),
    [`${meta.Name}.${version}.nupkg`]: (t) => writeNupkg(t, windows, meta, version, mtime),
    [`${meta.Name}.${linuxVersion(version)}.nupkg`]: (t) => writeNupkg(t, linux, meta, linuxVersion(version), mtime),
  };
  // Side by side: yazl deflates on libuv's thread pool, so the four use both cores.
  const sizes = await Promise.all(Object.entries(jobs).map(([name, write]) => write(join(outFolder, name))));
  return Object.fromEntries(Object.keys(jobs).map((name, i) => [name, sizes[i]]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--linux-manifest') {
    const [input, output, version] = process.argv.slice(3);
    try {
      writeFileSync(output, linuxManifest(readFileSync(input, 'utf8'), version));
      process.stdout.write(`Prerelease '${linuxVersion(version).replace(/^[^-]*-/, '')}'`);
      process.exit(0);
    } catch (error) {
      process.stderr.write(`package: ${error.message}\n`);
      process.exit(1);
    }
  }
  const [moduleFolder, outFolder, version, metadataPath, epoch, linuxManifestPath] = process.argv.slice(2);
  if (!moduleFolder || !outFolder || !version || !metadataPath || !/^\d+$/.test(epoch ?? '') || !linuxManifestPath) {
    process.stderr.write('usage: node scripts/package/package.mjs <module folder> <out folder> <version> <metadata.json> <epoch seconds> <Linux manifest>\n');
    process.stderr.write('       node scripts/package/package.mjs --linux-manifest <psd1 in> <psd1 out> <version>\n');
    process.exit(2);
  }
  try {
    const meta = JSON.parse(readFileSync(metadataPath, 'utf8'));
    const sizes = await writePackages(moduleFolder, outFolder, version, meta, Number(epoch), linuxManifestPath);
    const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
    process.stdout.write(Object.entries(sizes).map(([name, bytes]) => `${name} ${mb(bytes)}`).join(', '));
  } catch (error) {
    process.stderr.write(`package: ${error.message}\n`);
    process.exit(1);
  }
}

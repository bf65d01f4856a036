import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { sanitizeText, toSafeJson } from '../safety/sanitize.js';
import { scrubText } from '../safety/scrub.js';
import type { BundleFile } from './types.js';
import { writeZip } from './zip.js';
import { writeFileSafely } from '../host/write-file.js';

export const bundleNames = {
  manifest: 'manifest.json',
  reportJson: 'report.json',
  reportText: 'report.txt',
  log: 'trace.log',
  dsregcmdBefore: 'dsregcmd-before.txt',
  dsregcmdAfter: 'dsregcmd-after.txt',
  events: 'events',
  network: 'network',
  lsass: 'lsass',
  authlogs: 'authlogs',
  networkTrace: 'NetTrace.etl',
  /** The network probe as SYSTEM before the repro (#14). */
  probe: 'probe.json',
  /** The device checks after the repro (#15); `prt doctor` on a bundle reads both. */
  device: 'device.json',
} as const;

/** `PrtTrace-CTS-WS-0512-20261120-093012`: the device and the UTC start, safe on every file system. */
export function bundleFolderName(deviceName: string | null, start: Date): string {
  const device = (deviceName ?? 'device').replace(/\..*$/s, '').replace(/[^A-Za-z0-9-]/g, '-').slice(0, 40) || 'device';
  const stamp = start.toISOString().replace(/\.\d{3}Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  return `PrtTrace-${device}-${stamp}`;
}

/** Creates a new, empty bundle folder under `outputFolder` (a suffix if the name is taken). */
export function createBundleFolder(outputFolder: string, name: string): string {
  mkdirSync(outputFolder, { recursive: true });
  for (let n = 1; ; n++) {
    const path = join(outputFolder, n === 1 ? name : `${name}-${n}`);
    if (existsSync(path) || existsSync(`${path}.zip`)) continue;
    mkdirSync(path);
    return path;
  }
}

/** Text the tool writes into the bundle: scrubbed of anything that looks like a credential. */
export function writeBundleText(folder: string, name: string, text: string): string {
  const path = join(folder, name);
  writeFileSafely(path, scrubText(text));
  return path;
}

/** A JSON document of the bundle: scrubbed value by value (never as flattened text), controls escaped. */
export function writeBundleJson(folder: string, name: string, document: unknown): string {
  const path = join(folder, name);
  writeFileSafely(path, `${toSafeJson(document)}\n`);
  return path;
}

export function appendBundleLog(folder: string, line: string): void {
  appendFileSync(join(folder, bundleNames.log), `${sanitizeText(scrubText(line))}\n`, 'utf8');
}

/** Every file under the folder, relative with `/`, sorted. */
export function listBundleFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Sizes and SHA-256 of the bundle's files, for the manifest (which is not listed in itself). */
export async function describeFiles(folder: string): Promise<BundleFile[]> {
  const files: BundleFile[] = [];
  for (const path of listBundleFiles(folder)) {
    if (path === bundleNames.manifest) continue;
    const full = join(folder, ...path.split('/'));
    files.push({ Path: path, Bytes: statSync(full).size, Sha256: await sha256File(full) });
  }
  return files;
}

/** `<folder>.zip` beside the folder, the folder's name as its top entry. */
export async function zipBundle(folder: string): Promise<string> {
  const target = `${folder}.zip`;
  const top = basename(folder);
  const entries = listBundleFiles(folder).map((path) => ({ name: `${top}/${path}`, source: join(folder, ...path.split('/')) }));
  try {
    await writeZip(target, entries);
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  }
  return target;
}

/** The recorder writes lsass01.run, lsass02.run…: the newest one is the repro; the rest go. */
export function keepNewestRecording(folder: string): { kept: string | null; removed: string[] } {
  if (!existsSync(folder)) return { kept: null, removed: [] };
  const runs = readdirSync(folder)
    .filter((name) => /\.run$/i.test(name))
    .map((name) => ({ name, mtime: statSync(join(folder, name)).mtimeMs, number: Number(/(\d+)\.run$/i.exec(name)?.[1] ?? 0) }))
    .sort((a, b) => b.mtime - a.mtime || b.number - a.number);
  const [newest, ...older] = runs;
  for (const run of older) {
    rmSync(join(folder, run.name), { force: true });
    // The recorder's log and index belong to their recording.
    for (const companion of ['.out', '.idx']) rmSync(join(folder, run.name.replace(/\.run$/i, companion)), { force: true });
  }
  return { kept: newest?.name ?? null, removed: older.map((run) => run.name) };
}

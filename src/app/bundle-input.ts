import { posix, win32 } from 'node:path';
import type { DeviceReport } from '../device/types.js';
import { PrtError, badInput } from '../errors.js';
import type { Host } from '../host/types.js';
import { isProbeReport } from '../probe/report-check.js';
import type { ProbeReport } from '../probe/types.js';
import { isBinaryName, readZip, type ZipFileEntry } from '../safety/zip-read.js';
import { bundleNames } from '../trace/bundle.js';

/** What a trace bundle (folder or zip) holds for the doctor; the host reads the zip's entries by their inner paths. */
export interface BundleInput {
  host: Host;
  dsregcmd: string | undefined;
  events: string[];
  device: DeviceReport | null;
  probe: ProbeReport | null;
  /** The bundle files read, for Sources. */
  read: string[];
}

const maxJsonBytes = 16 * 1024 * 1024;
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const joinPath = (folder: string, name: string) => (folder.includes('\\') && !folder.includes('/') ? win32.join(folder, name) : posix.join(folder, name));

/** A host whose files under `<zip>/` are the zip's entries (read whole, as they are a bundle's text files). */
function zipHost(host: Host, zipPath: string, entries: ZipFileEntry[]): { host: Host; root: string } {
  const top = entries[0]?.name.split('/')[0] ?? '';
  const sameTop = top !== '' && entries.every((entry) => entry.name.startsWith(`${top}/`));
  const root = sameTop ? `${zipPath}/${top}` : zipPath;
  const byPath = new Map(entries.map((entry) => [`${zipPath}/${entry.name}`, entry]));
  const entry = (path: string) => byPath.get(path.replace(/\\/g, '/'));
  return {
    root,
    host: {
      ...host,
      readCapture: (path) => {
        const data = entry(path)?.data;
        return data ? Promise.resolve(data) : host.readCapture(path);
      },
      readEventFile: (path) => {
        const data = entry(path)?.data;
        if (!data) return host.readEventFile(path);
        return (async function* () {
          yield data;
        })();
      },
      listFolder: (path) => {
        const prefix = `${path.replace(/\\/g, '/')}/`;
        if (!prefix.startsWith(`${zipPath}/`)) return host.listFolder(path);
        if (entry(path)) return Promise.resolve(null);
        return Promise.resolve([...byPath.keys()].filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes('/')).sort());
      },
    },
  };
}

async function readJson<T>(host: Host, path: string, check: (value: unknown) => value is T, what: string): Promise<T> {
  const bytes = await host.readCapture(path);
  if (bytes.length > maxJsonBytes) throw badInput('FileTooLarge', `\`${path}\` is larger than ${maxJsonBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw badInput('BadBundleFile', `\`${path}\` is not JSON: ${error.message}`);
  }
  if (!check(value)) throw badInput('BadBundleFile', `\`${path}\` is not ${what}`);
  return value;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isDeviceReport = (value: unknown): value is DeviceReport => isObject(value) && value.SchemaVersion === 1 && Array.isArray(value.Checks);

/** Opens a bundle folder or zip as `prt trace` writes it; what it lacks stays unread (and the doctor says so). */
export async function openBundle(host: Host, path: string): Promise<BundleInput> {
  let files = await host.listFolder(path);
  let reader = host;
  let root = path;
  if (files === null) {
    if (!/\.zip$/i.test(path)) throw badInput('NotABundle', `\`${path}\` is neither a bundle folder nor a bundle zip (give the folder or the .zip \`prt trace\` wrote, or the files with --input and --events)`);
    const opened = zipHost(host, path, await readZip(path, (name) => !isBinaryName(name)));
    reader = opened.host;
    root = opened.root;
    files = (await reader.listFolder(root)) ?? [];
  }
  const names = new Set(files.map(baseName));
  const read: string[] = [];
  const has = (name: string) => names.has(name);
  const dsregName = has(bundleNames.dsregcmdAfter) ? bundleNames.dsregcmdAfter : has(bundleNames.dsregcmdBefore) ? bundleNames.dsregcmdBefore : null;
  const dsregcmd = dsregName ? joinPath(root, dsregName) : undefined;
  const eventFolder = joinPath(root, bundleNames.events);
  const eventFiles = (await reader.listFolder(eventFolder).catch((error: unknown) => {
    // A bundle without events (the export failed) has no events folder.
    if (error instanceof PrtError) return null;
    throw error;
  })) ?? [];
  const events = eventFiles.length > 0 ? [eventFolder] : [];
  const device = has(bundleNames.device) ? await readJson(reader, joinPath(root, bundleNames.device), isDeviceReport, 'the device checks of `prt device --json` (SchemaVersion 1, Checks)') : null;
  const probe = has(bundleNames.probe) ? await readJson(reader, joinPath(root, bundleNames.probe), isProbeReport, 'the probe report of `prt probe --json` (SchemaVersion 1, Runs, Findings)') : null;
  if (dsregcmd) read.push(dsregcmd);
  if (events.length > 0) read.push(eventFolder);
  if (device) read.push(joinPath(root, bundleNames.device));
  if (probe) read.push(joinPath(root, bundleNames.probe));
  if (read.length === 0) throw badInput('NotABundle', `\`${path}\` holds no dsregcmd capture (${bundleNames.dsregcmdAfter}), no events folder, no ${bundleNames.device} and no ${bundleNames.probe}: it is not a \`prt trace\` bundle`);
  return { host: reader, dsregcmd, events, device, probe, read };
}

/**
 * `prt redact` and `--redact` on a trace: a redacted copy of a capture, a bundle folder or a
 * bundle zip, with one Redactor for all of its files (the same pseudonyms everywhere) and its
 * map beside the copy, never inside it. Binary files (a network trace, an lsass recording, .evtx)
 * cannot be redacted: they are left out and listed.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { writeFileSafely } from '../host/write-file.js';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { decodeCapture } from '../dsreg/decode.js';
import { badInput } from '../errors.js';
import { describeFiles, zipBundle } from '../trace/bundle.js';
import { Redactor } from './redact.js';
import { writeRedactionMap } from './redaction-map.js';
import { toSafeJson } from './sanitize.js';
import { isBinaryName, readZip, type ZipFileEntry } from './zip-read.js';

export interface RedactionResult {
  /** The redacted file or folder. */
  Path: string;
  /** The redacted bundle's zip (folder and zip inputs). */
  ZipPath: string | null;
  /** The map pseudonym → real value, beside the output. */
  MapPath: string;
  /** Files of the input that were redacted, and those left out (binary), relative with `/`. */
  Redacted: string[];
  LeftOut: string[];
  Pseudonyms: number;
}

const textExtensions = /\.(txt|xml|json|log|csv|md|html?|ps1|out|ini|reg)$/i;

interface TextFile {
  path: string;
  text: string;
  crlf: boolean;
}

/** The text of a file, or null when it is binary. */
function asText(path: string, bytes: Uint8Array): TextFile | null {
  if (isBinaryName(path)) return null;
  const { text, encoding } = decodeCapture(bytes);
  if (!textExtensions.test(path) && encoding !== 'utf-16le' && bytes.subarray(0, 8192).includes(0)) return null;
  // decodeCapture gives LF line ends: the copy keeps the original's.
  const head = Buffer.from(bytes.subarray(0, 65536));
  return { path, text, crlf: head.includes('\r\n') || (encoding === 'utf-16le' && head.includes(Buffer.from('\r\0\n\0'))) };
}

function learn(redactor: Redactor, file: TextFile): void {
  if (/\.json$/i.test(file.path)) {
    try {
      redactor.learnDeep(JSON.parse(file.text));
      return;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  redactor.learnText(file.text);
}

/** JSON is redacted value by value (names and structure stay); everything else as text. */
function redactContent(redactor: Redactor, file: TextFile): string {
  if (/\.json$/i.test(file.path)) {
    try {
      return `${toSafeJson(redactor.deep(JSON.parse(file.text)))}\n`;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  const text = redactor.text(file.text);
  return file.crlf ? text.replace(/\r?\n/g, '\r\n') : text;
}

/** A name for the output that does not exist yet: `name`, `name-2`, … */
function freePath(folder: string, name: string, extension = ''): string {
  for (let n = 1; ; n++) {
    const path = join(folder, `${name}${n === 1 ? '' : `-${n}`}${extension}`);
    if (!existsSync(path) && !existsSync(`${path}.zip`) && !existsSync(`${path}.redaction-map.json`)) return path;
  }
}

interface InputFile {
  /** Relative path with `/`. */
  name: string;
  read(): Uint8Array;
}

function listFolder(folder: string): InputFile[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { name: relative(folder, full).split(sep).join('/'), read: () => readFileSync(full) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The zip's files; binary ones are listed, never inflated (they are left out anyway). */
async function listZip(path: string): Promise<InputFile[]> {
  const entries: ZipFileEntry[] = await readZip(path, (name) => !isBinaryName(name));
  const names = entries.map((entry) => entry.name);
  // A bundle zip holds one top folder: the copy gets its own top folder, so drop it.
  const top = names[0]?.split('/')[0];
  const oneTop = top !== undefined && names.every((name) => name.startsWith(`${top}/`));
  return entries.map((entry) => ({
    name: oneTop ? entry.name.slice(top.length + 1) : entry.name,
    read: () => {
      if (entry.data === null) throw new Error(`zip entry ${entry.name} was not read`);
      return entry.data;
    },
  }));
}

/** The files that can be redacted, read as text, with every name in them learnt; the rest left out. */
function prepareFiles(files: InputFile[], redactor: Redactor): { texts: TextFile[]; leftOut: string[] } {
  const texts: TextFile[] = [];
  const leftOut: string[] = [];
  for (const file of files) {
    if (file.name.split('/').some((part) => part === '..' || part === '')) throw badInput('UnsafePath', `the input holds a file outside its folder: "${file.name}"`);
    if (/\.redaction-map\.json$/i.test(file.name)) {
      leftOut.push(file.name);
      continue;
    }
    const text = isBinaryName(file.name) ? null : asText(file.name, file.read());
    if (text) texts.push(text);
    else leftOut.push(file.name);
  }
  // Learn every name first, so that a name seen in the last file is replaced in the first too.
  for (const file of texts) learn(redactor, file);
  return { texts, leftOut };
}

/** Writes the redacted copy of the prepared files into `target` (a new folder). */
async function writeRedacted(texts: TextFile[], leftOut: string[], target: string, redactor: Redactor): Promise<string[]> {
  mkdirSync(target, { recursive: true, mode: 0o700 });
  const redacted: string[] = [];
  for (const file of texts) {
    const name = file.path.split('/').map((part) => redactor.text(part)).join('/');
    const path = join(target, ...name.split('/'));
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSafely(path, redactContent(redactor, file), { mode: 0o600 });
    redacted.push(name);
  }
  await refreshFileLists(target, leftOut);
  return redacted;
}

/** manifest.json and report.json list sizes and hashes: those of the redacted files now. */
async function refreshFileLists(folder: string, leftOut: string[]): Promise<void> {
  const files = await describeFiles(folder);
  for (const name of ['manifest.json', 'report.json']) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    let document: Record<string, unknown>;
    try {
      document = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof SyntaxError) continue;
      throw error;
    }
    if (!Array.isArray(document.Files)) continue;
    document.Files = name === 'manifest.json' ? files : files.filter((file) => file.Path !== 'manifest.json');
    document.Redacted = { LeftOut: leftOut };
    writeFileSafely(path, `${toSafeJson(document)}\n`);
  }
}

/**
 * A redacted copy of `input` (a capture or any text file, a bundle folder, a bundle zip) in
 * `outputFolder` (default: beside the input). The same Redactor may be passed in to share its
 * pseudonyms with a document printed alongside (`prt trace --redact`).
 */
export async function redactPath(input: string, outputFolder: string | undefined, redactor = new Redactor()): Promise<RedactionResult> {
  if (!existsSync(input)) throw badInput('InputNotFound', `"${input}" does not exist`);
  const folder = outputFolder ?? dirname(input);
  mkdirSync(folder, { recursive: true });
  const name = basename(input);
  const stats = statSync(input);
  if (stats.isDirectory() || /\.zip$/i.test(name)) {
    const files = stats.isDirectory() ? listFolder(input) : await listZip(input);
    const stem = stats.isDirectory() ? name : name.replace(/\.zip$/i, '');
    const { texts, leftOut } = prepareFiles(files, redactor);
    const target = freePath(folder, `${redactor.text(stem)}-redacted`);
    const redacted = await writeRedacted(texts, leftOut, target, redactor);
    const zipPath = await zipBundle(target);
    return { Path: target, ZipPath: zipPath, MapPath: writeRedactionMap(target, redactor, input), Redacted: redacted, LeftOut: leftOut, Pseudonyms: redactor.entries.length };
  }
  if (!stats.isFile()) throw badInput('NotAFile', `"${input}" is neither a regular file, a folder nor a zip`);
  const file = asText(name, readFileSync(input));
  if (!file) throw badInput('BinaryInput', `"${input}" is a binary file: only text (dsregcmd captures, event XML, reports) can be redacted`);
  learn(redactor, file);
  const extension = extname(name);
  const target = freePath(folder, `${redactor.text(name.slice(0, name.length - extension.length))}.redacted`, extension);
  writeFileSafely(target, redactContent(redactor, file), { mode: 0o600 });
  return { Path: target, ZipPath: null, MapPath: writeRedactionMap(target, redactor, input), Redacted: [name], LeftOut: [], Pseudonyms: redactor.entries.length };
}

/**
 * The map from pseudonyms back to real values, written beside a redacted output (never inside
 * it), readable by its owner only. Kept apart from redact-files.ts: `prt status --redact` needs
 * this and nothing of the bundle code.
 */
import { lstatSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { badInput } from '../errors.js';
import type { Redactor } from './redact.js';
import { escapeJsonText } from './sanitize.js';

/** The map beside the output: readable by its owner only (Administrators and SYSTEM on Windows, by the caller). */
export function writeRedactionMap(outputPath: string, redactor: Redactor, source: string): string {
  const path = `${outputPath}.redaction-map.json`;
  // An earlier map of the same output is replaced; anything else by that name is not written through.
  const existing = lstatOrNull(path);
  if (existing && !existing.isFile()) throw badInput('MapPathTaken', `"${path}" exists and is not a regular file: the redaction map is not written there`);
  if (existing) rmSync(path);
  writeFileSync(path, `${escapeJsonText(JSON.stringify(redactor.mapDocument(source), null, 2))}\n`, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
  return path;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

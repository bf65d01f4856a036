/**
 * The map from pseudonyms back to real values, written beside a redacted output (never inside
 * it), readable by its owner only. Kept apart from redact-files.ts: `prt status --redact` needs
 * this and nothing of the bundle code.
 */
import { writeFileSafely } from '../host/write-file.js';
import type { Redactor } from './redact.js';
import { escapeJsonText } from './sanitize.js';

/** The map beside the output: readable by its owner only (Administrators and SYSTEM on Windows, by the caller). */
export function writeRedactionMap(outputPath: string, redactor: Redactor, source: string): string {
  const path = `${outputPath}.redaction-map.json`;
  // An earlier map of the same output is replaced; anything but a regular file by that name is refused.
  writeFileSafely(path, `${escapeJsonText(JSON.stringify(redactor.mapDocument(source), null, 2))}\n`, { mode: 0o600 });
  return path;
}

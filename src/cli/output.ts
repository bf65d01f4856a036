import type { Writable } from 'node:stream';
import { PrtError } from '../errors.js';
import { escapeJsonText, sanitizeText, toSafeJson } from '../safety/sanitize.js';
import { scrubText } from '../safety/scrub.js';

/**
 * The one JSON writer. The text of a `--json` document: exactly one, newline-terminated
 * (DESIGN §4), every value scrubbed of secrets, every control character escaped (C1 and
 * U+2028/U+2029 too, which JSON.stringify leaves raw).
 */
export const formatJson = (document: unknown) => `${toSafeJson(document)}\n`;

/** `--json` on a stream (stdout). */
export function writeJson(stream: Writable, document: unknown): void {
  stream.write(formatJson(document));
}

/** Errors go to stderr: as the contract's JSON object with --json, as one plain line otherwise. */
export function writeError(stream: Writable, error: PrtError, json: boolean): void {
  // A message can quote data (a file name, an argument, a tool's output).
  const message = scrubText(error.message);
  if (json) {
    stream.write(`${escapeJsonText(JSON.stringify({ Error: { Id: error.id, Message: message, Category: error.category } }))}\n`);
  } else {
    stream.write(`prt: ${sanitizeText(message)}\n`);
  }
}

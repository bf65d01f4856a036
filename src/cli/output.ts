import type { Writable } from 'node:stream';
import { PrtError } from '../errors.js';

/** The text of a `--json` document: exactly one, newline-terminated (DESIGN §4). */
export const formatJson = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

/** `--json` on a stream (stdout). */
export function writeJson(stream: Writable, document: unknown): void {
  stream.write(formatJson(document));
}

/** Errors go to stderr: as the contract's JSON object with --json, as one plain line otherwise. */
export function writeError(stream: Writable, error: PrtError, json: boolean): void {
  if (json) {
    stream.write(`${JSON.stringify({ Error: { Id: error.id, Message: error.message, Category: error.category } })}\n`);
  } else {
    stream.write(`prt: ${error.message}\n`);
  }
}

import type { Writable } from 'node:stream';
import { PrtError } from '../errors.js';

/** `--json`: exactly one document, UTF-8, newline-terminated (DESIGN §4). */
export function writeJson(stream: Writable, document: unknown): void {
  stream.write(`${JSON.stringify(document, null, 2)}\n`);
}

/** Errors go to stderr: as the contract's JSON object with --json, as one plain line otherwise. */
export function writeError(stream: Writable, error: PrtError, json: boolean): void {
  if (json) {
    stream.write(`${JSON.stringify({ Error: { Id: error.id, Message: error.message, Category: error.category } })}\n`);
  } else {
    stream.write(`prt: ${error.message}\n`);
  }
}

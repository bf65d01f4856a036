/**
 * The one output sanitizer (DESIGN §8): text from data (device names, UPNs, server descriptions,
 * event data, file names, arguments) never reaches a terminal or a text file with a raw control
 * character in it. ESC, BEL, the C1 controls (U+0080–U+009F, U+009B is a one-byte CSI), DEL and the
 * C0 controls other than tab and newline are shown visibly instead: `\x1b`, `\u009b`. Our own styling
 * (colours, cursor moves) is added by the presenters after this, around sanitized values.
 */
import { scrubDeep } from './scrub.js';

/** Every character a terminal could act on, except tab and newline. */
// eslint-disable-next-line no-control-regex -- finding control characters is this file's job
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

/** `\x1b` for C0 and DEL, `\u009b` for C1: visible, and unambiguous to a reader. */
export function visibleControl(character: string): string {
  const code = character.charCodeAt(0);
  return code < 0x80 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

export function sanitizeText(text: string): string {
  // A Windows line end is a line end, not a carriage return to show.
  const lines = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  return lines.replace(controlCharacter, visibleControl);
}

/** Sanitizes every string inside a JSON-shaped value; returns a new value. */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return items.map((item) => sanitizeDeep(item)) as T;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = sanitizeDeep(item);
    return copy as T;
  }
  return value;
}

/**
 * What a text presenter is given: the document with secrets scrubbed from each value and every
 * value sanitized. The one boundary between data and the terminal (and report.txt).
 */
export const forText = <T>(document: T): T => sanitizeDeep(scrubDeep(document));

/**
 * JSON text with every control character escaped: JSON.stringify escapes C0 but not DEL, the C1
 * controls or U+2028/U+2029 (line ends to JavaScript), which a terminal showing the JSON would act on.
 */
export function escapeJsonText(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (character) => `\\u${hex(character.charCodeAt(0), 4)}`);
}

/** The text of a JSON document as every writer of one must produce it: scrubbed, escaped. */
export const toSafeJson = (document: unknown) => escapeJsonText(JSON.stringify(scrubDeep(document), null, 2));

/**
 * Turns the bytes of a dsregcmd capture into text. Users send captures made three ways
 * (DESIGN §7): Windows PowerShell 5.1 redirection writes UTF-16LE with a BOM, PowerShell 7 writes
 * UTF-8, cmd.exe writes the OEM code page. Copies that passed through other tools may have lost
 * the BOM, so UTF-16LE is also recognised by its NUL bytes.
 */

import { CP850_HIGH, decodeSingleByte } from '../util/oem-code-page.js';
import { isNodeError } from '../errors.js';

export type CaptureEncoding = 'utf-16le' | 'utf-8' | 'oem-850';

export interface DecodedCapture {
  /** The text with line endings normalised to LF and no BOM. */
  text: string;
  encoding: CaptureEncoding;
}

/** How many leading bytes the UTF-16 heuristic looks at: enough for the first box of output. */
const SNIFF_BYTES = 4096;

export function decodeCapture(bytes: Uint8Array): DecodedCapture {
  let text: string;
  let encoding: CaptureEncoding;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    encoding = 'utf-8';
  } else if (looksLikeUtf16le(bytes)) {
    text = new TextDecoder('utf-16le').decode(bytes);
    encoding = 'utf-16le';
  } else {
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) {
      text = utf8;
      encoding = 'utf-8';
    } else {
      text = decodeCp850(bytes);
      encoding = 'oem-850';
    }
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}

/** ASCII text in UTF-16LE has a NUL in (almost) every odd byte and none in the even ones. */
function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (end < 2) return false;
  let oddNul = 0;
  let evenNul = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = end / 2;
  return oddNul * 2 > pairs && evenNul * 4 < oddNul;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (isNodeError(error, 'ERR_ENCODING_INVALID_ENCODED_DATA')) return null;
    throw error;
  }
}

// dsregcmd's labels are ASCII: only values such as a tenant name with accents depend on the table.
const decodeCp850 = (bytes: Uint8Array) => decodeSingleByte(bytes, CP850_HIGH);

/**
 * Turns the bytes of a dsregcmd capture into text. Users send captures made three ways
 * (DESIGN §7): Windows PowerShell 5.1 redirection writes UTF-16LE with a BOM, PowerShell 7 writes
 * UTF-8, cmd.exe writes the OEM code page. Copies that passed through other tools may have lost
 * the BOM, so UTF-16LE is also recognised by its NUL bytes.
 */

export type CaptureEncoding = 'utf-16le' | 'utf-8' | 'oem-850';

export interface DecodedCapture {
  /** The text with line endings normalised to LF and no BOM. */
  text: string;
  encoding: CaptureEncoding;
}

/**
 * Code page 850 (Western European OEM) for bytes 0x80–0xFF. dsregcmd's labels are ASCII, so
 * only values such as a tenant name with accents depend on this table.
 */
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅ' + // 0x80
  'ÉæÆôöòûùÿÖÜø£Ø×ƒ' + // 0x90
  'áíóúñÑªº¿®¬½¼¡«»' + // 0xA0
  '░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' + // 0xB0
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤' + // 0xC0
  'ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀' + // 0xD0
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´' + // 0xE0
  '\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0'; // 0xF0

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
  } catch {
    return null;
  }
}

function decodeCp850(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : CP850_HIGH[b - 0x80];
  return out;
}

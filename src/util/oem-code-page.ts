/**
 * Text in a console's OEM code page: what Windows tools (netsh, wevtutil, tasklist, reg…) write
 * to a pipe. The code page is the system's `OEMCP` (437 in the US, 850 in Western Europe, 932 in
 * Japan…). The Western single-byte pages are tables here (the WHATWG decoders Node has do not
 * include them); the East Asian ones are in Node's ICU.
 */
import { isNodeError } from '../errors.js';

/** Code page 437 (US OEM) for bytes 0x80–0xFF. */
export const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Code page 850 (Western European OEM) for bytes 0x80–0xFF. */
export const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

const singleByte: Record<number, string> = { 437: CP437_HIGH, 850: CP850_HIGH };

/** Node's (ICU) names for the multi-byte and other pages Windows uses as OEM code pages. */
const icuNames: Record<number, string> = { 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 866: 'ibm866', 65001: 'utf-8' };

export function decodeSingleByte(bytes: Uint8Array, high: string): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : high.charAt(b - 0x80);
  return out;
}

/** Whether `codePage` can be decoded here. */
export const knowsCodePage = (codePage: number) => codePage in singleByte || codePage in icuNames;

/**
 * `bytes` as text in `codePage`; with an unknown (or not yet known) page, UTF-8 when the bytes
 * are valid UTF-8, else code page 850, so that ASCII, which every page shares, always reads right.
 */
export function decodeCodePage(bytes: Uint8Array, codePage: number | null): string {
  const table = codePage === null ? undefined : singleByte[codePage];
  if (table) return decodeSingleByte(bytes, table);
  const icu = codePage === null ? undefined : icuNames[codePage];
  if (icu) return new TextDecoder(icu).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (!isNodeError(error, 'ERR_ENCODING_INVALID_ENCODED_DATA')) throw error;
    return decodeSingleByte(bytes, CP850_HIGH);
  }
}

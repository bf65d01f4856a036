import { describe, expect, it } from 'vitest';
import { CP437_HIGH, CP850_HIGH, decodeCodePage, decodeSingleByte, knowsCodePage } from '../../../src/util/oem-code-page.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('decodeSingleByte', () => {
  it('keeps the ASCII half, up to 0x7F, as it is', () => {
    expect(decodeSingleByte(bytes(0x41, 0x7e, 0x7f), CP437_HIGH)).toBe('A~\u007f');
  });

  it('reads 0x80 and above from the table, 0x80 being its first letter and 0xFF its last', () => {
    expect(decodeSingleByte(bytes(0x80, 0xff), CP437_HIGH)).toBe('Ç\u00a0');
    expect(decodeSingleByte(bytes(0x81), CP850_HIGH)).toBe('ü');
  });

  it('has one letter for each of the 128 high bytes in both tables', () => {
    expect([...CP437_HIGH]).toHaveLength(128);
    expect([...CP850_HIGH]).toHaveLength(128);
  });
});

describe('knowsCodePage', () => {
  it.each([437, 850, 932, 936, 949, 950, 866, 65001])('knows %i', (page) => {
    expect(knowsCodePage(page)).toBe(true);
  });

  it.each([1252, 0, 20127])('does not know %i', (page) => {
    expect(knowsCodePage(page)).toBe(false);
  });
});

describe('decodeCodePage', () => {
  // 0x9B is ¢ in the US page and ø in the Western European one; 0xE1 is ß in both.
  it('reads code page 437 with the US table, not the Western European one', () => {
    expect(decodeCodePage(bytes(0x9b, 0xe1), 437)).toBe('¢ß');
  });

  it('reads code page 850 with the Western European table', () => {
    expect(decodeCodePage(bytes(0x9b, 0xe1), 850)).toBe('øß');
  });

  it('reads code page 850 with its table even when the bytes are also valid UTF-8', () => {
    // C3 A9 is é in UTF-8, ├ and Ú in code page 850.
    expect(decodeCodePage(bytes(0xc3, 0xa9), 850)).toBe('├®');
  });

  it('reads an East Asian page with Node\'s decoder', () => {
    // テ in Shift-JIS
    expect(decodeCodePage(bytes(0x83, 0x65), 932)).toBe('テ');
  });

  it('reads code page 65001 as UTF-8', () => {
    expect(decodeCodePage(bytes(0xc3, 0xa9), 65001)).toBe('é');
  });

  it('reads valid UTF-8 as UTF-8 when the page is not known yet', () => {
    expect(decodeCodePage(bytes(0xc3, 0xa9), null)).toBe('é');
  });

  it('falls back to code page 850 for bytes that are not UTF-8 when the page is not known yet', () => {
    expect(decodeCodePage(bytes(0x81, 0x9b), null)).toBe('üø');
  });

  it('treats a page it has no table for like an unknown one', () => {
    expect(decodeCodePage(bytes(0xc3, 0xa9), 1252)).toBe('é');
    expect(decodeCodePage(bytes(0x9b), 1252)).toBe('ø');
  });
});

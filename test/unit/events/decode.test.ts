import { describe, expect, it } from 'vitest';
import { StreamDecoder, sniffEncoding } from '../../../src/events/decode.js';

const utf16le = (s: string, bom = true): Uint8Array => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Uint8Array => Buffer.from(Buffer.from(s, 'utf16le').swap16());

/** Decodes bytes fed one byte at a time, the worst split a stream can make. */
function bytewise(bytes: Uint8Array): { text: string; encoding: string | null } {
  const d = new StreamDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += d.push(bytes.subarray(i, i + 1));
  text += d.end();
  return { text, encoding: d.encoding };
}

describe('sniffEncoding', () => {
  it('recognises UTF-16LE by its BOM', () => {
    expect(sniffEncoding(Uint8Array.from([0xff, 0xfe, 0x3c, 0x00]))).toBe('utf-16le');
  });

  it('recognises UTF-16LE without a BOM by the NUL after "<"', () => {
    expect(sniffEncoding(Uint8Array.from([0x3c, 0x00, 0x45, 0x00]))).toBe('utf-16le');
  });

  it('recognises UTF-16BE by its BOM and without one', () => {
    expect(sniffEncoding(Uint8Array.from([0xfe, 0xff, 0x00, 0x3c]))).toBe('utf-16be');
    expect(sniffEncoding(Uint8Array.from([0x00, 0x3c, 0x00, 0x45]))).toBe('utf-16be');
  });

  it('takes UTF-8 with or without a BOM', () => {
    expect(sniffEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(sniffEncoding(Buffer.from('<Event'))).toBe('utf-8');
  });
});

describe('StreamDecoder', () => {
  it('drops the UTF-16LE BOM and decodes characters split across chunks', () => {
    expect(bytewise(utf16le('<Message>Größe ✓</Message>'))).toEqual({ text: '<Message>Größe ✓</Message>', encoding: 'utf-16le' });
  });

  it('decodes UTF-16LE without a BOM', () => {
    expect(bytewise(utf16le('<Event>é</Event>', false)).text).toBe('<Event>é</Event>');
  });

  it('decodes UTF-16BE', () => {
    expect(bytewise(utf16be('<Event>é</Event>')).text).toBe('<Event>é</Event>');
  });

  it('drops the UTF-8 BOM and joins a multi-byte character split across chunks', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zürich ✓ 😀')]);
    expect(bytewise(bytes)).toEqual({ text: 'Zürich ✓ 😀', encoding: 'utf-8' });
  });

  it('decodes an input shorter than the sniffing window at the end', () => {
    const d = new StreamDecoder();
    expect(d.push(Buffer.from('<a'))).toBe('');
    expect(d.end()).toBe('<a');
  });
});

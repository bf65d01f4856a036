// The encoding sniffing and the streaming decoder at their edges (events-scan mutation run): a BOM is
// all of its bytes, BOM-less UTF-16 is told by the NUL of its first character whatever follows, only
// the BOM at the very start is dropped, a character cut at the end is not lost silently.
import { describe, expect, it } from 'vitest';
import { StreamDecoder, sniffEncoding, type EventEncoding } from '../../../src/events/decode.js';

const BOM: Record<EventEncoding, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

function encode(text: string, encoding: EventEncoding, bom: boolean): Uint8Array {
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
  return Uint8Array.from([...(bom ? BOM[encoding] : []), ...body]);
}

/** Characters whose bytes are the ones the sniffing compares: 00, EF, BB, BF, FE, FF, and '<'. */
const BYTES = [0x00, 0x01, 0x3c, 0xbb, 0xbf, 0xef, 0xfe, 0xff];
const TRICKY = BYTES.flatMap((hi) => BYTES.map((lo) => hi * 256 + lo))
  .filter((unit) => unit !== 0 && unit !== 0xfeff && unit !== 0xfffe)
  .map((unit) => String.fromCharCode(unit));
/** A first character a BOM-less UTF-16 text can be told by: U+0001–U+00FF, a NUL in its other byte. */
const LATIN1 = Array.from({ length: 255 }, (_, i) => String.fromCharCode(i + 1));

/** Decodes bytes fed one byte at a time, the worst split a stream can make. */
function bytewise(bytes: Uint8Array): string {
  const d = new StreamDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += d.push(bytes.subarray(i, i + 1));
  return text + d.end();
}

describe('sniffEncoding', () => {
  it('takes the encoding of a BOM whatever the text after it starts with', () => {
    const wrong: string[] = [];
    for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
      for (const a of TRICKY) {
        for (const b of TRICKY) {
          const got = sniffEncoding(encode(a + b, encoding, true));
          if (got !== encoding) wrong.push(`${encoding} BOM + U+${a.charCodeAt(0).toString(16)} U+${b.charCodeAt(0).toString(16)} → ${got}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('tells BOM-less UTF-16 by the NUL of a first character up to U+00FF, whatever follows', () => {
    const wrong: string[] = [];
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      for (const a of LATIN1) {
        for (const b of [...TRICKY, ...LATIN1]) {
          const got = sniffEncoding(encode(a + b, encoding, false));
          if (got !== encoding) wrong.push(`${encoding} U+${a.charCodeAt(0).toString(16)} U+${b.charCodeAt(0).toString(16)} → ${got}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('reads BOM-less UTF-8 as UTF-8 whatever it starts with (it never holds a NUL, FE or FF byte)', () => {
    const wrong: string[] = [];
    for (const a of [...TRICKY, ...LATIN1]) {
      for (const b of TRICKY) {
        const got = sniffEncoding(encode(a + b, 'utf-8', false));
        if (got !== 'utf-8') wrong.push(`U+${a.charCodeAt(0).toString(16)} U+${b.charCodeAt(0).toString(16)} → ${got}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('reads a Spanish ticket saved as "Unicode" by Notepad (UTF-16LE, BOM, "¿" first) as UTF-16LE', () => {
    const bytes = encode('¿Por qué no hay PRT?\r\n<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">', 'utf-16le', true);
    expect(sniffEncoding(bytes)).toBe('utf-16le');
    expect(bytewise(bytes)).toBe('¿Por qué no hay PRT?\r\n<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">');
  });
});

describe('StreamDecoder', () => {
  it('drops only the BOM at the very start: a U+FEFF later in the text is kept', () => {
    // Two UTF-8 files with BOMs joined by `copy /b a.xml+b.xml`: the second BOM is in the middle.
    const joined = Uint8Array.from([...encode('<Events>', 'utf-8', true), ...encode('<Event/></Events>', 'utf-8', true)]);
    expect(bytewise(joined)).toBe('<Events>\uFEFF<Event/></Events>');
    const d = new StreamDecoder();
    expect(d.push(encode('<Data>', 'utf-8', true))).toBe('<Data>');
    expect(d.push(encode('\uFEFFvalue</Data>', 'utf-8', false))).toBe('\uFEFFvalue</Data>');
  });

  it('ends a UTF-8 stream cut inside a character with U+FFFD instead of dropping it', () => {
    // "Größe" cut after the first byte of "ö", as a copy interrupted mid-file leaves it.
    const bytes = encode('<Message>Größe', 'utf-8', false).subarray(0, 12);
    const d = new StreamDecoder();
    expect(d.push(bytes)).toBe('<Message>Gr');
    expect(d.end()).toBe('\uFFFD');
  });

  it('gives nothing at the end of a stream that had no bytes', () => {
    expect(new StreamDecoder().end()).toBe('');
    const d = new StreamDecoder();
    expect(d.push(new Uint8Array(0))).toBe('');
    expect(d.end()).toBe('');
  });
});

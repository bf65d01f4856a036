import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/cli/output.js';
import { escapeJsonText, forText, sanitizeDeep, sanitizeText, toSafeJson } from '../../../src/safety/sanitize.js';
import { allEscapes, hostileStrings, plantedSecrets, rawControl } from './corpus.js';

describe('the output sanitizer', () => {
  it.each(Object.entries(hostileStrings))('shows %s visibly, with no raw control character', (_name, hostile) => {
    const shown = sanitizeText(`device ${hostile} end`);
    expect(shown).not.toMatch(rawControl);
    expect(shown.startsWith('device ')).toBe(true);
  });

  it('spells ESC, BEL and C1 CSI so that a reader sees what was there', () => {
    expect(sanitizeText('\u001b[2J\u0007\u009b')).toBe('\\x1b[2J\\x07\\u009b');
    expect(sanitizeText('a\u0000b\u007fc')).toBe('a\\x00b\\x7fc');
  });

  it('keeps tabs, newlines and Windows line ends as line ends', () => {
    expect(sanitizeText('a\tb\nc\r\nd')).toBe('a\tb\nc\nd');
    expect(sanitizeText('a\rb')).toBe('a\\x0db');
  });

  it('reaches every string of a document, nested in arrays and objects', () => {
    const shown = sanitizeDeep({ A: [{ B: allEscapes }], C: 1, D: null, E: true });
    expect(shown.A[0]!.B).not.toMatch(rawControl);
    expect(shown.C).toBe(1);
  });

  it('forText scrubs and sanitizes in one step', () => {
    const shown = forText({ Message: `${allEscapes} ${plantedSecrets.map((s) => s.Text).join(' ')}` });
    expect(shown.Message).not.toMatch(rawControl);
    for (const secret of plantedSecrets) expect(shown.Message).not.toContain(secret.Marker);
  });
});

describe('the JSON writer', () => {
  it('escapes every control character, C1 and U+2028/2029 included, and reads back to the same value', () => {
    const value = { Name: `${allEscapes}\u2028\u2029` };
    const text = formatJson(value);
    expect(text).not.toMatch(rawControl);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toContain('\\u009b');
    expect(text).toContain('\\u007f');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('scrubs each value of the document, never its codes', () => {
    const text = formatJson({ Code: '0xc000006d', Description: plantedSecrets.map((s) => s.Text).join(' ') });
    for (const secret of plantedSecrets) expect(text).not.toContain(secret.Marker);
    expect(JSON.parse(text).Code).toBe('0xc000006d');
  });
});

describe('the edges of the control ranges', () => {
  it('shows C0 and DEL as \\x.., the C1 range from U+0080 to U+009F as \\u...., and leaves U+00A0 alone', () => {
    expect(sanitizeText('\u0001\u000b\u000c\u001f\u007f')).toBe('\\x01\\x0b\\x0c\\x1f\\x7f');
    expect(sanitizeText('\u0080\u009f')).toBe('\\u0080\\u009f');
    // The first printable characters on each side of the ranges are text.
    expect(sanitizeText(' ~\u00a0é')).toBe(' ~\u00a0é');
  });

  it('keeps a lone line feed, but shows a carriage return that ends no line', () => {
    expect(sanitizeText('a\r')).toBe('a\\x0d');
    expect(sanitizeText('a\n\rb')).toBe('a\n\\x0db');
  });

  it('leaves numbers, booleans and nulls of a document as they are, and copies instead of changing it', () => {
    const document = { Name: 'a\u001bb', Count: 3, Ok: false, Missing: null, List: ['\u0007', 1, null] };
    const shown = sanitizeDeep(document);
    expect(shown).toEqual({ Name: 'a\\x1bb', Count: 3, Ok: false, Missing: null, List: ['\\x07', 1, null] });
    expect(document.Name).toBe('a\u001bb');
  });
});

describe('the JSON text of a document', () => {
  it('is indented by two spaces, scrubbed value by value, with C1 and line separators escaped', () => {
    const text = toSafeJson({ Code: '0xc000006d', Reply: 'password=Hunter2Planted', Name: 'a\u0085b\u2028' });
    expect(text).toBe('{\n  "Code": "0xc000006d",\n  "Reply": "password=[password removed]",\n  "Name": "a\\u0085b\\u2028"\n}');
  });

  it('escapes the first and the last C1 character and DEL, and nothing printable', () => {
    expect(escapeJsonText('"\u007f\u0080\u009f\u00a0~"')).toBe('"\\u007f\\u0080\\u009f\u00a0~"');
  });
});

import { describe, expect, test } from 'vitest';
import { decodeXmlReferences, validCodePoint } from '../../../src/util/xml-text.js';

describe('decodeXmlReferences', () => {
  test('the five named entities', () => {
    expect(decodeXmlReferences('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;')).toBe(`<a> & "b" 'c'`);
  });

  test('decimal and hex character references, upper and lower case hex', () => {
    expect(decodeXmlReferences('&#65;&#x42;&#x6a;&#x6A;&#233;&#x1F600;')).toBe('ABjjé😀');
  });

  test('HTML-only names and malformed references stay as written', () => {
    for (const kept of ['&nbsp;', '&copy;', '&#;', '&#x;', '&amp', '&#12345678;', '&#x1234567;', '& amp;', '&#xG1;']) {
      expect(decodeXmlReferences(kept)).toBe(kept);
    }
  });

  test('a reference to a character XML forbids stays as written', () => {
    for (const kept of ['&#0;', '&#1;', '&#x1F;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#xFFFF;', '&#x110000;']) {
      expect(decodeXmlReferences(kept)).toBe(kept);
    }
  });

  test('each reference once: a decoded ampersand does not start another reference', () => {
    expect(decodeXmlReferences('&amp;lt;')).toBe('&lt;');
    expect(decodeXmlReferences('&#38;#65;')).toBe('&#65;');
  });
});

describe('validCodePoint', () => {
  test('the three allowed controls, and no other below 0x20', () => {
    const allowed = Array.from({ length: 0x20 }, (_, code) => code).filter(validCodePoint);
    expect(allowed).toEqual([0x9, 0xa, 0xd]);
  });

  test('the edges of each allowed range', () => {
    for (const code of [0x20, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x10ffff]) expect(validCodePoint(code), code.toString(16)).toBe(true);
    for (const code of [0x1f, 0xd800, 0xdfff, 0xfffe, 0xffff, 0x110000, -1]) expect(validCodePoint(code), code.toString(16)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeXmlText, wellFormedError } from '../../../src/events/xml.js';

const wrap = (inner: string): string => `<Event xmlns='x'><System><EventID>1</EventID></System>${inner}</Event>`;

describe('wellFormedError', () => {
  it('accepts a well-formed event with both attribute quotes, entities and whitespace', () => {
    expect(wellFormedError(wrap(`<EventData>\r\n  <Data Name="a">x &amp; &lt;y&gt; &#xD;&#10;</Data>\r\n  <Data Name='b'/></EventData>`))).toBeNull();
  });

  it('refuses a misspelled closing tag', () => {
    expect(wellFormedError(wrap(`<EventData><Data Name='a'>x</Dat></EventData>`))).toMatch(/<\/Dat> does not match <Data>/);
  });

  it('refuses an element that is never closed', () => {
    expect(wellFormedError(`<Event><System><EventID>1</EventID></System>`)).toMatch(/<Event> is not closed/);
  });

  it('refuses a bare ampersand', () => {
    expect(wellFormedError(wrap(`<EventData><Data>fish & chips</Data></EventData>`))).toMatch(/bare "&"/);
  });

  it('refuses an entity other than the five XML ones', () => {
    expect(wellFormedError(wrap(`<EventData><Data>&lol;</Data></EventData>`))).toMatch(/&lol;/);
  });

  it('refuses a character reference XML does not allow', () => {
    expect(wellFormedError(wrap(`<EventData><Data>&#0;</Data></EventData>`))).toMatch(/&#0;/);
  });

  it('refuses an unquoted attribute', () => {
    expect(wellFormedError(`<Event><System><Execution ProcessID=812/></System></Event>`)).toMatch(/not quoted/);
  });

  it('refuses a repeated attribute', () => {
    expect(wellFormedError(`<Event><System><Execution ProcessID='1' ProcessID='2'/></System></Event>`)).toMatch(/repeats the attribute ProcessID/);
  });

  it('refuses a "<" inside an attribute value', () => {
    expect(wellFormedError(`<Event><System><Provider Name='a<b'/></System></Event>`)).toMatch(/contains "<"/);
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = '<a>'.repeat(40) + '</a>'.repeat(40);
    expect(wellFormedError(`<Event>${deep}</Event>`)).toMatch(/deeper than 32/);
  });

  it('refuses more attributes than the limit', () => {
    const attrs = Array.from({ length: 40 }, (_, i) => ` a${i}='1'`).join('');
    expect(wellFormedError(`<Event${attrs}/>`)).toMatch(/more than 32 attributes/);
  });

  it('refuses a DOCTYPE inside an element', () => {
    expect(wellFormedError(`<Event><!DOCTYPE x></Event>`)).toMatch(/declaration/);
  });

  it('refuses text after the root element', () => {
    expect(wellFormedError(`<Event></Event>trailing`)).toMatch(/outside its root/);
  });

  it('accepts comments and CDATA sections', () => {
    expect(wellFormedError(`<Event><!-- a comment --><Data><![CDATA[a < b & c]]></Data></Event>`)).toBeNull();
  });
});

describe('decodeXmlText', () => {
  it('decodes the five XML entities and character references', () => {
    expect(decodeXmlText('&lt;s:Text&gt; &quot;a&quot; &apos;b&apos; &amp;amp; &#65;&#x42;')).toBe(`<s:Text> "a" 'b' &amp; AB`);
  });

  it('normalises CRLF, CR and &#xD; line ends to LF', () => {
    expect(decodeXmlText('a\r\nb&#xD;\nc\rd')).toBe('a\nb\nc\nd');
  });

  it('returns text without entities unchanged', () => {
    expect(decodeXmlText('https://login.microsoftonline.com/common')).toBe('https://login.microsoftonline.com/common');
  });
});

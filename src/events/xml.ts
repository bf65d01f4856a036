/**
 * The strict part of reading one `<Event>` element: a single indexOf-driven pass that checks
 * well-formedness with limits and, when given a sink, reports tags and text to it (SAX style).
 * fast-xml-parser is lenient by design (a mismatched `</Dat>` or a bare `&` passes), so every
 * kept element goes through this pass whichever reader builds the event.
 * Entities: only the five XML ones and character references exist (there is never a DTD).
 */
import { decodeXmlReferences, validCodePoint } from '../util/xml-text.js';

export interface XmlLimits {
  /** Deepest element nesting accepted (event XML is 4–6 deep). */
  maxDepth: number;
  /** Most attributes on one element (event XML has at most 2–3). */
  maxAttributes: number;
}

export const XML_LIMITS: XmlLimits = { maxDepth: 32, maxAttributes: 32 };

/**
 * Receives the element as it is checked. Names and attribute values are raw (entities not
 * decoded); text is passed as a range of the element's text so that nothing is copied unless used.
 */
export interface XmlSink {
  /** `attrs` holds name, raw value, name, raw value…; it is reused: copy what you keep. */
  open(name: string, attrs: readonly string[], attrCount: number, selfClosing: boolean): void;
  text(source: string, from: number, to: number): void;
  close(): void;
  /** A comment, CDATA section or processing instruction inside the element. */
  other(kind: 'comment' | 'cdata' | 'pi'): void;
}

const scratch: string[] = [];

const REFERENCE = /^&(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/;

/** Why `text` (one element) is not well-formed XML, or null when it is. */
export function wellFormedError(text: string, limits: XmlLimits = XML_LIMITS): string | null {
  return scanElement(text, null, limits);
}

/** Checks `text` (one element) and reports it to `sink`; returns why it is not well-formed, or null. */
export function scanElement(text: string, sink: XmlSink | null, limits: XmlLimits = XML_LIMITS): string | null {
  const n = text.length;
  const stack: string[] = [];
  let rootDone = false;
  let i = 0;
  // The next '&' at or after the current position, found once per stretch (most elements have none).
  let amp = text.indexOf('&');
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      if (stack.length === 0) {
        if (!isBlank(text, i, textEnd)) return 'it has text outside its root element';
      } else {
        if (amp !== -1 && amp < i) amp = text.indexOf('&', i);
        if (amp !== -1 && amp < textEnd) {
          const error = referenceError(text, amp, textEnd);
          if (error) return error;
        }
        if (sink) sink.text(text, i, textEnd);
      }
    }
    if (lt === -1) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      // The usual `</Name>` is checked in place; anything else (blanks before `>`, a mismatch) below.
      const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
      if (top !== undefined && text.charCodeAt(lt + 2 + top.length) === 62 && text.startsWith(top, lt + 2)) {
        stack.pop();
        if (stack.length === 0) rootDone = true;
        if (sink) sink.close();
        i = lt + 3 + top.length;
        continue;
      }
      const gt = text.indexOf('>', lt + 2);
      if (gt === -1) return 'a closing tag is not closed';
      const open = stack.pop();
      if (open === undefined || !text.startsWith(open, lt + 2) || !isBlank(text, lt + 2 + open.length, gt)) {
        const name = text.slice(lt + 2, gt).trimEnd();
        return open === undefined ? `its closing tag </${clip(name)}> has no opening tag` : `its closing tag </${clip(name)}> does not match <${clip(open)}>`;
      }
      if (stack.length === 0) rootDone = true;
      if (sink) sink.close();
      i = gt + 1;
    } else if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) return 'a comment is not closed';
        if (sink) sink.other('comment');
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', lt) && stack.length > 0) {
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) return 'a CDATA section is not closed';
        if (sink) sink.other('cdata');
        i = end + 3;
      } else {
        return 'it holds a declaration (<!…) that event XML never has';
      }
    } else if (c === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) return 'a processing instruction is not closed';
      if (sink) sink.other('pi');
      i = end + 2;
    } else {
      if (rootDone) return 'a second element follows its root element';
      const nameEnd = scanName(text, lt + 1);
      if (nameEnd === lt + 1) return `a "<" is not followed by an element name (at character ${lt})`;
      const name = text.slice(lt + 1, nameEnd);
      let attrCount = 0;
      let j = nameEnd;
      for (;;) {
        const k = skipBlank(text, j);
        const ch = text.charCodeAt(k);
        if (ch === 62 /* > */) {
          if (stack.length >= limits.maxDepth) return `its elements are nested deeper than ${limits.maxDepth} levels`;
          stack.push(name);
          if (sink) sink.open(name, scratch, attrCount, false);
          i = k + 1;
          break;
        }
        if (ch === 47 /* / */ && text.charCodeAt(k + 1) === 62) {
          if (stack.length === 0) rootDone = true;
          if (sink) sink.open(name, scratch, attrCount, true);
          i = k + 2;
          break;
        }
        if (Number.isNaN(ch)) return `the tag <${clip(name)}> is not closed`;
        if (k === j) return `the tag <${clip(name)}> has a stray character`;
        const attrEnd = scanName(text, k);
        if (attrEnd === k) return `the tag <${clip(name)}> has a stray character`;
        const attr = text.slice(k, attrEnd);
        let v = skipBlank(text, attrEnd);
        if (text.charCodeAt(v) !== 61 /* = */) return `the attribute ${clip(attr)} of <${clip(name)}> has no value`;
        v = skipBlank(text, v + 1);
        const quote = text.charCodeAt(v);
        if (quote !== 34 && quote !== 39) return `the attribute ${clip(attr)} of <${clip(name)}> is not quoted`;
        const close = text.indexOf(quote === 34 ? '"' : "'", v + 1);
        if (close === -1) return `the attribute ${clip(attr)} of <${clip(name)}> is not closed`;
        const inner = text.indexOf('<', v + 1);
        if (inner !== -1 && inner < close) return `the attribute ${clip(attr)} of <${clip(name)}> contains "<"`;
        if (amp !== -1 && amp <= v) amp = text.indexOf('&', v + 1);
        if (amp !== -1 && amp < close) {
          const error = referenceError(text, amp, close);
          if (error) return error;
        }
        for (let a = 0; a < attrCount * 2; a += 2) if (scratch[a] === attr) return `the tag <${clip(name)}> repeats the attribute ${clip(attr)}`;
        if (++attrCount > limits.maxAttributes) return `the tag <${clip(name)}> has more than ${limits.maxAttributes} attributes`;
        scratch[attrCount * 2 - 2] = attr;
        scratch[attrCount * 2 - 1] = sink ? text.slice(v + 1, close) : '';
        j = close + 1;
      }
    }
  }
  if (stack.length > 0) return `its element <${clip(stack[stack.length - 1] ?? '')}> is not closed`;
  if (!rootDone) return 'it has no element';
  return null;
}

/** Decodes the five XML entities and character references; CRLF and CR become LF. */
export function decodeXmlText(raw: string): string {
  let s = raw;
  if (s.indexOf('&') !== -1) s = decodeXmlReferences(s);
  if (s.indexOf('\r') !== -1) s = s.replace(/\r\n?/g, '\n');
  return s;
}

function referenceError(text: string, from: number, to: number): string | null {
  let amp = text.indexOf('&', from);
  while (amp !== -1 && amp < to) {
    const m = REFERENCE.exec(text.slice(amp, Math.min(to, amp + 12)));
    if (!m) {
      const name = /^&([A-Za-z_][\w.-]*);/.exec(text.slice(amp, Math.min(to, amp + 40)));
      return name ? `it uses the entity &${clip(name[1] ?? '')}; (no DTD: only the five XML entities exist)` : 'it has a bare "&" (XML needs &amp;)';
    }
    if (m[0].charCodeAt(1) === 35 /* # */) {
      const body = m[0].slice(1, -1);
      const code = body.charCodeAt(1) === 120 ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!validCodePoint(code)) return `it has the character reference ${m[0]}, which XML does not allow`;
    }
    amp = text.indexOf('&', amp + m[0].length);
  }
  return null;
}

/** The end of an XML name starting at `from` (== from when there is none). */
function scanName(text: string, from: number): number {
  const first = text.charCodeAt(from);
  if (Number.isNaN(first) || (first < 128 && NAME_START[first] === 0)) return from;
  let i = from + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c < 128 ? NAME_CHAR[c] === 0 : Number.isNaN(c)) return i;
    i++;
  }
}

/** By ASCII code, 1 when the character may be in a name: blanks and XML's delimiters end one (a table: names are read on every tag). */
const NAME_CHAR = new Uint8Array(128).map((_, c) => (c <= 32 || c === 47 || c === 62 || c === 61 || c === 60 || c === 34 || c === 39 || c === 38 || c === 59 ? 0 : 1));
/** A name does not start with a digit, `-` or `.`. */
const NAME_START = NAME_CHAR.map((ok, c) => ((c >= 48 && c <= 57) || c === 45 || c === 46 ? 0 : ok));

function skipBlank(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

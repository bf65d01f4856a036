/**
 * Event XML with its secrets scrubbed and its markup intact: the scrubber runs on each text value
 * (an event's `<Data>`, its rendered `<Message>`), decoded, so that a SOAP envelope escaped inside a
 * 1088 description is scrubbed as markup before any reader strips its tags. A value that changes is
 * escaped again; the rest of the file stays byte for byte what it was.
 */
import { StreamDecoder } from '../events/decode.js';
import type { AadEvent, EventDataField } from '../events/types.js';
import { mightHoldSecret, scrubText } from './scrub.js';

const markup = /<!\[CDATA\[([\s\S]*?)\]\]>|<[^>]*>/g;
const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (entity, name: string) => {
    if (name[0] !== '#') return namedEntities[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function scrubTextNode(raw: string): string {
  if (raw.trim() === '') return raw;
  const text = raw.includes('&') ? decodeEntities(raw) : raw;
  const scrubbed = scrubText(text);
  return scrubbed === text ? raw : escapeText(scrubbed);
}

/**
 * Whether any value of the XML might hold a secret, as the rules will read it: a sign can hide
 * behind entities (a JSON reply whose quotes are `&quot;`, markup written as `&#60;`).
 */
const xmlMightHoldSecret = (xml: string) => mightHoldSecret(xml) || (xml.includes('&') && mightHoldSecret(decodeEntities(xml)));

/** One piece of event XML (an event, a file) with every text value scrubbed. */
export function scrubEventXml(xml: string): string {
  if (!xmlMightHoldSecret(xml)) return xml;
  let result = '';
  let last = 0;
  for (const match of xml.matchAll(markup)) {
    const index = match.index;
    result += scrubTextNode(xml.slice(last, index));
    if (match[1] !== undefined) {
      const inner = scrubText(match[1]);
      if (inner === match[1]) result += match[0];
      else result += inner.includes(']]>') ? escapeText(inner) : `<![CDATA[${inner}]]>`;
    } else {
      result += match[0];
    }
    last = index + match[0].length;
  }
  return result + scrubTextNode(xml.slice(last));
}

const EVENT_END = '</Event>';
/** Text without an event end is scrubbed in pieces this large, cut after a tag. */
const maxPendingChars = 4 * 1024 * 1024;

/**
 * Event XML bytes (UTF-8 or UTF-16, as the event reader accepts them) → the same events as UTF-8,
 * scrubbed one event at a time: memory stays bounded by the largest event.
 */
export async function* scrubEventChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const decoder = new StreamDecoder();
  let pending = '';
  let first = true;
  const emit = (text: string): Buffer => {
    let out = scrubEventXml(text);
    if (first) {
      first = false;
      // The text is UTF-8 from here on: a declaration saying UTF-16 would now be wrong.
      out = out.replace(/^(\s*<\?xml[^>]*encoding\s*=\s*)(["'])utf-16(?:le|be)?\2/i, '$1$2UTF-8$2');
    }
    return Buffer.from(out, 'utf8');
  };
  for await (const chunk of chunks) {
    pending += decoder.push(chunk);
    const end = pending.lastIndexOf(EVENT_END);
    if (end >= 0) {
      const cut = end + EVENT_END.length;
      yield emit(pending.slice(0, cut));
      pending = pending.slice(cut);
    } else if (pending.length > maxPendingChars) {
      const cut = pending.lastIndexOf('>') + 1;
      if (cut > 0) {
        yield emit(pending.slice(0, cut));
        pending = pending.slice(cut);
      }
    }
  }
  pending += decoder.end();
  if (pending.length > 0) yield emit(pending);
}

/**
 * A parsed AAD event with its values scrubbed: each `<Data>` value and the rendered message, read
 * with their markup intact (entities decoded once), so a SOAP password is removed before anything
 * flattens the description to text. Returns the same object when nothing had to go: the reader of
 * a gigabyte log pays one cheap look per value.
 */
export function scrubAadEvent(event: AadEvent): AadEvent {
  if (!mightHoldSecret(valuesOf(event))) return event;
  const message = event.Message === null ? null : scrubText(event.Message);
  let data: EventDataField[] | null = null;
  for (const [index, field] of event.Data.entries()) {
    const value = scrubText(field.Value);
    if (value === field.Value) continue;
    data ??= [...event.Data];
    data[index] = { ...field, Value: value };
  }
  if (message === event.Message && data === null) return event;
  return { ...event, Message: message, Data: data ?? event.Data };
}

/**
 * The event's values in one string, for one cheap look instead of one per value. NUL between
 * them: no sign of a secret can match across it (none matches NUL, and a word or a run ends there
 * as it does at the end of a value), so the look says yes exactly when one value's would.
 */
function valuesOf(event: AadEvent): string {
  let joined = event.Message ?? '';
  for (const field of event.Data) joined += `\u0000${field.Value}`;
  return joined;
}

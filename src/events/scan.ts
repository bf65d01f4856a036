/**
 * Text → `<Event>` elements, chunk by chunk, with memory bounded by the largest element.
 *
 * Event files have no reliable root: wevtutil prints a bare sequence of `<Event>` elements, Event
 * Viewer wraps them in `<Events>`, `Get-WinEvent | % ToXml()` puts one per line. So the scanner
 * does not parse the file as a document: it finds each `<Event …>…</Event>` with indexOf, reads
 * the provider and event id off the raw text with a small regex (the cheap pre-filter: other
 * providers' events are never parsed), and hands only kept elements to the XML reader.
 *
 * A DTD anywhere is refused: event XML never has one, and a DTD is how entity expansion attacks
 * work (the same reasoning that makes Windows' own XmlLite fail a WS-Trust response with
 * WC_E_DTDPROHIBITED — one of the codes this tool explains).
 */
import { badInput } from '../errors.js';
import { AAD_PROVIDER, AAD_PROVIDER_GUID, readEventElement, type EventReader } from './element.js';
import type { EventParseItem } from './types.js';

export type KeepEvent = (provider: string, eventId: number) => boolean;

export interface ScanOptions {
  /** Named in problems and errors: a file name, or the wevtutil query. */
  source: string;
  /** Which events to read fully; the default keeps the Microsoft-Windows-AAD provider. */
  keep?: KeepEvent;
  /** The largest element accepted, in characters (default 1 MiB). */
  maxElementChars?: number;
  /** How kept elements are read (element.ts); default `fast`. */
  reader?: EventReader;
}

export const MAX_ELEMENT_CHARS = 1024 * 1024;

/** Provider names are case-insensitive on Windows. */
export const keepAadEvents: KeepEvent = (provider) => provider === AAD_PROVIDER || (provider.length === AAD_PROVIDER.length && provider.toLowerCase() === 'microsoft-windows-aad');

/** How much outside-of-event text is remembered to tell an empty export from a file that is not event XML. */
const SAMPLE_CHARS = 4096;

/** The characters the scanner looks at by code (as the TypeScript scanner names them). */
const CharCode = {
  Tab: 0x09,
  LineFeed: 0x0a,
  CarriageReturn: 0x0d,
  Space: 0x20,
  Slash: 0x2f,
  LessThan: 0x3c,
  GreaterThan: 0x3e,
} as const;

const EVENT_OPEN = '<Event';
const EVENT_CLOSE = '</Event';
const EVENT_ID_OPEN = '<EventID';

/** The shapes of an export that simply holds no events. */
const EMPTY_EXPORT = /^(?:\s*(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<Events\b[^>]*\/?>|<\/Events>))*\s*$/;

export class EventScanner {
  private buf = '';
  /** `<Event` elements seen so far (kept or not): the Index of problems. */
  private index = 0;
  /** The buffer starts with an element whose end has not arrived yet. */
  private pending = false;
  private dtdTail = '';
  private sample = '';
  private outsideChars = 0;
  private readonly source: string;
  private readonly keep: KeepEvent;
  private readonly maxElement: number;
  private readonly reader: EventReader;

  constructor(options: ScanOptions) {
    this.source = options.source;
    this.keep = options.keep ?? keepAadEvents;
    this.maxElement = options.maxElementChars ?? MAX_ELEMENT_CHARS;
    this.reader = options.reader ?? 'fast';
  }

  /** Characters held between pushes: the tail of a chunk or one unfinished element, never the log. */
  get bufferedChars(): number {
    return this.buf.length;
  }

  /** Scans the next piece of text; finished events and problems are appended to `out`. */
  push(text: string, out: EventParseItem[]): void {
    this.refuseDtd(text);
    const seam = this.buf.length === 0 ? -1 : eventEnd(text, 0);
    if (seam === -1) {
      this.scan(this.buf.length === 0 ? text : this.buf + text, out);
      return;
    }
    // The held tail is joined with this chunk only up to the first element end: searching a
    // joined string copies it whole, and a chunk is 64 KiB.
    this.scan(this.buf + text.slice(0, seam), out);
    const rest = text.slice(seam);
    this.scan(this.buf.length === 0 ? rest : this.buf + rest, out);
  }

  /** Takes the elements of `buf`; holds what may continue in the next chunk. */
  private scan(buf: string, out: EventParseItem[]): void {
    let pos = 0;
    this.pending = false;
    // The next element's start when the previous step already found it (-2: not known).
    let known = -2;
    for (;;) {
      const start = known === -2 ? nextEventStart(buf, pos) : known;
      known = -2;
      if (start === -1) {
        // Keep what could be the beginning of `<Event` split by the chunk boundary.
        const keepFrom = Math.max(pos, buf.length - 6);
        this.noteOutside(buf, pos, keepFrom);
        pos = keepFrom;
        break;
      }
      this.noteOutside(buf, pos, start);
      if (buf.startsWith('<Event/>', start)) {
        this.problem(out, ++this.index, null, 'is an empty <Event/> element');
        pos = start + 8;
        continue;
      }
      const end = eventEnd(buf, start + 6);
      const next = nextEventStart(buf, start + 6);
      if (next !== -1 && (end === -1 || next < end)) {
        this.problem(out, ++this.index, buf.slice(start, next), 'is cut off: another <Event> begins before its </Event>');
        pos = next;
        continue;
      }
      if (end === -1) {
        if (buf.length - start > this.maxElement) {
          this.problem(out, ++this.index, buf.slice(start, start + 4096), `is larger than ${this.maxElement} characters`);
          pos = buf.length - 6;
          continue;
        }
        pos = start;
        this.pending = true;
        break;
      }
      this.index++;
      if (end - start > this.maxElement) {
        this.problem(out, this.index, buf.slice(start, start + 4096), `is larger than ${this.maxElement} characters`);
        pos = end;
        continue;
      }
      // No other element begins before `end`: the one after this starts at `next`.
      known = next;
      const head = peekHeader(buf, start, end);
      if (head === null || this.keep(head.provider, head.eventId)) {
        const element = detach(buf.slice(start, end));
        const event = readEventElement(element, this.source, this.reader);
        if (typeof event === 'string') this.problem(out, this.index, element, event);
        else out.push({ event });
      }
      pos = end;
    }
    this.buf = pos === 0 ? buf : buf.slice(pos);
  }

  /** After the last text: a cut last element, or the verdict that this is not event XML. */
  end(out: EventParseItem[]): void {
    const rest = this.buf;
    this.buf = '';
    if (this.pending) {
      this.problem(out, ++this.index, rest, 'is cut off at the end (the file looks truncated)');
      return;
    }
    if (this.index > 0 && /^<(?:E(?:v(?:e(?:n(?:t)?)?)?)?)?$/.test(rest.trim()) && rest.trim() !== '') {
      this.problem(out, ++this.index, rest, 'is cut off at the end (the file looks truncated)');
      return;
    }
    this.noteOutside(rest, 0, rest.length);
    if (this.index > 0) return;
    const sample = this.sample.trim();
    if (sample === '' || (this.outsideChars <= SAMPLE_CHARS && EMPTY_EXPORT.test(sample))) return;
    const start = JSON.stringify(sample.length > 40 ? `${sample.slice(0, 40)}…` : sample);
    const what = sample.startsWith('<') ? 'is XML without any <Event> element' : 'is not event XML';
    throw badInput(
      'NotEventXml',
      `\`${this.source}\` ${what} (it starts with ${start}). Expected wevtutil output (/f:RenderedXml or /f:xml), an Event Viewer "Save as XML" file or Get-WinEvent … | ForEach-Object ToXml() output.`,
    );
  }

  private refuseDtd(text: string): void {
    // '!' is rare in event XML, '<' is everywhere: look for the one, then check the other. The
    // seam with the previous chunk is checked on a few characters (never copying the chunk).
    const seam = this.dtdTail + text.slice(0, 9);
    this.dtdTail = text.length >= 9 ? text.slice(-9) : seam.slice(-9);
    let found = /<!(DOCTYPE|ENTITY)/i.exec(seam);
    for (let i = text.indexOf('!'); found === null && i !== -1; i = text.indexOf('!', i + 1)) {
      if (text.charCodeAt(i - 1) === CharCode.LessThan) found = /^<!(DOCTYPE|ENTITY)/i.exec(text.slice(i - 1, i + 8));
    }
    if (found === null) return;
    const m = found;
    throw badInput(
      'EventXmlHasDtd',
      `\`${this.source}\` contains a DTD (<!${m[1] ?? ''} …): event XML never has one, and a DTD can expand entities without bound, so it is refused. Export the events again with wevtutil or Event Viewer.`,
    );
  }

  private noteOutside(buf: string, from: number, to: number): void {
    if (to <= from || this.index > 0) return;
    // Blanks before the first other character are not sampled: enough of them would fill the
    // sample and make any file after them look like an empty export.
    let first = from;
    if (this.sample === '') {
      const skip = buf.slice(from, to).search(/\S/);
      first = skip === -1 ? to : from + skip;
    }
    this.outsideChars += to - first;
    if (this.sample.length < SAMPLE_CHARS) this.sample += buf.slice(first, Math.min(to, first + SAMPLE_CHARS - this.sample.length));
  }

  private problem(out: EventParseItem[], index: number, element: string | null, what: string): void {
    const id = element === null ? null : /<EventRecordID>\s*(\d+)\s*</.exec(element)?.[1];
    const label = id ? `Event #${index} (EventRecordID ${id})` : `Event #${index}`;
    out.push({ problem: { Source: this.source, Index: index, Message: `${label} in \`${this.source}\` ${what}; it was skipped.` } });
  }
}

/**
 * A copy of a slice that does not keep the whole chunk alive: V8 slices share their parent's
 * memory, and the values of a kept event are slices of its element.
 */
function detach(slice: string): string {
  return (slice + ' ').slice(0, -1);
}

/** The next `<Event` that opens an Event element (not `<EventData`, `<EventID`, `<Events`…), or -1. */
function nextEventStart(buf: string, from: number): number {
  let i = buf.indexOf(EVENT_OPEN, from);
  while (i !== -1) {
    const c = buf.charCodeAt(i + EVENT_OPEN.length);
    if (c === CharCode.GreaterThan || c === CharCode.Space || c === CharCode.LineFeed || c === CharCode.CarriageReturn || c === CharCode.Tab || c === CharCode.Slash) return i;
    i = buf.indexOf(EVENT_OPEN, i + EVENT_OPEN.length);
  }
  return -1;
}

/** The index just after the `</Event>` that closes an element (whitespace before `>` allowed), or -1. */
function eventEnd(buf: string, from: number): number {
  let i = buf.indexOf(EVENT_CLOSE, from);
  while (i !== -1) {
    const c = buf.charCodeAt(i + EVENT_CLOSE.length);
    if (c === CharCode.GreaterThan) return i + EVENT_CLOSE.length + 1;
    if (c === CharCode.Space || c === CharCode.LineFeed || c === CharCode.CarriageReturn || c === CharCode.Tab) {
      const gt = buf.indexOf('>', i + EVENT_CLOSE.length);
      if (gt === -1) return -1;
      if (buf.slice(i + EVENT_CLOSE.length, gt).trim() === '') return gt + 1;
    }
    i = buf.indexOf(EVENT_CLOSE, i + EVENT_CLOSE.length);
  }
  return -1;
}

const PROVIDER_NAME = /\sName\s*=\s*(?:'([^']*)'|"([^"]*)")/;
const PROVIDER_GUID = /\sGuid\s*=\s*(?:'\{?([^'}]*)\}?'|"\{?([^"}]*)\}?")/;

/**
 * Provider and event id from the raw element text, without parsing it; null when the header is
 * not where it should be (the element is then parsed, and reported if broken).
 */
function peekHeader(buf: string, start: number, end: number): { provider: string; eventId: number } | null {
  const p = buf.indexOf('<Provider', start);
  if (p === -1 || p > end) return null;
  const pEnd = buf.indexOf('>', p);
  if (pEnd === -1 || pEnd > end) return null;
  const tag = buf.slice(p, pEnd);
  const named = PROVIDER_NAME.exec(tag);
  let provider = named ? (named[1] ?? named[2] ?? '') : '';
  if (provider === '') {
    const guid = PROVIDER_GUID.exec(tag);
    const value = guid ? (guid[1] ?? guid[2] ?? '') : '';
    if (value === '') return null;
    provider = value.toLowerCase() === AAD_PROVIDER_GUID ? AAD_PROVIDER : value;
  }
  let e = buf.indexOf(EVENT_ID_OPEN, start);
  while (e !== -1 && e < end) {
    const c = buf.charCodeAt(e + EVENT_ID_OPEN.length);
    if (c === CharCode.GreaterThan || c === CharCode.Space) break;
    e = buf.indexOf(EVENT_ID_OPEN, e + EVENT_ID_OPEN.length);
  }
  if (e === -1 || e > end) return null;
  const gt = buf.indexOf('>', e);
  const lt = buf.indexOf('<', gt);
  if (gt === -1 || lt === -1 || lt > end) return null;
  const digits = buf.slice(gt + 1, lt).trim();
  if (!/^\d{1,5}$/.test(digits)) return null;
  return { provider, eventId: Number(digits) };
}

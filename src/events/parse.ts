/**
 * Event XML or Event Viewer text → AadEvents, streaming: bytes from the host (wevtutil's stdout
 * or a file) are decoded chunk by chunk and read one element (or text record) at a time, so
 * memory does not grow with the log. The first character decides: `<` is event XML (scan.ts:
 * split into `<Event>` elements, pre-filtered); otherwise the first lines tell event XML pasted
 * after prose or a fence, or copied from Event Viewer's XML View (xml-view.ts), from Event Viewer
 * text (text/). One
 * broken element is a problem item, not a failure; a DTD or a source that is neither is a
 * bad-input error naming the source.
 */
import { StreamDecoder } from './decode.js';
import type { EventReader } from './element.js';
import { EventScanner, type KeepEvent } from './scan.js';
import { EventTextScanner, type TextSequence } from './text/index.js';
import { XmlViewScanner } from './xml-view.js';
import type { AadEvent, EventParseItem, EventProblem } from './types.js';

export type { KeepEvent } from './scan.js';
export { keepAadEvents } from './scan.js';
export type { EventReader } from './element.js';

export interface ParseEventOptions {
  /** Names the source in problems and errors: the file name, or `wevtutil qe Microsoft-Windows-AAD/Analytic`. */
  source: string;
  /** Which events to read (cheap test on the raw text); default: provider Microsoft-Windows-AAD. */
  keep?: KeepEvent;
  /** `fast` (default) or `fast-xml-parser` for every kept element: same events, see element.ts. */
  reader?: EventReader;
  /**
   * Orders text records without a time across the files of one run (text/record.ts). Text
   * records of every provider are returned (a paste is small, and its neighbours give context):
   * `keep` applies to event XML only.
   */
  textSequence?: TextSequence;
}

interface Scanner {
  push(text: string, out: EventParseItem[]): void;
  end(out: EventParseItem[]): void;
}

/** Decides XML or text on the first character that is not white space, or on the first lines. */
class SniffingScanner implements Scanner {
  private scanner: Scanner | null = null;
  private head = '';

  constructor(private readonly options: ParseEventOptions) {}

  push(text: string, out: EventParseItem[]): void {
    if (this.scanner) {
      this.scanner.push(text, out);
      return;
    }
    this.head += text;
    this.decide(out, false);
  }

  end(out: EventParseItem[]): void {
    // A paste too short to tell: what is left decides now.
    if (!this.scanner && this.head !== '') this.decide(out, true);
    const scanner = this.scanner ?? new EventScanner(this.options);
    scanner.end(out);
  }

  private decide(out: EventParseItem[], final: boolean): void {
    const first = this.head.search(/\S/);
    if (first === -1) {
      this.head = ''; // leading white space says nothing, and need not be held
      return;
    }
    const kind = this.head.charAt(first) === '<' ? 'xml' : this.xmlViewOrText(first, final);
    if (kind === null) return; // the lines that decide are not complete yet
    this.scanner =
      kind === 'xml'
        ? new EventScanner(this.options)
        : kind === 'xml-view'
          ? new XmlViewScanner(this.options)
          : new EventTextScanner({ source: this.options.source, sequence: this.options.textSequence });
    const head = this.head;
    this.head = '';
    this.scanner.push(head, out);
  }

  /**
   * A paste that does not start with `<`: event XML after a ticket's prose or a Markdown fence,
   * or Event Viewer's XML View (`- <Event …>`), is read as XML; Event Viewer text (its labels,
   * or "Copy details as text" with its `Event Xml:` part) as text. Decided on the first line
   * that tells, within the first lines; null while they are still coming. The same lines decide
   * however the text is cut into chunks: a chunk that ends at a line end is not the end of the paste.
   */
  private xmlViewOrText(first: number, final: boolean): 'xml-view' | 'text' | null {
    let from = first;
    for (let seen = 0; seen < SNIFF_LINES && from <= this.head.length && from - first <= SNIFF_CHARS; seen++) {
      let end = this.head.indexOf('\n', from);
      if (end === -1) {
        // An unfinished line: wait for more unless this is all, or the paste is past its limit and
        // the line long enough to be judged by its start as a finished one would be.
        if (!final && (this.head.length - first <= SNIFF_CHARS || this.head.length - from < LINE_CHARS)) return null;
        end = this.head.length;
      }
      const line = this.head.slice(from, Math.min(end, from + LINE_CHARS));
      if (XML_LINE.test(line)) return 'xml-view';
      if (TEXT_LINE.test(line)) return 'text';
      from = end + 1;
    }
    return 'text';
  }
}

/** An event's (or an export's) first line as XML, with or without the XML View's tree marker. */
const XML_LINE = /^\s*(?:[-+]\s+)?<(?:\?xml\b|Events?[\s>])/;
/** A label of Event Viewer text ("Log Name:", "Event Xml:", "Event ID:", …) or a saved table's header. */
const TEXT_LINE = /^\s*(?:Log Name|Source|Date|Event ID|Event Xml|Level|Keywords)\s*[:,\t]/i;
/** How many lines, and characters, are looked at before deciding that a paste is text. */
const SNIFF_LINES = 40;
const SNIFF_CHARS = 16 * 1024;
/** How much of a line is looked at: its start tells (a label, an element), finished or not. */
const LINE_CHARS = 256;

/**
 * Events and problems in source order. Throws a bad-input PrtError (exit 3) for a DTD anywhere in
 * the input and for a non-empty source that holds neither `<Event>` elements nor text records.
 */
export async function* parseEventStream(chunks: AsyncIterable<Uint8Array>, options: ParseEventOptions): AsyncGenerator<EventParseItem> {
  for await (const batch of parseEventBatches(chunks, options)) yield* batch;
}

/**
 * The same, one batch (never empty) per chunk of input: a gigabyte log has hundreds of thousands
 * of events, and one async step per event cost more than reading one.
 */
export async function* parseEventBatches(chunks: AsyncIterable<Uint8Array>, options: ParseEventOptions): AsyncGenerator<EventParseItem[]> {
  const decoder = new StreamDecoder();
  const scanner = new SniffingScanner(options);
  let out: EventParseItem[] = [];
  for await (const chunk of chunks) {
    const text = decoder.push(chunk);
    if (text.length > 0) scanner.push(text, out);
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  const rest = decoder.end();
  if (rest.length > 0) scanner.push(rest, out);
  scanner.end(out);
  if (out.length > 0) yield out;
}

/** The same for text already in memory (tests, small captures). A leading BOM is ignored. */
export function parseEventText(text: string, options: ParseEventOptions): EventParseItem[] {
  const scanner = new SniffingScanner(options);
  const out: EventParseItem[] = [];
  scanner.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, out);
  scanner.end(out);
  return out;
}

/** Every event and problem of a stream, collected (the events of one source are few enough to hold). */
export async function readEvents(chunks: AsyncIterable<Uint8Array>, options: ParseEventOptions): Promise<{ events: AadEvent[]; problems: EventProblem[] }> {
  const events: AadEvent[] = [];
  const problems: EventProblem[] = [];
  for await (const item of parseEventStream(chunks, options)) {
    if ('event' in item) events.push(item.event);
    else problems.push(item.problem);
  }
  return { events, problems };
}

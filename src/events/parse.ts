/**
 * Event XML → AadEvents, streaming: bytes from the host (wevtutil's stdout or a file) are decoded
 * chunk by chunk, split into `<Event>` elements, pre-filtered, and read one at a time, so memory
 * does not grow with the log. One broken element is a problem item, not a failure; a DTD or a
 * source that is not event XML at all is a bad-input error naming the source.
 */
import { StreamDecoder } from './decode.js';
import type { EventReader } from './element.js';
import { EventScanner, type KeepEvent } from './scan.js';
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
}

/**
 * Events and problems in source order. Throws a bad-input PrtError (exit 3) for a DTD anywhere in
 * the input and for a non-empty source without any `<Event>` that is not an empty export.
 */
export async function* parseEventStream(chunks: AsyncIterable<Uint8Array>, options: ParseEventOptions): AsyncGenerator<EventParseItem> {
  const decoder = new StreamDecoder();
  const scanner = new EventScanner(options);
  const out: EventParseItem[] = [];
  for await (const chunk of chunks) {
    const text = decoder.push(chunk);
    if (text.length > 0) scanner.push(text, out);
    if (out.length > 0) {
      for (const item of out) yield item;
      out.length = 0;
    }
  }
  const rest = decoder.end();
  if (rest.length > 0) scanner.push(rest, out);
  scanner.end(out);
  for (const item of out) yield item;
}

/** The same for text already in memory (tests, small captures). A leading BOM is ignored. */
export function parseEventText(text: string, options: ParseEventOptions): EventParseItem[] {
  const scanner = new EventScanner(options);
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

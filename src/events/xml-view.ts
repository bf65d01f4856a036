/**
 * Event XML as copied from Event Viewer's Details tab, "XML View": the view draws a `-` (or `+`)
 * before each element that has children (`- <Event …>`, `- <System>`), and pastes into tickets
 * often sit inside Markdown fences after a line of prose. Markers and fences are taken off line by
 * line and the rest goes to the event XML scanner, which skips text outside `<Event>` elements.
 */
import { EventScanner, type ScanOptions } from './scan.js';
import type { EventParseItem } from './types.js';

const TREE_MARKER = /^(\s*)[-+]\s+(?=<)/;
const FENCE = /^\s*(?:`{3,}|~{3,})/;


export class XmlViewScanner {
  private readonly xml: EventScanner;
  private tail = '';

  constructor(options: ScanOptions) {
    this.xml = new EventScanner(options);
  }

  push(text: string, out: EventParseItem[]): void {
    const buf = this.tail + text;
    const cut = buf.lastIndexOf('\n') + 1;
    this.tail = buf.slice(cut);
    if (cut > 0) this.xml.push(unmark(buf.slice(0, cut)), out);
  }

  end(out: EventParseItem[]): void {
    if (this.tail !== '') this.xml.push(unmark(this.tail), out);
    this.tail = '';
    this.xml.end(out);
  }
}

function unmark(lines: string): string {
  return lines
    .split('\n')
    .map((line) => (FENCE.test(line) ? '' : line.replace(TREE_MARKER, '$1')))
    .join('\n');
}

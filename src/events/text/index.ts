/**
 * Event Viewer text → AadEvents, streaming (DESIGN §7: users paste text far more often than they
 * export XML). The shape is decided on the first line: the header row of a "Save Selected
 * Events" .txt/.csv (delimited.ts), else pasted text (details.ts: "Copy details as text", the
 * bare message, or both mixed with prose). Records become events in record.ts. A text without
 * any record is a bad-input error naming the file.
 */
import { badInput } from '../../errors.js';
import type { EventParseItem } from '../types.js';
import { DelimitedScanner } from './delimited.js';
import { DetailsScanner } from './details.js';
import type { RawItem } from './raw.js';
import { DELIMITED_HEADER } from './labels.js';
import { TextSequence, recordToEvent } from './record.js';

export { TextSequence } from './record.js';

/** The largest record (or row) read, in characters; anything larger is skipped and reported. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** A line longer than this is cut (no Event Viewer line is): the buffer never holds more. */
const MAX_LINE_CHARS = 64 * 1024;

export interface TextScanOptions {
  source: string;
  sequence?: TextSequence;
  maxRecordChars?: number;
}

export class EventTextScanner {
  private lines: DetailsScanner | null = null;
  private rows: DelimitedScanner | null = null;
  private tail = '';
  private readonly source: string;
  private readonly sequence: TextSequence;
  private readonly maxRecordChars: number;
  private out: EventParseItem[] = [];

  constructor(options: TextScanOptions) {
    this.source = options.source;
    this.sequence = options.sequence ?? new TextSequence();
    this.sequence.startFile();
    this.maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
  }

  push(text: string, out: EventParseItem[]): void {
    this.out = out;
    if (this.rows) {
      this.rows.push(text);
      return;
    }
    let buf = this.tail + text;
    if (!this.lines) {
      const newline = buf.indexOf('\n');
      if (newline === -1 && buf.length < MAX_LINE_CHARS) {
        this.tail = buf;
        return;
      }
      const first = buf.slice(0, newline === -1 ? buf.length : newline);
      const delimited = DELIMITED_HEADER.exec(first);
      if (delimited) {
        this.tail = '';
        this.rows = new DelimitedScanner(delimited[1] === '\t' ? '\t' : ',', (item) => {
          this.take(item);
        }, this.maxRecordChars);
        this.rows.push(buf);
        return;
      }
      this.lines = new DetailsScanner((item) => {
        this.take(item);
      }, this.maxRecordChars);
    }
    let start = 0;
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', start)) {
      this.lines.line(buf.slice(start, nl).replace(/\r$/, ''));
      start = nl + 1;
    }
    buf = buf.slice(start);
    if (buf.length > MAX_LINE_CHARS) {
      this.lines.line(buf);
      buf = '';
    }
    this.tail = buf;
  }

  end(out: EventParseItem[]): void {
    this.out = out;
    if (!this.rows && !this.lines) this.push('\n', out);
    if (this.rows) this.rows.end();
    else if (this.lines) {
      if (this.tail !== '') this.lines.line(this.tail.replace(/\r$/, ''));
      this.tail = '';
      this.lines.end();
    }
    const seen = this.rows?.recordsSeen ?? this.lines?.recordsSeen ?? 0;
    if (seen > 0) return;
    const sample = (this.lines?.noise ?? '').trim();
    if (sample === '') return;
    const start = JSON.stringify(sample.length > 40 ? `${sample.slice(0, 40)}…` : sample);
    throw badInput(
      'NotEventXml',
      `\`${this.source}\` is neither event XML nor Event Viewer text (it starts with ${start}). Expected wevtutil output or an Event Viewer "Save as XML" file, Event Viewer text ("Copy details as text", or the message of a Microsoft-Windows-AAD event), a "Save Selected Events" .txt or .csv file, or Get-WinEvent output (a table or Format-List).`,
    );
  }

  private take(item: RawItem): void {
    if ('skipped' in item) {
      this.out.push({ problem: { Source: this.source, Index: item.skipped.position, Message: `Record #${item.skipped.position} in \`${this.source}\` ${item.skipped.why}; it was skipped.` } });
      return;
    }
    this.out.push({ event: recordToEvent(item.record, this.source, this.sequence) });
  }
}

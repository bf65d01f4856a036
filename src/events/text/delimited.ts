/**
 * "Save Selected Events" as .txt (tab-separated) or .csv: a header row `Level, Date and Time,
 * Source, Event ID, Task Category` (the first column is `Keywords` for the Security log), then
 * one row per event whose last, unnamed column is the message, in double quotes when it spans
 * lines (a `"` inside is doubled). Read character by character across chunks: one row at a time.
 */
import type { HeaderKey } from './labels.js';
import type { RawItem } from './details.js';

const COLUMN_KEYS: Readonly<Record<string, HeaderKey>> = {
  level: 'Level',
  keywords: 'Keywords',
  'date and time': 'Date',
  source: 'Source',
  'event id': 'EventId',
  'task category': 'TaskCategory',
  description: 'Description',
  message: 'Description',
};

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class DelimitedScanner {
  private columns: (HeaderKey | null)[] | null = null;
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** A quote inside a quoted field: the next character decides (a second quote, or the field's end). */
  private quotePending = false;
  private rowChars = 0;
  private positions = 0;
  private skippingRow = false;

  constructor(
    private readonly delimiter: '\t' | ',',
    private readonly emit: (item: RawItem) => void,
    private readonly maxRecordChars: number,
  ) {}

  get recordsSeen(): number {
    return this.positions;
  }

  push(text: string): void {
    const delimiter = this.delimiter.charCodeAt(0);
    let runStart = 0;
    let rowStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.quotePending) {
        this.quotePending = false;
        if (c === QUOTE) {
          this.field += '"';
          runStart = i + 1;
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.field += text.slice(runStart, i);
          this.quotePending = true;
          runStart = i + 1;
        }
        continue;
      }
      if (c === QUOTE && this.field === '' && runStart === i) {
        this.inQuotes = true;
        runStart = i + 1;
      } else if (c === delimiter) {
        this.field += text.slice(runStart, i);
        this.endField();
        runStart = i + 1;
      } else if (c === LF || c === CR) {
        this.field += text.slice(runStart, i);
        this.rowChars += i - rowStart;
        if (c === CR && text.charCodeAt(i + 1) === LF) i++;
        this.endRow();
        runStart = i + 1;
        rowStart = i + 1;
      }
    }
    if (this.inQuotes || runStart < text.length) this.field += text.slice(runStart);
    this.rowChars += text.length - rowStart;
    if (this.rowChars > this.maxRecordChars) this.tooLarge();
  }

  end(): void {
    this.quotePending = false;
    this.inQuotes = false;
    if (this.field !== '' || this.fields.length > 0) this.endRow();
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  private endRow(): void {
    // A row is measured whole, however the chunks cut it: the same file gives the same records.
    if (this.rowChars > this.maxRecordChars) this.tooLarge();
    this.endField();
    const row = this.fields;
    this.fields = [];
    this.rowChars = 0;
    if (this.skippingRow) {
      this.skippingRow = false;
      return;
    }
    if (row.length === 1 && row[0]?.trim() === '') return;
    if (this.columns === null) {
      this.columns = row.map((name) => COLUMN_KEYS[name.replace(/^\uFEFF/, '').trim().toLowerCase()] ?? null);
      return;
    }
    const header: Partial<Record<HeaderKey, string>> = {};
    let message: string | null = null;
    const columns = this.columns;
    for (const [i, value] of row.entries()) {
      const key = columns[i] ?? (i >= columns.length ? 'Description' : null);
      if (key === 'Description') message = message === null ? value : `${message}${this.delimiter}${value}`;
      else if (key) header[key] = value.trim();
    }
    const body = (message ?? '').replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd());
    this.emit({ record: { format: this.delimiter === '\t' ? 'EventViewerTsv' : 'EventViewerCsv', header, body, xml: null, template: null, position: ++this.positions } });
  }

  /** Reported once per row; the skipped row keeps its position, as a skipped pasted record does. */
  private tooLarge(): void {
    if (!this.skippingRow) this.emit({ skipped: { position: ++this.positions, why: `is a row larger than ${this.maxRecordChars} characters` } });
    this.field = '';
    this.fields = [];
    this.rowChars = 0;
    this.skippingRow = true;
  }
}

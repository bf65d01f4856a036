/**
 * The Event Viewer list pane's rows: its columns (`Level, Date and Time, Source, Event ID, Task
 * Category`, more or fewer, in any order) and one row per event. Two ways in:
 * - "Save Selected Events" as .txt (tab-separated) or .csv: the header row first, each row's
 *   last, unnamed column is the message, in double quotes when it spans lines (a `"` inside is
 *   doubled). Read character by character across chunks: one row at a time (DelimitedScanner).
 * - the grid pasted into a ticket (ListPaneRows): a Markdown table (pipes at the ends or not,
 *   alignment rows, bold cells, `\|`), or plain text whose cells are cut by tabs or by runs of
 *   spaces. Such a paste has no message column unless someone added one: its rows carry ids,
 *   levels and times only, never codes.
 * Both turn a row into a record the same way (rowRecord).
 */
import { headerKeyOf, type HeaderKey } from './labels.js';
import { cleanLine } from './lines.js';
import type { RawItem, RawRecord } from './raw.js';
import type { TextSourceFormat } from '../types.js';

/** Column names that are not also labels of "Copy details as text" (labels.ts holds those). */
const COLUMN_ONLY: Readonly<Record<string, HeaderKey>> = {
  'date and time': 'Date',
  message: 'Description',
  // de-DE, by analogy with its "Copy details as text" labels (not seen in a public paste).
  'datum und uhrzeit': 'Date',
};

/**
 * A column head → what it holds; null for a column PrtTools does not read (`Operational Code`…).
 * The list's `Log` column is not read: whether it names the whole channel is not known, and a
 * bare `Operational` would hide that `AAD` is the AAD provider (record.ts).
 */
export function columnKeyOf(name: string): HeaderKey | null {
  const text = name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === 'log') return null;
  return COLUMN_ONLY[text] ?? headerKeyOf(text) ?? null;
}

/**
 * The columns of a header row, or null when the row is no list pane's header: it needs an Event
 * ID column and a Level or Date and Time one, no two columns of one kind, and mostly heads of the
 * list's own (a table of codes or of what events mean, with an "Event ID" column, is something else).
 */
export function listColumns(cells: readonly string[]): (HeaderKey | null)[] | null {
  const columns = cells.map(columnKeyOf);
  const known = columns.filter((key): key is HeaderKey => key !== null);
  if (new Set(known).size !== known.length) return null;
  if (!known.includes('EventId') || !(known.includes('Level') || known.includes('Date'))) return null;
  // Most heads must be the list's own: `| Event ID | Level | Meaning | Fix | Notes |` is a table about events.
  return known.length * 2 > columns.length ? columns : null;
}

/**
 * One row → a raw record. Cells past the named columns are the message (Save Selected Events
 * writes it unnamed), joined by the delimiter they were cut at.
 */
export function rowRecord(columns: readonly (HeaderKey | null)[], cells: readonly string[], joiner: string, format: TextSourceFormat, position: number): RawRecord {
  const header: Partial<Record<HeaderKey, string>> = {};
  let message: string | null = null;
  for (const [i, value] of cells.entries()) {
    const key = columns[i] ?? (i >= columns.length ? 'Description' : null);
    if (key === 'Description') message = message === null ? value : `${message}${joiner}${value}`;
    else if (key) header[key] = value.trim();
  }
  const body = (message ?? '').replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd());
  return { format, header, body, xml: null, template: null, position };
}

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
      this.columns = row.map(columnKeyOf);
      return;
    }
    this.emit({ record: rowRecord(this.columns, row, this.delimiter, this.delimiter === '\t' ? 'EventViewerTsv' : 'EventViewerCsv', ++this.positions) });
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

/** How a pasted grid cuts its cells. */
type CellStyle = 'pipes' | 'tabs' | 'spaces';

const QUOTE_MARKERS = /^(?:\s*>)+ ?/;
/** An unescaped `|`: a Markdown cell border (`\|` is a pipe inside a cell). */
const PIPE = /(?<!\\)\|/;
const ALIGNMENT_CELL = /^:?-+:?$/;
/** A head that may name the Event ID column: lines without it are never a header (cheap test first). */
const MAY_NAME_EVENT_ID = /event\s*id|ereignis-id/i;

/**
 * The list pane pasted as text: a header row, then one row per line until a line that is no row
 * (prose, a fence, another kind of table). Rows are checked, not trusted: the Event ID cell must
 * be a number, so a table of something else ends the list instead of becoming events.
 */
export class ListPaneRows {
  private columns: (HeaderKey | null)[] | null = null;
  private style: CellStyle = 'pipes';
  /** Where the header's cells start, for space-aligned rows whose cells a single space separates. */
  private starts: number[] = [];

  get reading(): boolean {
    return this.columns !== null;
  }

  /** Starts reading when `raw` is a list pane's header row; true when it is. */
  header(raw: string): boolean {
    if (!MAY_NAME_EVENT_ID.test(raw)) return false;
    const line = unquoted(raw);
    const style: CellStyle = PIPE.test(line) ? 'pipes' : line.includes('\t') ? 'tabs' : 'spaces';
    const cells = splitCells(line, style);
    const columns = cells.length >= 2 ? listColumns(cells) : null;
    if (columns === null) return false;
    this.columns = columns;
    this.style = style;
    this.starts = style === 'spaces' ? [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index) : [];
    return true;
  }

  /** A line while reading: its record, `skip` (blank, alignment or rule), or null when the list has ended. */
  row(raw: string, position: () => number): RawRecord | 'skip' | null {
    const columns = this.columns;
    if (columns === null) return null;
    const line = unquoted(raw);
    if (line.trim() === '') return 'skip';
    let cells = splitCells(line, this.style);
    if (cells.every((cell) => ALIGNMENT_CELL.test(cell.replace(/\s+/g, '')))) return 'skip';
    if (this.style === 'spaces' && cells.length !== columns.length && this.starts.length === columns.length) {
      cells = this.starts.map((start, i) => cleanLine(line.slice(start, this.starts[i + 1] ?? line.length)).text);
    }
    const idAt = columns.indexOf('EventId');
    if (!/^\d{1,5}$/.test(cells[idAt] ?? '')) {
      this.columns = null;
      return null;
    }
    return rowRecord(columns, cells, this.style === 'pipes' ? ' | ' : this.style === 'tabs' ? '\t' : '  ', 'EventViewerList', position());
  }
}

function unquoted(raw: string): string {
  return raw.replace(/\u00a0/g, ' ').replace(QUOTE_MARKERS, '').trimEnd();
}

/** The cells of a line, each without Markdown decoration (`**bold**`, `\|`). */
function splitCells(line: string, style: CellStyle): string[] {
  let text = line.trim();
  if (style === 'pipes') text = text.replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  const raw = style === 'pipes' ? text.split(PIPE) : style === 'tabs' ? text.split('\t') : text.split(/ {2,}/);
  return raw.map((cell) => cleanLine(cell).text);
}

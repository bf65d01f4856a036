/**
 * Pasted Event Viewer text, line by line → raw records. Three shapes, often mixed in one paste:
 * - "Copy details as text": `Log Name:` … `Description:` then the message, maybe `Event Xml:`;
 *   loose variants (`Log:`, `Event ID 1081` without a colon) and pastes whose line breaks moved
 *   (`Keywords: Error,` / `Error Computer: PC1`) are read too;
 * - the message alone (the General tab): an AAD message is recognised by its first line
 *   (messages.ts) and starts a record of its own;
 * - `Get-WinEvent | Format-List`: properties at the margin, the Message indented below its name;
 * - Get-WinEvent's default table: one row per event, its message cut to the first line's start;
 * - Event Viewer's list pane pasted as a table (delimited.ts reads its rows): ids, levels, times;
 * - anything else (prose, other logs' messages without a header) is noise.
 * Only the record being read is held: memory does not grow with the paste.
 */
import type { TextSourceFormat } from '../types.js';
import type { RawItem, RawRecord } from './raw.js';
import { HEADER_LABEL_ANYWHERE, HEADER_LINE, LIST_LABELS, LIST_LINE, LOOSE_EVENT_ID, TABLE_GROUP, TABLE_HEAD, TABLE_ROW, TABLE_RULE, headerKeyOf, type HeaderKey } from './labels.js';
import { ListPaneRows } from './delimited.js';
import { cleanLine, type PastedLine } from './lines.js';
import { templateOfLine } from './messages.js';

type Mode = 'none' | 'header' | 'body' | 'xml';

/** Labels that open a record when no record is being read (a paste may start below `Log Name:`). */
const OPENERS: ReadonlySet<HeaderKey> = new Set(['LogName', 'Source', 'Date', 'EventId']);
/** Format-List properties that start a record when none is being read (the first one printed, with or without `*`). */
const LIST_OPENERS: ReadonlySet<HeaderKey> = new Set(['Date', 'Source', 'EventId', 'Description', 'LogName', 'RecordId']);
/** The value of a loose `Log:` line must look like a log, or it is message text (`Log: 0xcaa5001c …`). */
const LOG_LIKE = /\/|^(?:Application|System|Security|Setup)$/i;

export class DetailsScanner {
  private mode: Mode = 'none';
  private current: RawRecord | null = null;
  private currentQuoted = false;
  private currentChars = 0;
  private lastKey: HeaderKey | null = null;
  private previousBlank = false;
  private positions = 0;
  /** In a Format-List record: the property being read (null: one that is not kept) and those seen. */
  private listKey: HeaderKey | null = null;
  private readonly listSeen = new Set<string>();
  /** Reading Get-WinEvent's table: the group's provider (undefined: not in a table). */
  private tableProvider: string | null | undefined = undefined;
  /** The list pane pasted as a table: its header read, its rows follow. */
  private readonly listPane = new ListPaneRows();
  /** Text outside any record, sampled for the "not event text" message. */
  noise = '';

  constructor(
    private readonly emit: (item: RawItem) => void,
    private readonly maxRecordChars: number,
  ) {}

  get recordsSeen(): number {
    return this.positions;
  }

  line(raw: string): void {
    const line = cleanLine(raw);
    const text = line.text;
    if (this.mode === 'xml' && this.current) {
      this.current.xml?.push(text);
      this.grow(text);
      if (text.includes('</Event>')) this.finish();
      return;
    }
    if (this.listPaneLine(raw)) return;
    if (line.fence) {
      this.finish();
      this.previousBlank = false;
      return;
    }
    // A quoted record ends where a blank line is followed by text outside the quote.
    if (this.current && this.currentQuoted && !line.quoted && text !== '' && this.previousBlank) this.finish();
    this.previousBlank = text === '';
    if (this.tableLine(text)) return;
    if (this.listLine(line)) return;

    const labelled = HEADER_LINE.exec(text);
    const value = labelled?.[2] ?? '';
    const label = labelled?.[1] ?? '';
    // A loose `Log:` whose value is no log is text, inside a record or before one.
    const key = labelled && (label.toLowerCase() !== 'log' || LOG_LIKE.test(value.trim())) ? headerKeyOf(label) : undefined;
    const looseId = LOOSE_EVENT_ID.exec(text);

    if (key === 'LogName') {
      this.open(line.quoted);
      this.set('LogName', value);
      return;
    }
    if (looseId || key === 'EventId') {
      const id = looseId ? (looseId[1] ?? '') : value;
      if (this.mode !== 'header' || this.current?.header.EventId !== undefined) this.open(line.quoted);
      this.set('EventId', id);
      return;
    }
    if (this.mode === 'header' && this.current) {
      if (key === 'Description') {
        this.mode = 'body';
        if (value.trim() !== '') this.bodyLine(value.trim());
        return;
      }
      if (key === 'EventXml') {
        this.mode = 'xml';
        this.current.xml = [];
        return;
      }
      if (key) {
        this.set(key, value);
        return;
      }
      if (this.continuation(text)) return;
      this.mode = 'body';
      if (text === '') return;
    } else if (this.mode === 'body' && key === 'EventXml' && this.current) {
      this.mode = 'xml';
      this.current.xml = [];
      return;
    } else if (this.mode === 'none' && key && OPENERS.has(key)) {
      this.open(line.quoted);
      this.set(key, value);
      return;
    }
    this.bodyLine(text, line.quoted);
  }

  /**
   * `Get-WinEvent | Format-List`: a property at the start of a line (a name seen twice starts the
   * next record), the Message's lines indented below it. True when the line was taken.
   */
  private listLine(line: PastedLine): boolean {
    const inList = this.current?.format === 'PowerShellList';
    const property = line.indented ? null : LIST_LINE.exec(line.text);
    const name = property?.[1]?.toLowerCase();
    if (property && name !== undefined) {
      const key = LIST_LABELS[name];
      const value = (property[2] ?? '').trim();
      // `Id : abc` is no event id, and outside a list only a property that a list starts with opens
      // one; inside another record's message, `Id:` and `Message:` lines are the message's own.
      const takes = key !== 'EventId' || /^\d{1,5}$/.test(value);
      const inMessage = this.current !== null && this.mode === 'body';
      const opens = key !== undefined && LIST_OPENERS.has(key) && !(inMessage && (key === 'EventId' || key === 'Description'));
      if (takes && (inList || opens)) {
        if (!inList || this.listSeen.has(name)) {
          this.finish();
          this.start('PowerShellList', line.quoted);
        }
        this.listSeen.add(name);
        this.listKey = key ?? null;
        if (this.current && key === 'Description') {
          this.mode = 'body';
          if (value !== '') this.messageLine(value);
        } else if (this.current && key !== undefined) {
          this.mode = 'header';
          this.current.header[key] = value;
          this.grow(value);
        }
        return true;
      }
    }
    if (!inList) return false;
    if (this.listKey === 'Description' && (line.indented || line.text === '')) {
      this.messageLine(line.text);
      return true;
    }
    if (line.indented || line.text === '') return true;
    // A line at the margin that is no property: the list ended (prose after the paste).
    this.finish();
    return false;
  }

  /** The list pane pasted as a table: its header starts it, each row is a record. True when the line was taken. */
  private listPaneLine(raw: string): boolean {
    if (this.listPane.reading) {
      const row = this.listPane.row(raw, () => ++this.positions);
      if (row === 'skip') return true;
      if (row) {
        this.emit({ record: row });
        return true;
      }
      return false;
    }
    if (!this.listPane.header(raw)) return false;
    this.finish();
    return true;
  }

  /** Get-WinEvent's default table: each row is a record of its own. True when the line was taken. */
  private tableLine(text: string): boolean {
    const group = TABLE_GROUP.exec(text);
    if (group) {
      this.finish();
      this.tableProvider = (group[1] ?? '').trim();
      return true;
    }
    if (TABLE_HEAD.test(text)) {
      this.finish();
      this.tableProvider ??= null;
      return true;
    }
    if (this.tableProvider === undefined) return false;
    if (text === '' || TABLE_RULE.test(text)) return true;
    const row = TABLE_ROW.exec(text);
    if (!row) {
      // Prose after the table ends it.
      this.tableProvider = undefined;
      return false;
    }
    this.start('PowerShellTable', false);
    if (this.current) {
      const header = this.current.header;
      header.Date = (row[1] ?? '').trim();
      header.EventId = row[2] ?? '';
      header.Level = row[3] ?? '';
      if (this.tableProvider) header.Source = this.tableProvider;
      // The table cuts a message at the column's width and marks the cut with `...`.
      this.messageLine((row[4] ?? '').replace(/(?:\.\.\.|…)$/, ''));
    }
    this.finish();
    return true;
  }

  /** A Message line of a Get-WinEvent record (list or table): kept as it is, it never starts another record. */
  private messageLine(text: string): void {
    if (!this.current) return;
    if (!this.current.template && !hasText(this.current.body) && text !== '') this.current.template = templateOfLine(text);
    this.current.body.push(text);
    this.grow(text);
  }

  /** The end of the text: the record being read is complete. */
  end(): void {
    this.finish();
  }

  private bodyLine(text: string, quoted = this.currentQuoted): void {
    const template = text === '' ? null : templateOfLine(text);
    if (template && (!this.current || hasText(this.current.body))) {
      this.finish();
      this.start('MessageText', quoted);
      this.mode = 'body';
    }
    if (!this.current) {
      if (this.noise.length < 4096 && text !== '') this.noise += `${text}\n`;
      return;
    }
    if (template && !this.current.template && !hasText(this.current.body)) this.current.template = template;
    this.current.body.push(text);
    this.grow(text);
  }

  /** `Error Computer:  PC1`: the word before the label ends the previous value (the paste moved the line break). */
  private continuation(text: string): boolean {
    HEADER_LABEL_ANYWHERE.lastIndex = 0;
    const first = HEADER_LABEL_ANYWHERE.exec(text);
    if (!first || first.index === 0 || !this.lastKey) return false;
    const prefix = text.slice(0, first.index).trim();
    if (prefix.length > 40 || prefix.includes(':')) return false;
    this.append(this.lastKey, prefix);
    this.setAll(text.slice(first.index).trim());
    return true;
  }

  private set(key: HeaderKey, value: string): void {
    if (key === 'Description') {
      this.mode = 'body';
      if (value.trim() !== '') this.bodyLine(value.trim());
      return;
    }
    this.setAll(`${labelFor(key)}: ${value}`);
  }

  /** `Event ID: 1097 Task Category: AadTokenBrokerPlugin`: every label of the line, in order. */
  private setAll(text: string): void {
    if (!this.current) return;
    const found: { key: HeaderKey; at: number; end: number }[] = [];
    HEADER_LABEL_ANYWHERE.lastIndex = 0;
    for (let m = HEADER_LABEL_ANYWHERE.exec(text); m !== null; m = HEADER_LABEL_ANYWHERE.exec(text)) {
      const key = headerKeyOf(m[1] ?? '');
      if (!key || (key === 'LogName' && m[1]?.toLowerCase() === 'log' && found.length > 0)) continue;
      found.push({ key, at: m.index, end: m.index + m[0].length });
      if (key === 'Description') break;
    }
    found.forEach((label, i) => {
      const value = text.slice(label.end, found[i + 1]?.at ?? text.length).trim();
      if (label.key === 'Description') {
        this.mode = 'body';
        if (value !== '') this.bodyLine(value);
        return;
      }
      if (this.current) this.current.header[label.key] = value;
      this.lastKey = label.key;
    });
    this.grow(text);
  }

  private append(key: HeaderKey, more: string): void {
    if (!this.current || more === '') return;
    const before = this.current.header[key] ?? '';
    this.current.header[key] = before === '' ? more : before.endsWith(',') ? `${before}${more}` : `${before} ${more}`;
  }

  private open(quoted: boolean): void {
    this.finish();
    this.start('EventViewerText', quoted);
    this.mode = 'header';
  }

  private start(format: TextSourceFormat, quoted: boolean): void {
    this.current = { format, header: {}, body: [], xml: null, template: null, position: ++this.positions };
    this.currentQuoted = quoted;
    this.currentChars = 0;
    this.lastKey = null;
    this.listKey = null;
    this.listSeen.clear();
  }

  private grow(text: string): void {
    this.currentChars += text.length + 1;
    if (this.current && this.currentChars > this.maxRecordChars) {
      this.emit({ skipped: { position: this.current.position, why: `is larger than ${this.maxRecordChars} characters` } });
      this.current = null;
      this.mode = 'none';
    }
  }

  private finish(): void {
    const record = this.current;
    this.current = null;
    this.mode = 'none';
    this.lastKey = null;
    if (!record) return;
    // `Date: Monday` in an e-mail is not a record: a header needs a log name, an event id or its XML.
    const h = record.header;
    if ((record.format === 'EventViewerText' || record.format === 'PowerShellList') && h.EventId === undefined && h.LogName === undefined && record.xml === null && !record.template) {
      this.positions--;
      if (this.noise.length < 4096) this.noise += `${Object.entries(h).map(([key, value]) => `${LABEL_TEXT[key as HeaderKey]}: ${value}`).join('\n')}\n${record.body.join('\n')}\n`;
      return;
    }
    while (record.body.length > 0 && record.body[record.body.length - 1] === '') record.body.pop();
    while (record.body.length > 0 && record.body[0] === '') record.body.shift();
    this.emit({ record });
  }
}

const hasText = (lines: string[]) => lines.some((line) => line !== '');

const LABEL_TEXT: Record<HeaderKey, string> = {
  LogName: 'Log Name',
  Source: 'Source',
  Date: 'Date',
  EventId: 'Event ID',
  TaskCategory: 'Task Category',
  Level: 'Level',
  Keywords: 'Keywords',
  User: 'User',
  Computer: 'Computer',
  OpCode: 'OpCode',
  Description: 'Description',
  EventXml: 'Event Xml',
  RecordId: 'RecordId',
};
const labelFor = (key: HeaderKey) => LABEL_TEXT[key];

/**
 * One `<Event>` element's text → an AadEvent. Every element is first checked for well-formedness
 * (xml.ts). Two readers then build the same event:
 * - `fast`: the fixed Windows event schema (System header, a flat list of `<Data>`, the rendered
 *   `<Message>`) read from the checking pass itself. Anything else in a kept element — UserData,
 *   markup inside a value, a comment or CDATA section — goes to fast-xml-parser.
 * - `fast-xml-parser`: every element through fast-xml-parser. It builds a generic tree one
 *   character at a time, which costs several times more per AAD event and would keep a large log
 *   under the 50 MB/s target (scripts/bench/events.mjs prints both). The tests check that both
 *   readers give identical events for every fixture.
 * Entities are decoded by us: fast-xml-parser runs with processEntities off (nothing can expand).
 */
import { XMLParser } from 'fast-xml-parser';
import { parseEventTime, parseInteger } from './numbers.js';
import type { AadEvent, EventDataField } from './types.js';
import { XML_LIMITS, decodeXmlText, scanElement, type XmlSink } from './xml.js';

/** The AAD provider's GUID: events that carry only the GUID still count as AAD events. */
export const AAD_PROVIDER_GUID = '4de9bc9c-b27a-43c9-8994-0915f1a5e24f';
export const AAD_PROVIDER = 'Microsoft-Windows-AAD';

export type EventReader = 'fast' | 'fast-xml-parser';

/** The System header as written (entities not yet decoded). */
interface RawHeader {
  providerName: string | null;
  providerGuid: string | null;
  eventId: string | null;
  level: string | null;
  task: string | null;
  opcode: string | null;
  keywords: string | null;
  systemTime: string | null;
  recordId: string | null;
  activityId: string | null;
  processId: string | null;
  threadId: string | null;
  userId: string | null;
  channel: string | null;
  computer: string | null;
}

const emptyHeader = (): RawHeader => ({
  providerName: null, providerGuid: null, eventId: null, level: null, task: null, opcode: null, keywords: null, systemTime: null,
  recordId: null, activityId: null, processId: null, threadId: null, userId: null, channel: null, computer: null,
});

/** The element read into an event, or why it could not be (a sentence fragment). */
export function readEventElement(text: string, source: string, reader: EventReader = 'fast'): AadEvent | string {
  if (reader === 'fast') {
    sink.reset();
    const malformed = scanElement(text, sink);
    if (malformed) return `is not well-formed XML: ${malformed}`;
    if (!sink.unsupported) return buildEvent(sink.header, sink.data, sink.message, sink.hasSystem, source);
    return readWithFastXmlParser(text, source);
  }
  const malformed = scanElement(text, null);
  if (malformed) return `is not well-formed XML: ${malformed}`;
  return readWithFastXmlParser(text, source);
}

function buildEvent(h: RawHeader, data: EventDataField[], message: string | null, hasSystem: boolean, source: string): AadEvent | string {
  if (!hasSystem) return 'has no <System> header';
  let provider = nonEmpty(h.providerName);
  if (provider === null && h.providerGuid !== null) {
    const guid = decodeXmlText(h.providerGuid).trim();
    provider = guid.replace(/[{}]/g, '').toLowerCase() === AAD_PROVIDER_GUID ? AAD_PROVIDER : nonEmpty(guid);
  }
  if (provider === null) return 'has no provider in <System>';
  const eventId = parseInteger(h.eventId);
  if (eventId === null) return 'has no readable <EventID>';
  const time = parseEventTime(h.systemTime === null ? null : decodeXmlText(h.systemTime));
  if (!time) return h.systemTime === null ? 'has no <TimeCreated SystemTime>' : `has an unreadable time (${h.systemTime.slice(0, 40)})`;
  const recordId = parseInteger(h.recordId);
  if (recordId === null) return 'has no readable <EventRecordID>';
  return {
    EventRecordID: recordId,
    Channel: nonEmpty(h.channel) ?? '',
    Provider: provider,
    EventId: eventId,
    TimeCreated: time.iso,
    TimeMs: time.ms,
    Level: parseInteger(h.level),
    Task: parseInteger(h.task),
    Opcode: parseInteger(h.opcode),
    Keywords: nonEmpty(h.keywords),
    ProcessId: parseInteger(h.processId),
    ThreadId: parseInteger(h.threadId),
    UserSid: nonEmpty(h.userId),
    ActivityId: nonEmpty(h.activityId),
    Computer: nonEmpty(h.computer) ?? '',
    Message: message,
    Data: data,
    Source: source,
  };
}

function nonEmpty(raw: string | null): string | null {
  if (raw === null) return null;
  const s = decodeXmlText(raw).trim();
  return s === '' ? null : s;
}

/** The rendered message: trimmed, null when empty. */
function messageText(raw: string): string | null {
  const text = decodeXmlText(raw).trim();
  return text === '' ? null : text;
}

// ---------------------------------------------------------------------------------- fast reader

const SECTION_NONE = 0;
const SECTION_SYSTEM = 1;
const SECTION_DATA = 2;
const SECTION_RENDERING = 3;

/** Builds the event from the checking pass; flags any shape it leaves to fast-xml-parser. */
class FastEventSink implements XmlSink {
  header = emptyHeader();
  data: EventDataField[] = [];
  message: string | null = null;
  hasSystem = false;
  unsupported = false;
  private depth = 0;
  private section = SECTION_NONE;
  /** The element at depth 2 whose text is being read (`EventID`, `Data`, `Message`…), or null. */
  private leaf: string | null = null;
  private leafText = '';
  private dataName: string | null = null;

  reset(): void {
    this.header = emptyHeader();
    this.data = [];
    this.message = null;
    this.hasSystem = false;
    this.unsupported = false;
    this.depth = 0;
    this.section = SECTION_NONE;
    this.leaf = null;
    this.leafText = '';
  }

  open(name: string, attrs: readonly string[], attrCount: number, selfClosing: boolean): void {
    const d = this.depth;
    if (d === 0) {
      if (name !== 'Event') this.unsupported = true;
    } else if (d === 1) {
      this.section = SECTION_NONE;
      if (name === 'System') {
        this.section = SECTION_SYSTEM;
        this.hasSystem = true;
      } else if (name === 'EventData') this.section = SECTION_DATA;
      else if (name === 'RenderingInfo') this.section = SECTION_RENDERING;
      else if (name === 'UserData') this.unsupported = true;
    } else if (d === 2) {
      this.leaf = null;
      this.leafText = '';
      if (this.section === SECTION_SYSTEM) {
        this.leaf = name;
        if (attrCount > 0) this.systemAttributes(name, attrs, attrCount);
      } else if (this.section === SECTION_DATA) {
        if (name === 'Data' || name === 'ComplexData') {
          this.leaf = 'Data';
          this.dataName = attribute(attrs, attrCount, 'Name');
        }
      } else if (this.section === SECTION_RENDERING && name === 'Message') {
        this.leaf = 'Message';
      }
    } else if (this.leaf !== null) {
      // Markup inside a value we read: fast-xml-parser takes the element.
      this.unsupported = true;
    }
    if (selfClosing) {
      if (d === 2) this.endLeaf();
    } else {
      this.depth = d + 1;
    }
  }

  text(source: string, from: number, to: number): void {
    if (this.depth === 3 && this.leaf !== null) this.leafText += source.slice(from, to);
  }

  close(): void {
    this.depth--;
    if (this.depth === 2) this.endLeaf();
    else if (this.depth === 1) this.section = SECTION_NONE;
  }

  other(): void {
    this.unsupported = true;
  }

  private endLeaf(): void {
    const leaf = this.leaf;
    this.leaf = null;
    if (leaf === null) return;
    const text = this.leafText;
    if (this.section === SECTION_DATA) {
      this.data.push({ Name: this.dataName === null ? null : decodeXmlText(this.dataName), Value: decodeXmlText(text) });
    } else if (this.section === SECTION_RENDERING) {
      this.message = messageText(text);
    } else if (this.section === SECTION_SYSTEM) {
      const h = this.header;
      switch (leaf) {
        case 'EventID': h.eventId = text; break;
        case 'Level': h.level = text; break;
        case 'Task': h.task = text; break;
        case 'Opcode': h.opcode = text; break;
        case 'Keywords': h.keywords = text; break;
        case 'EventRecordID': h.recordId = text; break;
        case 'Channel': h.channel = text; break;
        case 'Computer': h.computer = text; break;
        default: break;
      }
    }
  }

  private systemAttributes(name: string, attrs: readonly string[], n: number): void {
    const h = this.header;
    switch (name) {
      case 'Provider':
        h.providerName = attribute(attrs, n, 'Name');
        h.providerGuid = attribute(attrs, n, 'Guid');
        break;
      case 'TimeCreated': h.systemTime = attribute(attrs, n, 'SystemTime'); break;
      case 'Correlation': h.activityId = attribute(attrs, n, 'ActivityID'); break;
      case 'Execution':
        h.processId = attribute(attrs, n, 'ProcessID');
        h.threadId = attribute(attrs, n, 'ThreadID');
        break;
      case 'Security': h.userId = attribute(attrs, n, 'UserID'); break;
      default: break;
    }
  }
}

function attribute(attrs: readonly string[], n: number, name: string): string | null {
  for (let i = 0; i < n * 2; i += 2) if (attrs[i] === name) return attrs[i + 1] ?? null;
  return null;
}

const sink = new FastEventSink();

// ------------------------------------------------------------------------ fast-xml-parser reader

type Node = Record<string, unknown>;

const CDATA = '#cdata';
type Attributes = Record<string, string>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: XML_LIMITS.maxDepth,
  jPath: false,
  strictReservedNames: false,
  // CDATA apart from text: its content is literal, no entity in it is decoded.
  cdataPropName: CDATA,
});

/** The element through fast-xml-parser (already checked for well-formedness). */
function readWithFastXmlParser(text: string, source: string): AadEvent | string {
  let tree: Node[];
  try {
    tree = parser.parse(text) as Node[];
  } catch (error) {
    return `could not be parsed: ${(error as Error).message}`;
  }
  const root = tree.find((n) => tagOf(n) === 'Event');
  if (!root) return 'has no <Event> root';
  const header = emptyHeader();
  let hasSystem = false;
  let data: EventDataField[] = [];
  let message: string | null = null;
  for (const child of childrenOf(root)) {
    const tag = tagOf(child);
    if (tag === 'System') {
      hasSystem = true;
      readSystem(childrenOf(child), header);
    } else if (tag === 'EventData') data = eventData(childrenOf(child));
    else if (tag === 'UserData') data = userData(childrenOf(child));
    else if (tag === 'RenderingInfo') {
      const node = childrenOf(child).find((n) => tagOf(n) === 'Message');
      message = node ? messageText(rawTextOf(node)) : null;
    }
  }
  return buildEvent(header, data, message, hasSystem, source);
}

function readSystem(nodes: Node[], h: RawHeader): void {
  for (const node of nodes) {
    const a = attributesOf(node);
    switch (tagOf(node)) {
      case 'Provider':
        h.providerName = a.Name ?? null;
        h.providerGuid = a.Guid ?? null;
        break;
      case 'EventID': h.eventId = rawTextOf(node); break;
      case 'Level': h.level = rawTextOf(node); break;
      case 'Task': h.task = rawTextOf(node); break;
      case 'Opcode': h.opcode = rawTextOf(node); break;
      case 'Keywords': h.keywords = rawTextOf(node); break;
      case 'TimeCreated': h.systemTime = a.SystemTime ?? null; break;
      case 'EventRecordID': h.recordId = rawTextOf(node); break;
      case 'Correlation': h.activityId = a.ActivityID ?? null; break;
      case 'Execution':
        h.processId = a.ProcessID ?? null;
        h.threadId = a.ThreadID ?? null;
        break;
      case 'Channel': h.channel = rawTextOf(node); break;
      case 'Computer': h.computer = rawTextOf(node); break;
      case 'Security': h.userId = a.UserID ?? null; break;
      default: break;
    }
  }
}

/** `<Data Name='…'>` children in order; other payload elements (`<Binary>`) are not fields. */
function eventData(children: Node[]): EventDataField[] {
  const fields: EventDataField[] = [];
  for (const node of children) {
    const tag = tagOf(node);
    if (tag !== 'Data' && tag !== 'ComplexData') continue;
    const name = attributesOf(node).Name;
    fields.push({ Name: name === undefined ? null : decodeXmlText(name), Value: decodeXmlText(rawTextOf(node)) });
  }
  return fields;
}

/** `<UserData>` has a provider-defined shape: its leaf elements, in order, become the fields. */
function userData(children: Node[]): EventDataField[] {
  const fields: EventDataField[] = [];
  const isElement = (n: Node): boolean => {
    const t = tagOf(n);
    return t !== null && t !== '#text' && t !== CDATA;
  };
  const walk = (nodes: Node[]): void => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === null || tag === '#text' || tag === CDATA) continue;
      const kids = childrenOf(node);
      if (kids.some(isElement)) walk(kids);
      else fields.push({ Name: tag.slice(tag.indexOf(':') + 1), Value: decodeXmlText(rawTextOf(node)) });
    }
  };
  walk(children);
  return fields;
}

function tagOf(node: Node): string | null {
  for (const key in node) if (key !== ':@') return key;
  return null;
}

function childrenOf(node: Node): Node[] {
  const tag = tagOf(node);
  const value = tag === null ? undefined : node[tag];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function attributesOf(node: Node): Attributes {
  return (node[':@'] as Attributes | undefined) ?? {};
}

/** All text below a node, as written (entities not decoded; a CDATA section's escaped, so that decoding gives it back as it is). */
function rawTextOf(node: Node): string {
  let out = '';
  const collect = (nodes: Node[]): void => {
    for (const n of nodes) {
      const text = n['#text'];
      if (typeof text === 'string') out += text;
      else if (tagOf(n) === CDATA) out += rawTextOf(n).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      else collect(childrenOf(n));
    }
  };
  collect(childrenOf(node));
  return out;
}

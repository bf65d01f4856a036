/**
 * A raw text record → an AadEvent, with the payload fields the XML would carry (by position),
 * so that every accessor of aad.ts reads it as it reads event XML. What the text cannot give is
 * left unknown and said so in `FromText`: no record id, no process/thread, no correlation
 * (ActivityID), and a time that is local wall-clock time without a zone (or none at all).
 */
import { AAD_EVENTS } from '../aad.js';
import { AAD_PROVIDER, readEventElement } from '../element.js';
import { parseInteger } from '../numbers.js';
import type { AadEvent, TextOrigin } from '../types.js';
import { levelOf, taskOf } from './labels.js';
import { headerValue } from './lines.js';
import { templateOfEvent, templateOfLine } from './messages.js';
import type { RawRecord } from './raw.js';
import { parseTextTime } from './time.js';

/**
 * Orders the records of all text files of one run. A record without a time gets an ordering key
 * after the previous one of its file; each file gets its own hour, so that records of two files
 * are never taken for one attempt (attempts.ts joins events at most 10 minutes apart).
 */
export class TextSequence {
  private fileBase = 0;
  private files = 0;

  startFile(): void {
    this.fileBase = ++this.files * 3_600_000;
  }

  untimedMs(position: number): number {
    return this.fileBase + position;
  }
}

const AAD = AAD_PROVIDER.toLowerCase();

export function recordToEvent(record: RawRecord, source: string, sequence: TextSequence): AadEvent {
  const h = record.header;
  const logName = headerValue(h.LogName);
  const written = headerValue(h.Date);
  const time = parseTextTime(written);
  const message = record.body.join('\n').trim();
  const firstLine = record.body.find((line) => line.trim() !== '') ?? '';
  const template = record.template ?? templateOfLine(firstLine);
  const headerId = parseInteger(headerValue(h.EventId));
  const sourceName = headerValue(h.Source);
  // Event Viewer's General tab names the source by its short name: `Source: AAD`.
  const shortAadName = sourceName !== null && /^AAD$/i.test(sourceName) && (logName === null || logName.toLowerCase().startsWith(`${AAD}/`));
  let provider = shortAadName ? AAD_PROVIDER : (sourceName ?? (logName?.includes('/') ? logName.slice(0, logName.indexOf('/')) : null));
  // No source given: an AAD message (of the event id given, if one is) says whose event it is.
  if (provider === null && template && (headerId === null || template.EventIds.includes(headerId))) provider = AAD_PROVIDER;
  const isAad = provider?.toLowerCase() === AAD;
  const eventId = headerId ?? (isAad ? (template?.EventIds[0] ?? 0) : 0);
  const fieldsTemplate = isAad ? (headerId !== null ? (templateOfEvent(headerId) ?? null) : template) : null;
  const spec = AAD_EVENTS[eventId];

  const origin: TextOrigin = {
    SourceFormat: record.format,
    EventIdFrom: headerId !== null ? 'Header' : 'Message',
    EventIdCandidates: headerId !== null ? [headerId] : [...(template?.EventIds ?? [])],
    TimeWritten: written,
    LocalTime: time?.local ?? null,
    TimeZone: time?.utc ? 'UTC' : 'Unknown',
    Position: record.position,
  };
  const fromXml = record.xml ? readEventElement(record.xml.join('\n'), source) : null;
  if (fromXml !== null && typeof fromXml !== 'string') {
    // The copy's `Event Xml:` part is the event itself: exact time, record id, payload.
    return { ...fromXml, FromText: { ...origin, EventIdFrom: 'Xml', EventIdCandidates: [fromXml.EventId], TimeZone: 'UTC' } };
  }

  const user = headerValue(h.User);
  return {
    // Format-List shows the record id; Event Viewer's text does not.
    EventRecordID: parseInteger(headerValue(h.RecordId)) ?? 0,
    // Without a log name an AAD record is put in the channel of its event, errors in Operational.
    Channel: logName ?? (isAad ? `${AAD_PROVIDER}/${spec?.Channel ?? 'Operational'}` : ''),
    Provider: provider ?? '',
    EventId: eventId,
    TimeCreated: time?.utc ?? null,
    TimeMs: time ? time.ms : sequence.untimedMs(record.position),
    Level: levelOf(headerValue(h.Level)),
    Task: taskOf(headerValue(h.TaskCategory)),
    Opcode: null,
    Keywords: headerValue(h.Keywords),
    ProcessId: null,
    ThreadId: null,
    UserSid: user !== null && /^S-1-\d/i.test(user) ? user : null,
    ActivityId: null,
    Computer: headerValue(h.Computer) ?? '',
    Message: message === '' ? null : message,
    Data: fieldsTemplate && message !== '' ? fieldsTemplate.fields(message).map((Value, i) => ({ Name: `${i + 1}`, Value })) : [],
    Source: source,
    FromText: origin,
  };
}

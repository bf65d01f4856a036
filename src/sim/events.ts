import type { AadChannel } from '../host/event-host.js';
import type { ScenarioEvent } from './scenario.js';
import { hex8 } from '../util/status-code.js';

/**
 * AAD events as `wevtutil qe … /f:RenderedXml` prints them: one `<Event>` element each, no root,
 * attributes in single quotes, a RenderingInfo block with the message. Channel, level, task,
 * field names and message templates follow the provider's table (DESIGN §7).
 */
interface EventKind {
  channel: 'Operational' | 'Analytic';
  level: 2 | 3 | 4;
  task: 101 | 103;
  fields: string[];
  message: (data: string[]) => string;
}

const hexStatus = (value: string | undefined) => {
  const number = toUint32(value);
  return number === null ? (value ?? '') : hex8(number);
};

export const aadEventTable: Record<number, EventKind> = {
  1006: { channel: 'Analytic', level: 4, task: 101, fields: [], message: () => 'AadCloudAPPlugin GetToken Start' },
  1007: { channel: 'Analytic', level: 4, task: 101, fields: ['Status'], message: ([status = '']) => `AadCloudAPPlugin GetToken Stop.\r\n Status: ${status}` },
  1022: { channel: 'Analytic', level: 4, task: 101, fields: ['value'], message: ([value = '']) => `Endpoint Uri: ${value}` },
  1081: {
    channel: 'Operational',
    level: 2,
    task: 101,
    fields: ['Error', 'ErrorDescription', 'CorrelationID'],
    message: ([error = '', description = '', correlation = '']) => `OAuth response error: ${error}\r\nError description: ${description}\r\nCorrelationID: ${correlation}`,
  },
  1084: {
    channel: 'Operational',
    level: 2,
    task: 101,
    fields: ['Result', 'Target'],
    message: ([result, target = '']) => `Http transport error. Status: Unknown HResult Error code: ${hexStatus(result)}\r\nCorrelation ID: ${target}`,
  },
  1088: {
    channel: 'Operational',
    level: 2,
    task: 101,
    fields: ['Error', 'ErrorDescription'],
    message: ([error = '', description = '']) => `WSTrust response error: ${error}\r\nError description: ${description}`,
  },
  1097: { channel: 'Operational', level: 3, task: 103, fields: ['Error', 'ErrorMessage', 'AdditionalInformation'], message: ([e, m = '', a = '']) => `Error: ${hexStatus(e)} ${m}\r\n${a}` },
  1098: { channel: 'Operational', level: 2, task: 103, fields: ['Error', 'ErrorMessage', 'AdditionalInformation'], message: ([e, m = '', a = '']) => `Error: ${hexStatus(e)} ${m}\r\n${a}` },
  1104: { channel: 'Operational', level: 2, task: 101, fields: ['API', 'Result'], message: ([api = '', result]) => `AAD Cloud AP plugin call ${api} returned error: ${hexStatus(result)}` },
  1144: {
    channel: 'Analytic',
    level: 4,
    task: 101,
    // The template is borrowed from another event: the names lie, the positions are right.
    fields: ['value', 'Method', 'EndpointUri', 'CorrelationID'],
    message: ([useUpn = '', upn = '', authority = '', hint = '']) => `Realm discovery for: ${upn} authority: ${authority} fallback domain hint: ${hint} useUpn: ${useUpn}`,
  },
};

export const channelOfEvent = (id: number): AadChannel | null => {
  const kind = aadEventTable[id];
  return kind ? `Microsoft-Windows-AAD/${kind.channel}` : null;
};

/** A rendered event, as the simulated device stores it. */
export interface StoredEvent {
  Channel: AadChannel;
  Id: number;
  /** Milliseconds since the epoch, simulated clock. */
  TimeMs: number;
  RecordId: number;
  Xml: string;
}

export interface RenderContext {
  computer: string;
  recordId: number;
  timeMs: number;
  processId: number;
  threadId: number;
}

const levelName: Record<EventKind['level'], string> = { 2: 'Error', 3: 'Warning', 4: 'Information' };
const taskName: Record<EventKind['task'], string> = { 101: 'AadCloudAPPlugin Operation', 103: 'AadTokenBrokerPlugin Operation' };

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}

/** Event Viewer's SystemTime: seven fractional digits. */
export const systemTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

export function renderEvent(event: ScenarioEvent, context: RenderContext): StoredEvent {
  const kind = aadEventTable[event.Id];
  if (!kind) throw new Error(`no AAD event ${event.Id} in the simulator's table`);
  const channel: AadChannel = `Microsoft-Windows-AAD/${kind.channel}`;
  const keywords = kind.channel === 'Operational' ? '0x4000000000000000' : '0x2000000000000000';
  const data = kind.fields.map((name, index) => `<Data Name='${name}'>${escapeXml(event.Data[index] ?? '')}</Data>`).join('');
  const xml =
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='Microsoft-Windows-AAD' Guid='{4de9bc9c-b27a-43c9-8994-0915f1a5e24f}'/>` +
    `<EventID>${event.Id}</EventID><Version>0</Version><Level>${kind.level}</Level><Task>${kind.task}</Task><Opcode>0</Opcode>` +
    `<Keywords>${keywords}</Keywords><TimeCreated SystemTime='${systemTime(context.timeMs)}'/>` +
    `<EventRecordID>${context.recordId}</EventRecordID><Correlation/>` +
    `<Execution ProcessID='${context.processId}' ThreadID='${context.threadId}'/>` +
    `<Channel>${channel}</Channel><Computer>${escapeXml(context.computer)}</Computer><Security UserID='S-1-5-18'/></System>` +
    `<EventData>${data}</EventData>` +
    `<RenderingInfo Culture='en-US'><Message>${escapeXml(kind.message(event.Data))}</Message><Level>${levelName[kind.level]}</Level>` +
    `<Task>${taskName[kind.task]}</Task><Opcode>Info</Opcode><Channel>${kind.channel}</Channel><Provider>Microsoft-Windows-AAD</Provider><Keywords></Keywords></RenderingInfo></Event>`;
  return { Channel: channel, Id: event.Id, TimeMs: context.timeMs, RecordId: context.recordId, Xml: xml };
}

/** A status in any spelling the scenario uses (`0xC000006D`, `-1073741715`, `3221225581`) as uint32. */
export function toUint32(value: string | undefined): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return Number.parseInt(text, 16) >>> 0;
  if (/^-?\d+$/.test(text)) return Number(text) >>> 0;
  return null;
}

/** The signed decimal Windows renders an Int32 field with. */
export const int32Decimal = (value: string) => String((toUint32(value) ?? 0) | 0);
/** The unsigned decimal of a UInt32 field. */
export const uint32Decimal = (value: string) => String(toUint32(value) ?? 0);

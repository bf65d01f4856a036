/**
 * What one text record says, for the report: where it came from, what it is, and every code it
 * carries — the typed ones (as aad.ts reads them from event XML) first, then any other code
 * written in its message (an AADSTS in a 1098's text, the inner `0xcaa…` of a token broker error).
 */
import { AAD_EVENT, AAD_EVENTS, isErrorLevel, networkErrorOf, pluginErrorOf, serverErrorOf, statusOf, tokenBrokerErrorOf } from '../aad.js';
import { findInteger, toHex32 } from '../numbers.js';
import type { AadEvent, TextOrigin } from '../types.js';

export interface TextRecordSummary extends Omit<TextOrigin, 'Position'> {
  Source: string;
  /** 1-based position of the record in its file. */
  Position: number;
  EventId: number;
  Provider: string;
  Channel: string;
  Level: number | null;
  /** The UTC instant when the record carried it (its `Event Xml:`), else null. */
  TimeCreated: string | null;
  Computer: string | null;
  /** Every code of the record, typed fields first; hex as lowercase 8 digits. */
  Codes: string[];
  /** The message's first line (at most 200 characters). */
  Message: string | null;
}

const TOKEN_BROKER_TEMPLATE = new Set([1097, 1098, 1100, 1101, 1107, 1108, 1109, 1110, 1111, 1112, 1114, 1115]);
/** `… failure. Status: %1 Correlation ID: %2`: the status is the first field (not 1025's HTTP status). */
const STATUS_FIRST = new Set([1085, 1086, 1087, 1094, 1116, 1117, 1118, 1155, 1159, 1160, 1161, 1162, 1163, 1164, 1165]);
const SERVER_CODES = /\b(AADSTS\d{4,7}|MSIS\d{3,5}|ID\d{4})\b/g;
const HEX_CODES = /\b0x[0-9a-f]{8}\b/gi;

/** The codes of an AAD event, as the attempt rules read them, then the others its message names. */
export function codesOf(event: AadEvent): string[] {
  const codes: string[] = [];
  const add = (code: string | null | undefined) => {
    if (code && !codes.some((known) => known.toLowerCase() === code.toLowerCase())) codes.push(code);
  };
  const id = event.EventId;
  if (id === AAD_EVENT.GetTokenStop) add(statusOf(event));
  else if (id === AAD_EVENT.OAuthError || id === AAD_EVENT.WsTrustError) add(serverErrorOf(event).Code);
  else if (id === AAD_EVENT.HttpTransportError) add(networkErrorOf(event)?.Hex);
  else if (TOKEN_BROKER_TEMPLATE.has(id)) {
    const broker = tokenBrokerErrorOf(event);
    add(broker.Code);
    add(broker.InnerCode);
  } else if (id === AAD_EVENT.PluginCallError) add(pluginErrorOf(event).Result);
  else if (STATUS_FIRST.has(id)) add(toHex32(findInteger(event.Data[0]?.Value)));
  const text = event.Message ?? '';
  for (const m of text.matchAll(SERVER_CODES)) add(m[1]);
  for (const m of text.matchAll(HEX_CODES)) add(m[0].toLowerCase());
  return codes;
}

export function summariseTextRecord(event: AadEvent): TextRecordSummary | null {
  const origin = event.FromText;
  if (!origin) return null;
  const first = event.Message?.split('\n')[0]?.trim() ?? null;
  return {
    Source: event.Source,
    Position: origin.Position,
    SourceFormat: origin.SourceFormat,
    EventId: event.EventId,
    EventIdFrom: origin.EventIdFrom,
    EventIdCandidates: origin.EventIdCandidates,
    Provider: event.Provider,
    Channel: event.Channel,
    Level: event.Level,
    TimeCreated: event.TimeCreated,
    TimeWritten: origin.TimeWritten,
    LocalTime: origin.LocalTime,
    TimeZone: origin.TimeZone,
    Computer: event.Computer === '' ? null : event.Computer,
    Codes: codesOf(event),
    Message: first ? (first.length > 200 ? `${first.slice(0, 199)}…` : first) : null,
  };
}

/** An event of an attempt that was read from text without its message: the codes it holds are unknown. */
export interface MissingMessage {
  EventId: number;
  /** What the message would tell (our words): `HTTP transport error: the network error code`. */
  Holds: string;
  /** Worth asking for: the 1007 (the status) and the events the chain reads, else the first error. */
  Ask: boolean;
}

/** The events whose message carries an attempt's evidence, and what it holds. */
const EVIDENCE_IN_MESSAGE: Readonly<Record<number, string>> = {
  1007: "GetToken stop: the attempt's status",
  1081: "OAuth error: Entra ID's error and AADSTS code",
  1088: "WS-Trust error: the federation server's fault",
  1084: 'HTTP transport error: the network error code',
  1025: "HTTP request status: the server's HTTP answer",
  1104: "plugin call error: the call's result code",
  1097: "token broker warning: its error code",
  1098: "token broker error: its error code",
};
/** Other error events of the flow, named after their messages (messages.ts): they repeat a status. */
const ERROR_NAMES: Readonly<Record<number, string>> = {
  1085: 'logon failure',
  1086: 'user realm failure',
  1087: 'credential keys failure',
  1094: 'refresh token failure',
  1160: 'logon failure',
};

/**
 * The events of an attempt that text gave without their message (the Event Viewer list pane shows
 * ids, levels and times only): the 1007 first, then the error events as logged. Nothing is
 * guessed for them; this says what to ask for instead.
 */
export function missingMessages(events: readonly AadEvent[]): MissingMessage[] {
  const missing: MissingMessage[] = [];
  for (const e of events) {
    if (!e.FromText || e.Message !== null || e.Data.length > 0 || missing.some((m) => m.EventId === e.EventId)) continue;
    const evidence = EVIDENCE_IN_MESSAGE[e.EventId];
    const level = e.Level ?? AAD_EVENTS[e.EventId]?.Level ?? null;
    if (evidence !== undefined) missing.push({ EventId: e.EventId, Holds: evidence, Ask: true });
    else if (isErrorLevel(level)) missing.push({ EventId: e.EventId, Holds: `${ERROR_NAMES[e.EventId] ?? 'error'}: its status code`, Ask: false });
  }
  // Without an event the chain reads, the first error is the one whose code tells most.
  const firstError = missing.find((m) => m.EventId !== AAD_EVENT.GetTokenStop);
  if (firstError && !missing.some((m) => m.Ask && m.EventId !== AAD_EVENT.GetTokenStop)) firstError.Ask = true;
  return missing.sort((a, b) => Number(b.EventId === AAD_EVENT.GetTokenStop) - Number(a.EventId === AAD_EVENT.GetTokenStop));
}

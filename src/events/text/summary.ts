/**
 * What one text record says, for the report: where it came from, what it is, and every code it
 * carries — the typed ones (as aad.ts reads them from event XML) first, then any other code
 * written in its message (an AADSTS in a 1098's text, the inner `0xcaa…` of a token broker error).
 */
import { AAD_EVENT, networkErrorOf, pluginErrorOf, serverErrorOf, statusOf, tokenBrokerErrorOf } from '../aad.js';
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

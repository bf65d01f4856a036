/**
 * The Microsoft-Windows-AAD events PrtTools reads, as data (DESIGN §7, from the provider's
 * manifest), and accessors that read their payload by position. Field names are the manifest's
 * and are not all truthful (1144 reuses another template): every accessor goes by position and
 * uses the rendered message only as a fallback, with language-neutral patterns (a hex code, a
 * URL, an address), so a German rendering gives the same result.
 */
import { isWinhttpNumber } from '../codes/classify.js';
import { findInteger, toHex32 } from './numbers.js';
import type { AadEvent, NetworkSubError, PluginError, ServerError, TokenBrokerError } from './types.js';

export type AadChannelName = 'Operational' | 'Analytic';

export interface AadField {
  /** The manifest's name (what `<Data Name=…>` says). */
  Name: string;
  /** What the field really holds. */
  Holds: string;
}

export interface AadEventSpec {
  EventId: number;
  Channel: AadChannelName;
  /** 2 error, 3 warning, 4 information. */
  Level: number;
  /** `<EventData>` fields in order. */
  Fields: readonly AadField[];
  /** The English template, for reference only (never parsed). */
  Template: string;
}

/** Event ids by role, so code says `AAD_EVENT.GetTokenStop`, not 1007. */
export const AAD_EVENT = {
  GetTokenStart: 1006,
  GetTokenStop: 1007,
  EndpointUri: 1022,
  OAuthError: 1081,
  HttpTransportError: 1084,
  WsTrustError: 1088,
  TokenBrokerWarning: 1097,
  TokenBrokerError: 1098,
  PluginCallError: 1104,
  RealmDiscovery: 1144,
} as const;

/** Windows event levels 1 (Critical) and 2 (Error): the events that report a failure. */
export const isErrorLevel = (level: number | null): boolean => level !== null && level <= 2;

/** The AAD tasks: the PRT flow is CloudAP's; 103 is WAM's token broker (app tokens). */
export const AAD_TASK = { CloudApPlugin: 101, TokenBrokerPlugin: 103 } as const;

const f = (Name: string, Holds: string): AadField => ({ Name, Holds });

export const AAD_EVENTS: Readonly<Record<number, AadEventSpec>> = {
  1006: { EventId: 1006, Channel: 'Analytic', Level: 4, Fields: [], Template: 'AadCloudAPPlugin GetToken Start' },
  1007: { EventId: 1007, Channel: 'Analytic', Level: 4, Fields: [f('Status', 'Status (HexInt32): the final code of the attempt')], Template: 'AadCloudAPPlugin GetToken Stop. Status: %1' },
  1022: { EventId: 1022, Channel: 'Analytic', Level: 4, Fields: [f('value', 'Endpoint URI being called')], Template: 'Endpoint Uri: %1' },
  1081: {
    EventId: 1081,
    Channel: 'Operational',
    Level: 2,
    Fields: [f('Error', 'OAuth error (invalid_grant…)'), f('ErrorDescription', 'Error description with the AADSTS code'), f('CorrelationID', 'Correlation id (may be empty)')],
    Template: 'OAuth response error: %1 / Error description: %2 / CorrelationID: %3',
  },
  1084: {
    EventId: 1084,
    Channel: 'Operational',
    Level: 2,
    Fields: [f('Result', 'Network stack error (Int32: WinHTTP number or HRESULT)'), f('Target', 'Rendered as "Correlation ID"')],
    Template: 'Http transport error. Status: %1 Correlation ID: %2',
  },
  1088: {
    EventId: 1088,
    Channel: 'Operational',
    Level: 2,
    Fields: [f('Error', 'WS-Trust fault'), f('ErrorDescription', 'Fault description, often raw SOAP <s:Text>')],
    Template: 'WSTrust response error: %1 / Error description: %2',
  },
  1097: {
    EventId: 1097,
    Channel: 'Operational',
    Level: 3,
    Fields: [f('Error', 'Error (UInt32, a 0xCAA… code)'), f('ErrorMessage', 'Error message'), f('AdditionalInformation', 'Operation, inner error, Logged at …')],
    Template: 'Error: %1 %2 / %3',
  },
  1098: {
    EventId: 1098,
    Channel: 'Operational',
    Level: 2,
    Fields: [f('Error', 'Error (UInt32, a 0xCAA… code)'), f('ErrorMessage', 'Error message'), f('AdditionalInformation', 'Operation, inner error, Logged at …')],
    Template: 'Error: %1 %2 / %3',
  },
  1104: {
    EventId: 1104,
    Channel: 'Operational',
    Level: 2,
    Fields: [f('API', 'The plug-in call'), f('Result', 'Its result (UInt32)')],
    Template: 'AAD Cloud AP plugin call %1 returned error: %2',
  },
  1144: {
    EventId: 1144,
    Channel: 'Analytic',
    Level: 4,
    Fields: [f('value', 'useUpn flag'), f('Method', 'UPN'), f('EndpointUri', 'Authority'), f('CorrelationID', 'Fallback domain hint')],
    Template: 'Realm discovery for: %2 authority: %3 fallback domain hint: %4 useUpn: %1',
  },
};

/** Position (0-based) of a field in an event's payload. */
const POS = {
  status1007: 0,
  url1022: 0,
  error: 0,
  description: 1,
  correlation1081: 2,
  result1084: 0,
  target1084: 1,
  brokerError: 0,
  brokerMessage: 1,
  brokerInfo: 2,
  api1104: 0,
  result1104: 1,
  useUpn1144: 0,
  upn1144: 1,
  authority1144: 2,
  domainHint1144: 3,
} as const;

/** The field at a position, trimmed; null when absent or blank. */
export function fieldAt(event: AadEvent, position: number): string | null {
  const value = event.Data[position]?.Value.trim();
  return value ? value : null;
}

const HEX_IN_TEXT = /0x[0-9a-f]{1,8}\b/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/i;
const UPN_IN_TEXT = /[^\s:;,<>"'()[\]]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
const SERVER_CODE = /\b(AADSTS\d{4,6}|MSIS\d{3,5}|ID\d{4,5})\b/;

/** 1007: the attempt's status, lowercase 8-digit hex (`0xc000006d`); null when unreadable. */
export function statusOf(event: AadEvent): string | null {
  const field = event.Data.length > POS.status1007 ? fieldAt(event, POS.status1007) : null;
  if (field !== null) return toHex32(findInteger(field));
  // Fallback: the code in the rendered message; hex first, else the last number ("Status: 0").
  const message = event.Message ?? '';
  const hex = HEX_IN_TEXT.exec(message);
  if (hex) return toHex32(findInteger(hex[0]));
  const numbers = message.match(/-?\d+/g);
  return numbers ? toHex32(findInteger(numbers[numbers.length - 1])) : null;
}

/** 1022: the endpoint being called. */
export function urlOf(event: AadEvent): string | null {
  return fieldAt(event, POS.url1022) ?? URL_IN_TEXT.exec(event.Message ?? '')?.[0] ?? null;
}

/** 1081 (Entra ID) or 1088 (WS-Trust): the server's error. */
export function serverErrorOf(event: AadEvent): ServerError {
  const wsTrust = event.EventId === AAD_EVENT.WsTrustError;
  const error = fieldAt(event, POS.error);
  const rawDescription = fieldAt(event, POS.description);
  const description = rawDescription === null ? null : wsTrust || rawDescription.includes('<') ? soapText(rawDescription) : rawDescription;
  const fromMessage = event.Data.length === 0 ? SERVER_CODE.exec(event.Message ?? '')?.[1] : undefined;
  const code = SERVER_CODE.exec(description ?? '')?.[1] ?? fromMessage ?? error;
  let correlation = wsTrust ? null : fieldAt(event, POS.correlation1081);
  if (correlation === null && description !== null) correlation = /Correlation ID:\s*([0-9a-f-]{36})/i.exec(description)?.[1] ?? null;
  return { Code: code, Error: error, Description: description, CorrelationId: correlation, Source: wsTrust ? 'WsTrust' : 'AzureAD' };
}

/**
 * A SOAP fault's readable text: the content of its `<…:Text>` elements (`<s:Text xml:lang="en-US">
 * ID3082: …</s:Text>` → `ID3082: …`), else the text with markup removed; entities decoded.
 */
export function soapText(raw: string): string {
  const texts = [...raw.matchAll(/<(?:[\w.-]+:)?Text\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?Text\s*>/g)].map((m) => m[1] ?? '');
  const text = texts.length > 0 ? texts.join(' ') : raw.replace(/<[^>]*>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

/** 1084: the network stack's sub-error under the HTTP transport failure. */
export function networkErrorOf(event: AadEvent): NetworkSubError | null {
  const raw = fieldAt(event, POS.result1084) ?? HEX_IN_TEXT.exec(event.Message ?? '')?.[0] ?? null;
  const value = findInteger(raw);
  const hex = toHex32(value);
  if (value === null || hex === null) return null;
  const isHexSpelling = raw !== null && /0x[0-9a-f]/i.test(raw);
  const code = !isHexSpelling && value >= 0 && value < 0x10000 ? String(value) : hex;
  return { Code: code, Hex: hex, WinHttpError: winHttpErrorOf(value), Target: fieldAt(event, POS.target1084) };
}

/** A WinHTTP number (codes/classify.ts) directly, or inside an HRESULT of FACILITY_WIN32 (`0x80072efd` → 12029). */
export function winHttpErrorOf(value: number): number | null {
  const unsigned = value >>> 0;
  // `&` yields a signed 32-bit number: bring it back to unsigned before comparing.
  const low = (unsigned & 0xffff0000) >>> 0 === 0x80070000 ? unsigned & 0xffff : unsigned;
  return isWinhttpNumber(low) ? low : null;
}

/** 1144: the UPN realm discovery ran for (second field by position: its name says `Method`). */
export function upnOf(event: AadEvent): string | null {
  return fieldAt(event, POS.upn1144) ?? (event.Data.length === 0 ? (UPN_IN_TEXT.exec(event.Message ?? '')?.[0] ?? null) : null);
}

/** 1144 in full. */
export function realmDiscoveryOf(event: AadEvent): { Upn: string | null; Authority: string | null; DomainHint: string | null; UseUpn: string | null } {
  return {
    Upn: upnOf(event),
    Authority: fieldAt(event, POS.authority1144),
    DomainHint: fieldAt(event, POS.domainHint1144),
    UseUpn: fieldAt(event, POS.useUpn1144),
  };
}

/** 1097/1098: the token broker's error. */
export function tokenBrokerErrorOf(event: AadEvent): TokenBrokerError {
  let code = toHex32(findInteger(fieldAt(event, POS.brokerError)));
  let message = fieldAt(event, POS.brokerMessage);
  const info = fieldAt(event, POS.brokerInfo);
  if (event.Data.length === 0 && event.Message) {
    // Fallback on the rendering "Error: 0xCAA5001C Token broker operation failed.": the first hex
    // code and what follows it on its line, whatever the language of the label before it.
    const firstLine = event.Message.split('\n')[0] ?? '';
    const hex = HEX_IN_TEXT.exec(firstLine);
    if (hex) {
      code = toHex32(findInteger(hex[0]));
      message = firstLine.slice(hex.index + hex[0].length).trim() || null;
    }
  }
  const inner = info === null ? null : (/\((0x[0-9a-f]{1,8})\)/i.exec(info)?.[1] ?? null);
  return { EventId: event.EventId, Code: code, Message: message, AdditionalInformation: info, InnerCode: inner === null ? null : toHex32(findInteger(inner)) };
}

/** 1104: which plug-in call failed, and with what. */
export function pluginErrorOf(event: AadEvent): PluginError {
  const result = fieldAt(event, POS.result1104) ?? (event.Data.length === 0 ? (HEX_IN_TEXT.exec(event.Message ?? '')?.[0] ?? null) : null);
  return { Api: fieldAt(event, POS.api1104), Result: toHex32(findInteger(result)) };
}


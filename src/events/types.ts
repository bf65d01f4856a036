/**
 * The model of the Microsoft-Windows-AAD event logs (DESIGN §7): one `AadEvent` per `<Event>`
 * element, one `Attempt` per PRT acquisition (1006 GetToken Start → 1007 GetToken Stop).
 * Names follow the event XML schema (`EventRecordID`, `TimeCreated`) so admins recognise them.
 */

/** One `<Data>` field of `<EventData>` (or one leaf element of `<UserData>`), in document order. */
export interface EventDataField {
  /** The `Name` attribute (`<Data Name='Status'>`), the leaf's element name for UserData; null when unnamed. */
  Name: string | null;
  /** The text with the XML entities decoded and line endings normalised to LF; `''` when empty. */
  Value: string;
}

export interface AadEvent {
  /** Per channel: the same number in Operational and Analytic means two different events. */
  EventRecordID: number;
  /** `Microsoft-Windows-AAD/Operational`, `Microsoft-Windows-AAD/Analytic` (or another channel). */
  Channel: string;
  /** The provider's name (`Microsoft-Windows-AAD`); its GUID when the XML has no name. */
  Provider: string;
  EventId: number;
  /**
   * ISO 8601 UTC with the precision the source gave (`2026-11-20T09:13:41.1234567Z`); null when
   * the instant is unknown (pasted Event Viewer text: local time without a zone, or no time).
   */
  TimeCreated: string | null;
  /**
   * Milliseconds since the Unix epoch; sub-millisecond digits kept as a fraction (µs) so close
   * events still sort. For text records without a known instant: an ordering key only (see `FromText`).
   */
  TimeMs: number;
  /** 1 critical, 2 error, 3 warning, 4 information, 5 verbose. */
  Level: number | null;
  /** 101 AadCloudAPPlugin Operation, 103 AadTokenBrokerPlugin Operation. */
  Task: number | null;
  Opcode: number | null;
  /** As written, e.g. `0x4000000000000000` (64 bits: kept as text). */
  Keywords: string | null;
  ProcessId: number | null;
  ThreadId: number | null;
  /** `<Security UserID='S-1-…'/>`; null when the event carries no user. */
  UserSid: string | null;
  /** `<Correlation ActivityID='{…}'/>` as written; null when absent. */
  ActivityId: string | null;
  Computer: string;
  /** The rendered message of `<RenderingInfo>` (any language); null for non-rendered XML. */
  Message: string | null;
  /** The payload by position: rely on positions, the AAD provider's names are not all truthful. */
  Data: EventDataField[];
  /** Where the event was read from (a file name, `wevtutil qe …`). */
  Source: string;
  /** Set when the event was read from pasted or saved Event Viewer text rather than event XML. */
  FromText?: TextOrigin;
}

/** The shapes of Event Viewer text PrtTools reads (src/events/text/). */
/** `EventViewerList`: the list pane's rows pasted as a table (Markdown, tabs or aligned spaces), usually without messages. */
export type TextSourceFormat = 'EventViewerText' | 'MessageText' | 'EventViewerTsv' | 'EventViewerCsv' | 'EventViewerList' | 'PowerShellList' | 'PowerShellTable';

/** What a text record could and could not tell: it has no record id, and its time is coarse. */
export interface TextOrigin {
  /** "Copy details as text" (`Log Name:` … `Description:`), the bare message, or a "Save Selected Events" .txt/.csv row. */
  SourceFormat: TextSourceFormat;
  /** `Header` (the `Event ID:` line or column), `Xml` (the `Event Xml:` part), or `Message` (recognised from the message text). */
  EventIdFrom: 'Header' | 'Xml' | 'Message';
  /** Every event id whose message reads this way (several AAD events share a template), the chosen one first. */
  EventIdCandidates: number[];
  /** The date as written (`10/15/2021 11:54:04 AM`); null when the record has none or it is redacted. */
  TimeWritten: string | null;
  /** The wall-clock time of the device, ISO without a zone (`2021-10-15T11:54:04`); null when unreadable or absent. */
  LocalTime: string | null;
  /** `UTC` when the record carries its instant (its `Event Xml:`); else `Unknown`: Event Viewer prints local time without a zone. */
  TimeZone: 'UTC' | 'Unknown';
  /** 1-based position of the record in its file: the only order a record without a time has. */
  Position: number;
}

/** An `<Event>` element that could not be read: skipped, reported, the rest goes on. */
export interface EventProblem {
  Source: string;
  /** 1-based position of the `<Event>` element in the source (every element counts, kept or not). */
  Index: number;
  Message: string;
}

/** What the streaming parser yields: an event, or a problem with one element. */
export type EventParseItem = { event: AadEvent } | { problem: EventProblem };

/** A record id only means something with its channel. */
export interface EventRef {
  Channel: string;
  EventRecordID: number;
}

/** An error a server returned: 1081 from Entra ID (OAuth), 1088 from a WS-Trust (federation) endpoint. */
export interface ServerError {
  /** `AADSTS50126`, `MSIS7068`, `ID3082` when the description has one, else the protocol error (`invalid_grant`). */
  Code: string | null;
  /** The protocol error as logged (`invalid_grant`; for WS-Trust the fault value); null when empty. */
  Error: string | null;
  /** The description; for WS-Trust the text of the SOAP fault, not its markup. */
  Description: string | null;
  /** 1081's CorrelationID (often empty: then taken from the description when it has one). */
  CorrelationId: string | null;
  Source: 'AzureAD' | 'WsTrust';
}

/** 1084: the network stack's error under an HTTP transport failure. */
export interface NetworkSubError {
  /** Normalised spelling: a small decimal as found (`12029`), anything else lowercase 8-digit hex. */
  Code: string;
  /** Always lowercase 8-digit hex (`12029` → `0x00002efd`). */
  Hex: string;
  /** The WinHTTP error (12001–12192) when the code is one, directly or as HRESULT `0x80072eXX`. */
  WinHttpError: number | null;
  /** The second field (manifest name `Target`, template "Correlation ID"): kept raw. */
  Target: string | null;
}

/** 1097 (warning) / 1098 (error) of the token broker plug-in. */
export interface TokenBrokerError {
  EventId: number;
  /** Lowercase 8-digit hex (`3399811100` → `0xcaa5001c`); null when unreadable. */
  Code: string | null;
  /** `ErrorMessage`, e.g. `Token broker operation failed.` */
  Message: string | null;
  /** `AdditionalInformation`: operation name, inner error, `Logged at …` lines. */
  AdditionalInformation: string | null;
  /** The first `(0x…)` code in AdditionalInformation (`Error: -895418359 (0xcaa10009)`), lowercase. */
  InnerCode: string | null;
}

/** 1104: a CloudAP plug-in call that returned an error. */
export interface PluginError {
  Api: string | null;
  /** Lowercase 8-digit hex. */
  Result: string | null;
}

/**
 * One PRT acquisition: the events from a 1006 (GetToken Start) to its 1007 (GetToken Stop), or —
 * when the Analytic log was off or cleared — CloudAP error events found outside any such window
 * (`Orphan: true`, `Start` null). See attempts.ts for the matching rule.
 */
export interface Attempt {
  /** Time of the 1006; null for an orphan group (no 1006 seen). */
  Start: string | null;
  /** Time of the 1007; null while unfinished. */
  End: string | null;
  /** A 1007 closed the attempt. */
  Finished: boolean;
  /** From the 1007, lowercase 8-digit hex (`0xc000006d`); null when unfinished. */
  Status: string | null;
  /** Status `0x00000000`. */
  Succeeded: boolean;
  /** No 1006 was found for these events (Analytic log disabled or cleared). */
  Orphan: boolean;
  /** Times of the first and last attached event (set for orphans too); null when not known as an instant (text records). */
  FirstEventTime: string | null;
  LastEventTime: string | null;
  Computer: string;
  /** From the 1006 (the first event for an orphan group). */
  UserSid: string | null;
  ProcessId: number | null;
  ThreadId: number | null;
  ActivityId: string | null;
  /** The last 1081/1088 of the attempt. */
  ServerError: ServerError | null;
  /** The 1022 before the server/network error, else the last 1022 (else a URL-shaped 1084 Target). */
  Url: string | null;
  /** From the first 1144 (realm discovery). */
  Upn: string | null;
  /** The last 1084 of the attempt. */
  NetworkSubError: NetworkSubError | null;
  /** Every 1097/1098, in order. */
  TokenBrokerErrors: TokenBrokerError[];
  /** Every 1104, in order. */
  PluginErrors: PluginError[];
  /** Every attached event, 1006 and 1007 included, in timeline order. */
  EventRecordIds: EventRef[];
  /** `EventXml`, or the text format(s) its events were read from (`Mixed` when several). */
  SourceFormat: 'EventXml' | TextSourceFormat | 'Mixed';
  /** The attached events themselves, for the report (heavy: leave out of JSON when not needed). */
  Events: AadEvent[];
}

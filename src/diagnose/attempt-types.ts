import type { ExplainResult } from '../codes/index.js';
import type { EventRef, MissingMessage, NetworkSubError, TextRecordSummary, TextSourceFormat, TokenBrokerError } from '../events/index.js';
import type { DiagnosticsKind, PrtKind } from '../dsreg/types.js';
import type { ChainLink, ServerErrorSource } from './explain-chain.js';
import type { OutsideError } from './outside-errors.js';
import type { PrtStatus } from './status-types.js';

/** Which method of the checklist's Step 2 saw the attempt. */
export type AttemptMethod = 'Dsregcmd' | 'Events' | 'Both';

/** One PRT attempt as `prt error --json` reports it: its evidence, decoded and explained. */
export interface DiagnosedAttempt {
  Method: AttemptMethod;
  /** From dsregcmd's diagnostics block (null when only the events saw the attempt). */
  Prt: PrtKind | null;
  Kind: DiagnosticsKind | null;
  Start: string | null;
  End: string | null;
  /** The first and last evidence seen (an orphan without 1006/1007 still has these); null when not known as instants. */
  FirstEventTime: string | null;
  LastEventTime: string | null;
  /**
   * Where the evidence came from: `EventXml`, or pasted/saved Event Viewer text (no record ids,
   * no correlation, local times), `Mixed`, or `Dsregcmd`.
   */
  SourceFormat: 'Dsregcmd' | 'EventXml' | TextSourceFormat | 'Mixed';
  /** For text evidence without a known instant: the device's wall-clock time of its first record (zone unknown). */
  LocalTime: string | null;
  Finished: boolean;
  Succeeded: boolean;
  /** The status decoded as `prt explain` does; null when the attempt never finished. */
  Status: ExplainResult | null;
  ServerError: { Code: string | null; Error: string | null; Description: string | null; CorrelationId: string | null; Source: ServerErrorSource } | null;
  Url: string | null;
  Upn: string | null;
  NetworkSubError: NetworkSubError | null;
  TokenBrokerErrors: TokenBrokerError[];
  HttpStatus: number | null;
  CredentialType: string | null;
  UserSid: string | null;
  ProcessId: number | null;
  ThreadId: number | null;
  /** The Analytic log had no window for these events (it was off or cleared). */
  Orphan: boolean;
  EventRecordIds: EventRef[];
  /**
   * Events of the attempt read from text without their message (the Event Viewer list pane shows
   * none): their codes are unknown, not absent. `Ask` marks the ones to ask the user for.
   */
  MissingMessages: MissingMessage[];
  /** The chain: status → server code → network sub-error → token broker error. */
  Explanation: ChainLink[];
  /** Most specific fix first. */
  NextSteps: string[];
}

/** The `prt error --json` document. */
export interface Diagnosis {
  /** Newest first: the newest failed attempts (at most 20), then the newest successful ones (at most 5). */
  Attempts: DiagnosedAttempt[];
  /** Failed attempts found, shown or not (the newest are shown; `prt error --all --json-lines` lists all). */
  Failed: number;
  /** Attempts found, shown or not. */
  AttemptCount: number;
  /** One plain sentence: what is wrong, or that nothing is. */
  Summary: string;
  /** The status of dsregcmd when it was read (live or `--dsregcmd`). */
  Status: PrtStatus | null;
  /** What was read, and what could not be (a disabled Analytic channel, skipped events). */
  Sources: string[];
  Notes: string[];
  Problems: { Source: string; Index: number; Message: string }[];
  Since: string | null;
  /** The AAD records read from Event Viewer text (pasted or saved), with the codes each carries; [] without text sources. */
  TextRecords: (TextRecordSummary & { InAttempt: boolean; Explained: ExplainedCode[] })[];
  /** AAD error events of the logs that belong to no attempt (the token broker's own, orphans' neighbours), per event and code. */
  OutsideErrors: (OutsideError & { Explained: ExplainedCode[] })[];
}

/** A code of a record, with its name and one-line meaning. */
export interface ExplainedCode {
  Code: string;
  Name: string | null;
  Summary: string;
}

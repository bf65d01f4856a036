/** One `Name : Value` line of a dsregcmd section, exactly as printed (trimmed). */
export interface DsregField {
  Name: string;
  Value: string;
  /** 1-based line number in the decoded text, so messages can point at the capture. */
  Line: number;
}

/** A boxed section (`| SSO State |`), every field kept in order, unknown ones included. */
export interface DsregSection {
  Name: string;
  Fields: DsregField[];
}

export type PrtKind = 'AzureAd' | 'Enterprise';
/** `Unknown`: block lines pasted without their `AcquirePrtDiagnostics`/`RefreshPrtDiagnostics` line. */
export type DiagnosticsKind = 'Acquire' | 'Refresh' | 'Unknown';

/**
 * An `AcquirePrtDiagnostics`/`RefreshPrtDiagnostics` block (Windows 10 21H1+), attached to the
 * PRT line it follows. Values are normalised; a field dsregcmd did not print is null.
 */
export interface PrtDiagnostics {
  Prt: PrtKind;
  Kind: DiagnosticsKind;
  /** ISO 8601 UTC. */
  PreviousPrtAttempt: string | null;
  /** Lowercase `0x` hex, 8 digits (`0xc000006d`); null when absent or unreadable. */
  AttemptStatus: string | null;
  UserIdentity: string | null;
  CredentialType: string | null;
  CorrelationId: string | null;
  EndpointUri: string | null;
  HttpMethod: string | null;
  HttpError: string | null;
  HttpStatus: number | null;
  ServerErrorCode: string | null;
  ServerErrorDescription: string | null;
}

/** What the parser makes of one dsregcmd /status capture. Pure data, no interpretation. */
export interface DsregReport {
  /** Every section in the order printed; `Work Account N` sections are also listed here. */
  Sections: DsregSection[];
  /** The `Work Account N` sections, in order. */
  WorkAccounts: DsregSection[];
  Diagnostics: PrtDiagnostics[];
  /** Names of the sections filed from loose lines (a paste without box headers), not from boxes. */
  LooseSections?: string[];
  /** How the bytes were decoded: `utf-16le`, `utf-8`, `oem-850`. */
  Encoding: string;
  /**
   * When the text holds several runs of dsregcmd (a box repeats, or loose Device State lines do: "before" and "after" pastes), the
   * report is the run judged; this says how many there were and which one was kept.
   */
  Runs?: { Count: number; Kept: number; By: 'ClientTime' | 'Order' };
}

import type { DsregSection, PrtDiagnostics } from '../dsreg/types.js';

/** `Unknown`: the capture does not show how the device is joined (no Device State, no evidence). */
export type JoinType = 'AzureAdJoined' | 'HybridAzureAdJoined' | 'AzureAdRegistered' | 'DomainJoined' | 'NotJoined' | 'Unknown';
/** Where JoinType came from: the Device State box, other lines of the capture, or nothing. */
export type JoinTypeEvidence = 'DeviceState' | 'Inferred' | 'None';
/** `Unknown`: the PRT could not be judged (not shown, times unreadable or inconsistent). */
export type Health = 'Healthy' | 'Stale' | 'Expired' | 'Missing' | 'NotApplicable' | 'Unknown';
export type Severity = 'Error' | 'Warning' | 'Info';

export interface Finding {
  /** Stable identifier scripts can match on (`PrtStale`). */
  Id: string;
  /** The same line on every device (the catalog's); Message is this device's own. */
  Title: string;
  Severity: Severity;
  Message: string;
  NextStep: string;
}

export interface WorkAccount {
  WorkplaceTenantId: string | null;
  WorkplaceTenantName: string | null;
  WorkplaceDeviceId: string | null;
  WorkplaceThumbprint: string | null;
  WorkplaceIdp: string | null;
}

/** Where the status came from: a file a user sent, or dsregcmd run live on this device. */
export interface StatusSource {
  Kind: 'File' | 'Live' | 'Simulated' | 'Sample';
  Path: string | null;
  Encoding: string;
}

/** The `prt status --json` document (DESIGN §4): PascalCase, dsregcmd's own names, ISO UTC times. */
export interface PrtStatus {
  DeviceName: string | null;
  DeviceId: string | null;
  TenantId: string | null;
  TenantName: string | null;
  DomainName: string | null;
  JoinType: JoinType;
  JoinTypeEvidence: JoinTypeEvidence;
  AzureAdJoined: boolean | null;
  EnterpriseJoined: boolean | null;
  DomainJoined: boolean | null;
  WorkplaceJoined: boolean | null;
  Health: Health;
  /** null when the capture does not say (no `AzureAdPrt` line). */
  AzureAdPrt: boolean | null;
  AzureAdPrtUpdateTime: string | null;
  AzureAdPrtExpiryTime: string | null;
  AzureAdPrtAuthority: string | null;
  /** null when dsregcmd printed no EnterprisePrt line. */
  EnterprisePrt: boolean | null;
  EnterprisePrtUpdateTime: string | null;
  EnterprisePrtExpiryTime: string | null;
  EnterprisePrtAuthority: string | null;
  /** Hours since AzureAdPrtUpdateTime, one decimal; null without an update time. */
  PrtAgeHours: number | null;
  /** The instant every time rule was judged against, and where it came from. */
  EvaluatedAt: string;
  ClockSource: 'Now' | 'CaptureClientTime' | 'SystemClock';
  /** `Client Time` from Diagnostic Data: when the capture was taken, if dsregcmd said. */
  CaptureTime: string | null;
  Diagnostics: PrtDiagnostics[];
  /** The join diagnostics of the Diagnostic Data box (pre-join tests, last registration, key test); null when not shown. */
  JoinDiagnostics: JoinDiagnostics | null;
  Findings: Finding[];
  WorkAccounts: WorkAccount[];
  Sections: DsregSection[];
  Source: StatusSource;
}

/** A code the capture carries, where it stood, and what the knowledge base says about it. */
export interface DecodedCode {
  Code: string;
  /** The line it came from (`Client ErrorCode`, `DRS Discovery Test`, `DeviceAuthStatus`). */
  Where: string;
  Known: boolean;
  Name: string | null;
  Summary: string | null;
  Fix: string | null;
}

/** One pre-join test line (`DRS Discovery Test : FAIL [0x801c0021/0x80072ee2]`). */
export interface JoinTest {
  Name: string;
  /** `PASS`, `FAIL`, `SKIPPED` … as printed, without the codes. */
  Result: string;
  Codes: string[];
}

/** The join side of Diagnostic Data: before a join (tests, last registration) and after it (key test). */
export interface JoinDiagnostics {
  UserContext: string | null;
  Tests: JoinTest[];
  FallbackToSyncJoin: string | null;
  /** ISO 8601 UTC. */
  PreviousRegistration: string | null;
  RegistrationType: string | null;
  ErrorPhase: string | null;
  ClientErrorCode: string | null;
  ServerErrorCode: string | null;
  ServerMessage: string | null;
  HttpsStatus: number | null;
  RequestId: string | null;
  AadRecoveryEnabled: boolean | null;
  KeySignTest: string | null;
  /** True when a test failed, the last registration left an error, or the key test failed. */
  Failed: boolean;
  Codes: DecodedCode[];
}

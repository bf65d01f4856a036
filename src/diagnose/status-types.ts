import type { DsregSection, PrtDiagnostics } from '../dsreg/types.js';

export type JoinType = 'AzureAdJoined' | 'HybridAzureAdJoined' | 'AzureAdRegistered' | 'DomainJoined' | 'NotJoined';
export type Health = 'Healthy' | 'Stale' | 'Expired' | 'Missing' | 'NotApplicable';
export type Severity = 'Error' | 'Warning' | 'Info';

export interface Finding {
  /** Stable identifier scripts can match on (`PrtStale`). */
  Id: string;
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
  AzureAdJoined: boolean | null;
  EnterpriseJoined: boolean | null;
  DomainJoined: boolean | null;
  WorkplaceJoined: boolean | null;
  Health: Health;
  AzureAdPrt: boolean;
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
  Findings: Finding[];
  WorkAccounts: WorkAccount[];
  Sections: DsregSection[];
  Source: StatusSource;
}

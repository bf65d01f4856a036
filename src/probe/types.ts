/**
 * The result of `prt probe` (issue #14): the network as the PRT request travels it, for SYSTEM
 * and/or the user. Shared with `prt doctor` (#15), which ranks causes from `Findings`; keep these
 * fields stable (the module's `PrtTools.ProbeResult` is built from this JSON).
 */

/** Whose network settings the probe followed. CloudAP in lsass uses SYSTEM's (WinHTTP). */
export type ProbeContext = 'System' | 'User';

export type ProbeFindingId =
  | 'DnsFailed'
  | 'ConnectFailed'
  | 'ProxyAuthRequired'
  | 'ProxyUnreachable'
  | 'PacFailed'
  | 'TlsInspected'
  | 'TlsFailed'
  | 'HttpBlocked'
  | 'Slow'
  | 'ClockSkew'
  | 'MexUnreachable'
  | 'MexHasDtd'
  | 'WsTrustEndpointMissing'
  | 'RealmNotFound'
  /** SYSTEM and the user reach the endpoints differently: itself a cause. */
  | 'ContextsDiffer';

export interface ProbeFinding {
  Id: ProbeFindingId;
  Severity: 'Error' | 'Warning' | 'Info';
  /** Null for findings about both contexts (ContextsDiffer). */
  Context: ProbeContext | null;
  /** The host the finding is about, or null (ClockSkew over several hosts). */
  Target: string | null;
  /** What was measured, in our words, with the figures. */
  Message: string;
  NextStep: string;
  /** Canonical codes (`0xc000023c`, `0x80072efd`, …) whose failure this finding can explain. */
  RelatedCodes: string[];
}

/** How a request to one URL leaves the device, decided as WinHTTP (or WinINet) would. */
export interface ProbeRoute {
  Kind: 'Direct' | 'Proxy' | 'Unknown';
  /** `host:port` of the proxy when Kind is Proxy. */
  Proxy: string | null;
  /** Where the decision came from. */
  Source: 'WinHttpStatic' | 'WinHttpBypass' | 'Wpad' | 'Pac' | 'WinInet' | 'None';
  /** One line: why this route, e.g. "netsh winhttp proxy 10.0.0.5:8080; host not in bypass list". */
  Reason: string;
}

export type ProbeStageName = 'Dns' | 'Connect' | 'Tls' | 'Http';

export interface ProbeStage {
  Name: ProbeStageName;
  /** Null when the stage was not reached. */
  Ok: boolean | null;
  Milliseconds: number | null;
  Detail: string | null;
}

export interface ProbeEndpoint {
  Host: string;
  Url: string;
  Route: ProbeRoute;
  Stages: ProbeStage[];
  HttpStatus: number | null;
  /** The issuer of the last certificate of the chain the server (or an inspecting proxy) sent. */
  TlsRootIssuer: string | null;
  /** The server's `Date` header, ISO 8601 UTC. */
  ServerDate: string | null;
  Outcome: 'Reachable' | 'Failed' | 'NotTried';
  /** Added by #14: why the request failed, when it did (the judge reads it). */
  Failure?: ProbeFailure | null;
  /** Added by #14: the status a proxy answered the CONNECT with (407, 403…), when it refused. */
  ProxyStatus?: number | null;
  /** Added by #14: the answer was a filter's block page, not the service's. */
  BlockPage?: boolean;
  /** Added by #14: DNS to the last byte of the answer's head. */
  TotalMilliseconds?: number | null;
}

/** Added by #14: where a request stopped. `ProxyRefused`: the proxy answered the CONNECT with an error status. */
export type ProbeFailure = 'Dns' | 'Connect' | 'ProxyConnect' | 'ProxyRefused' | 'Tls' | 'Http' | 'Timeout' | 'Pac';

export interface ProbeFederation {
  Domain: string;
  NameSpaceType: 'Managed' | 'Federated' | 'Unknown';
  /** e.g. WSTrust, SAML20, from the realm document. */
  Protocol: string | null;
  MexUrl: string | null;
  MexReachable: boolean | null;
  MexHasDtd: boolean | null;
  /** WS-Trust endpoints the MEX publishes, e.g. `windowstransport (1.3)`. */
  WsTrustEndpoints: string[];
  /** Added by #14: why the MEX could not be read (status, network failure), when it could not. */
  MexError?: string | null;
}

export interface ProbeRun {
  Context: ProbeContext;
  Endpoints: ProbeEndpoint[];
  /** This computer's clock minus the servers' (positive: this computer is ahead); null if unmeasured. */
  ClockSkewSeconds: number | null;
  Federation: ProbeFederation | null;
  Findings: ProbeFinding[];
  /** Added by #14: the PAC/WPAD script failed (download or run), with why; null when none was used or it worked. */
  PacError?: string | null;
  /**
   * Added by #14 (item 6), System runs on a live Windows device: `ScheduledTask` when a one-shot
   * task really ran the probe as SYSTEM, `InProcess` when prt read SYSTEM's settings from its own
   * process (it already is SYSTEM, or the task could not be used: ContextNote says why).
   */
  ContextSource?: ProbeContextSource;
  /** Why the run was taken where ContextSource says, when that is not the plain case. */
  ContextNote?: string | null;
  /** The SYSTEM run did not happen (the task failed, timed out, or wrote no valid document): why. Its Endpoints are then empty. */
  ContextError?: string | null;
}

export type ProbeContextSource = 'ScheduledTask' | 'InProcess';

export interface ProbeReport {
  SchemaVersion: 1;
  ObservedAt: string;
  Cloud: 'Public' | 'UsGovernment' | 'China' | 'Unknown';
  TenantId: string | null;
  UserPrincipalName: string | null;
  Runs: ProbeRun[];
  /** Every run's findings plus the cross-context ones, most severe first. */
  Findings: ProbeFinding[];
}

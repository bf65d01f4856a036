/**
 * The code families PrtTools tells apart. The names are the ones admins meet in Microsoft's
 * troubleshooting articles, so the JSON of `prt explain` reads like those articles.
 */
export type Family =
  | 'NTSTATUS'
  | 'CloudAP plug-in'
  | 'XML'
  | 'AADSTS'
  | 'WinHTTP'
  | 'Web account/ADAL'
  | 'HRESULT'
  | 'Win32'
  | 'AD FS'
  | 'OAuth'
  | 'DSREG'
  | 'TPM';

export const FAMILIES: readonly Family[] = [
  'NTSTATUS', 'CloudAP plug-in', 'XML', 'AADSTS', 'WinHTTP', 'Web account/ADAL', 'HRESULT', 'Win32', 'AD FS', 'OAuth', 'DSREG', 'TPM',
];

/**
 * Where a program (or an admin) finds the next fact: an event of the AAD channels, dsregcmd, or
 * (join failures on older builds) the User Device Registration log.
 */
export type EvidenceChannel =
  | 'Microsoft-Windows-AAD/Operational'
  | 'Microsoft-Windows-AAD/Analytic'
  | 'dsregcmd'
  | 'Microsoft-Windows-User Device Registration/Admin';

export interface Evidence {
  Channel: EvidenceChannel;
  /** null for dsregcmd, which has fields, not events. */
  EventId: number | null;
  What: string;
}

/**
 * The next link of the diagnostic chain. `Kind: 'Code'` names one code (any spelling the decoder
 * accepts); `Kind: 'Catalog'` names a whole family (`AADSTS`, `WinHTTP`, `AD FS`…) whose concrete
 * code is only known from the evidence (event 1081, 1084, 1088).
 */
export interface RelatedRef {
  Code: string;
  Kind: 'Code' | 'Catalog';
  Why: string;
}

/** Another reading of an ambiguous input (a bare `50126` may be AADSTS or Win32). */
export interface Alternative {
  Reading: string;
  Family: Family;
  Code: string;
  Name: string | null;
  Known: boolean;
}

export type Severity = 'Success' | 'Informational' | 'Warning' | 'Error';

/** One decoded code: the `prt explain --json` contract (DESIGN §4: PascalCase). */
export interface ExplainResult {
  Input: string;
  /** Stable identity of the knowledge-base entry (`NTSTATUS:0xc000006d`); null when unknown. */
  Id: string | null;
  Known: boolean;
  Family: Family;
  /**
   * Symbolic name (`STATUS_LOGON_FAILURE`, `InvalidUserNameOrPassword`); null when none is published.
   * With Known false it is the Windows SDK headers' name (src/codes/names), a name only.
   */
  Name: string | null;
  /** Lowercase, 8 digits (`0xc000006d`), like dsregcmd's Attempt Status; null for AADSTS/MSIS/OAuth. */
  Hex: string | null;
  Signed: number | null;
  Unsigned: number | null;
  Severity: Severity | null;
  Facility: number | null;
  /** The facility's own code (low 16 bits), or the code number of AADSTS/MSIS/WinHTTP/Win32. */
  Code: number | null;
  Summary: string;
  Causes: string[];
  Solutions: string[];
  Evidence: Evidence[];
  Related: RelatedRef[];
  DocUrl: string | null;
  /** The public catalog the facts come from. */
  Source: string | null;
  Notes: string[];
  Alternatives: Alternative[];
}

export interface ExplainError {
  Input: string;
  Error: { Id: string; Message: string };
}

export type ExplainItem = ExplainResult | ExplainError;

export const isExplainError = (item: ExplainItem): item is ExplainError => 'Error' in item;

/**
 * One knowledge-base entry as written in `kb/*.ts`. Numeric families carry `Value` (the unsigned
 * 32-bit value; the code number for AADSTS and AD FS); string codes (OAuth, DRS server codes) carry
 * `Text`.
 */
export interface CodeEntry {
  Family: Family;
  Value?: number;
  Text?: string;
  Name: string | null;
  Summary: string;
  Causes?: string[];
  Solutions?: string[];
  Evidence?: Evidence[];
  Related?: RelatedRef[];
  /** Overrides the source's page when a more precise page exists. */
  DocUrl?: string | null;
  Source: SourceId;
  /** Other 32-bit spellings seen in the wild for the same code (severity bits differ). */
  Variants?: number[];
  /** Other published names of the same code (two Microsoft pages may name it differently). */
  Aliases?: string[];
}

export type SourceId =
  | 'prt-checklist'
  | 'aadsts-reference'
  | 'winhttp-error-messages'
  | 'winhttp-header'
  | 'web-provider-error'
  | 'esr-troubleshooting'
  | 'hybrid-join-troubleshooting'
  | 'ms-erref-ntstatus'
  | 'ms-erref-win32'
  | 'oauth-rfc6749'
  | 'oidc-core'
  | 'oauth-rfc8628'
  | 'entra-oauth-errors'
  | 'adfs-messages'
  | 'wif-messages'
  | 'tpm-error-codes'
  | 'nte-error-codes'
  | 'mdm-aadj-errors'
  | 'entra-kerberos-hybrid-join'
  | 'aad-event-text'
  | 'intune-windows-enrollment-errors'
  | 'comanage-enrollment-errors'
  | 'autopilot-profiles';

export interface SourceNote {
  Id: SourceId;
  Title: string;
  Url: string;
  /** How the table was checked against the source; kept with the data so reviewers see it. */
  Note: string;
}

import type { Evidence } from '../types.js';

const OPERATIONAL = 'Microsoft-Windows-AAD/Operational' as const;
const ANALYTIC = 'Microsoft-Windows-AAD/Analytic' as const;

/**
 * The evidence pointers of the PRT checklist, named once so that every knowledge-base entry points
 * at the same event with the same words (and `src/diagnose/` can match on EventId).
 */
export const EV = {
  serverError1081: {
    Channel: OPERATIONAL,
    EventId: 1081,
    What: 'The error Entra ID returned: OAuth error string, description with the AADSTS number, correlation id.',
  },
  wsTrustError1088: {
    Channel: OPERATIONAL,
    EventId: 1088,
    What: 'The error a WS-Trust (federation) endpoint returned, with its description (often an MSIS or ID#### message).',
  },
  url1022: {
    Channel: ANALYTIC,
    EventId: 1022,
    What: 'The URL the device called; take the 1022 just before the 1081/1088/1084 error of the same attempt.',
  },
  transport1084: {
    Channel: OPERATIONAL,
    EventId: 1084,
    What: 'HTTP transport failure: the network-stack sub-error (usually an ERROR_WINHTTP_* number or its HRESULT).',
  },
  upn1144: {
    Channel: ANALYTIC,
    EventId: 1144,
    What: 'Realm discovery for the user: the UPN the device sent (second field by position, whatever its name says), the authority and domain hint.',
  },
  brokerError1098: {
    Channel: OPERATIONAL,
    EventId: 1098,
    What: 'Token broker error: the 0xCAA… code, the broker operation that failed and, often, the server description.',
  },
  attemptStatus1007: {
    Channel: ANALYTIC,
    EventId: 1007,
    What: 'End of the PRT attempt that began at event 1006; Status is the final code of the attempt.',
  },
  dsregServerError: {
    Channel: 'dsregcmd',
    EventId: null,
    What: 'SSO State, AcquirePrtDiagnostics/RefreshPrtDiagnostics block: Server Error Code and Server Error Description (Windows 10 21H1+).',
  },
  dsregEndpoint: {
    Channel: 'dsregcmd',
    EventId: null,
    What: 'SSO State diagnostics block: Endpoint URI, HTTP Error and HTTP status of the last PRT attempt.',
  },
  dsregUserIdentity: {
    Channel: 'dsregcmd',
    EventId: null,
    What: 'SSO State diagnostics block: User Identity, the UPN used for the last PRT attempt.',
  },
  dsregJoinDiagnostics: {
    Channel: 'dsregcmd',
    EventId: null,
    What: 'Diagnostic Data: Error Phase, Client ErrorCode, Server ErrorCode and the DRS Discovery/Connectivity tests (devices not yet joined).',
  },
  tpmHealth: {
    Channel: 'dsregcmd',
    EventId: null,
    What: 'Device State: TpmProtected and KeyProvider (Microsoft Platform Crypto Provider means the keys live in the TPM); with `Get-Tpm` for TpmReady and LockedOut.',
  },
} as const satisfies Record<string, Evidence>;

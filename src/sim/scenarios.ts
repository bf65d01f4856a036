import { factOf } from '../device/facts.js';
import type { Scenario, ScenarioAttempt, ScenarioDevice, ScenarioEnvironment } from './scenario.js';
import { simulatedThumbprint } from './device-facts.js';

// Fictitious organisations and people; the shapes follow real devices (DESIGN §7).
const contosoTenant = '5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13';
const fabrikamTenant = 'a81e0c3f-26d4-4f7b-9b52-7c0de4f13a98';

const hybridDevice: ScenarioDevice = {
  DeviceName: 'CTS-WS-0512.corp.contoso.com',
  DeviceId: '6a2f9e14-3b7c-4d85-a0e1-9c4b7d2f6e30',
  TenantName: 'Contoso',
  TenantId: contosoTenant,
  JoinType: 'HybridAzureAdJoined',
  DomainName: 'CONTOSO',
  UserPrincipalName: 'ines.moreau@contoso.com',
  AccountName: 'CONTOSO\\i.moreau',
  FederationAuthority: null,
};

const cloudDevice: ScenarioDevice = {
  DeviceName: 'FAB-LT-2291',
  DeviceId: 'c47d1b90-5e2a-4f36-8b1c-0a9e3d7f2c64',
  TenantName: 'Fabrikam',
  TenantId: fabrikamTenant,
  JoinType: 'AzureAdJoined',
  DomainName: null,
  UserPrincipalName: 'tomasz.wojcik@fabrikam.com',
  AccountName: 'AzureAD\\TomaszWojcik',
  FederationAuthority: null,
};

const environment: ScenarioEnvironment = {
  Elevated: true,
  FreeDiskGigabytes: 84,
  LsaProtection: false,
  TtdInstalled: true,
  NetworkTraceRunning: false,
  AnalyticEnabled: false,
};

const tokenEndpoint = (tenant: string) => `https://login.microsoftonline.com/${tenant}/oauth2/token`;

const wrongPassword = (correlation: string): ScenarioAttempt => ({
  Kind: 'Acquire',
  AttemptStatus: '0xc000006d',
  CredentialType: 'Password',
  CorrelationId: correlation,
  EndpointUri: tokenEndpoint(contosoTenant),
  HttpMethod: 'POST',
  HttpError: '0x0',
  HttpStatus: 400,
  ServerErrorCode: 'invalid_grant',
  ServerErrorDescription: `AADSTS50126: Error validating credentials due to invalid username or password. Trace ID: 0e5b8c21-7f43-4a96-b1d0-3c9e2a74f518 Correlation ID: ${correlation} Timestamp: 2026-11-20 09:31:07Z`,
});

const successfulRefresh = (tenant: string, correlation: string): ScenarioAttempt & { Outcome: 'Success' } => ({
  Outcome: 'Success',
  Kind: 'Refresh',
  AttemptStatus: '0x0',
  CredentialType: 'Prt',
  CorrelationId: correlation,
  EndpointUri: tokenEndpoint(tenant),
  HttpMethod: 'POST',
  HttpError: '0x0',
  HttpStatus: 200,
  ServerErrorCode: '',
  ServerErrorDescription: '',
});

const healthy: Scenario = {
  Name: 'healthy',
  Description: 'An Azure AD joined laptop whose PRT was renewed an hour ago; the unlock renews it again.',
  Start: '2026-11-20T10:05:00Z',
  Device: cloudDevice,
  Environment: environment,
  Faults: {},
  Prt: { AzureAdPrt: true, UpdatedSecondsAgo: 3_600, LastAttempt: null, EnterprisePrt: null },
  History: [],
  User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 24 },
  OnUnlock: {
    AfterSeconds: 3,
    Attempt: successfulRefresh(fabrikamTenant, '2b84e7c1-90d3-4f5a-a6e2-17c0f9b3d845'),
    Events: [
      { Id: 1006, AtMs: 0, Data: [] },
      { Id: 1022, AtMs: 240, Data: [tokenEndpoint(fabrikamTenant)] },
      { Id: 1007, AtMs: 2_900, Data: ['0x0'] },
    ],
  },
};

const hybridWrongPassword: Scenario = {
  Name: 'hybrid-wrong-password',
  Description:
    'A hybrid joined desktop (password hash sync) whose user changed the password on premises: Entra ID does not know it yet, every PRT attempt fails with 0xc000006d / AADSTS50126.',
  Start: '2026-11-20T09:30:00Z',
  Device: hybridDevice,
  Environment: environment,
  Faults: {},
  Prt: { AzureAdPrt: false, UpdatedSecondsAgo: null, LastAttempt: { ...wrongPassword('8d1f4a27-6c3e-49b0-b7a5-2e9c0d6f1b83'), SecondsAgo: 1_740 }, EnterprisePrt: null },
  History: [
    {
      Id: 1081,
      AtMs: -1_740_000,
      Data: ['invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.', '8d1f4a27-6c3e-49b0-b7a5-2e9c0d6f1b83'],
    },
  ],
  User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 70 },
  OnUnlock: {
    AfterSeconds: 2,
    Attempt: { ...wrongPassword('3e7a9c52-1d84-4b6f-9a03-c5e8b2d71f96'), Outcome: 'Failure' },
    Events: [
      { Id: 1006, AtMs: 0, Data: [] },
      { Id: 1144, AtMs: 110, Data: ['true', 'ines.moreau@contoso.com', 'https://login.microsoftonline.com/common', 'contoso.com'] },
      { Id: 1022, AtMs: 380, Data: [tokenEndpoint(contosoTenant)] },
      {
        Id: 1081,
        AtMs: 1_460,
        Data: ['invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.', '3e7a9c52-1d84-4b6f-9a03-c5e8b2d71f96'],
      },
      { Id: 1007, AtMs: 1_520, Data: ['0xC000006D'] },
    ],
  },
};

const networkUnreachable: Scenario = {
  Name: 'network-unreachable',
  Description:
    'An Azure AD joined laptop behind a proxy that the SYSTEM account cannot use: login.microsoftonline.com does not resolve, the PRT is 9 hours old and every refresh fails with 0xc000023c (WinHTTP 12007).',
  Start: '2026-11-20T14:12:00Z',
  Device: cloudDevice,
  Environment: environment,
  Faults: {},
  Prt: {
    AzureAdPrt: true,
    UpdatedSecondsAgo: 9 * 3_600,
    LastAttempt: {
      Kind: 'Refresh',
      AttemptStatus: '0xc000023c',
      CredentialType: 'Prt',
      CorrelationId: '71c3e0a9-4b52-4d18-8f6e-a2d9b05c3e17',
      EndpointUri: tokenEndpoint(fabrikamTenant),
      HttpMethod: 'POST',
      HttpError: '0x80072ee7',
      HttpStatus: 0,
      ServerErrorCode: '',
      ServerErrorDescription: '',
      SecondsAgo: 5 * 3_600,
    },
    EnterprisePrt: null,
  },
  History: [{ Id: 1084, AtMs: -5 * 3_600_000, Data: ['-2147012889', '71c3e0a9-4b52-4d18-8f6e-a2d9b05c3e17'] }],
  User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 24 },
  OnUnlock: {
    AfterSeconds: 22,
    Attempt: {
      Outcome: 'Failure',
      Kind: 'Refresh',
      AttemptStatus: '0xc000023c',
      CredentialType: 'Prt',
      CorrelationId: 'e05b2d84-97a1-4c3f-b6d2-4f8a1c9e7b30',
      EndpointUri: tokenEndpoint(fabrikamTenant),
      HttpMethod: 'POST',
      HttpError: '0x80072ee7',
      HttpStatus: 0,
      ServerErrorCode: '',
      ServerErrorDescription: '',
    },
    Events: [
      { Id: 1006, AtMs: 0, Data: [] },
      { Id: 1022, AtMs: 310, Data: [tokenEndpoint(fabrikamTenant)] },
      { Id: 1084, AtMs: 21_400, Data: ['-2147012889', 'e05b2d84-97a1-4c3f-b6d2-4f8a1c9e7b30'] },
      { Id: 1007, AtMs: 21_450, Data: ['0xC000023C'] },
    ],
  },
};

const staleFixedByUnlock: Scenario = {
  Name: 'stale-fixed-by-unlock',
  Description: 'An Azure AD joined laptop that slept through the night: its PRT is 11 hours old, and the first unlock renews it.',
  Start: '2026-11-21T07:55:00Z',
  Device: cloudDevice,
  Environment: environment,
  Faults: {},
  Prt: { AzureAdPrt: true, UpdatedSecondsAgo: 11 * 3_600, LastAttempt: null, EnterprisePrt: null },
  History: [],
  User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 24 },
  OnUnlock: {
    AfterSeconds: 4,
    Attempt: successfulRefresh(fabrikamTenant, '9f0c3a71-d25e-4b84-8e19-6a7b2c4d0e53'),
    Events: [
      { Id: 1006, AtMs: 0, Data: [] },
      { Id: 1022, AtMs: 260, Data: [tokenEndpoint(fabrikamTenant)] },
      { Id: 1007, AtMs: 3_800, Data: ['0x0'] },
    ],
  },
};

const usernameMixed = 'https://sts.contoso.com/adfs/services/trust/13/usernamemixed';

const wsTrustDtd: Scenario = {
  Name: 'ws-trust-dtd',
  Description:
    'A hybrid joined desktop of a federated domain: a reverse proxy in front of AD FS answers the WS-Trust request with an HTML page that carries a DTD, so parsing fails with 0xc00cee4f (WC_E_DTDPROHIBITED).',
  Start: '2026-11-19T16:40:00Z',
  Device: { ...hybridDevice, DeviceName: 'CTS-WS-0733.corp.contoso.com', DeviceId: 'f2a8c4e1-7b93-4d06-9e5a-1c3b8d7f4a92', FederationAuthority: 'https://sts.contoso.com/adfs' },
  Environment: environment,
  Faults: {},
  Prt: {
    AzureAdPrt: false,
    UpdatedSecondsAgo: null,
    LastAttempt: {
      Kind: 'Acquire',
      AttemptStatus: '0xc00cee4f',
      CredentialType: 'Password',
      CorrelationId: '4a6e1f93-0c2b-47d8-b35a-9e8d7c1f2b04',
      EndpointUri: usernameMixed,
      HttpMethod: 'POST',
      HttpError: '0x0',
      HttpStatus: 200,
      ServerErrorCode: '',
      ServerErrorDescription: '',
      SecondsAgo: 2_400,
    },
    EnterprisePrt: null,
  },
  History: [],
  User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 70 },
  OnUnlock: {
    AfterSeconds: 2,
    Attempt: {
      Outcome: 'Failure',
      Kind: 'Acquire',
      AttemptStatus: '0xc00cee4f',
      CredentialType: 'Password',
      CorrelationId: 'b7d20e58-3f4c-4a19-86e1-0d9c5a2b7f63',
      EndpointUri: usernameMixed,
      HttpMethod: 'POST',
      HttpError: '0x0',
      HttpStatus: 200,
      ServerErrorCode: '',
      ServerErrorDescription: '',
    },
    Events: [
      { Id: 1006, AtMs: 0, Data: [] },
      { Id: 1144, AtMs: 150, Data: ['true', 'ines.moreau@contoso.com', 'https://sts.contoso.com/adfs', 'contoso.com'] },
      { Id: 1022, AtMs: 420, Data: [usernameMixed] },
      { Id: 1104, AtMs: 1_780, Data: ['WSTrust response parsing', '3222072911'] },
      { Id: 1007, AtMs: 1_810, Data: ['0xC00CEE4F'] },
    ],
  },
};

/** A refresh that fails on the network the same way at the last attempt and at the unlock (#14's scenarios). */
function networkFailure(options: {
  name: string;
  description: string;
  start: string;
  device: ScenarioDevice;
  tenant: string;
  status: string;
  httpError: string;
  httpStatus: number;
  serverErrorCode?: string;
  serverErrorDescription?: string;
  /** The events between 1022 and 1007, as (id, data); the correlation id is appended to 1084 and 1081. */
  events: Array<{ Id: number; Data: string[] }>;
  endpoint?: string;
  credentialType?: string;
  network: NonNullable<Scenario['Network']>;
  correlations: [string, string];
}): Scenario {
  const endpoint = options.endpoint ?? tokenEndpoint(options.tenant);
  const attempt = (correlation: string): ScenarioAttempt => ({
    Kind: 'Refresh',
    AttemptStatus: options.status,
    CredentialType: options.credentialType ?? 'Prt',
    CorrelationId: correlation,
    EndpointUri: endpoint,
    HttpMethod: 'POST',
    HttpError: options.httpError,
    HttpStatus: options.httpStatus,
    ServerErrorCode: options.serverErrorCode ?? '',
    ServerErrorDescription: options.serverErrorDescription ?? '',
  });
  const withCorrelation = (correlation: string) => options.events.map((event) => ({ ...event, Data: event.Id === 1084 || event.Id === 1081 ? [...event.Data, correlation] : event.Data }));
  const [before, now] = options.correlations;
  return {
    Name: options.name,
    Description: options.description,
    Start: options.start,
    Device: options.device,
    Environment: environment,
    Faults: {},
    Prt: { AzureAdPrt: true, UpdatedSecondsAgo: 7 * 3_600, LastAttempt: { ...attempt(before), SecondsAgo: 3 * 3_600 }, EnterprisePrt: null },
    History: withCorrelation(before).map((event, index) => ({ ...event, AtMs: -3 * 3_600_000 + index * 40 })),
    User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 24 },
    OnUnlock: {
      AfterSeconds: 3,
      Attempt: { ...attempt(now), Outcome: 'Failure' },
      Events: [
        { Id: 1006, AtMs: 0, Data: [] },
        { Id: 1022, AtMs: 280, Data: [endpoint] },
        ...withCorrelation(now).map((event, index) => ({ ...event, AtMs: 2_100 + index * 30 })),
        { Id: 1007, AtMs: 2_400, Data: [options.status.toUpperCase().replace('0X', '0x')] },
      ],
    },
    Network: options.network,
  };
}

const proxyAuthRequired = networkFailure({
  name: 'proxy-auth-required',
  description: 'An Azure AD joined laptop whose WinHTTP proxy wants authentication: the user browses fine through it, but the SYSTEM account gets 407 and every PRT refresh fails with 0xc000023c.',
  start: '2026-11-23T08:40:00Z',
  device: cloudDevice,
  tenant: fabrikamTenant,
  status: '0xc000023c',
  httpError: '0xcaa30197',
  httpStatus: 407,
  events: [{ Id: 1084, Data: ['-895286889'] }],
  network: { WinHttpProxy: 'proxy.fabrikam.com:8080', Fault: 'ProxyAuthRequired' },
  correlations: ['c2e81f07-5a3d-4b69-9e14-7d0b3a6c5f82', '4f9a2c6e-81d3-4e5b-a7c0-2b6d9e1f8a34'],
});

const tlsInspection = networkFailure({
  name: 'tls-inspection',
  description: 'A hybrid joined desktop behind a firewall that inspects TLS: the chain for login.microsoftonline.com ends in the firewall\'s own CA, and the PRT refresh fails with 0xc000023c (WinHTTP 12175, a secure channel failure).',
  start: '2026-11-23T13:15:00Z',
  device: { ...hybridDevice, DeviceName: 'CTS-WS-0618.corp.contoso.com', DeviceId: '0d7e3b95-2c48-4a1f-b6e9-5f8a1c3d7e20' },
  tenant: contosoTenant,
  status: '0xc000023c',
  httpError: '0x80072f8f',
  httpStatus: 0,
  events: [{ Id: 1084, Data: ['-2147012721'] }],
  network: { WinHttpProxy: null, Fault: 'TlsInspected', InspectionIssuer: 'Contoso-FW-SSL-Inspection-CA' },
  correlations: ['8b1d5e39-0f62-4c7a-9d24-e3a6f0b8c157', 'd46f0a21-9c87-4e3b-b512-7a9e2c4d6f08'],
});

const clockSkew = networkFailure({
  name: 'clock-skew',
  description: 'An Azure AD joined laptop whose clock runs 17 minutes fast after a dead CMOS battery: Entra ID refuses the device\'s signed request as outside its valid time (AADSTS500133) and the refresh fails with 0xcaa20003.',
  start: '2026-11-24T07:20:00Z',
  device: { ...cloudDevice, DeviceName: 'FAB-LT-1873', DeviceId: '7c3a9e51-4d2b-4f80-91e6-0b5d8a2c4f19' },
  tenant: fabrikamTenant,
  status: '0xcaa20003',
  httpError: '0x0',
  httpStatus: 400,
  serverErrorCode: 'invalid_grant',
  serverErrorDescription: 'AADSTS500133: Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token. Trace ID: 1f6c9a30-7e52-4b84-a0d3-9c2e5b7f1a46',
  events: [{ Id: 1081, Data: ['invalid_grant', 'AADSTS500133: Assertion is not within its valid time range.'] }],
  network: { WinHttpProxy: null, Fault: 'ClockSkew', SkewSeconds: 1_020 },
  correlations: ['5e2b8d14-6a9f-4c37-b0e5-1d8c3f7a2b96', '93c0f6a2-1b4e-4d58-8e7a-c5f2d9b0e361'],
});

const mexUrl = 'https://sts.contoso.com/adfs/services/trust/mex';

const federatedMexDtd: Scenario = {
  ...networkFailure({
    name: 'federated-mex-dtd',
    description: 'A hybrid joined desktop of a federated domain: the proxy in front of AD FS answers the metadata (MEX) request with its own page carrying a DTD, so the Windows XML reader refuses it (0xc00cee4f) and no PRT is issued at sign-in.',
    start: '2026-11-24T09:05:00Z',
    device: { ...hybridDevice, DeviceName: 'CTS-WS-0991.corp.contoso.com', DeviceId: 'a5f18c03-2e7d-4b96-8c41-d0e9b3a7f652', FederationAuthority: 'https://sts.contoso.com/adfs' },
    tenant: contosoTenant,
    status: '0xc00cee4f',
    httpError: '0x0',
    httpStatus: 200,
    endpoint: mexUrl,
    credentialType: 'Password',
    events: [{ Id: 1104, Data: ['WSTrust MEX parsing', '3222072911'] }],
    network: { WinHttpProxy: null, Fault: 'MexHasDtd' },
    correlations: ['e8a3c519-4d07-4f2b-96c1-3b5e0d8f7a24', '1c7f4b82-9e30-4a65-b8d1-6f2a0c9e5d37'],
  }),
};
federatedMexDtd.Prt = { ...federatedMexDtd.Prt, AzureAdPrt: false, UpdatedSecondsAgo: null };
const deviceAuthFailed = (correlation: string): ScenarioAttempt => ({
  Kind: 'Acquire',
  AttemptStatus: '0xc000006d',
  CredentialType: 'Password',
  CorrelationId: correlation,
  EndpointUri: tokenEndpoint(contosoTenant),
  HttpMethod: 'POST',
  HttpError: '0x0',
  HttpStatus: 400,
  ServerErrorCode: 'invalid_grant',
  ServerErrorDescription: `AADSTS50155: Device authentication failed. Trace ID: 9c2e4b71-0a38-4d5f-8e61-b7d3f0a29c45 Correlation ID: ${correlation} Timestamp: 2026-11-23 08:14:52Z`,
});

const certExpiredDevice: ScenarioDevice = {
  ...hybridDevice,
  DeviceName: 'CTS-WS-0188.corp.contoso.com',
  DeviceId: '0d5e7a93-2c41-4b8f-a6d0-5e9c3b17f284',
  DsregcmdFields: { DeviceCertificateValidity: '[ 2016-03-04 08:12:44.000 UTC -- 2026-03-04 08:42:44.000 UTC ]' },
};

const deviceCertExpired: Scenario = {
  Name: 'device-cert-expired',
  Description:
    'A hybrid joined desktop registered ten years ago: its MS-Organization-Access device certificate ended in March, Entra ID refuses the device (AADSTS50155) and there is no PRT.',
  Start: '2026-11-23T08:20:00Z',
  Device: certExpiredDevice,
  Environment: environment,
  Faults: {},
  Prt: { AzureAdPrt: false, UpdatedSecondsAgo: null, LastAttempt: { ...deviceAuthFailed('51a7c3e9-8d24-4f06-b1e5-3c9a7d2f0b68'), SecondsAgo: 300 }, EnterprisePrt: null },
  History: [
    { Id: 1081, AtMs: -300_000, Data: ['invalid_grant', 'AADSTS50155: Device authentication failed.', '51a7c3e9-8d24-4f06-b1e5-3c9a7d2f0b68'] },
  ],
  User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 70 },
  OnUnlock: {
    AfterSeconds: 2,
    Attempt: { ...deviceAuthFailed('e8b2d0f4-6a17-4c93-9e5b-1d7c4a03f2b9'), Outcome: 'Failure' },
    Events: [
      { Id: 1006, AtMs: 0, Data: [] },
      { Id: 1022, AtMs: 300, Data: [tokenEndpoint(contosoTenant)] },
      { Id: 1081, AtMs: 1_200, Data: ['invalid_grant', 'AADSTS50155: Device authentication failed.', 'e8b2d0f4-6a17-4c93-9e5b-1d7c4a03f2b9'] },
      { Id: 1007, AtMs: 1_260, Data: ['0xC000006D'] },
    ],
  },
  DeviceFacts: {
    Certificates: factOf([
      {
        Subject: 'CN=0d5e7a93-2c41-4b8f-a6d0-5e9c3b17f284',
        Issuer: 'DC=net + DC=windows + CN=MS-Organization-Access + OU=82dbaca4-3e81-46ca-9c73-0950c1eaca97',
        Thumbprint: simulatedThumbprint,
        NotBefore: '2016-03-04T08:12:44Z',
        NotAfter: '2026-03-04T08:42:44Z',
        HasPrivateKey: true,
        Provider: 'Microsoft Platform Crypto Provider',
      },
    ]),
  },
};

const tpmLockout = (correlation: string): ScenarioAttempt => ({
  Kind: 'Refresh',
  AttemptStatus: '0x80280921',
  CredentialType: 'Prt',
  CorrelationId: correlation,
  EndpointUri: tokenEndpoint(fabrikamTenant),
  HttpMethod: 'POST',
  HttpError: '0x0',
  HttpStatus: 0,
  ServerErrorCode: '',
  ServerErrorDescription: '',
});

const tpmLockedOut: Scenario = {
  Name: 'tpm-locked-out',
  Description:
    'An Azure AD joined laptop whose TPM went into dictionary-attack lockout after repeated wrong PINs: the session key cannot sign, every refresh fails with 0x80280921 and the PRT is 30 hours old.',
  Start: '2026-11-24T11:00:00Z',
  Device: { ...cloudDevice, DeviceName: 'FAB-LT-3107', DeviceId: '7e3a1c58-94b2-4d07-8f6a-2b5d9e0c4a71', DsregcmdFields: { KeySignTest: 'FAILED. 0x80280921' } },
  Environment: environment,
  Faults: {},
  Prt: { AzureAdPrt: true, UpdatedSecondsAgo: 30 * 3_600, LastAttempt: { ...tpmLockout('3b9f2e71-c6d4-4a80-95e3-7a1c0d8b5f24'), SecondsAgo: 1_800 }, EnterprisePrt: null },
  History: [],
  User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 24 },
  OnUnlock: {
    AfterSeconds: 2,
    Attempt: { ...tpmLockout('c1d84a06-2e5b-4f93-a7c0-9b3e6d1f8a52'), Outcome: 'Failure' },
    Events: [
      { Id: 1006, AtMs: 0, Data: [] },
      { Id: 1007, AtMs: 900, Data: ['0x80280921'] },
    ],
  },
  DeviceFacts: {
    Tpm: factOf({ Present: true, Ready: true, Enabled: true, Owned: true, LockedOut: true, LockoutCount: 32, ManufacturerVersion: '7.2.3.1', ClearNeeded: false }),
    // TPM-WMI 1026 (cannot provision: the TPM defends against dictionary attacks), as the System log shows it.
    TpmEvents: factOf([
      { Provider: 'Microsoft-Windows-TPM-WMI', EventId: 1026, TimeCreated: '2026-11-24T10:31:07.2214410Z', Codes: ['0x80280803'] },
      { Provider: 'Microsoft-Windows-TPM-WMI', EventId: 1026, TimeCreated: '2026-11-24T08:02:51.9047720Z', Codes: ['0x80280803'] },
    ]),
  },
};

/** A domain-joined desktop whose join never finished: the Diagnostic Data of a device that is not joined. */
const notJoinedFields = { AzureAdJoined: 'NO', DeviceId: null, Thumbprint: null, DeviceCertificateValidity: null, KeyContainerId: null, KeyProvider: null, TpmProtected: null, DeviceAuthStatus: null, TenantName: null, TenantId: null, AuthCodeUrl: null, AccessTokenUrl: null, MdmUrl: null, JoinSrvVersion: null, JoinSrvUrl: null, JoinSrvId: null };

const scpWrongTenant: Scenario = {
  Name: 'scp-wrong-tenant',
  Description:
    'A new hybrid desktop that never joins: the service connection point still names the pilot tenant (Fabrikam), where this computer is not synced, so registration fails with 0x801c03f2 (device not found).',
  Start: '2026-11-25T09:10:00Z',
  Device: {
    ...hybridDevice,
    DeviceName: 'CTS-WS-0907.corp.contoso.com',
    DsregcmdFields: notJoinedFields,
    PreJoinDiagnostics: [
      ['Diagnostics Reference', 'www.microsoft.com/aadjerrors'],
      ['User Context', 'SYSTEM'],
      ['Client Time', '{now}'],
      ['AD Connectivity Test', 'PASS'],
      ['AD Configuration Test', 'PASS'],
      ['DRS Discovery Test', 'PASS'],
      ['DRS Connectivity Test', 'PASS'],
      ['Token acquisition Test', 'PASS'],
      ['Fallback to Sync-Join', 'ENABLED'],
      ['Previous Registration', '2026-11-25 08:52:17.000 UTC'],
      ['Registration Type', 'sync'],
      ['Error Phase', 'join'],
      ['Client ErrorCode', '0x801c03f2'],
      ['Server ErrorCode', 'DirectoryError'],
      ['Server Message', 'The device object by the given id (3f8b0c27-5d91-4e6a-b2c4-8a7e1d09f536) is not found.'],
      ['Https Status', '400'],
      ['Request Id', '6e2d9a14-0b73-4c58-9f21-d4a8c3e07b95'],
    ],
  },
  Environment: environment,
  Faults: {},
  Prt: { AzureAdPrt: false, UpdatedSecondsAgo: null, LastAttempt: null, EnterprisePrt: null },
  History: [],
  User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 70 },
  OnUnlock: { AfterSeconds: 1, Attempt: { ...wrongPassword('0f6c2a98-3d17-4e5b-a8c1-7b4e9d20f613'), Outcome: 'None' }, Events: [] },
  DeviceFacts: { Scp: factOf({ TenantId: fabrikamTenant, TenantName: 'Fabrikam' }) },
};

const joinTaskDisabled: Scenario = {
  Name: 'join-task-disabled',
  Description:
    'A domain-joined desktop that was never hybrid joined: someone disabled the Automatic-Device-Join task, so registration is never even tried and there is no PRT.',
  Start: '2026-11-26T13:30:00Z',
  Device: {
    ...hybridDevice,
    DeviceName: 'CTS-WS-1142.corp.contoso.com',
    DsregcmdFields: notJoinedFields,
    PreJoinDiagnostics: [
      ['Diagnostics Reference', 'www.microsoft.com/aadjerrors'],
      ['User Context', 'UN-ELEVATED User'],
      ['Client Time', '{now}'],
    ],
  },
  Environment: environment,
  Faults: {},
  Prt: { AzureAdPrt: false, UpdatedSecondsAgo: null, LastAttempt: null, EnterprisePrt: null },
  History: [],
  User: { LocksAfterSeconds: 4, UnlocksAfterSeconds: 70 },
  OnUnlock: { AfterSeconds: 1, Attempt: { ...wrongPassword('5a0e8c36-71b4-4f29-9d63-c2b8e4a1f057'), Outcome: 'None' }, Events: [] },
  DeviceFacts: {
    JoinTask: factOf({ Enabled: false, LastRunTime: null, LastResult: '0x41303' }),
    // The task never ran, so it never wrote its certificate to the computer object.
    ComputerObject: factOf({ SamAccountName: 'CTS-WS-1142$', ObjectGuid: '4c1e7b92-0d35-4a68-9f27-e85b3a6d01c4', Certificates: [] }),
  },
};

/** The scenarios inside the exe, by the name `--simulate` takes. */
export const builtInScenarios: Readonly<Record<string, Scenario>> = {
  healthy,
  'hybrid-wrong-password': hybridWrongPassword,
  'network-unreachable': networkUnreachable,
  'stale-fixed-by-unlock': staleFixedByUnlock,
  'ws-trust-dtd': wsTrustDtd,
  'proxy-auth-required': proxyAuthRequired,
  'tls-inspection': tlsInspection,
  'clock-skew': clockSkew,
  'federated-mex-dtd': federatedMexDtd,
  'device-cert-expired': deviceCertExpired,
  'tpm-locked-out': tpmLockedOut,
  'scp-wrong-tenant': scpWrongTenant,
  'join-task-disabled': joinTaskDisabled,
};

/**
 * The doctor's knowledge, as one table: each cause, the evidence that raises it and by how many
 * points, and the evidence that speaks against it. A signal's points are scaled by its weight
 * (older attempts and warnings count less); each line of a rule counts once, at its best signal.
 *
 * How the points are set: a fact that names the cause by itself (AADSTS50126, a TPM in lockout, a
 * certificate past its end) is worth 6, enough for High on its own; a code that fits several
 * causes (0xc000006d, 0xc000023c) 2–4. A symptom alone (no PRT) names no cause and raises none,
 * except an old PRT with no failure recorded, which is its own cause. Against: "the server answered" beats every
 * network cause, because a reply from Entra ID proves the request travelled there and back.
 */

export interface RuleLine {
  /** A signal key, or a pattern over keys. */
  Key: string | RegExp;
  Points: number;
}

export interface AgainstLine extends RuleLine {
  /** Why this evidence speaks against the cause, in our words. */
  Why: string;
}

export interface CauseRule {
  Id: string;
  Summary: string;
  NextStep: string;
  Raise: RuleLine[];
  Against: AgainstLine[];
}

const networkAnswered: AgainstLine = {
  Key: 'server:answered',
  Points: 6,
  Why: 'a server answered the newest attempt with its own error, so the request got through the network',
};

const newestSucceeded: AgainstLine = { Key: 'attempt:NewestSucceeded', Points: 4, Why: 'the newest PRT attempt succeeded' };

export const causeRules: readonly CauseRule[] = [
  {
    Id: 'WrongPassword',
    Summary: 'Entra ID rejects the password the user signs in with, so the cloud and the device disagree on it (changed on premises and not synced yet, or mistyped).',
    NextStep: 'Have the user sign in once with the current password (lock and unlock, or sign out and in); with password hash sync, check that the new password has synced to Entra ID (Entra Connect) before that.',
    Raise: [
      { Key: 'code:AADSTS:50126', Points: 6 },
      { Key: 'code:NTSTATUS:0xc000006d', Points: 3 },
      { Key: 'device:PasswordChangedRecently', Points: 2 },
    ],
    Against: [newestSucceeded],
  },
  {
    Id: 'ProxyAuthentication',
    Summary: 'A proxy asks for authentication (HTTP 407) that the SYSTEM account, which renews the PRT, cannot give.',
    NextStep: 'Let the device reach login.microsoftonline.com and the other Entra endpoints without proxy authentication (a bypass or a machine-authenticated rule), or set the WinHTTP proxy (`netsh winhttp`) to one SYSTEM can use.',
    Raise: [
      { Key: 'probe:ProxyAuthRequired', Points: 6 },
      { Key: 'probe-confirms:ProxyAuthRequired', Points: 2 },
      { Key: 'http:407', Points: 5 },
      // Supportive only: an unreachable network fits a proxy and many other things.
      { Key: 'code:NTSTATUS:0xc000023c', Points: 1 },
      { Key: /^winhttp:(12029|12002|12007|12030)$/, Points: 1 },
    ],
    Against: [networkAnswered, newestSucceeded],
  },
  {
    Id: 'NetworkUnreachable',
    Summary: 'The PRT request does not reach Entra ID: name resolution, the connection, the proxy or TLS fails on the way.',
    NextStep: 'From the device, as SYSTEM, check the way to login.microsoftonline.com (DNS, firewall, the WinHTTP proxy: `netsh winhttp show proxy`); `prt probe` follows it step by step.',
    Raise: [
      { Key: 'code:NTSTATUS:0xc000023c', Points: 4 },
      { Key: /^winhttp:(12002|12007|12029|12030|12038|12044|12045|12157|12175|12180|12167|12166)$/, Points: 3 },
      { Key: /^probe:(DnsFailed|ConnectFailed|ProxyUnreachable|PacFailed|TlsFailed|HttpBlocked|ContextsDiffer)$/, Points: 4 },
      { Key: /^probe-confirms:(DnsFailed|ConnectFailed|ProxyUnreachable|PacFailed|TlsFailed|HttpBlocked|ContextsDiffer)$/, Points: 2 },
    ],
    Against: [networkAnswered, newestSucceeded],
  },
  {
    Id: 'TlsInspection',
    Summary: 'Something on the way (a firewall or proxy that inspects TLS) re-signs the traffic to Entra ID with its own certificate, which the PRT request does not accept.',
    NextStep: 'Exempt login.microsoftonline.com, device.login.microsoftonline.com and enterpriseregistration.windows.net from TLS inspection on the firewall or proxy; `prt probe` names the certificate issuer it finds.',
    Raise: [
      { Key: 'probe:TlsInspected', Points: 6 },
      { Key: 'probe-confirms:TlsInspected', Points: 2 },
      // ERROR_WINHTTP_SECURE_FAILURE and ERROR_WINHTTP_SECURE_INVALID_CA: a certificate the client refused.
      { Key: /^winhttp:(12175|12045)$/, Points: 3 },
      { Key: 'code:NTSTATUS:0xc000023c', Points: 1 },
    ],
    Against: [networkAnswered, newestSucceeded],
  },
  {
    Id: 'FederationResponse',
    Summary: 'The federation server\'s WS-Trust answer cannot be used: an HTML page, a DTD, or an endpoint that is missing or unreachable stands where the token should be.',
    NextStep: 'Check what answers the WS-Trust URL from the device (a reverse proxy or a sign-in page in front of AD FS?), and that the MEX document publishes the windowstransport and usernamemixed endpoints.',
    Raise: [
      { Key: 'code:XML:0xc00cee4f', Points: 6 },
      { Key: /^code:.*:0xc00ce[0-9a-f]{3}$/, Points: 4 },
      { Key: /^probe:(MexHasDtd|WsTrustEndpointMissing|MexUnreachable)$/, Points: 5 },
      { Key: 'server:WsTrust', Points: 3 },
    ],
    Against: [newestSucceeded],
  },
  {
    Id: 'ClockSkew',
    Summary: 'The device clock is far from the servers\' time: tokens and signed requests look expired or not yet valid.',
    NextStep: 'Fix time synchronisation (`w32tm /query /status`, `w32tm /resync`) and check the time source for domain members (the domain hierarchy) or others (an NTP server).',
    Raise: [
      { Key: 'probe:ClockSkew', Points: 6 },
      { Key: 'device:ClockNotSynced', Points: 3 },
      { Key: 'status:PrtTimesInconsistent', Points: 1 },
    ],
    Against: [],
  },
  {
    Id: 'DeviceCertificate',
    Summary: 'The device certificate cannot prove the device: it expired, is missing, lost its private key, or is not the one Entra ID knows.',
    NextStep: 'Re-register the device: for hybrid join `dsregcmd /leave` then a restart (or `dsregcmd /join` as SYSTEM); for Entra join, leave and join again from Settings > Accounts > Access work or school.',
    Raise: [
      { Key: /^device:DeviceCert(Expired|Missing|NoPrivateKey)$/, Points: 6 },
      { Key: /^device:DeviceCert(ThumbprintMismatch|SubjectMismatch|ProviderMismatch)$/, Points: 5 },
      { Key: /^code:AADSTS:(50155|700027|1000031|50187)$/, Points: 3 },
      { Key: 'status:DeviceAuthFailed', Points: 2 },
      { Key: 'code:HRESULT:0x80090016', Points: 2 },
    ],
    Against: [],
  },
  {
    Id: 'TpmFailure',
    Summary: 'The TPM that holds the device and session keys cannot sign: it is locked out, not ready, or was cleared.',
    NextStep: 'Check the TPM (`Get-Tpm`, tpm.msc): wait for a lockout to end or reset it with the owner authorization; a TPM that was cleared needs the device re-registered (`dsregcmd /leave`, then join again).',
    Raise: [
      { Key: /^device:Tpm(LockedOut|NotReady|Missing)$/, Points: 6 },
      { Key: 'dsreg:KeySignTestFailed', Points: 4 },
      { Key: 'family:TPM', Points: 4 },
      // TPM errors (or a clear) in the System log of the last days: the TPM misbehaves outside the PRT's own attempts too.
      { Key: 'device:TpmErrorsLogged', Points: 3 },
      { Key: /^code:HRESULT:(0x80090016|0x80090031)$/, Points: 2 },
    ],
    Against: [],
  },
  {
    Id: 'ScpMisconfigured',
    Summary: 'The service connection point (or the targeted-deployment registry values) points hybrid join to another tenant, or is missing.',
    NextStep: 'Correct the SCP in the configuration partition (Entra Connect > Configure device options) or the `HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CDJ\\AAD` values so they name this tenant, then rejoin.',
    Raise: [
      { Key: 'device:ScpTenantMismatch', Points: 6 },
      { Key: 'device:ScpMissing', Points: 4 },
      // The device is not found in the tenant it registers with: the SCP may name the wrong one.
      { Key: 'code:DSREG:0x801c03f2', Points: 3 },
      { Key: /^code:DSREG:0x801c00(21|22|1d|03)$/, Points: 2 },
    ],
    Against: [],
  },
  {
    Id: 'JoinTaskDisabled',
    Summary: 'The Automatic-Device-Join task is disabled or keeps failing, so hybrid join (and with it the device PRT) never completes or recovers.',
    NextStep: 'Enable `\\Microsoft\\Windows\\Workplace Join\\Automatic-Device-Join` in Task Scheduler (or the policy that disabled it) and run it, or `dsregcmd /join` as SYSTEM.',
    Raise: [
      { Key: 'device:JoinTaskDisabled', Points: 6 },
      { Key: 'device:JoinTaskLastRunFailed', Points: 3 },
      { Key: 'status:DomainJoinedOnly', Points: 2 },
    ],
    Against: [],
  },
  {
    Id: 'HybridCertificateMissing',
    Summary: 'The computer object in AD holds no certificate from hybrid join, so Entra Connect does not sync the device (or removes it) and the sync join cannot finish.',
    NextStep: 'Run the Automatic-Device-Join task (or `dsregcmd /join` as SYSTEM) while a domain controller answers, check that the computer account may write its own userCertificate, wait for the next Entra Connect sync, then lock and unlock.',
    Raise: [
      { Key: 'device:ComputerCertificateMissing', Points: 5 },
      { Key: 'status:DomainJoinedOnly', Points: 1 },
    ],
    Against: [],
  },
  {
    Id: 'DomainUnreachable',
    Summary: 'No domain controller answers: a hybrid device cannot renew its Kerberos side nor finish joining.',
    NextStep: 'Connect the device to the corporate network or VPN and check `nltest /dsgetdc:<domain>`; then lock and unlock.',
    Raise: [{ Key: 'device:DomainControllerUnreachable', Points: 4 }],
    Against: [],
  },
  {
    Id: 'UserAccount',
    Summary: 'The signed-in user cannot get a PRT: not an Entra ID user here, a UPN suffix that does not route to the tenant, or Web Account Manager not set up for them.',
    NextStep: 'Sign in with an account whose UPN suffix is a verified domain of the tenant (not .local), synced to Entra ID; then sign out and in.',
    Raise: [
      { Key: /^device:(UpnNotRoutable|UserNotAzureAd)$/, Points: 5 },
      { Key: 'device:WamDefaultNotSet', Points: 2 },
      { Key: /^code:AADSTS:(50034|50020|50128|90072)$/, Points: 4 },
      { Key: 'probe:RealmNotFound', Points: 3 },
    ],
    Against: [newestSucceeded],
  },
  {
    Id: 'DeviceDisabledOrDeleted',
    Summary: 'Entra ID no longer accepts the device object: it is disabled or was deleted.',
    NextStep: 'Find the device in the Entra admin center: enable it, or, if it was deleted, leave and join again.',
    Raise: [
      { Key: /^code:AADSTS:(135011|700003)$/, Points: 6 },
      { Key: 'status:DeviceAuthFailed', Points: 3 },
    ],
    Against: [],
  },
  {
    Id: 'NotJoined',
    Summary: 'The device is not (fully) joined to Entra ID, so there is no device PRT to have.',
    NextStep: 'Join the device (Entra join, or finish hybrid join); `prt status` names the failing join phase.',
    Raise: [
      { Key: 'status:NotJoined', Points: 6 },
      { Key: 'status:DomainJoinedOnly', Points: 3 },
    ],
    Against: [],
  },
  {
    Id: 'NoUserContext',
    Summary: 'dsregcmd ran without the user\'s own sign-in (SYSTEM, another account, remoting): its SSO State says nothing about the user\'s PRT.',
    NextStep: 'Run `prt doctor` (or dsregcmd /status) in the affected user\'s own session.',
    Raise: [{ Key: 'status:NoUserContext', Points: 6 }],
    // Without a finished join there is no PRT in any session: the join, not the session, is the cause.
    Against: [{ Key: 'status:JoinFailed', Points: 4, Why: 'the device join failed, so no session of any user could show a PRT' }],
  },
  {
    Id: 'EntraRejected',
    Summary: 'Entra ID refused the request with its own error code: the code names the reason.',
    NextStep: 'Explain the server code with `prt explain <code>` and follow its fix.',
    Raise: [
      { Key: 'server:AzureAD', Points: 3 },
      { Key: 'family:AADSTS', Points: 1 },
    ],
    Against: [newestSucceeded],
  },
  {
    Id: 'PrtNotRenewed',
    Summary: 'The PRT is older than its 4-hour renewal, but no failed renewal is recorded: the device may simply not have been unlocked since.',
    NextStep: 'Lock and unlock the device (or sign in again) and check `prt status`; if the update time does not move, collect the AAD logs with `prt trace`.',
    Raise: [
      { Key: 'prt:Stale', Points: 3 },
      { Key: 'prt:Expired', Points: 3 },
    ],
    Against: [{ Key: 'attempt:Failed', Points: 2, Why: 'a failed PRT attempt is recorded: the renewal was tried and failed' }],
  },
  {
    Id: 'UnexplainedFailure',
    Summary: 'PRT attempts fail with a code no rule of the doctor names.',
    NextStep: 'Read the failing attempt with `prt error` and explain its code with `prt explain <code>`; `prt trace` collects the logs for a repro.',
    Raise: [{ Key: 'attempt:Failed', Points: 1 }],
    Against: [],
  },
];

import type { CodeEntry, Evidence } from '../types.js';
import { EV } from './evidence.js';

/**
 * The codes of the hybrid join troubleshooting article (join failures before any PRT exists): the
 * DSREG_* client codes, the DRS server error strings, network, TPM and ADAL codes. Reasons and
 * fixes are ours, from the article's facts. ADAL entries add join-specific advice to the catalog
 * entries of `webaccount.ts` (same identity, merged by the registry).
 */

const DOC = 'https://learn.microsoft.com/entra/identity/devices/troubleshoot-hybrid-join-windows-current';
/** The User Device Registration log, where builds before Windows 10 1803 record join failures. */
const udr = (eventId: number, what: string): Evidence => ({ Channel: 'Microsoft-Windows-User Device Registration/Admin', EventId: eventId, What: what });
const UDR_PHASE = udr(304, 'Join failure: the phase and the error code (older builds; see also 305 and 307).');
const UDR_DISCOVERY = udr(201, 'Discovery failure: the sub-error code (older builds).');
const UDR_AUTH = udr(305, 'Authentication phase failure: ADAL error code, sub-error and server error (older builds).');
const UDR_JOIN = udr(204, 'Join phase failure: error code, HTTP status and server message (older builds).');
const UDR_AD = udr(220, 'The computer object could not be read from Active Directory; may include a Win32 error.');
const SYSTEM_CONTEXT_DRS = 'Make sure https://enterpriseregistration.windows.net can be reached in the SYSTEM context (the computer account), through the proxy if one is required.';
const SYSTEM_CONTEXT_LOGIN = 'Make sure https://login.microsoftonline.com and the on-premises identity provider can be reached in the SYSTEM context.';
const RETRY_LATER = 'Retry the join later, or from another, stable network location.';

const entry = (e: Omit<CodeEntry, 'Source' | 'DocUrl'>): CodeEntry => ({
  Evidence: [EV.dsregJoinDiagnostics, UDR_PHASE],
  ...e,
  DocUrl: DOC,
  Source: 'hybrid-join-troubleshooting',
});

type JoinRow = readonly [value: number, name: string, summary: string, causes: string[], solutions: string[]];

const RETRY_OR_ADMIN = 'Retry; if it persists, give the code to the administrator, who checks the tenant\'s device settings and the service health.';

/** 0x801c0001…0x801c0014 as the Entra join screens report them. */
const MDM_DSREG: readonly JoinRow[] = [
  [0x801c0001, 'DSREG_E_DEVICE_MESSAGE_FORMAT_ERROR', 'The registration service sent a message the device could not read.',
    ['A proxy or TLS inspection changed the answer of the registration service, or the service failed.'], [RETRY_OR_ADMIN]],
  [0x801c0003, 'DSREG_E_DEVICE_AUTHORIZATION_ERROR', 'The user is not allowed to join (or register) devices.',
    ['The tenant\'s device settings limit who may join devices to Entra ID, and this user is not among them.'],
    ['Entra admin center > Devices > Device settings: "Users may join devices to Microsoft Entra" must include the user.']],
  [0x801c000b, 'DSREG_E_DISCOVERY_REDIRECTION_NOT_TRUSTED', 'Discovery was redirected to a server that is not trusted.',
    ['The discovery answer pointed to a host the device does not trust (often a proxy or a wrong enterprise registration DNS record).'],
    ['Check the enterpriseregistration DNS records of the domain and any proxy that rewrites the answer.']],
  [0x801c000c, 'DSREG_E_DISCOVERY_FAILED', 'Discovery of the registration service failed.',
    ['The device could not reach or read the discovery endpoint (network, proxy, DNS).'],
    ['Check that https://enterpriseregistration.windows.net can be reached (in the SYSTEM context for automatic joins).']],
  [0x801c000e, 'DSREG_E_DEVICE_REGISTRATION_QUOTA_EXCCEEDED', 'The user has reached the maximum number of devices.',
    ['The tenant limits how many devices one user may join or register, and this user has reached it.'],
    ['Remove stale devices of the user in Entra ID, or raise the "Maximum number of devices per user" setting.']],
  [0x801c000f, 'DSREG_E_DEVICE_REQUIRES_REBOOT', 'A restart is needed to finish the device registration.',
    ['The registration completed a step that only takes effect after a restart.'], ['Restart the device, then check `dsregcmd /status`.']],
  [0x801c0010, 'DSREG_E_DEVICE_AIK_VALIDATION_ERROR', 'The TPM attestation identity key (AIK) of the device could not be validated.',
    ['TPM attestation (Autopilot self-deploying or pre-provisioning) failed: the TPM\'s certificate chain or firmware is not accepted.'],
    ['Update the TPM firmware; check that the TPM manufacturer\'s endpoints can be reached for the EK certificate.']],
  [0x801c0011, 'DSREG_E_DEVICE_ATTESTATION_ERROR', 'Device attestation with the TPM failed.',
    ['The TPM could not prove the device\'s identity to the registration service.'],
    ['Check the TPM (`Get-Tpm`, firmware version) and retry; TPM 2.0 is required for attestation.']],
  [0x801c0012, 'DSREG_E_DISCOVERY_BAD_MESSAGE_ERROR', 'The discovery answer was malformed.',
    ['A proxy or captive portal answered instead of the discovery service.'],
    ['Check the proxy configuration (SYSTEM context) and retry from another network.']],
  [0x801c0013, 'DSREG_E_TENANTID_NOT_FOUND', 'The tenant could not be determined for the registration.',
    ['The tenant ID was not found in the discovery data or the service connection point.'],
    ['Check the SCP (hybrid) or the domain the user signs in with (Entra join).']],
  [0x801c0014, 'DSREG_E_USERSID_NOT_FOUND', 'The user\'s security identifier was not found in the token.',
    ['The token the device got for the registration has no user SID (for example a federated identity provider that does not send the on-premises SID).'],
    ['Check the claims rules of the federation server (onpremobjectguid, primarysid) for device registration.']],
];

/** Hybrid join using Entra Kerberos (Windows Server 2025 domain controllers). */
const KERBEROS_JOIN: readonly (readonly ['DSREG' | 'HRESULT', ...JoinRow])[] = [
  ['DSREG', 0x801c0095, 'DSREG_TOKEN_MISSING_ON_PREM_ID', 'The Kerberos ticket used for the join carries no on-premises identity.',
    ['The on-premises Kerberos authority did not add the information Entra ID needs.'],
    ['Run the tool EnableKerbHaadj.exe on every Windows Server 2025 domain controller of the domain, then restart them.']],
  ['HRESULT', 0x80090311, 'SEC_E_NO_AUTHENTICATING_AUTHORITY', 'No authority could be contacted for authentication.',
    ['No working Windows Server 2025 domain controller can be reached for the Entra Kerberos join (in other contexts: no domain controller at all).'],
    ['Make sure a Windows Server 2025 domain controller runs the KDC and can be reached; run `dcdiag` on it.']],
  ['HRESULT', 0x80090303, 'SEC_E_TARGET_UNKNOWN', 'The Kerberos target is unknown or unreachable.',
    ['The service principal asked for is not known to the KDC (Kerberos event: KDC_ERR_S_PRINCIPAL_UNKNOWN).'],
    ['Check the service principal name that was requested and that the KDC knows it.']],
  ['HRESULT', 0x8009030c, 'SEC_E_LOGON_DENIED', 'The logon attempt failed.',
    ['For the Entra Kerberos join: the registration service principal has no Kerberos key (Kerberos event: KDC_ERR_NULL_KEY).'],
    ['Add the tag KerberosPolicy:ExchangeForJwt to the device registration service principal, as the join guide describes.']],
];

export const HYBRID_JOIN: readonly CodeEntry[] = [
  // Discover phase.
  entry({
    Family: 'DSREG', Value: 0x801c001d, Name: 'DSREG_AUTOJOIN_ADCONFIG_READ_FAILED',
    Evidence: [EV.dsregJoinDiagnostics, UDR_PHASE, UDR_AD],
    Summary: 'The device could not read the service connection point (SCP) or its computer object in Active Directory.',
    Causes: [
      'The SCP object that names the Entra tenant is missing, wrong, or unreadable from the domain controller.',
      'Windows cannot reach its computer object in AD (event 220 may add ERROR_NO_SUCH_LOGON_SESSION 1312 or ERROR_NO_SUCH_USER 1317, which point to AD replication).',
    ],
    Solutions: [
      'Check the SCP configuration of the forest (it must point to a verified domain of the tenant).',
      'Look into AD replication; such replication problems often clear by themselves after a while.',
    ],
    Related: [
      { Code: '1312', Kind: 'Code', Why: 'Win32 error sometimes logged with it in event 220 (replication).' },
      { Code: '1317', Kind: 'Code', Why: 'Win32 error sometimes logged with it in event 220 (replication).' },
    ],
  }),
  entry({
    Family: 'DSREG', Value: 0x801c0021, Name: 'DSREG_AUTOJOIN_DISC_FAILED',
    Evidence: [EV.dsregJoinDiagnostics, UDR_DISCOVERY],
    Summary: 'Discovery failed: the device could not get the registration service (DRS) metadata.',
    Causes: ['A generic discovery failure; the sub-error (second code of "DRS Discovery Test", or event 201) tells why.'],
    Solutions: ['Decode the sub-error, usually a network (WININET_E_*) or HTTP error, and follow it.', SYSTEM_CONTEXT_DRS],
    Related: [{ Code: '0x80072ee2', Kind: 'Code', Why: 'A frequent sub-error: network timeout.' }],
  }),
  entry({
    Family: 'DSREG', Value: 0x801c001f, Name: 'DSREG_AUTOJOIN_DISC_WAIT_TIMEOUT',
    Evidence: [EV.dsregJoinDiagnostics, UDR_DISCOVERY],
    Summary: 'Discovery timed out.',
    Causes: ['The discovery call to the registration service took too long.'],
    Solutions: [SYSTEM_CONTEXT_DRS],
  }),
  entry({
    Family: 'DSREG', Value: 0x801c003d, Name: 'DSREG_AUTOJOIN_USERREALM_DISCOVERY_FAILED',
    Evidence: [EV.dsregJoinDiagnostics, UDR_DISCOVERY],
    Summary: 'Realm discovery failed: the device could not learn whether the domain is managed or federated.',
    Causes: ['A generic realm discovery failure (Windows 10 1809 and later); the sub-error tells why.'],
    Solutions: ['Decode the sub-error and follow it.', SYSTEM_CONTEXT_LOGIN],
  }),
  entry({
    Family: 'DSREG', Value: 0x801c003a, Name: 'DSREG_DISCOVERY_TENANT_NOT_FOUND',
    Evidence: [EV.dsregJoinDiagnostics, UDR_DISCOVERY],
    Summary: 'The registration service does not know the tenant named by the service connection point.',
    Causes: ['The SCP holds a wrong tenant ID, or the tenant has no active subscription.'],
    Solutions: ['Set the SCP to the right tenant ID and make sure the tenant has an active subscription.'],
  }),
  entry({
    Family: 'DSREG', Value: 0x801c0025, Name: 'DSREG_SERVER_BUSY',
    Evidence: [EV.dsregJoinDiagnostics, UDR_DISCOVERY],
    Summary: 'The registration service answered HTTP 503 (temporarily unavailable).',
    Causes: ['The DRS server is not available right now.'],
    Solutions: ['Wait; a later join attempt normally succeeds once the service is back.'],
  }),
  // Join phase: errors returned by the registration service.
  entry({
    Family: 'DSREG', Value: 0x801c03f2, Name: 'DSREG_E_DIRECTORY_FAILURE',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'The registration service returned ErrorCode "DirectoryError".',
    Causes: ['DRS refused the registration; the Server ErrorCode and Server Message give the reason (for sync join often: device object not synchronized yet).'],
    Solutions: ['Read Server ErrorCode / Server Message in dsregcmd Diagnostic Data and follow them; for sync join, wait for Entra Connect to synchronize the computer.'],
    Related: [{ Code: 'DirectoryError', Kind: 'Code', Why: 'The server error string behind this client code.' }],
  }),
  entry({
    Family: 'DSREG', Value: 0x801c0002, Name: 'DSREG_E_DEVICE_AUTHENTICATION_ERROR',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'The registration service returned ErrorCode "AuthenticationError" (sub-code other than DeviceNotFound).',
    Causes: ['DRS could not authenticate the request; the server error code names the reason.'],
    Solutions: ['Follow the Server ErrorCode / Server Message shown by dsregcmd.'],
    Related: [{ Code: 'AuthenticationError', Kind: 'Code', Why: 'The server error string behind this client code.' }],
  }),
  entry({
    Family: 'DSREG', Value: 0x801c0006, Name: 'DSREG_E_DEVICE_INTERNALSERVICE_ERROR',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'The registration service reported an error (published with ErrorCode "DirectoryError").',
    Causes: ['DRS failed to process the registration.'],
    Solutions: ['Follow the Server ErrorCode / Server Message shown by dsregcmd.'],
  }),
  // DRS server error strings (dsregcmd "Server ErrorCode").
  entry({
    Family: 'DSREG', Text: 'DirectoryError', Name: 'DirectoryError',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'Device registration service (DRS) server error: the directory refused or could not process the device.',
    Causes: [
      'Requests were throttled because several registrations came in quick succession ("try after 300 seconds").',
      'Sync join: the device object has not been synchronized from AD to Entra ID yet ("device object … not found").',
      'The SCP names a wrong tenant, or the tenant has no active subscription (AADSTS90002 in the message).',
    ],
    Solutions: [
      'Throttled: retry after the cool-down.',
      'Not synchronized: let Entra Connect sync finish; the next join attempt then succeeds.',
      'Wrong tenant: fix the tenant ID in the SCP.',
    ],
    Related: [{ Code: 'AADSTS90002', Kind: 'Code', Why: 'Quoted in the Server Message when the tenant is not found.' }],
  }),
  entry({
    Family: 'DSREG', Text: 'AuthenticationError', Name: 'AuthenticationError',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'Device registration service (DRS) server error: the device or its request could not be authenticated.',
    Causes: ['Sync join: the certificate on the Entra device object does not match the one used for the sync-join blob, which usually means sync has not finished.'],
    Solutions: ['Wait for Entra Connect sync to finish; the next join attempt then succeeds.'],
  }),
  // Network errors, as HRESULTs of WinINet/WinHTTP numbers.
  entry({
    Family: 'HRESULT', Value: 0x80072efd, Name: 'WININET_E_CANNOT_CONNECT',
    Evidence: [EV.dsregJoinDiagnostics, UDR_DISCOVERY],
    Summary: 'No connection to the server could be made.',
    Causes: ['The device could not open a connection to the registration or sign-in endpoint.'],
    Solutions: ['Check network connectivity to the Microsoft endpoints the join needs, in the SYSTEM context.'],
  }),
  entry({
    Family: 'HRESULT', Value: 0x80072ee2, Name: 'WININET_E_TIMEOUT',
    Evidence: [EV.dsregJoinDiagnostics, UDR_DISCOVERY, UDR_JOIN],
    Summary: 'A network request timed out.',
    Causes: ['General network timeout while calling the registration or sign-in endpoint.'],
    Solutions: [SYSTEM_CONTEXT_DRS],
  }),
  entry({
    Family: 'HRESULT', Value: 0x80072f8f, Name: 'WININET_E_DECODING_FAILED',
    Evidence: [EV.dsregJoinDiagnostics, UDR_DISCOVERY],
    Summary: 'The network stack could not decode the server\'s response.',
    Causes: ['Something between device and server, typically a proxy, altered the response.'],
    Solutions: ['Make sure the proxy does not interfere with or rewrite the server\'s response.'],
  }),
  entry({
    Family: 'HRESULT', Value: 0x80072ee7, Name: 'WININET_E_NAME_NOT_RESOLVED',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'The server name or address could not be resolved.',
    Causes: ['DNS did not resolve the registration endpoint.'],
    Solutions: ['Check DNS and connectivity to https://enterpriseregistration.windows.net.'],
  }),
  entry({
    Family: 'HRESULT', Value: 0x80072efe, Name: 'WININET_E_CONNECTION_ABORTED',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'The connection to the server ended abnormally.',
    Causes: ['The connection broke off during the request.'],
    Solutions: [RETRY_LATER],
  }),
  entry({
    Family: 'HRESULT', Value: 0x8007000d, Name: 'E_INVALIDDATA',
    Evidence: [EV.dsregJoinDiagnostics, UDR_DISCOVERY],
    Summary: 'The server\'s JSON response could not be parsed.',
    Causes: ['Usually a proxy that answers HTTP 200 with an HTML authentication page instead of forwarding the request.'],
    Solutions: ['If an outbound proxy is required, make sure the SYSTEM context can find it and authenticate to it silently.'],
  }),
  // TPM errors.
  entry({
    Family: 'HRESULT', Value: 0x80090016, Name: 'NTE_BAD_KEYSET',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'The TPM keyset does not exist (TPM operation failed or invalid).',
    Causes: ['The TPM was cleared, or the device comes from a sysprep image built on a joined or registered machine.'],
    Solutions: [
      'Avoid clearing the TPM; after a clear, users may need to remove and re-add their accounts.',
      'Build sysprep images on machines that are not Entra joined, hybrid joined or registered.',
    ],
  }),
  entry({
    Family: 'TPM', Value: 0x80290407, Name: 'TPM_E_PCP_INTERNAL_ERROR',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'Generic TPM error.',
    Causes: ['The TPM failed during the key operation.'],
    Solutions: ['Disable the TPM on affected devices; Windows 10 1809 and later detect TPM failures and join without it.'],
  }),
  entry({
    Family: 'TPM', Value: 0x80280036, Name: 'TPM_E_NOTFIPS',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'A TPM in FIPS mode is not supported.',
    Causes: ['The TPM runs in FIPS mode.'],
    Solutions: ['Disable the TPM on affected devices; Windows 10 1809 joins without it when it detects the failure.'],
  }),
  entry({
    Family: 'HRESULT', Value: 0x80090031, Name: 'NTE_AUTHENTICATION_IGNORED',
    Evidence: [EV.dsregJoinDiagnostics, UDR_JOIN],
    Summary: 'The TPM is locked out (anti-hammering).',
    Causes: ['Too many failed TPM authorizations triggered the lockout.'],
    Solutions: ['Wait for the cool-down period; the join then succeeds (transient).'],
  }),
  // Authentication phase (federated domains): ADAL codes, merged into the catalog entries.
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa90017, Name: 'ERROR_ADAL_PROTOCOL_NOT_SUPPORTED',
    Summary: 'The federation server does not speak WS-Trust.',
    Causes: ['The on-premises identity provider\'s authentication protocol is not WS-Trust.'],
    Solutions: ['The on-premises identity provider must support WS-Trust.'],
    Evidence: [EV.brokerError1098, UDR_AUTH],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa9002c, Name: 'ERROR_ADAL_FAILED_TO_PARSE_XML',
    Summary: 'The federation service did not return XML.',
    Causes: ['The on-premises federation service (or a proxy in front of it) sent something that is not XML.'],
    Solutions: ['Make sure the MEX endpoint returns valid XML and that no proxy returns non-XML pages instead.'],
    Evidence: [EV.brokerError1098, UDR_AUTH],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa90023, Name: 'ERROR_ADAL_COULDNOT_DISCOVER_USERNAME_PASSWORD_ENDPOINT',
    Summary: 'No endpoint for user name and password authentication was found.',
    Causes: ['The federation server\'s MEX response lacks an enabled username/password WS-Trust endpoint.'],
    Solutions: ['Enable the WS-Trust endpoints on the identity provider and make sure MEX lists them.'],
    Evidence: [EV.brokerError1098, UDR_AUTH],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa82ee2, Name: 'ERROR_ADAL_INTERNET_TIMEOUT',
    Summary: 'A network request timed out.',
    Causes: ['General network timeout towards Entra ID or the federation server.'],
    Solutions: [SYSTEM_CONTEXT_LOGIN],
    Evidence: [EV.brokerError1098, EV.transport1084],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa82efe, Name: 'ERROR_ADAL_INTERNET_CONNECTION_ABORTED',
    Summary: 'The connection to the authorization endpoint was aborted.',
    Causes: ['The connection to the authorization endpoint broke off.'],
    Solutions: [RETRY_LATER],
    Evidence: [EV.brokerError1098, EV.transport1084],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa82f8f, Name: 'ERROR_ADAL_INTERNET_SECURE_FAILURE',
    Summary: 'The server\'s TLS certificate could not be validated.',
    Causes: ['Certificate validation failed; a wrong client clock is a common reason.'],
    Solutions: ['Check the device\'s clock (time skew).', RETRY_LATER],
    Evidence: [EV.brokerError1098, EV.transport1084],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa82efd, Name: 'ERROR_ADAL_INTERNET_CANNOT_CONNECT',
    Summary: 'Connecting to https://login.microsoftonline.com failed.',
    Causes: ['The device could not connect to the Entra ID sign-in endpoint.'],
    Solutions: ['Check the network path to https://login.microsoftonline.com.'],
    Evidence: [EV.brokerError1098, EV.transport1084],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa20003, Name: 'ERROR_ADAL_SERVER_ERROR_INVALID_GRANT',
    Summary: 'Entra ID did not accept the grant (for join: the SAML token of the on-premises identity provider).',
    Causes: ['The federation server\'s SAML token was refused by Entra ID.'],
    Solutions: ['Check the federation server settings and the server error code in the authentication logs (AADSTS in event 1098 or 1081).'],
    Evidence: [EV.brokerError1098, EV.serverError1081],
    Related: [
      { Code: 'invalid_grant', Kind: 'Code', Why: 'The OAuth error string this code stands for.' },
      { Code: 'AADSTS', Kind: 'Catalog', Why: 'The server description names the AADSTS reason.' },
    ],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa90014, Name: 'ERROR_ADAL_WSTRUST_REQUEST_SECURITYTOKEN_FAILED',
    Summary: 'The WS-Trust server answered with a fault; no assertion was obtained.',
    Causes: ['The federation server returned a SOAP fault to the token request.'],
    Solutions: ['Check the federation server settings and its error code in the authentication logs (event 1088, AD FS Admin log).'],
    Evidence: [EV.brokerError1098, EV.wsTrustError1088],
    Related: [{ Code: 'AD FS', Kind: 'Catalog', Why: 'AD FS names the fault with an MSIS code.' }],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa90006, Name: 'ERROR_ADAL_WSTRUST_TOKEN_REQUEST_FAIL',
    Summary: 'Getting an access token through the WS-Trust flow failed.',
    Causes: ['The token endpoint returned an error to the WS-Trust based request.'],
    Solutions: ['Find the underlying error in the ADAL/AAD logs (event 1098 and its inner code).'],
    Evidence: [EV.brokerError1098, EV.serverError1081],
  }),
  entry({
    Family: 'Web account/ADAL', Value: 0xcaa1002d, Name: 'ERROR_ADAL_OPERATION_PENDING',
    Summary: 'General ADAL failure (the operation did not complete).',
    Causes: ['A general failure of the ADAL layer; the actual reason is a sub-error or a server error.'],
    Solutions: ['Look for the sub-error code or the server error code in the authentication logs.'],
    Evidence: [EV.brokerError1098, EV.serverError1081],
  }),
  // Entra join (OOBE) codes of the MDM integration page; our causes and fixes.
  ...MDM_DSREG.map(([value, name, summary, causes, solutions]) => ({
    Family: 'DSREG' as const, Value: value, Name: name, Summary: summary, Causes: causes, Solutions: solutions,
    Evidence: [EV.dsregJoinDiagnostics], DocUrl: 'https://learn.microsoft.com/windows/client-management/azure-active-directory-integration-with-mdm',
    Source: 'mdm-aadj-errors' as const,
  })),
  // Hybrid join through Microsoft Entra Kerberos.
  ...KERBEROS_JOIN.map(([family, value, name, summary, causes, solutions]) => ({
    Family: family, Value: value, Name: name, Summary: summary, Causes: causes, Solutions: solutions,
    Evidence: [EV.dsregJoinDiagnostics], DocUrl: 'https://learn.microsoft.com/entra/identity/devices/how-to-hybrid-join-using-microsoft-entra-kerberos',
    Source: 'entra-kerberos-hybrid-join' as const,
  })),
];

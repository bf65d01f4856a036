import type { CodeEntry, RelatedRef } from '../types.js';
import { EV } from './evidence.js';

/**
 * Step 3 of the PRT troubleshooting checklist, as data. Each entry says what went wrong, what to
 * do, and where the next fact is (events, dsregcmd fields), and which code or catalog comes next.
 * Written in our own words from the checklist's facts.
 */

const PROXY_FIX =
  'If the network needs an outbound proxy, make sure the device\'s computer account can find that proxy and authenticate to it without any prompt.';
const READ_SERVER_ERROR =
  'Read the server\'s answer: event 1081 (AAD/Operational) when Entra ID refused, event 1088 when a WS-Trust federation endpoint refused, or Server Error Code / Server Error Description in dsregcmd; then look up the AADSTS (or MSIS) code it names.';
const FIND_URL = 'Find the URL that failed: the first event 1022 (AAD/Analytic) before the 1081/1088 error.';
const NO_TAMPERING = 'Check that no proxy or inspection device rewrites or strips the server\'s response on its way to the device.';
const NETWORK_TRACE =
  'Capture the failing call: `netsh trace start scenario=InternetClient_dbg capture=yes persistent=yes`, lock the device, wait at least 60 s on hybrid joined devices, unlock, then `netsh trace stop` (do not run Fiddler meanwhile).';

const AADSTS_CATALOG: RelatedRef = {
  Code: 'AADSTS',
  Kind: 'Catalog',
  Why: 'The HTTP 400 from Entra ID carries an AADSTS code in event 1081 (or dsregcmd Server Error Description); it names the real reason.',
};
const ADFS_CATALOG: RelatedRef = {
  Code: 'AD FS',
  Kind: 'Catalog',
  Why: 'For federated users the refusal comes from the WS-Trust endpoint; event 1088 holds its message (MSIS… for AD FS).',
};
const WINHTTP_CATALOG: RelatedRef = {
  Code: 'WinHTTP',
  Kind: 'Catalog',
  Why: 'The network-stack sub-error in event 1084 is usually an ERROR_WINHTTP_* code.',
};
const INVALID_GRANT: RelatedRef = {
  Code: 'invalid_grant',
  Kind: 'Code',
  Why: 'dsregcmd shows this OAuth error string as Server Error Code when Entra ID refuses the credentials.',
};
const BAD_PASSWORD: RelatedRef = {
  Code: 'AADSTS50126',
  Kind: 'Code',
  Why: 'The most frequent server reason behind this status: wrong user name or password (or a password not yet synchronized).',
};
const USER_NOT_FOUND: RelatedRef = {
  Code: 'AADSTS50034',
  Kind: 'Code',
  Why: 'Another frequent server reason: the user does not exist in the tenant.',
};
const DEVICE_AUTH_FAILED: RelatedRef = {
  Code: 'AADSTS50155',
  Kind: 'Code',
  Why: 'Another frequent server reason: the device itself failed to authenticate (deleted or disabled).',
};

const statusGroupLogon = [READ_SERVER_ERROR, FIND_URL, PROXY_FIX];

const WINHTTP_COMMON_CAUSE = 'A general network problem between the device and the endpoint: firewall, proxy, DNS or routing.';
const WINHTTP_FIND_URL = 'Find the URL being called: event 1084 (AAD/Operational) or event 1022 (AAD/Analytic).';
const winhttpRelated = (hresult: string, adal: string): RelatedRef[] => [
  { Code: hresult, Kind: 'Code', Why: 'The same error as an HRESULT (HRESULT_FROM_WIN32), as event 1084 and join diagnostics often print it.' },
  { Code: adal, Kind: 'Code', Why: 'The same network error as the token broker (ADAL) reports it in event 1098.' },
];

export const CHECKLIST: readonly CodeEntry[] = [
  {
    Family: 'NTSTATUS',
    Value: 0xc000006d,
    Name: 'STATUS_LOGON_FAILURE',
    Summary: 'The cloud sign-in (PRT request) failed: the device could not reach Entra ID, or Entra ID or a federation server refused the request.',
    Causes: [
      'The device could not get through to the Entra ID authentication service (no route, or a proxy in the way).',
      'Entra ID answered the token request with HTTP 400 (Bad Request); the reply names the reason as an AADSTS code.',
      'For a federated user, the WS-Trust endpoint (for example AD FS) answered HTTP 400.',
    ],
    Solutions: statusGroupLogon,
    Evidence: [EV.serverError1081, EV.wsTrustError1088, EV.url1022, EV.dsregServerError],
    Related: [AADSTS_CATALOG, BAD_PASSWORD, USER_NOT_FOUND, DEVICE_AUTH_FAILED, ADFS_CATALOG, INVALID_GRANT],
    Source: 'prt-checklist',
  },
  {
    Family: 'NTSTATUS',
    Value: 0xc000006a,
    Name: 'STATUS_WRONG_PASSWORD',
    Summary: 'The cloud sign-in reported a wrong password; in the PRT flow it comes from the same failures as STATUS_LOGON_FAILURE.',
    Causes: [
      'Entra ID or the federation server rejected the credentials with HTTP 400; the AADSTS code in the reply says why (often AADSTS50126).',
      'The device could not reach the Entra ID authentication service.',
      'A WS-Trust endpoint used for federated sign-in answered HTTP 400.',
    ],
    Solutions: [
      'Take the server error from event 1081 (or 1088 for a federation server, or dsregcmd Server Error Description) and follow the AADSTS code it names.',
      'If the password was changed moments ago on a hybrid joined device with password hash sync, wait for the next sync, then lock and unlock.',
      PROXY_FIX,
    ],
    Evidence: [EV.serverError1081, EV.wsTrustError1088, EV.url1022, EV.dsregServerError],
    Related: [BAD_PASSWORD, AADSTS_CATALOG, ADFS_CATALOG, INVALID_GRANT],
    Source: 'prt-checklist',
  },
  {
    Family: 'NTSTATUS',
    Value: 0xc00000d0,
    Name: 'STATUS_REQUEST_NOT_ACCEPTED',
    Summary: 'Entra ID or a WS-Trust federation endpoint turned the PRT request down with HTTP 400.',
    Causes: [
      'Entra ID replied HTTP 400 (Bad Request) to the token request.',
      'The WS-Trust endpoint that federated sign-in depends on replied HTTP 400.',
    ],
    Solutions: [
      'Get the server\'s error code and description (event 1081 for Entra ID, event 1088 for a WS-Trust endpoint) and follow the AADSTS code.',
      'Use the event 1022 just before the 1081/1088 error to learn which URL answered.',
    ],
    Evidence: [EV.serverError1081, EV.wsTrustError1088, EV.url1022, EV.dsregServerError],
    Related: [AADSTS_CATALOG, ADFS_CATALOG, INVALID_GRANT],
    Source: 'prt-checklist',
  },
  {
    Family: 'NTSTATUS',
    Value: 0xc000023c,
    Name: 'STATUS_NETWORK_UNREACHABLE',
    Summary: 'The PRT request failed on the network, or on a 4xx answer from Entra ID or a WS-Trust endpoint.',
    Causes: [
      'The transport reported the remote network as unreachable: no route to an endpoint the sign-in needs.',
      'Entra ID or a WS-Trust endpoint answered with a 4xx HTTP error.',
    ],
    Solutions: [
      'For a connectivity problem: take the URL from event 1022 and the network-stack sub-error from event 1084, then look the sub-error up.',
      'For a server answer: read event 1081 (Entra ID) or 1088 (WS-Trust) and follow the AADSTS code.',
      PROXY_FIX,
    ],
    Evidence: [EV.transport1084, EV.url1022, EV.serverError1081, EV.wsTrustError1088, EV.dsregEndpoint],
    Related: [WINHTTP_CATALOG, AADSTS_CATALOG,
      { Code: '12029', Kind: 'Code', Why: 'Typical sub-error in event 1084 when the endpoint cannot be reached.' }],
    Source: 'prt-checklist',
  },
  {
    Family: 'NTSTATUS',
    Value: 0xc00000be,
    Name: 'STATUS_BAD_NETWORK_PATH',
    Summary: 'The PRT request could not locate its network path, or got a 4xx answer from Entra ID or a WS-Trust endpoint.',
    Causes: [
      'The network path to an endpoint the sign-in needs could not be found (for example the host name does not resolve).',
      'Entra ID or a WS-Trust endpoint answered with a 4xx HTTP error.',
    ],
    Solutions: [
      'Read event 1084 for the network-stack sub-error and event 1022 for the URL; check that the device resolves and reaches that host.',
      'If a server answered, follow the AADSTS code from event 1081 (or the WS-Trust message in event 1088).',
    ],
    Evidence: [EV.transport1084, EV.url1022, EV.serverError1081, EV.wsTrustError1088, EV.dsregEndpoint],
    Related: [WINHTTP_CATALOG, AADSTS_CATALOG,
      { Code: '12007', Kind: 'Code', Why: 'Typical sub-error in event 1084 when the host name does not resolve.' }],
    Source: 'prt-checklist',
  },
  {
    Family: 'NTSTATUS',
    Value: 0xc00000c4,
    Name: 'STATUS_UNEXPECTED_NETWORK_ERROR',
    Summary: 'The PRT request hit an unexpected network error, or a 4xx answer from Entra ID or a WS-Trust endpoint.',
    Causes: [
      'The network stack failed in a way it did not classify further; the real reason is the sub-error in event 1084.',
      'Entra ID or a WS-Trust endpoint answered with a 4xx HTTP error.',
    ],
    Solutions: [
      'Look up the sub-error of event 1084 (WinHTTP catalog) and test the URL from event 1022 from the device.',
      'If a server answered, follow the AADSTS code from event 1081, or the WS-Trust message from event 1088.',
      NETWORK_TRACE,
    ],
    Evidence: [EV.transport1084, EV.url1022, EV.serverError1081, EV.wsTrustError1088, EV.dsregEndpoint],
    Related: [WINHTTP_CATALOG, AADSTS_CATALOG,
      { Code: '12030', Kind: 'Code', Why: 'Typical sub-error in event 1084 when the connection is reset or TLS fails.' }],
    Source: 'prt-checklist',
  },
  {
    Family: 'NTSTATUS',
    Value: 0xc000005f,
    Name: 'STATUS_NO_SUCH_LOGON_SESSION',
    Summary: 'User realm discovery failed: Entra ID did not find the domain of the user\'s UPN.',
    Causes: [
      'The UPN suffix of the user is not a custom domain of the tenant, so realm discovery finds no owner for it.',
      'The on-premises UPN uses a suffix that is not routable on the internet (for example user@contoso.local).',
    ],
    Solutions: [
      'Add the UPN\'s domain to Entra ID as a verified custom domain; event 1144 shows the UPN the device sent.',
      'For a non-routable on-premises domain, configure Alternate Login ID (AltID), after checking the hybrid join prerequisites.',
    ],
    Evidence: [EV.upn1144, EV.dsregUserIdentity],
    Related: [{ Code: 'AAD_CLOUDAP_E_OAUTH_USERNAME_IS_MALFORMED', Kind: 'Code', Why: 'The other UPN problem of the checklist: the UPN is not in internet format.' }],
    Source: 'prt-checklist',
  },
  {
    Family: 'CloudAP plug-in',
    Value: 0xc004844c,
    Name: 'AAD_CLOUDAP_E_OAUTH_USERNAME_IS_MALFORMED',
    Summary: 'The user\'s UPN is not in the format Entra ID expects.',
    Causes: [
      'The UPN is not an internet-style name (name@domain).',
      'On Entra joined devices the UPN is what the user typed at sign-in; on hybrid joined devices it is what the domain controller returned at logon, so either side can supply the bad value.',
    ],
    Solutions: [
      'Give the user an internet-style UPN (RFC 822 form); event 1144 shows the UPN that was used.',
      'On hybrid joined devices, check what the domain controller returns with `whoami /upn`; if Active Directory holds a correct UPN and the error stays, take a time travel trace of lsass.',
      'For a non-routable on-premises domain (such as contoso.local), configure Alternate Login ID.',
    ],
    Evidence: [EV.upn1144, EV.dsregUserIdentity],
    Related: [{ Code: '0xc000005f', Kind: 'Code', Why: 'A UPN whose domain Entra ID cannot find ends in STATUS_NO_SUCH_LOGON_SESSION instead.' }],
    Source: 'prt-checklist',
  },
  {
    Family: 'CloudAP plug-in',
    Value: 0xc0048442,
    Name: 'AAD_CLOUDAP_E_OAUTH_USER_SID_IS_EMPTY',
    Summary: 'The ID token returned by Entra ID carried no user SID.',
    Causes: [
      'The ID token that came back from the Entra ID authentication service lacked the user\'s security identifier (SID).',
      'Something on the path, typically a proxy that rewrites traffic, changed the server\'s response.',
    ],
    Solutions: [NO_TAMPERING, NETWORK_TRACE],
    Evidence: [EV.url1022, EV.serverError1081],
    Related: [{ Code: 'AADSTS', Kind: 'Catalog', Why: 'If Entra ID itself answered with an error, event 1081 gives its AADSTS code.' }],
    Source: 'prt-checklist',
  },
  {
    Family: 'CloudAP plug-in',
    Value: 0xc00484c1,
    Variants: [0x800484c1],
    Name: 'AAD_CLOUDAP_E_WSTRUST_SAML_TOKENS_ARE_EMPTY',
    Summary: 'The federation (WS-Trust) endpoint answered with an error instead of a SAML token.',
    Causes: [
      'The WS-Trust endpoint that federated sign-in relies on (for example AD FS) returned an error and no SAML token.',
      'A proxy between the device and the federation server altered the WS-Trust response.',
    ],
    Solutions: [
      'Read event 1088 (AAD/Operational) for the endpoint\'s error code and description and follow it.',
      'Make sure no network proxy interferes with or rewrites the WS-Trust response.',
    ],
    Evidence: [EV.wsTrustError1088, EV.url1022, EV.transport1084],
    Related: [ADFS_CATALOG, { Code: 'AADSTS', Kind: 'Catalog', Why: 'The federation error may be followed by an Entra ID refusal in event 1081.' }],
    Source: 'prt-checklist',
  },
  {
    Family: 'CloudAP plug-in',
    Value: 0xc004848b,
    Name: 'AAD_CLOUDAP_E_HTTP_PASSWORD_URI_IS_EMPTY',
    Summary: 'The federation server\'s metadata (MEX) lists no endpoint for user name and password sign-in.',
    Causes: [
      'The federation server\'s Metadata Exchange (MEX) configuration is wrong: the MEX reply lists no username/password URL.',
      'A proxy changed the MEX response on its way to the device.',
    ],
    Solutions: [
      'Fix the identity provider\'s MEX configuration so that it publishes valid username/password WS-Trust URLs.',
      NO_TAMPERING,
    ],
    Evidence: [EV.url1022, EV.wsTrustError1088],
    Related: [
      { Code: '0xc004848c', Kind: 'Code', Why: 'The same MEX problem for certificate endpoints.' },
      { Code: 'ERROR_ADAL_COULDNOT_DISCOVER_USERNAME_PASSWORD_ENDPOINT', Kind: 'Code', Why: 'The same missing endpoint as the device registration (join) flow reports it.' },
    ],
    Source: 'prt-checklist',
  },
  {
    Family: 'CloudAP plug-in',
    Value: 0xc004848c,
    Name: 'AAD_CLOUDAP_E_HTTP_CERTIFICATE_URI_IS_EMPTY',
    Summary: 'The federation server\'s metadata (MEX) lists no certificate authentication endpoint.',
    Causes: [
      'The MEX configuration is wrong: the MEX reply lists no certificate endpoint URL.',
      'A proxy changed the MEX response on its way to the device.',
    ],
    Solutions: [
      'Configure the identity provider so that MEX returns valid certificate endpoint URLs.',
      NO_TAMPERING,
    ],
    Evidence: [EV.url1022, EV.wsTrustError1088],
    Related: [{ Code: '0xc004848b', Kind: 'Code', Why: 'The same MEX problem for username/password endpoints.' }],
    Source: 'prt-checklist',
  },
  {
    Family: 'XML',
    Value: 0xc00cee4f,
    Name: 'WC_E_DTDPROHIBITED',
    Summary: 'The WS-Trust endpoint\'s XML reply contained a DTD, which the client refuses to parse.',
    Causes: [
      'The federation endpoint put a Document Type Definition (DTD) in its XML reply; the client rejects DTDs, so the reply cannot be read.',
    ],
    Solutions: [
      'Change the identity provider so that its XML responses carry no DTD.',
      'Find the endpoint that sent it from event 1022 (AAD/Analytic).',
    ],
    Evidence: [EV.url1022, EV.wsTrustError1088],
    Related: [{ Code: 'ERROR_ADAL_FAILED_TO_PARSE_XML', Kind: 'Code', Why: 'The join flow\'s code for a federation reply it cannot parse.' }],
    Source: 'prt-checklist',
  },
  {
    Family: 'AADSTS',
    Value: 50155,
    Name: 'DeviceAuthenticationFailed',
    Summary: 'Entra ID could not authenticate the device, so it issued no PRT.',
    Causes: [
      'Device authentication to Entra ID failed while the PRT was requested.',
      'The device object was deleted or disabled in Entra ID (admin center or PowerShell) while the device still believes it is registered.',
    ],
    Solutions: [
      'Check in the Entra admin center that the device object exists and is enabled.',
      'Register the device again the way its join type requires (Entra joined: leave and rejoin; hybrid joined: `dsregcmd /leave`, then let the automatic registration run again; registered: remove and add the work account).',
    ],
    Evidence: [EV.serverError1081, EV.dsregServerError],
    Related: [
      { Code: '0xc000006d', Kind: 'Code', Why: 'The device-side status that usually carries this server error.' },
      INVALID_GRANT,
    ],
    Source: 'prt-checklist',
  },
  {
    Family: 'AADSTS',
    Value: 50034,
    Name: 'UserAccountNotFound',
    Summary: 'Entra ID found no account for this user in the tenant.',
    Causes: [
      'No account with the UPN that was sent exists in the tenant.',
      'The UPN typed differs from the one in Entra ID, or the on-premises account never synchronized.',
    ],
    Solutions: [
      'Check that the user enters the right UPN; event 1144 (or dsregcmd User Identity) shows the UPN that was sent.',
      'Make sure the on-premises account is in the sync scope and has reached Entra ID.',
    ],
    Evidence: [EV.serverError1081, EV.upn1144, EV.dsregUserIdentity],
    Related: [
      { Code: '0xc000006d', Kind: 'Code', Why: 'The device-side status that usually carries this server error.' },
      INVALID_GRANT,
    ],
    Source: 'prt-checklist',
  },
  {
    Family: 'AADSTS',
    Value: 50126,
    Name: 'InvalidUserNameOrPassword',
    Summary: 'Entra ID rejected the credentials: the user name or password is wrong.',
    Causes: [
      'The user name or password entered at the Windows sign-in screen is wrong.',
      'On a hybrid joined device in a tenant using password hash sync, the user has just changed the password and the new hash has not reached Entra ID yet.',
    ],
    Solutions: [
      'After a password change, wait for Entra ID password sync to finish, then lock and unlock to get a fresh PRT with the new credentials.',
      'Otherwise have the user sign in again with the right credentials.',
    ],
    Evidence: [EV.serverError1081, EV.dsregServerError],
    Related: [
      { Code: '0xc000006d', Kind: 'Code', Why: 'The device-side status (Attempt Status) that usually carries this server error.' },
      INVALID_GRANT,
    ],
    Source: 'prt-checklist',
  },
  {
    Family: 'WinHTTP',
    Value: 12002,
    Name: 'ERROR_WINHTTP_TIMEOUT',
    Summary: 'A network request of the sign-in timed out.',
    Causes: [
      'The request timed out; TCP/IP can time out on its own, whatever timeouts WinHTTP was given.',
      WINHTTP_COMMON_CAUSE,
    ],
    Solutions: [WINHTTP_FIND_URL, PROXY_FIX, NETWORK_TRACE],
    Evidence: [EV.transport1084, EV.url1022],
    Related: winhttpRelated('0x80072ee2', '0xcaa82ee2'),
    Source: 'prt-checklist',
  },
  {
    Family: 'WinHTTP',
    Value: 12007,
    Name: 'ERROR_WINHTTP_NAME_NOT_RESOLVED',
    Summary: 'The server name of a sign-in endpoint could not be resolved.',
    Causes: [
      'DNS gave no address for the host name of the endpoint.',
      WINHTTP_COMMON_CAUSE,
    ],
    Solutions: [
      WINHTTP_FIND_URL,
      'Check that the device resolves that host (for example `Resolve-DnsName login.microsoftonline.com`), in the user\'s and the system context.',
      PROXY_FIX,
      NETWORK_TRACE,
    ],
    Evidence: [EV.transport1084, EV.url1022],
    Related: winhttpRelated('0x80072ee7', '0xcaa82ee7'),
    Source: 'prt-checklist',
  },
  {
    Family: 'WinHTTP',
    Value: 12029,
    Name: 'ERROR_WINHTTP_CANNOT_CONNECT',
    Summary: 'The connection to a sign-in endpoint could not be made.',
    Causes: [
      'Connecting to the server failed (nothing answered on the port, or a firewall dropped it).',
      WINHTTP_COMMON_CAUSE,
    ],
    Solutions: [
      WINHTTP_FIND_URL,
      'Test the connection from the device, for example `Test-NetConnection login.microsoftonline.com -Port 443`.',
      PROXY_FIX,
      NETWORK_TRACE,
    ],
    Evidence: [EV.transport1084, EV.url1022],
    Related: winhttpRelated('0x80072efd', '0xcaa82efd'),
    Source: 'prt-checklist',
  },
  {
    Family: 'WinHTTP',
    Value: 12030,
    Name: 'ERROR_WINHTTP_CONNECTION_ERROR',
    Summary: 'The connection to a sign-in endpoint was reset or closed, or TLS negotiation failed.',
    Causes: [
      'The server (or something in between) reset or terminated the connection, or the SSL/TLS protocol could not be agreed.',
      WINHTTP_COMMON_CAUSE,
    ],
    Solutions: [
      WINHTTP_FIND_URL,
      'Look for a proxy or TLS-inspection device that breaks the connection to the endpoint, and check the TLS versions the device allows.',
      PROXY_FIX,
      NETWORK_TRACE,
    ],
    Evidence: [EV.transport1084, EV.url1022],
    Related: winhttpRelated('0x80072efe', '0xcaa82efe'),
    Source: 'prt-checklist',
  },
];

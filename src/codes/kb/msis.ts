import type { CodeEntry } from '../types.js';
import { EV } from './evidence.js';

/**
 * AD FS (MSIS…) messages. Microsoft publishes no catalog of them; these are the ones found in public
 * AD FS event texts and support articles. They reach the device as the description of event 1088
 * (WS-Trust) or 1081 (OAuth, for the EnterprisePrt), or as dsregcmd Server Error Description.
 */
const ADFS_EVIDENCE = [EV.wsTrustError1088, EV.serverError1081, EV.dsregServerError];
const ADFS_LOG = 'On the AD FS servers, find the matching event (AD FS/Admin, events 364 and 111) by time or activity ID; it carries the full exception.';

export const MSIS: readonly CodeEntry[] = [
  {
    Family: 'AD FS', Value: 7068, Name: null,
    Summary: 'AD FS denied access: its authorization (issuance) rules did not permit the request.',
    Causes: ['The relying party\'s issuance authorization rules, or a client access policy, reject this user or client.'],
    Solutions: ['Review the issuance authorization rules of the relying party trust (for Entra ID: the Microsoft Office 365 Identity Platform trust).', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 3173, Name: null,
    Summary: 'AD FS could not validate the account against Active Directory.',
    Causes: ['The account lookup or bind in Active Directory failed (for example invalid credentials or no reachable domain controller).'],
    Solutions: ['Check the user\'s account in AD and the AD FS servers\' connectivity to domain controllers.', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 38, Name: null,
    Summary: 'The signature of the SAML message is wrong.',
    Causes: ['The signing certificate of the sender does not match what AD FS has for that party.'],
    Solutions: ['Compare the signing certificates of both sides of the trust.', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 7007, Name: null,
    Summary: 'The relying party trust that was asked for is unknown or unsupported.',
    Causes: ['No relying party trust matches the identifier in the request.'],
    Solutions: ['Check the relying party trust identifiers configured in AD FS.', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 7612, Name: null,
    Summary: 'An identifier of the relying party trust being configured is already used by another trust.',
    Causes: ['Relying party identifiers must be unique in AD FS.'],
    Solutions: ['Remove the duplicate identifier from the other relying party trust.'],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 9682, Name: null,
    Summary: 'AD FS got an invalid OAuth JWT bearer request: its signing certificate is not from a registered device with a transport key.',
    Causes: ['The device that asked for the EnterprisePrt is not (or no longer) registered in AD FS, or its keys do not match.'],
    Solutions: ['Check the device\'s registration and device write-back to AD FS; re-register the device if needed.', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 7012, Name: null,
    Summary: 'AD FS failed while processing the request and shows only a generic error page.',
    Causes: ['Any server-side failure of the sign-in (configuration, a claims rule, a certificate, an attribute store); the AD FS event carries the real exception.'],
    Solutions: [ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 7065, Name: null,
    Summary: 'No AD FS protocol handler is registered for the path the request used.',
    Causes: ['The request reached an AD FS path (for example /adfs/ls/ with the wrong parameters) that no enabled protocol serves.'],
    Solutions: ['Check the URL the client used and that the endpoint is enabled in AD FS.', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 5007, Name: null,
    Summary: 'AD FS refused the caller: caller authorization failed for the relying party trust.',
    Causes: ['The caller (a service or proxy acting for the user) is not permitted by the trust\'s delegation or impersonation rules.'],
    Solutions: ['Review the relying party trust\'s authorization rules for the calling identity.', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 5009, Name: null,
    Summary: 'AD FS refused to let the caller act on behalf of the user (impersonation authorization failed).',
    Causes: ['The delegation (ActAs / OnBehalfOf) rules of the relying party trust do not allow this caller.'],
    Solutions: ['Allow the caller in the relying party trust\'s delegation authorization rules if it should act for users.', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 3126, Name: null,
    Summary: 'AD FS denied access to the request.',
    Causes: ['An authorization rule or access control policy rejected the user or the caller.'],
    Solutions: ['Find which rule denies the request in the AD FS event of the same time.', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 3127, Name: null,
    Summary: 'AD FS could not process the request (its XML or parameters were not understood).',
    Causes: ['The request sent to AD FS (often a WS-Trust SOAP message) is malformed or uses an option AD FS does not accept.'],
    Solutions: ['Check what the client sends (endpoint, WS-Trust version, token type).', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 9622, Name: null,
    Summary: 'OAuth client authentication to AD FS failed.',
    Causes: ['The credential the client presented to the AD FS token endpoint (secret, certificate or JWT) is wrong, expired or not registered.'],
    Solutions: ['Check the client\'s credential registered in AD FS (Get-AdfsClient / application group).', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 7000, Name: null,
    Summary: 'The sign-in request does not follow WS-Federation or SAML 2.0 web sign-on as AD FS expects.',
    Causes: ['The request to /adfs/ls/ lacks required parameters or mixes protocols.'],
    Solutions: ['Check the sign-in URL the application or client builds.', ADFS_LOG],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 7042, Name: null,
    Summary: 'AD FS stopped a sign-in loop: the same browser session sent too many requests in a short time.',
    Causes: ['The relying party sends the user straight back to AD FS (loop), for example because it cannot accept the token it got.'],
    Solutions: ['Find why the relying party does not accept the token (its logs); the loop detection settings only hide the symptom.'],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 7093, Name: null,
    Summary: 'The message is not signed with the signature algorithm AD FS expects for this party.',
    Causes: ['The trust is set to SHA-256 and the partner signs with SHA-1 (or the reverse).'],
    Solutions: ['Align the secure hash algorithm of the trust with what the partner uses.'],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  {
    Family: 'AD FS', Value: 7102, Name: null,
    Summary: 'The authentication method the request asked for is not supported or not enabled on AD FS.',
    Causes: ['The request names an authentication method (for example Windows integrated or certificate) that is disabled for this access path.'],
    Solutions: ['Enable the method in the AD FS authentication policy (intranet/extranet), or change what the client requests.'],
    Evidence: ADFS_EVIDENCE, Source: 'adfs-messages',
  },
  // Windows Identity Foundation messages (IDnnnn), as AD FS returns them in WS-Trust SOAP faults.
  {
    Family: 'AD FS', Text: 'ID3242', Name: null,
    Summary: 'AD FS could not authenticate or authorize the security token: for a user, the user name does not exist or the password is wrong.',
    Causes: [
      'In a WS-Trust request with user name and password (federated sign-in, event 1088): wrong password, unknown user, or a locked, disabled or expired account on premises.',
      'In a Kerberos/Windows integrated request: the account or the computer could not be authenticated by AD FS.',
    ],
    Solutions: ['Check the account in Active Directory (locked out, disabled, password expired) and the password the device used.', ADFS_LOG],
    Evidence: [EV.wsTrustError1088, EV.dsregServerError], Related: [{ Code: '0xc000006d', Kind: 'Code', Why: 'The device-side status of a credential failure.' }],
    Source: 'wif-messages',
  },
  {
    Family: 'AD FS', Text: 'ID3082', Name: null,
    Summary: 'The request scope (the relying party named in AppliesTo) is not valid or not supported by AD FS.',
    Causes: ['No relying party trust matches the identifier the client asked a token for (for Entra ID: urn:federation:MicrosoftOnline), or the trust is disabled.'],
    Solutions: ['Check that the Microsoft Office 365 Identity Platform relying party trust exists, is enabled and has the expected identifiers.', ADFS_LOG],
    Evidence: [EV.wsTrustError1088, EV.dsregServerError],
    Source: 'wif-messages',
  },
  {
    Family: 'AD FS', Text: 'ID4037', Name: null,
    Summary: 'The key needed to check a signature could not be found: the signing certificate is not known to the receiver.',
    Causes: ['The token or message was signed with a certificate the receiving party does not trust (certificate renewed on one side only, or revocation check failing).'],
    Solutions: ['Compare the token-signing certificates on both sides of the trust and update the federation metadata.', ADFS_LOG],
    Evidence: [EV.wsTrustError1088],
    Source: 'wif-messages',
  },
  {
    Family: 'AD FS', Text: 'ID1038', Name: null,
    Summary: 'The token\'s audience is not one the receiver accepts (AudienceRestriction not in its AudienceUris).',
    Causes: ['The relying party\'s identifier in AD FS differs from the audience the application expects.'],
    Solutions: ['Make the relying party identifier and the application\'s allowed audience the same.'],
    Evidence: [EV.wsTrustError1088],
    Source: 'wif-messages',
  },
  {
    Family: 'AD FS', Text: 'ID4175', Name: null,
    Summary: 'The issuer of the security token is not one the receiver trusts.',
    Causes: ['The receiver\'s list of trusted issuers (by certificate thumbprint or name) does not include the token\'s issuer.'],
    Solutions: ['Add or update the issuer in the receiver\'s trusted issuers (federation metadata refresh).'],
    Evidence: [EV.wsTrustError1088],
    Source: 'wif-messages',
  },
];

/** MSIS codes are written with four digits (`MSIS0038`). */
export const formatMsis = (n: number): string => `MSIS${String(n).padStart(4, '0')}`;

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
];

/** MSIS codes are written with four digits (`MSIS0038`). */
export const formatMsis = (n: number): string => `MSIS${String(n).padStart(4, '0')}`;

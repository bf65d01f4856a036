/**
 * The fields dsregcmd prints, by the section they belong to. Used to recognise a paste that has
 * no box at all (`DeviceAuthStatus : FAILED…` / `Attempt Status : 0xc000023c`) and to file its
 * lines under the section a complete capture would show them in.
 */
import { normaliseName } from './values.js';

const HOMES: Readonly<Record<string, readonly string[]>> = {
  'Device State': ['AzureAdJoined', 'EnterpriseJoined', 'DomainJoined', 'DomainName', 'Device Name', 'Virtual Desktop'],
  'Device Details': [
    'DeviceId', 'Thumbprint', 'DeviceCertificateValidity', 'KeyContainerId', 'KeyProvider', 'TpmProtected', 'DeviceAuthStatus',
  ],
  'Tenant Details': [
    'TenantName', 'TenantId', 'AuthCodeUrl', 'AccessTokenUrl', 'MdmUrl', 'MdmTouUrl', 'MdmComplianceUrl', 'SettingsUrl',
    'JoinSrvVersion', 'JoinSrvUrl', 'JoinSrvId', 'KeySrvVersion', 'KeySrvUrl', 'KeySrvId', 'WebAuthNSrvVersion', 'WebAuthNSrvUrl',
    'WebAuthNSrvId', 'DeviceManagementSrvVer', 'DeviceManagementSrvUrl', 'DeviceManagementSrvId', 'Idp',
  ],
  'User State': ['NgcSet', 'NgcKeyId', 'CanReset', 'WorkplaceJoined', 'WorkAccountCount', 'WamDefaultSet', 'WamDefaultAuthority', 'WamDefaultId', 'WamDefaultGUID'],
  'SSO State': [
    'AzureAdPrt', 'AzureAdPrtUpdateTime', 'AzureAdPrtExpiryTime', 'AzureAdPrtAuthority', 'EnterprisePrt', 'EnterprisePrtUpdateTime',
    'EnterprisePrtExpiryTime', 'EnterprisePrtAuthority', 'OnPremTgt', 'CloudTgt', 'KerbTopLevelNames',
    'AcquirePrtDiagnostics', 'RefreshPrtDiagnostics', 'Previous Prt Attempt', 'Attempt Status', 'User Identity', 'Credential Type',
    'Correlation ID', 'Endpoint URI', 'HTTP Method', 'HTTP Error', 'HTTP Status',
    'Server Error Code', 'Server Error Description',
  ],
  'Diagnostic Data': [
    'Diagnostics Reference', 'User Context', 'Client Time', 'AD Connectivity Test', 'AD Configuration Test', 'DRS Discovery Test',
    'DRS Connectivity Test', 'Kerberos Ticket Test', 'Token acquisition Test', 'Fallback to Sync-Join', 'Fallback to Fed-Join', 'Previous Registration', 'Registration Type',
    'Error Phase', 'Client ErrorCode', 'Server ErrorCode', 'Server Message', 'Https Status', 'Request Id',
    'AadRecoveryEnabled', 'Executing Account Name', 'KeySignTest', 'DirectoryError',
  ],
  'Ngc Prerequisite Check': [
    'IsDeviceJoined', 'IsUserAzureAD', 'PolicyEnabled', 'PostLogonEnabled', 'DeviceEligible', 'SessionIsNotRemote',
    'CertEnrollment', 'AdfsRefreshToken', 'AdfsRaIsReady', 'LogonCertTemplateReady', 'PreReqResult',
  ],
};

const HOME_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(HOMES).flatMap(([section, names]) => names.map((name) => [normaliseName(name), section] as const)),
);

/** The section dsregcmd prints the field in (`DeviceAuthStatus` → `Device Details`), or null. */
export function homeSectionOf(fieldName: string): string | null {
  return HOME_OF.get(normaliseName(fieldName)) ?? null;
}

/** True for a field name dsregcmd prints, in any case or spacing. */
export const isKnownField = (fieldName: string): boolean => homeSectionOf(fieldName) !== null;

/** Every field name dsregcmd prints, as a regular-expression alternation (any blanks inside a name). */
const FIELD_NAMES = Object.values(HOMES)
  .flat()
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  .join('|');

/**
 * A known field name where a flattened paste ran it into the previous field's value (web pages
 * and forums that fold line breaks: `EnterpriseJoined : NO DeviceId : 5820…`), followed by the
 * right-aligned layout's ` : ` (or `KeySignTest: :`): server text writes `Correlation ID: x`.
 * The colon after the name keeps `AzureAdPrtUpdateTime` from being read as `AzureAdPrt`.
 */
const RUN_IN_FIELD = new RegExp(
  `\\s(?=(?:${FIELD_NAMES})(?:\\s+:(?:\\s|$)|:\\s:))`,
  'gi',
);
/** A known field with its first word of value, anywhere in a line (`I am seeing WamDefaultSet : ERROR under User State`). */
const FIELD_IN_TEXT = new RegExp(
  `(?<![\\w-])(${FIELD_NAMES})\\s*:\\s*([^\\s,;:]+?)(?=[\\s,;]|[.:]?$|[.:]\\s)`,
  'gi',
);

/** The distinct `Name : Value` pairs of known fields that stand inside other text, as written. */
export function fieldsInText(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD_IN_TEXT)].map((m) => `${m[1] ?? ''} : ${m[2] ?? ''}`))];
}

/** The server's own words may name anything (`… Correlation ID: …`): such a line is never unfolded. */
const FREE_TEXT_FIELD = /^[\s>*_`-]*(?:server error description|server message)\s*:/i;
/** A box rule with text before or after it on the same line (`| User State |  +-----+`). */
const RUN_IN_RULE = /\s*(\+-{3,}\+)\s*/g;
const RUN_IN_RULE_TEST = /\S\s*\+-{3,}\+|\+-{3,}\+\s*\S/;

/**
 * One pasted line as the lines dsregcmd printed: a line that holds two or more known fields, or
 * a box rule next to other text, was folded by the place it was copied from. Other lines are
 * returned as they are, so a value or a sentence that mentions one field name is left alone.
 */
export function unfoldLine(line: string): string[] {
  const parts = RUN_IN_RULE_TEST.test(line) ? line.replace(RUN_IN_RULE, '\n$1\n').split('\n') : [line];
  return parts.flatMap((part) => {
    if (FREE_TEXT_FIELD.test(part)) return [part];
    // The leading space lets a field at the start of the line count as one of the two.
    const starts = [...` ${part}`.matchAll(RUN_IN_FIELD)].map((m) => m.index);
    if (starts.length < 2) return [part];
    const pieces = starts.map((at, n) => part.slice(at, starts[n + 1]));
    return [part.slice(0, starts[0]), ...pieces].filter((piece) => piece.trim() !== '');
  });
}

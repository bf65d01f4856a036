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

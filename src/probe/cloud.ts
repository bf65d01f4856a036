import type { DsregReport } from '../dsreg/types.js';
import type { ProbeReport } from './types.js';

export type Cloud = ProbeReport['Cloud'];

/** One URL the probe asks, and what it stands for in the PRT request. */
export interface ProbeTarget {
  Host: string;
  Url: string;
  /** Extra request headers (the DRS discovery wants its client name). */
  Headers: Record<string, string>;
}

interface CloudHosts {
  login: string;
  deviceLogin: string;
  registration: string;
  autologon: string;
}

/**
 * The hosts CloudAP and the device registration client talk to, per cloud. Public: Microsoft's
 * published list. US Government and China (21Vianet): from the national-cloud endpoint tables;
 * the device-login and autologon names there are *unverified* (no public capture seen).
 */
const HOSTS: Record<Exclude<Cloud, 'Unknown'>, CloudHosts> = {
  Public: { login: 'login.microsoftonline.com', deviceLogin: 'device.login.microsoftonline.com', registration: 'enterpriseregistration.windows.net', autologon: 'autologon.microsoftazuread-sso.com' },
  UsGovernment: { login: 'login.microsoftonline.us', deviceLogin: 'device.login.microsoftonline.us', registration: 'enterpriseregistration.microsoftonline.us', autologon: 'autologon.microsoft.us' },
  China: { login: 'login.chinacloudapi.cn', deviceLogin: 'device.login.chinacloudapi.cn', registration: 'enterpriseregistration.partner.microsoftonline.cn', autologon: 'autologon.partner.microsoftonline.cn' },
};

/** The cloud an authority URL (`AzureAdPrtAuthority`, a tenant's instance) belongs to. */
export function cloudOfAuthority(authority: string | null): Cloud {
  if (!authority) return 'Unknown';
  let host: string;
  try {
    host = new URL(authority.trim()).hostname.toLowerCase();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    host = authority.trim().toLowerCase();
  }
  if (/(^|\.)microsoftonline\.us$|(^|\.)login-us\.microsoftonline\.com$/.test(host)) return 'UsGovernment';
  if (/(^|\.)chinacloudapi\.cn$|(^|\.)microsoftonline\.cn$/.test(host)) return 'China';
  if (/(^|\.)microsoftonline\.com$|(^|\.)windows\.net$/.test(host)) return 'Public';
  return 'Unknown';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The endpoints of a cloud (Public when it is unknown: the probe then says which it assumed). */
export function cloudTargets(cloud: Cloud, tenantId: string | null): ProbeTarget[] {
  const hosts = HOSTS[cloud === 'Unknown' ? 'Public' : cloud];
  const tenant = tenantId && GUID.test(tenantId) ? tenantId.toLowerCase() : 'common';
  return [
    { Host: hosts.login, Url: `https://${hosts.login}/${tenant}/v2.0/.well-known/openid-configuration`, Headers: {} },
    { Host: hosts.deviceLogin, Url: `https://${hosts.deviceLogin}/common/oauth2/token`, Headers: {} },
    { Host: hosts.registration, Url: `https://${hosts.registration}/${tenant}/discover?api-version=1.7`, Headers: { 'ocp-adrs-client-name': 'dsreg' } },
    { Host: hosts.autologon, Url: `https://${hosts.autologon}/`, Headers: {} },
  ];
}

/** The realm document for a UPN: api-version 1.0 is the one that names the federation metadata (MEX). */
export function realmUrl(cloud: Cloud, upn: string): string {
  const hosts = HOSTS[cloud === 'Unknown' ? 'Public' : cloud];
  return `https://${hosts.login}/common/userrealm/${encodeURIComponent(upn)}?api-version=1.0`;
}

export const isCloudHost = (host: string) => Object.values(HOSTS).some((hosts) => Object.values(hosts).includes(host.toLowerCase()));

/** What `dsregcmd /status` tells the probe: the tenant, the user and the cloud. */
export interface DeviceIdentity {
  TenantId: string | null;
  UserPrincipalName: string | null;
  Cloud: Cloud;
}

export function identityFromDsreg(report: DsregReport): DeviceIdentity {
  const field = (name: string) => {
    for (const section of report.Sections) {
      const found = section.Fields.find((candidate) => candidate.Name.toLowerCase() === name.toLowerCase());
      if (found && found.Value.trim() !== '' && !/^(UNKNOWN|NO|N\/A)$/i.test(found.Value.trim())) return found.Value.trim();
    }
    return null;
  };
  const tenant = field('TenantId');
  const executing = field('Executing Account Name');
  const upnFromAccount = executing?.includes(',') ? (executing.split(',').pop()?.trim() ?? null) : null;
  const upn = report.Diagnostics.find((block) => block.UserIdentity?.includes('@'))?.UserIdentity ?? (upnFromAccount?.includes('@') ? upnFromAccount : null) ?? field('WorkplaceUserName');
  const authority = field('AzureAdPrtAuthority') ?? field('TenantInstance') ?? field('AuthCodeUrl');
  return { TenantId: tenant && GUID.test(tenant) ? tenant : null, UserPrincipalName: upn, Cloud: cloudOfAuthority(authority) };
}

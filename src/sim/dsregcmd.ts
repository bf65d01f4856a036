import type { ScenarioAttempt, ScenarioDevice } from './scenario.js';

/** The SSO State of the simulated device at one moment (absolute times, simulated clock). */
export interface SimPrtState {
  AzureAdPrt: boolean;
  UpdateTimeMs: number | null;
  LastAttempt: (ScenarioAttempt & { AtMs: number }) | null;
  EnterprisePrtUpdateTimeMs: number | null;
}

const prtLifetimeMs = 14 * 24 * 3_600_000;

/** dsregcmd's own time format: `2026-11-20 09:13:41.127 UTC`. */
export const dsregTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', ' UTC');

const line = (name: string, value: string) => `${name.padStart(26)} : ${value}`.replace(/\s+$/, '');

function section(title: string, lines: (string | null)[]): string[] {
  const rule = `+${'-'.repeat(70)}+`;
  return [rule, `| ${title.padEnd(69)}|`, rule, '', ...lines.filter((l): l is string => l !== null), ''];
}

/**
 * `dsregcmd /status` of the simulated device, laid out like the real tool (boxed sections,
 * right-aligned labels, CRLF): the same parser reads it as a user's capture.
 */
export function renderDsregcmd(device: ScenarioDevice, prt: SimPrtState, nowMs: number): string {
  // A scenario's own lines win over the healthy device's (null: the line is not printed).
  const field = (name: string, value: string): string | null => {
    const own = device.DsregcmdFields?.[name];
    if (own === null) return null;
    return line(name, own ?? value);
  };
  const hybrid = device.JoinType === 'HybridAzureAdJoined';
  const lines: string[] = [''];
  lines.push(
    ...section('Device State', [
      field('AzureAdJoined', 'YES'),
      field('EnterpriseJoined', 'NO'),
      field('DomainJoined', hybrid ? 'YES' : 'NO'),
      ...(hybrid && device.DomainName ? [field('DomainName', device.DomainName)] : []),
      field('Virtual Desktop', 'NOT SET'),
      field('Device Name', device.DeviceName),
    ]),
  );
  lines.push(
    ...section('Device Details', [
      field('DeviceId', device.DeviceId),
      field('Thumbprint', '5C1A7E0B93D24F68A1B0C7D3E9F24A6B8C0D1E2F'),
      field('DeviceCertificateValidity', '[ 2025-03-04 08:12:44.000 UTC -- 2035-03-04 08:42:44.000 UTC ]'),
      field('KeyContainerId', '0b7d54e2-9c31-4f6a-8e20-d1c5a7b39e46'),
      field('KeyProvider', 'Microsoft Platform Crypto Provider'),
      field('TpmProtected', 'YES'),
      field('DeviceAuthStatus', 'SUCCESS'),
    ]),
  );
  lines.push(
    ...section('Tenant Details', [
      field('TenantName', device.TenantName),
      field('TenantId', device.TenantId),
      field('AuthCodeUrl', `https://login.microsoftonline.com/${device.TenantId}/oauth2/authorize`),
      field('AccessTokenUrl', `https://login.microsoftonline.com/${device.TenantId}/oauth2/token`),
      field('MdmUrl', 'https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc'),
      field('JoinSrvVersion', '2.0'),
      field('JoinSrvUrl', 'https://enterpriseregistration.windows.net/EnrollmentServer/device/'),
      field('JoinSrvId', 'urn:ms-drs:enterpriseregistration.windows.net'),
    ]),
  );
  lines.push(
    ...section('User State', [
      field('NgcSet', 'NO'),
      field('WorkplaceJoined', 'NO'),
      field('WamDefaultSet', 'YES'),
      field('WamDefaultAuthority', 'organizations'),
      field('WamDefaultId', 'https://login.microsoft.com'),
      field('WamDefaultGUID', '{B16898C6-A148-4967-9171-64D755DA8520} (AzureAd)'),
    ]),
  );
  const authority = `https://login.microsoftonline.com/${device.TenantId}`;
  const sso: (string | null)[] = [field('AzureAdPrt', prt.AzureAdPrt ? 'YES' : 'NO')];
  if (prt.AzureAdPrt && prt.UpdateTimeMs !== null) {
    sso.push(field('AzureAdPrtUpdateTime', dsregTime(prt.UpdateTimeMs)));
    sso.push(field('AzureAdPrtExpiryTime', dsregTime(prt.UpdateTimeMs + prtLifetimeMs - 1000)));
  }
  sso.push(field('AzureAdPrtAuthority', authority));
  const attempt = prt.LastAttempt;
  if (attempt) {
    sso.push(
      field(attempt.Kind === 'Acquire' ? 'AcquirePrtDiagnostics' : 'RefreshPrtDiagnostics', 'PRESENT'),
      field('Previous Prt Attempt', dsregTime(attempt.AtMs)),
      field('Attempt Status', attempt.AttemptStatus.toLowerCase()),
      field('User Identity', device.UserPrincipalName),
      field('Credential Type', attempt.CredentialType),
      field('Correlation ID', attempt.CorrelationId),
      field('Endpoint URI', attempt.EndpointUri),
      field('HTTP Method', attempt.HttpMethod),
      field('HTTP Error', attempt.HttpError),
      field('HTTP status', String(attempt.HttpStatus)),
      field('Server Error Code', attempt.ServerErrorCode),
      field('Server Error Description', attempt.ServerErrorDescription),
    );
  }
  if (device.FederationAuthority && prt.EnterprisePrtUpdateTimeMs !== null) {
    sso.push(
      field('EnterprisePrt', 'YES'),
      field('EnterprisePrtUpdateTime', dsregTime(prt.EnterprisePrtUpdateTimeMs)),
      field('EnterprisePrtExpiryTime', dsregTime(prt.EnterprisePrtUpdateTimeMs + prtLifetimeMs - 1000)),
      field('EnterprisePrtAuthority', device.FederationAuthority),
    );
  } else {
    sso.push(field('EnterprisePrt', 'NO'), field('EnterprisePrtAuthority', ''));
  }
  lines.push(...section('SSO State', sso));
  const preJoin = device.PreJoinDiagnostics?.map(([name, value]) => line(name, value.replace('{now}', dsregTime(nowMs))));
  lines.push(
    ...section('Diagnostic Data', preJoin ?? [
      field('AadRecoveryEnabled', 'NO'),
      field('Executing Account Name', `${device.AccountName}, ${device.UserPrincipalName}`),
      field('KeySignTest', 'PASSED'),
      field('Client Time', dsregTime(nowMs)),
    ]),
  );
  lines.push(...section('WinHttp Default Proxy Config', [field('Access Type', 'DIRECT')]));
  lines.push('For more information, please visit https://www.microsoft.com/aadjerrors', '');
  return lines.join('\r\n');
}

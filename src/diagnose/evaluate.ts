import { fieldValue, findField, findFieldInReport, findSection, meaningfulValue, parseDsregTime, parseUrl, parseYesNo } from '../dsreg/values.js';
import type { DsregReport, DsregSection, PrtDiagnostics } from '../dsreg/types.js';
import { serverMessage } from './server-text.js';
import { findingCatalog, type FindingId } from './findings.js';
import type { Finding, Health, JoinType, PrtStatus, StatusSource, WorkAccount } from './status-types.js';
import { isFailureStatus } from '../util/status-code.js';

/** The PRT is renewed every 4 hours at sign-in and unlock; older means renewal is failing. */
export const staleAfterHours = 4;

export interface EvaluateOptions {
  /** `--now`: fixes the instant every time rule is judged against. */
  now?: Date;
  /** The wall clock, used when neither `--now` nor the capture's own Client Time is known. */
  systemNow: Date;
  source: StatusSource;
}

const hoursBetween = (from: string, to: Date) => Math.round(((to.getTime() - Date.parse(from)) / 3_600_000) * 10) / 10;

function joinTypeOf(azureAdJoined: boolean | null, domainJoined: boolean | null, workplaceJoined: boolean | null, workAccounts: number): JoinType {
  if (azureAdJoined) return domainJoined ? 'HybridAzureAdJoined' : 'AzureAdJoined';
  if (workplaceJoined || workAccounts > 0) return 'AzureAdRegistered';
  if (domainJoined) return 'DomainJoined';
  return 'NotJoined';
}

function workAccountOf(section: DsregSection): WorkAccount {
  return {
    WorkplaceTenantId: fieldValue(section, 'WorkplaceTenantId'),
    WorkplaceTenantName: fieldValue(section, 'WorkplaceTenantName'),
    WorkplaceDeviceId: fieldValue(section, 'WorkplaceDeviceId'),
    WorkplaceThumbprint: fieldValue(section, 'WorkplaceThumbprint'),
    WorkplaceIdp: fieldValue(section, 'WorkplaceIdp'),
  };
}

const finding = (id: FindingId, message: string): Finding => ({ Id: id, Severity: findingCatalog[id].Severity, Message: message, NextStep: findingCatalog[id].NextStep });

function describeFailedAttempt(diagnostics: PrtDiagnostics): string {
  const prt = diagnostics.Prt === 'AzureAd' ? 'Azure AD PRT' : 'Enterprise PRT';
  const what = diagnostics.Kind === 'Acquire' ? 'acquire' : 'refresh';
  const when = diagnostics.PreviousPrtAttempt ? ` at ${diagnostics.PreviousPrtAttempt}` : '';
  const server = [diagnostics.ServerErrorCode, serverMessage(diagnostics.ServerErrorDescription)].filter(Boolean).join(': ');
  return `The last attempt to ${what} the ${prt}${when} failed with ${diagnostics.AttemptStatus}${server ? ` (server said ${server})` : ''}.`;
}

/** The pre-join tests and the last registration's error, when dsregcmd printed them. */
function describeJoinFailure(diagnosticData: DsregSection | undefined): string {
  if (!diagnosticData) return '';
  const failedTests = diagnosticData.Fields.filter((field) => / Test$/i.test(field.Name) && /^FAIL/i.test(field.Value)).map((field) => `${field.Name} ${field.Value}`);
  const phase = fieldValue(diagnosticData, 'Error Phase');
  const clientError = fieldValue(diagnosticData, 'Client ErrorCode');
  const parts = [...failedTests, phase ? `the last registration failed in phase "${phase}"${clientError ? ` with ${clientError}` : ''}` : null].filter(Boolean);
  return parts.length > 0 ? ` ${parts.join('; ')}.` : '';
}


/** Turns a parsed capture and a clock into the status an admin reads first. Pure. */
export function evaluateStatus(report: DsregReport, options: EvaluateOptions): PrtStatus {
  const deviceState = findSection(report, 'Device State');
  const deviceDetails = findSection(report, 'Device Details');
  const tenantDetails = findSection(report, 'Tenant Details');
  const userState = findSection(report, 'User State');
  const sso = findSection(report, 'SSO State');
  const diagnosticData = findSection(report, 'Diagnostic Data');

  const captureTime = parseDsregTime(fieldValue(diagnosticData, 'Client Time') ?? '');
  const [now, clockSource]: [Date, PrtStatus['ClockSource']] = options.now
    ? [options.now, 'Now']
    : captureTime && options.source.Kind !== 'Live' && options.source.Kind !== 'Simulated'
      ? [new Date(captureTime), 'CaptureClientTime']
      : [options.systemNow, 'SystemClock'];

  // Early Windows 10 builds print most fields under Device State and the PRT under User State:
  // prefer the section today's dsregcmd uses, then take the field wherever it stands.
  const lookup = (section: DsregSection | undefined, name: string) => meaningfulValue((findField(section, name) ?? findFieldInReport(report, name))?.Value);
  const yesNo = (section: DsregSection | undefined, name: string) => parseYesNo(lookup(section, name));
  const time = (name: string) => parseDsregTime(lookup(sso, name));
  const azureAdJoined = yesNo(deviceState, 'AzureAdJoined');
  const domainJoined = yesNo(deviceState, 'DomainJoined');
  const workplaceJoined = yesNo(userState, 'WorkplaceJoined');
  const joinType = joinTypeOf(azureAdJoined, domainJoined, workplaceJoined, report.WorkAccounts.length);

  const prtLine = findField(sso, 'AzureAdPrt') ?? findFieldInReport(report, 'AzureAdPrt');
  const azureAdPrt = parseYesNo(prtLine?.Value) === true;
  const updateTime = time('AzureAdPrtUpdateTime');
  const expiryTime = time('AzureAdPrtExpiryTime');
  const enterprisePrtLine = findField(sso, 'EnterprisePrt') ?? findFieldInReport(report, 'EnterprisePrt');
  const prtAgeHours = updateTime ? hoursBetween(updateTime, now) : null;

  const findings: Finding[] = [];
  let health: Health;
  if (joinType === 'NotJoined') findings.push(finding('NotJoined', 'The device is joined neither to Entra ID nor to a domain, so it has no device PRT.'));
  if (joinType === 'DomainJoined') {
    const domain = lookup(deviceState, 'DomainName');
    findings.push(finding('DomainJoinedOnly', `The device is joined to ${domain ? `the domain ${domain}` : 'a domain'} but not to Entra ID: hybrid join has not completed, so there is no PRT.${describeJoinFailure(diagnosticData)}`));
  }
  if (joinType === 'AzureAdRegistered') findings.push(finding('RegisteredOnly', 'The device is only registered (a work account was added); registered devices have no device PRT.'));
  const deviceAuth = lookup(deviceDetails, 'DeviceAuthStatus');
  if (deviceAuth && /^FAIL/i.test(deviceAuth)) findings.push(finding('DeviceAuthFailed', `Entra ID does not accept this device: DeviceAuthStatus is "${deviceAuth}".`));

  if (!prtLine && azureAdJoined) {
    health = 'NotApplicable';
    findings.push(finding('NoUserContext', 'The capture has no SSO State section: dsregcmd ran without a signed-in user, so it cannot say anything about the PRT.'));
  } else if (!azureAdJoined && !azureAdPrt) {
    health = 'NotApplicable';
  } else if (!azureAdPrt) {
    health = 'Missing';
    findings.push(finding('PrtMissing', 'There is no Azure AD PRT: single sign-on to Entra ID resources will not work and the user will see sign-in prompts.'));
  } else if (expiryTime && Date.parse(expiryTime) <= now.getTime()) {
    health = 'Expired';
    findings.push(finding('PrtExpired', `The Azure AD PRT expired at ${expiryTime}; it was last renewed at ${updateTime ?? 'an unknown time'}.`));
  } else if (prtAgeHours !== null && prtAgeHours > staleAfterHours) {
    health = 'Stale';
    findings.push(finding('PrtStale', `The Azure AD PRT was last renewed ${prtAgeHours} hours ago (at ${updateTime}); it should be renewed at least every ${staleAfterHours} hours.`));
  } else {
    health = 'Healthy';
  }
  for (const block of report.Diagnostics) {
    if (isFailureStatus(block.AttemptStatus)) findings.push(finding('LastAttemptFailed', describeFailedAttempt(block)));
  }

  return {
    DeviceName: lookup(deviceState, 'Device Name'),
    DeviceId: lookup(deviceDetails, 'DeviceId'),
    TenantId: lookup(tenantDetails, 'TenantId'),
    TenantName: lookup(tenantDetails, 'TenantName'),
    DomainName: lookup(deviceState, 'DomainName'),
    JoinType: joinType,
    AzureAdJoined: azureAdJoined,
    EnterpriseJoined: yesNo(deviceState, 'EnterpriseJoined'),
    DomainJoined: domainJoined,
    WorkplaceJoined: workplaceJoined,
    Health: health,
    AzureAdPrt: azureAdPrt,
    AzureAdPrtUpdateTime: updateTime,
    AzureAdPrtExpiryTime: expiryTime,
    AzureAdPrtAuthority: parseUrl(lookup(sso, 'AzureAdPrtAuthority')),
    EnterprisePrt: enterprisePrtLine ? parseYesNo(enterprisePrtLine.Value) === true : null,
    EnterprisePrtUpdateTime: time('EnterprisePrtUpdateTime'),
    EnterprisePrtExpiryTime: time('EnterprisePrtExpiryTime'),
    EnterprisePrtAuthority: parseUrl(lookup(sso, 'EnterprisePrtAuthority')),
    PrtAgeHours: prtAgeHours,
    EvaluatedAt: now.toISOString(),
    ClockSource: clockSource,
    CaptureTime: captureTime,
    Diagnostics: report.Diagnostics,
    Findings: findings,
    WorkAccounts: report.WorkAccounts.map(workAccountOf),
    Sections: report.Sections,
    Source: options.source,
  };
}

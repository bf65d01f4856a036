import { dataValue, findField, findFieldInReport, findSection, isRedacted, meaningfulValue, normaliseName, parseDsregTime, parseUrl, parseYesNo } from '../dsreg/values.js';
import type { DsregField, DsregReport, DsregSection, PrtDiagnostics } from '../dsreg/types.js';
import { serverMessage } from './server-text.js';
import { findingCatalog, type FindingId } from './findings.js';
import { decodeAll, deviceAuthCode, hasPreJoinDiagnostics, readJoinDiagnostics, wamDefaultSetCode, type CodeDecoder } from './join-diagnostics.js';
import type { DecodedCode, Finding, Health, JoinDiagnostics, JoinType, JoinTypeEvidence, PrtStatus, StatusSource, WorkAccount } from './status-types.js';
import { isFailureStatus } from '../util/status-code.js';

/** The PRT is renewed every 4 hours at sign-in and unlock; older means renewal is failing. */
export const staleAfterHours = 4;

/** The boxes a whole capture of a joined device shows; the judgement rests on the first and the fifth. */
export const CORE_BOXES = ['Device State', 'Device Details', 'Tenant Details', 'User State', 'SSO State', 'Diagnostic Data'] as const;

export interface EvaluateOptions {
  /** `--now`: fixes the instant every time rule is judged against. */
  now?: Date;
  /** The wall clock, used when neither `--now` nor the capture's own Client Time is known. */
  systemNow: Date;
  source: StatusSource;
  /** Decodes the codes of join failures and DeviceAuthStatus; without it they are listed undecoded. */
  decode?: CodeDecoder;
}

const hoursBetween = (from: string, to: Date) => Math.round(((to.getTime() - Date.parse(from)) / 3_600_000) * 10) / 10;

function workAccountOf(section: DsregSection): WorkAccount {
  const value = (name: string) => dataValue(findField(section, name)?.Value);
  return {
    WorkplaceTenantId: value('WorkplaceTenantId'),
    WorkplaceTenantName: value('WorkplaceTenantName'),
    WorkplaceDeviceId: value('WorkplaceDeviceId'),
    WorkplaceThumbprint: value('WorkplaceThumbprint'),
    WorkplaceIdp: value('WorkplaceIdp'),
  };
}

const finding = (id: FindingId, message: string, nextStep: string = findingCatalog[id].NextStep): Finding => ({ Id: id, Title: findingCatalog[id].Title, Severity: findingCatalog[id].Severity, Message: message, NextStep: nextStep });

/** Attempts of the Enterprise PRT go to AD FS (`/adfs/oauth2/token`, MSIS codes), not to Entra ID. */
export const isAdfsAttempt = (d: PrtDiagnostics) => d.Prt === 'Enterprise' || /\/adfs\//i.test(d.EndpointUri ?? '') || /\bMSIS\d+/i.test(d.ServerErrorDescription ?? '');

function describeFailedAttempt(diagnostics: PrtDiagnostics): string {
  const prt = diagnostics.Prt === 'AzureAd' ? 'Azure AD PRT' : 'Enterprise PRT (AD FS)';
  const what = diagnostics.Kind === 'Acquire' ? 'acquire' : diagnostics.Kind === 'Refresh' ? 'refresh' : 'get';
  const when = diagnostics.PreviousPrtAttempt ? ` at ${diagnostics.PreviousPrtAttempt}` : '';
  const server = [diagnostics.ServerErrorCode, serverMessage(diagnostics.ServerErrorDescription)].filter(Boolean).join(': ');
  const who = isAdfsAttempt(diagnostics) ? 'AD FS' : 'the server';
  const network = diagnostics.HttpError && isFailureStatus(diagnostics.HttpError) ? `; the network error was ${diagnostics.HttpError}` : '';
  return `The last attempt to ${what} the ${prt}${when} failed with ${diagnostics.AttemptStatus ?? 'an unknown status'}${server ? ` (${who} said ${server})` : ''}${network}.`;
}

/** HRESULT_FROM_WIN32(ERROR_NO_SUCH_LOGON_SESSION): what WAM answers without the user's logon session. */
const NO_SUCH_LOGON_SESSION = '0x80070520';

/** One code in a sentence; `looked` says whether the knowledge base was asked (else nothing is claimed about it). */
const describeCode = (c: DecodedCode, looked: boolean) =>
  `${c.Code}${c.Name && c.Name !== c.Code ? ` (${c.Name})` : ''} from ${c.Where}${c.Summary ? `: ${c.Summary.replace(/\.$/, '')}` : looked && !c.Known ? ': not in the knowledge base' : ''}${c.Fix ? `. Fix: ${c.Fix.replace(/\.$/, '')}` : ''}.`;

function describeJoinFailure(join: JoinDiagnostics, looked: boolean): string {
  const failedTests = join.Tests.filter((t) => /^FAIL/i.test(t.Result)).map((t) => `${t.Name} ${t.Result}${t.Codes.length ? ` [${t.Codes.join('/')}]` : ''}`);
  const parts = [
    join.ErrorPhase ? `the last registration${join.RegistrationType ? ` (${join.RegistrationType} join)` : ''}${join.PreviousRegistration ? ` at ${join.PreviousRegistration}` : ''} failed in phase "${join.ErrorPhase}"` : null,
    ...failedTests,
    join.ClientErrorCode ? `Client ErrorCode ${join.ClientErrorCode}` : null,
    join.ServerErrorCode ? `Server ErrorCode ${join.ServerErrorCode}${join.ServerMessage ? ` ("${join.ServerMessage}")` : ''}` : join.ServerMessage ? `Server Message "${join.ServerMessage}"` : null,
    join.HttpsStatus !== null ? `HTTPS status ${join.HttpsStatus}` : null,
    join.KeySignTest && /^FAIL/i.test(join.KeySignTest) ? `KeySignTest ${join.KeySignTest} (the device key cannot sign: the join is broken on this device)` : null,
  ].filter(Boolean);
  const codes = join.Codes.map((c) => describeCode(c, looked)).join(' ');
  return `Joining the device to Entra ID failed: ${parts.join('; ')}.${codes ? ` ${codes}` : ''}`;
}

interface JoinJudgement {
  JoinType: JoinType;
  Evidence: JoinTypeEvidence;
  /** The lines the inference rests on (for the JoinTypeInferred finding). */
  Because: string[];
  /** Lines that show the device is joined to Entra ID even though the type stays unknown. */
  EntraEvidence: string[];
  /** True when the capture shows the device is not joined to Entra ID (so it has no device PRT). */
  NotEntraJoined: boolean;
}

/** Device State first; without it, only what other lines prove (DESIGN: "not shown" is never "no"). */
function judgeJoin(report: DsregReport, yesNo: (name: string) => boolean | null, workAccounts: number): JoinJudgement {
  const azureAdJoined = yesNo('AzureAdJoined');
  const domainJoined = yesNo('DomainJoined');
  const workplaceJoined = yesNo('WorkplaceJoined');
  const shown = (type: JoinType): JoinJudgement => ({ JoinType: type, Evidence: 'DeviceState', Because: [], EntraEvidence: [], NotEntraJoined: !['AzureAdJoined', 'HybridAzureAdJoined'].includes(type) });
  if (azureAdJoined === true && domainJoined !== null) return shown(domainJoined ? 'HybridAzureAdJoined' : 'AzureAdJoined');
  if (azureAdJoined === false) {
    // A domain joined device can also have a work account registered: it is still domain joined.
    if (domainJoined === true) return shown('DomainJoined');
    if (workplaceJoined === true || workAccounts > 0) return shown('AzureAdRegistered');
    if (domainJoined === false) return shown('NotJoined');
  }

  const entra: string[] = [];
  const domain: string[] = [];
  const notEntra: string[] = [];
  // AzureAdJoined : YES without its DomainJoined line (a line quoted in prose, a cut box): joined to
  // Entra ID for certain, hybrid or not only by what else the capture shows.
  if (azureAdJoined === true) entra.push('AzureAdJoined : YES');
  if (domainJoined === true) domain.push('DomainJoined : YES');
  if (yesNo('AzureAdPrt') === true) entra.push('AzureAdPrt : YES');
  const isDeviceJoined = yesNo('IsDeviceJoined');
  if (isDeviceJoined === true) entra.push('IsDeviceJoined : YES');
  if (isDeviceJoined === false) notEntra.push('IsDeviceJoined : NO');
  const details = findFieldInReport(report, 'DeviceId') ?? findFieldInReport(report, 'DeviceAuthStatus');
  if (details) entra.push(`${details.Name} in Device Details`);
  const postJoin = findFieldInReport(report, 'KeySignTest') ?? findFieldInReport(report, 'AadRecoveryEnabled');
  if (postJoin) entra.push(`post-join diagnostics (${postJoin.Name})`);
  if (yesNo('EnterprisePrt') === true) domain.push('EnterprisePrt : YES');
  const enterpriseAuthority = meaningfulValue(findFieldInReport(report, 'EnterprisePrtAuthority')?.Value);
  if (enterpriseAuthority && !/^NO$/i.test(enterpriseAuthority)) domain.push('an EnterprisePrtAuthority (AD FS)');
  if (yesNo('OnPremTgt') === true) domain.push('OnPremTgt : YES');
  if (hasPreJoinDiagnostics(report)) {
    // dsregcmd prints the pre-join tests only on a domain joined device that is not (yet) hybrid joined.
    domain.push('pre-join diagnostics');
    notEntra.push('pre-join diagnostics');
  }
  const inferred = (type: JoinType, because: string[]): JoinJudgement => ({ JoinType: type, Evidence: 'Inferred', Because: [...new Set(because)], EntraEvidence: entra, NotEntraJoined: notEntra.length > 0 && entra.length === 0 });
  if (entra.length > 0 && domain.length > 0 && notEntra.length === 0) return inferred('HybridAzureAdJoined', [...entra, ...domain]);
  if (domain.length > 0 && notEntra.length > 0 && entra.length === 0) return inferred('DomainJoined', [...domain, ...notEntra]);
  // Joined to one side, the other not shown: the evidence is real, the kind stays open.
  if (entra.length > 0 || domain.length > 0) return inferred('Unknown', [...entra, ...domain, ...notEntra]);
  return { JoinType: 'Unknown', Evidence: 'None', Because: notEntra, EntraEvidence: entra, NotEntraJoined: notEntra.length > 0 };
}

interface TimeReading {
  Name: string;
  Field: DsregField | undefined;
  Iso: string | null;
}

const describeRaw = (t: TimeReading) => (t.Field === undefined ? `${t.Name} is not in the capture` : t.Field.Value.trim() === '' ? `${t.Name} is empty` : `${t.Name} reads "${t.Field.Value.trim()}"`);

/** What each prerequisite of the Ngc Prerequisite Check means when it is NO. */
const HELLO_PREREQUISITES: readonly (readonly [field: string, whenNo: string])[] = [
  ['IsDeviceJoined', 'the device is not joined to Entra ID'],
  ['IsUserAzureAD', 'the user is not an Entra ID user'],
  ['PolicyEnabled', 'no policy turns Windows Hello for Business on'],
  ['PostLogonEnabled', 'Windows does not start the enrolment after sign-in'],
  ['DeviceEligible', 'the device does not meet the hardware requirements'],
  ['SessionIsNotRemote', 'the user is signed in remotely'],
  ['AdfsRefreshToken', 'no Enterprise PRT from AD FS, which certificate trust needs'],
  ['AdfsRaIsReady', 'AD FS does not offer itself as the registration authority for Hello certificates'],
  ['LogonCertTemplateReady', 'the logon certificate template is not ready'],
];

/** The Ngc Prerequisite Check: null when PreReqResult is not shown. */
function helloPrerequisites(section: DsregSection | undefined): { result: string; willProvision: boolean | null; missing: string[]; checkError: string | null } | null {
  const result = meaningfulValue(findField(section, 'PreReqResult')?.Value);
  if (result === null) return null;
  const willProvision = /^WillNotProvision\b/i.test(result) ? false : /^WillProvision\b/i.test(result) ? true : null;
  const missing = HELLO_PREREQUISITES.filter(([field]) => parseYesNo(dataValue(findField(section, field)?.Value)) === false).map(([field, whenNo]) => `${field} NO (${whenNo})`);
  const check = meaningfulValue(findField(section, 'NgcPreReq')?.Value);
  return { result, willProvision, missing, checkError: check !== null && /^ERROR\b/i.test(check) ? check : null };
}

/**
 * `PC1\Admin` run on PC1: a local account (its domain is the computer's own name, and no UPN
 * follows, as it does for `AzureAD\User, user@contoso.com` or `CONTOSO\user, user@contoso.com`).
 */
function isLocalAccount(executingAccount: string | null, deviceName: string | null): boolean {
  const account = executingAccount === null ? null : /^([^\s\\,]+)\\[^\s\\,]+\s*$/.exec(executingAccount);
  const computer = deviceName?.split('.')[0];
  return account?.[1] !== undefined && computer !== undefined && computer !== '' && account[1].toLowerCase() === computer.toLowerCase();
}

/** Turns a parsed capture and a clock into the status an admin reads first. Pure. */
export function evaluateStatus(report: DsregReport, options: EvaluateOptions): PrtStatus {
  const deviceState = findSection(report, 'Device State');
  const deviceDetails = findSection(report, 'Device Details');
  const tenantDetails = findSection(report, 'Tenant Details');
  const userState = findSection(report, 'User State');
  const sso = findSection(report, 'SSO State');
  const diagnosticData = findSection(report, 'Diagnostic Data');

  // Early Windows 10 builds print most fields under Device State and the PRT under User State:
  // prefer the section today's dsregcmd uses, then take the field wherever it stands.
  const fieldOf = (section: DsregSection | undefined, name: string) => findField(section, name) ?? findFieldInReport(report, name);
  const lookup = (section: DsregSection | undefined, name: string) => dataValue(fieldOf(section, name)?.Value);
  const yesNo = (name: string) => parseYesNo(lookup(undefined, name));

  const captureTime = parseDsregTime(lookup(diagnosticData, 'Client Time'));
  const [now, clockSource]: [Date, PrtStatus['ClockSource']] = options.now
    ? [options.now, 'Now']
    : captureTime && options.source.Kind !== 'Live' && options.source.Kind !== 'Simulated'
      ? [new Date(captureTime), 'CaptureClientTime']
      : [options.systemNow, 'SystemClock'];

  const findings: Finding[] = [];
  const join = judgeJoin(report, yesNo, report.WorkAccounts.length);
  const joinType = join.JoinType;
  if (join.Evidence === 'Inferred') {
    const what =
      joinType !== 'Unknown'
        ? `${joinType} is inferred from ${join.Because.join(', ')}`
        : join.EntraEvidence.length > 0
          ? `${join.Because.join(', ')} show${join.Because.length === 1 ? 's' : ''} the device is joined to Entra ID, but not whether it is also joined to a domain`
          : `${join.Because.join(', ')} show${join.Because.length === 1 ? 's' : ''} the device is joined to an on-premises domain, but not whether it is also joined to Entra ID`;
    const unshown = ['AzureAdJoined', 'DomainJoined'].filter((name) => yesNo(name) === null);
    findings.push(finding('JoinTypeInferred', `The capture does not show the Device State ${unshown.length === 1 ? 'line' : 'lines'} (${unshown.join(', ')}); ${what}.`));
  }
  if (joinType === 'NotJoined') findings.push(finding('NotJoined', 'The Device State box says the device is joined neither to Entra ID nor to a domain, so it has no device PRT.'));
  if (joinType === 'DomainJoined') {
    const domain = lookup(deviceState, 'DomainName');
    const registered = yesNo('WorkplaceJoined') === true ? ' A work account is registered on it (WorkplaceJoined : YES): that gives apps tokens through the account, not a device PRT.' : '';
    findings.push(finding('DomainJoinedOnly', `The device is joined to ${domain ? `the domain ${domain}` : 'a domain'} but not to Entra ID: hybrid join has not completed, so there is no PRT.${registered}`));
  }
  if (joinType === 'AzureAdRegistered') findings.push(finding('RegisteredOnly', 'The device is only registered (a work account was added); registered devices have no device PRT.'));

  const joinDiagnostics = readJoinDiagnostics(report);
  if (joinDiagnostics?.Failed) {
    decodeAll(joinDiagnostics.Codes, options.decode);
    findings.push(finding('JoinFailed', describeJoinFailure(joinDiagnostics, options.decode !== undefined)));
  }

  const deviceAuth = lookup(deviceDetails, 'DeviceAuthStatus');
  if (deviceAuth && /^FAIL/i.test(deviceAuth)) {
    const code = deviceAuthCode(deviceAuth);
    const decoded = code === null ? null : decodeAll([{ Code: code, Where: 'DeviceAuthStatus', Known: false, Name: null, Summary: null, Fix: null }], options.decode)[0] ?? null;
    // A code (`FAILED. Error: 0xd000023c`) says why the device could not authenticate: its fix
    // comes first; without one dsregcmd means the device object is disabled or deleted.
    const nextStep = decoded?.Fix ? `${decoded.Fix.replace(/\.$/, '')}. \`prt explain ${decoded.Code}\` gives the details; if the code is not the cause, check the device object in the Entra admin center.` : undefined;
    findings.push(finding('DeviceAuthFailed', `The device could not authenticate to Entra ID: DeviceAuthStatus is "${deviceAuth}".${decoded ? ` ${describeCode(decoded, options.decode !== undefined)}` : ''}`, nextStep));
  }

  const wamDefaultSet = dataValue(findFieldInReport(report, 'WamDefaultSet')?.Value);
  if (wamDefaultSet && /^ERROR/i.test(wamDefaultSet)) {
    const code = wamDefaultSetCode(wamDefaultSet);
    const decoded = code === null ? null : decodeAll([{ Code: code, Where: 'WamDefaultSet', Known: false, Name: null, Summary: null, Fix: null }], options.decode)[0] ?? null;
    // Outside the user's own desktop logon WAM has no session to work in, and says so this way.
    const sessionCaveat = code === null || code === NO_SUCH_LOGON_SESSION ? ' dsregcmd run outside the user\'s own desktop session (remote PowerShell, WinRM, runas, a scheduled task) always shows this; only a capture from that session shows a real WAM fault.' : '';
    findings.push(finding('WamDefaultSetError', `Web Account Manager could not set the user's default work account: WamDefaultSet is "${wamDefaultSet}".${decoded ? ` ${describeCode(decoded, options.decode !== undefined)}` : ''}${sessionCaveat}`));
  }

  // The user context: dsregcmd run as SYSTEM (or by a user with no session) shows no SSO State.
  const userContext = joinDiagnostics?.UserContext ?? lookup(diagnosticData, 'User Context');
  const executingAccount = lookup(diagnosticData, 'Executing Account Name');
  const ranHere = options.source.Kind === 'Live' || options.source.Kind === 'Simulated';
  // SYSTEM shows as itself or, in Executing Account Name, as the computer's account (`CONTOSO\PC1$`).
  const systemAccount = executingAccount !== null && (/^(NT AUTHORITY\\)?SYSTEM\b/i.test(executingAccount) || /^[^\s\\,]+\\[^\s\\,]+\$(?=[\s,]|$)/.test(executingAccount));
  const systemContext = userContext !== null && /SYSTEM/i.test(userContext);
  const localAccount = isLocalAccount(executingAccount, lookup(deviceState, 'Device Name'));
  const noUserShown = systemContext || systemAccount || localAccount || (userState !== undefined && userState.Fields.length === 0);
  const noUserContext = () =>
    localAccount && !systemContext && !systemAccount
      ? finding('NoUserContext', `dsregcmd ran as a local account of this computer (Executing Account Name : ${executingAccount ?? ''}), which never holds an Entra PRT, so the capture cannot say anything about an Entra user's PRT.`)
      : finding('NoUserContext', `dsregcmd ran without a signed-in user (${systemContext ? 'User Context : SYSTEM' : systemAccount ? `Executing Account Name : ${executingAccount}` : 'the User State box is empty'}), so the capture cannot say anything about the user's PRT.`);

  const prtLine = fieldOf(sso, 'AzureAdPrt');
  const azureAdPrt = prtLine === undefined ? null : parseYesNo(dataValue(prtLine.Value));
  const readTime = (name: string): TimeReading => {
    const field = fieldOf(sso, name);
    return { Name: name, Field: field, Iso: parseDsregTime(dataValue(field?.Value)) };
  };
  const update = readTime('AzureAdPrtUpdateTime');
  const expiry = readTime('AzureAdPrtExpiryTime');
  let prtAgeHours: number | null = null;
  let health: Health;
  let prtNotShown = false;
  if (azureAdPrt === false) {
    if (join.NotEntraJoined) {
      health = 'NotApplicable';
    } else if (noUserShown) {
      // SYSTEM (an Intune or ConfigMgr script, psexec -s) never holds a user's PRT: its NO says nothing.
      health = 'Unknown';
      findings.push(noUserContext());
    } else {
      health = 'Missing';
      findings.push(finding('PrtMissing', 'There is no Azure AD PRT: single sign-on to Entra ID resources will not work and the user will see sign-in prompts.'));
    }
  } else if (azureAdPrt === null) {
    health = join.NotEntraJoined ? 'NotApplicable' : 'Unknown';
    if (noUserShown) {
      findings.push(noUserContext());
    } else if (ranHere && !sso) {
      // Our own run of dsregcmd is whole: no SSO State there means no user session, not a cut paste.
      findings.push(finding('NoUserContext', 'dsregcmd printed no SSO State here: it ran outside a signed-in user\'s session (as SYSTEM, a service or over remoting), so it cannot say anything about the user\'s PRT.'));
    } else if (!join.NotEntraJoined) {
      prtNotShown = true;
    }
  } else {
    const unreadable = [update, expiry].filter((t) => t.Iso === null);
    const inconsistent: string[] = [];
    if (update.Iso && expiry.Iso && Date.parse(expiry.Iso) <= Date.parse(update.Iso)) inconsistent.push(`the expiry time ${expiry.Iso} is not after the update time ${update.Iso}`);
    if (update.Iso && captureTime && Date.parse(update.Iso) > Date.parse(captureTime)) inconsistent.push(`the update time ${update.Iso} is later than the capture's own clock (Client Time ${captureTime})`);
    else if (update.Iso && Date.parse(update.Iso) > now.getTime()) inconsistent.push(`the update time ${update.Iso} is later than the instant judged against (${now.toISOString()}, ${clockSource === 'Now' ? 'from --now' : "this computer's clock"})`);
    if (unreadable.length > 0) {
      findings.push(finding('PrtTimesUnreadable', `The PRT exists but its times cannot be read: ${unreadable.map(describeRaw).join('; ')}.`));
    }
    if (inconsistent.length > 0) {
      health = 'Unknown';
      findings.push(finding('PrtTimesInconsistent', `The PRT times of this capture cannot be trusted: ${inconsistent.join('; ')}. Freshness and expiry were not judged.`));
    } else {
      prtAgeHours = update.Iso ? hoursBetween(update.Iso, now) : null;
      if (expiry.Iso && Date.parse(expiry.Iso) <= now.getTime()) {
        health = 'Expired';
        findings.push(finding('PrtExpired', `The Azure AD PRT expired at ${expiry.Iso}; it was last renewed at ${update.Iso ?? 'an unknown time'}.`));
      } else if (prtAgeHours !== null && prtAgeHours > staleAfterHours) {
        health = 'Stale';
        findings.push(finding('PrtStale', `The Azure AD PRT was last renewed ${prtAgeHours} hours ago (at ${update.Iso ?? 'an unknown time'}); it should be renewed at least every ${staleAfterHours} hours.`));
      } else if (unreadable.length === 0) {
        health = 'Healthy';
      } else {
        health = 'Unknown';
      }
    }
  }

  for (const block of report.Diagnostics) {
    if (isFailureStatus(block.AttemptStatus)) findings.push(finding('LastAttemptFailed', describeFailedAttempt(block)));
  }

  const enterprisePrtLine = fieldOf(sso, 'EnterprisePrt');
  const enterprisePrt = enterprisePrtLine ? parseYesNo(dataValue(enterprisePrtLine.Value)) : null;
  const enterpriseAuthorityRaw = meaningfulValue(fieldOf(sso, 'EnterprisePrtAuthority')?.Value);
  if (enterprisePrt === false && enterpriseAuthorityRaw !== null && !/^NO$/i.test(enterpriseAuthorityRaw)) {
    findings.push(finding('EnterprisePrtMissing', `There is no Enterprise PRT although the device has an AD FS authority (${enterpriseAuthorityRaw}): AD FS resources will prompt, and Windows Hello for Business certificate trust cannot get its certificate.`));
  }

  const hello = helloPrerequisites(findSection(report, 'Ngc Prerequisite Check'));
  // On a device not joined to Entra ID, that is the finding; Hello follows from it.
  if (hello?.willProvision === false && !join.NotEntraJoined) {
    const why = hello.missing.length > 0 ? `: ${hello.missing.join('; ')}`
      : hello.checkError !== null ? `: the check itself failed (NgcPreReq ${hello.checkError}), so it does not know its prerequisites`
        : ', and no prerequisite it shows is NO';
    findings.push(finding('HelloWillNotProvision', `Windows Hello for Business will not provision (PreReqResult ${hello.result})${why}.`));
  }

  // What the capture shows and what it does not.
  const present = [...new Set(report.Sections.filter((s) => s.Name !== '').map((s) => s.Name))];
  const presentKeys = new Set(present.map(normaliseName));
  const missing = CORE_BOXES.filter((box) => !presentKeys.has(normaliseName(box)));
  const notJudged: string[] = [];
  const loose = new Set((report.LooseSections ?? []).map(normaliseName));
  if (prtNotShown) {
    notJudged.push(!sso ? 'the Azure AD PRT (no SSO State box)' : loose.has('sso state') ? 'the Azure AD PRT (the pasted SSO State lines have no AzureAdPrt line)' : 'the Azure AD PRT (the SSO State box is cut before its AzureAdPrt line)');
  }
  if (join.Evidence !== 'DeviceState') {
    const noBox = deviceState && !loose.has('device state') ? 'the Device State box is cut' : 'no Device State box';
    notJudged.push(joinType !== 'Unknown' ? 'the join type as Device State would state it (inferred instead: see JoinTypeInferred)' : join.Evidence === 'Inferred' ? `the kind of join (${noBox}; see JoinTypeInferred)` : `the join type (${noBox})`);
  }
  // Partial: the box the join rests on is not shown, or the PRT line is not (on a device that may have a PRT).
  if (notJudged.length > 0) {
    const judged = [
      health !== 'Unknown' && health !== 'NotApplicable' ? 'the Azure AD PRT' : null,
      joinType !== 'Unknown' ? 'the join type' : join.Evidence === 'Inferred' ? 'that the device is joined (JoinTypeInferred)' : null,
      enterprisePrt !== null ? 'the Enterprise PRT' : null,
      hello !== null ? 'the Windows Hello prerequisites' : null,
      joinDiagnostics ? 'the join diagnostics' : null,
      deviceAuth ? 'device authentication (DeviceAuthStatus)' : null,
      report.Diagnostics.length > 0 ? 'the last PRT attempt' : null,
    ].filter((x): x is string => x !== null);
    if (!deviceDetails && !deviceAuth && !join.NotEntraJoined) notJudged.push('whether Entra ID accepts the device (DeviceAuthStatus, in Device Details)');
    if (!captureTime && !options.now) notJudged.push('when the capture was taken (Client Time, in Diagnostic Data)');
    const named = present.map((name) => (loose.has(normaliseName(name)) ? `${name} (loose lines, no box)` : name));
    const shows = present.length > 0 ? `shows ${named.join(', ')}` : 'has loose lines but no box';
    findings.unshift(finding('PartialCapture', `Partial capture: it ${shows}${missing.length ? `; missing ${missing.join(', ')}` : ''}. Judged: ${judged.length ? judged.join(', ') : 'nothing'}. Not judged: ${notJudged.join('; ')}.`));
  }

  if (report.Runs) {
    const { Count, Kept, By } = report.Runs;
    const which = By === 'ClientTime' ? `run ${Kept}, the latest by its Client Time` : Kept === Count ? 'the last one in the text' : `run ${Kept}`;
    findings.push(finding('SeveralCaptures', `The text holds ${Count} runs of dsregcmd /status (a section repeats, as in "before" and "after" pastes): judged ${which}; the others are not judged.`));
  }
  const redacted = [...new Set(report.Sections.flatMap((s) => s.Fields.filter((f) => isRedacted(f.Value)).map((f) => f.Name)))];
  if (redacted.length > 0) {
    findings.push(finding('RedactedCapture', `Some values were redacted before the capture was shared and are not judged: ${redacted.join(', ')}.`));
  }

  return {
    DeviceName: lookup(deviceState, 'Device Name'),
    DeviceId: lookup(deviceDetails, 'DeviceId'),
    TenantId: lookup(tenantDetails, 'TenantId'),
    TenantName: lookup(tenantDetails, 'TenantName'),
    DomainName: lookup(deviceState, 'DomainName'),
    JoinType: joinType,
    JoinTypeEvidence: join.Evidence,
    AzureAdJoined: yesNo('AzureAdJoined'),
    EnterpriseJoined: yesNo('EnterpriseJoined'),
    DomainJoined: yesNo('DomainJoined'),
    WorkplaceJoined: parseYesNo(lookup(userState, 'WorkplaceJoined')),
    Health: health,
    AzureAdPrt: azureAdPrt,
    AzureAdPrtUpdateTime: update.Iso,
    AzureAdPrtExpiryTime: expiry.Iso,
    AzureAdPrtAuthority: parseUrl(lookup(sso, 'AzureAdPrtAuthority')),
    EnterprisePrt: enterprisePrt,
    EnterprisePrtUpdateTime: parseDsregTime(lookup(sso, 'EnterprisePrtUpdateTime')),
    EnterprisePrtExpiryTime: parseDsregTime(lookup(sso, 'EnterprisePrtExpiryTime')),
    EnterprisePrtAuthority: parseUrl(lookup(sso, 'EnterprisePrtAuthority')),
    PrtAgeHours: prtAgeHours,
    EvaluatedAt: now.toISOString(),
    ClockSource: clockSource,
    CaptureTime: captureTime,
    Diagnostics: report.Diagnostics,
    JoinDiagnostics: joinDiagnostics,
    Findings: findings,
    WorkAccounts: report.WorkAccounts.map(workAccountOf),
    Sections: report.Sections,
    Source: options.source,
  };
}

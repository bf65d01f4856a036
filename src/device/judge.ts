import { decodeCode, isExplainError } from '../codes/index.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import { findField, meaningfulValue, parseYesNo } from '../dsreg/values.js';
import type { DeviceFacts, Fact } from './facts.js';
import { isTpmClearEvent, tpmEventLimit, tpmEventWindowDays } from './tpm-events.js';
import type { DeviceCheck, DeviceCheckArea, DeviceCheckResult } from './types.js';

/** A device certificate that ends within this many days warns. */
export const certificateWarningDays = 30;
const dayMs = 86_400_000;
/** Without a PRT, a password changed within a PRT's lifetime is a suspect. */
const recentPasswordDays = 14;
const issuerName = 'MS-Organization-Access';
/** The key storage provider that keeps keys in the TPM. */
const tpmProvider = /platform crypto provider/i;
/** Suffixes that no public DNS routes: Entra ID cannot own them, so the user cannot sign in with them. */
const unroutableSuffix = /\.(local|lan|internal|intranet|corp|localdomain|home|private)$/i;
/** schtasks' last results that are not failures: ran fine, running, never ran yet. */
const taskResultsFine = new Set(['0x0', '0x41301', '0x41303', '0x41325']);

type Evidence = DeviceCheck['Evidence'];

const check = (Area: DeviceCheckArea, Id: string, Result: DeviceCheckResult, Summary: string, Evidence: Evidence = {}, NextStep: string | null = null, Reason: string | null = null): DeviceCheck => ({
  Id, Area, Result, Summary, Evidence, NextStep, Reason,
});

const unknown = (Area: DeviceCheckArea, Id: string, what: string, reason: string): DeviceCheck => check(Area, Id, 'Unknown', `${what}: not judged (${reason}).`, {}, null, reason);

/** A dsregcmd field from any box of the status, as printed (null when not shown or UNKNOWN). */
function dsreg(status: PrtStatus | null, name: string): string | null {
  if (!status) return null;
  for (const section of status.Sections) {
    const field = findField(section, name);
    if (field) return meaningfulValue(field.Value);
  }
  return null;
}

const noStatus = 'dsregcmd /status was not read';
/** A partial capture (no Device State box): whether hybrid join applies is not known. */
const domainJoinNotShown = 'dsregcmd does not show whether the device is domain joined';

function decoded(code: string): string {
  const result = decodeCode(code);
  return isExplainError(result) || !result.Name ? code : `${code} ${result.Name}`;
}

const cn = (subject: string) => /(?:^|[,/]\s*)CN=([^,]+)/i.exec(subject)?.[1]?.trim() ?? null;
const sameId = (a: string | null, b: string | null) => a !== null && b !== null && a.replace(/[{}\s]/g, '').toLowerCase() === b.replace(/[{}\s]/g, '').toLowerCase();
const sameThumbprint = (a: string | null, b: string | null) => a !== null && b !== null && a.replace(/\s/g, '').toUpperCase() === b.replace(/\s/g, '').toUpperCase();

function certificateChecks(facts: DeviceFacts, status: PrtStatus | null, now: Date): DeviceCheck[] {
  const area = 'Certificate';
  const ids = ['DeviceCertMissing', 'DeviceCertSubjectMismatch', 'DeviceCertThumbprintMismatch', 'DeviceCertExpired', 'DeviceCertNoPrivateKey', 'DeviceCertProviderMismatch'];
  const unreadable = facts.Certificates.Reason;
  if (unreadable !== null) return ids.map((id) => unknown(area, id, 'The device certificate', `LocalMachine\\My could not be read: ${unreadable}`));
  if (status && status.AzureAdJoined === false) return ids.map((id) => check(area, id, 'NotApplicable', 'The device is not Entra joined: it has no device certificate to check.'));
  const deviceId = status?.DeviceId ?? null;
  const thumbprint = dsreg(status, 'Thumbprint');
  const candidates = facts.Certificates.Value.filter((c) => c.Issuer.includes(issuerName));
  const cert = candidates.find((c) => sameThumbprint(c.Thumbprint, thumbprint)) ?? candidates.find((c) => sameId(cn(c.Subject), deviceId)) ?? candidates[0];
  if (!cert) {
    const missing = check(area, 'DeviceCertMissing', 'Fail', `No certificate issued by ${issuerName} is in LocalMachine\\My: the device cannot prove itself to Entra ID.`, { CertificatesInStore: facts.Certificates.Value.length }, 'Re-register the device (hybrid: `dsregcmd /leave`, restart; Entra join: leave and join again).');
    return [missing, ...ids.slice(1).map((id) => unknown(area, id, 'The device certificate', 'no device certificate was found'))];
  }
  const evidence: Evidence = { Thumbprint: cert.Thumbprint, Subject: cert.Subject, Issuer: cert.Issuer, NotAfter: cert.NotAfter, Provider: cert.Provider };
  const checks = [check(area, 'DeviceCertMissing', 'Pass', `The device certificate from ${issuerName} is in LocalMachine\\My.`, evidence)];

  const subjectId = cn(cert.Subject);
  if (!status) checks.push(unknown(area, 'DeviceCertSubjectMismatch', 'The certificate subject', noStatus));
  else if (!deviceId) checks.push(unknown(area, 'DeviceCertSubjectMismatch', 'The certificate subject', 'dsregcmd shows no DeviceId'));
  else if (sameId(subjectId, deviceId)) checks.push(check(area, 'DeviceCertSubjectMismatch', 'Pass', 'The certificate subject is the DeviceId dsregcmd shows.', { SubjectCN: subjectId, DeviceId: deviceId }));
  else checks.push(check(area, 'DeviceCertSubjectMismatch', 'Fail', `The certificate names device ${subjectId ?? '(no CN)'}, but dsregcmd shows ${deviceId}: a leftover of an older registration.`, { SubjectCN: subjectId, DeviceId: deviceId }, 'Leave and join again so the certificate and the device object match.'));

  if (!status) checks.push(unknown(area, 'DeviceCertThumbprintMismatch', 'The certificate thumbprint', noStatus));
  else if (!thumbprint) checks.push(unknown(area, 'DeviceCertThumbprintMismatch', 'The certificate thumbprint', 'dsregcmd shows no Thumbprint'));
  else if (sameThumbprint(cert.Thumbprint, thumbprint)) checks.push(check(area, 'DeviceCertThumbprintMismatch', 'Pass', 'The certificate is the one dsregcmd uses (same thumbprint).', { Thumbprint: thumbprint }));
  else checks.push(check(area, 'DeviceCertThumbprintMismatch', 'Fail', `dsregcmd uses certificate ${thumbprint}, which is not in LocalMachine\\My (found ${cert.Thumbprint}).`, { Dsregcmd: thumbprint, Store: cert.Thumbprint }, 'Re-register the device: the registration points to a certificate that is gone.'));

  const end = cert.NotAfter ? Date.parse(cert.NotAfter) : NaN;
  const start = cert.NotBefore ? Date.parse(cert.NotBefore) : NaN;
  if (Number.isNaN(end)) checks.push(unknown(area, 'DeviceCertExpired', 'The certificate validity', 'the store listing shows no readable NotAfter'));
  else if (end <= now.getTime()) checks.push(check(area, 'DeviceCertExpired', 'Fail', `The device certificate expired on ${cert.NotAfter ?? 'an unreadable date'}.`, { NotAfter: cert.NotAfter }, 'Re-register the device to get a new certificate (hybrid: `dsregcmd /leave`, restart; Entra join: leave and join again).'));
  else if (!Number.isNaN(start) && start > now.getTime()) checks.push(check(area, 'DeviceCertExpired', 'Fail', `The device certificate is not valid before ${cert.NotBefore ?? 'an unreadable date'}: the clock or the certificate is wrong.`, { NotBefore: cert.NotBefore }, 'Check the device clock (`w32tm /query /status`).'));
  else {
    const days = Math.floor((end - now.getTime()) / dayMs);
    if (days < certificateWarningDays) checks.push(check(area, 'DeviceCertExpired', 'Warn', `The device certificate ends in ${days} days (${cert.NotAfter ?? 'date unreadable'}).`, { NotAfter: cert.NotAfter, DaysLeft: days }, 'Plan a re-registration before it ends; Windows does not renew this certificate by itself.'));
    else checks.push(check(area, 'DeviceCertExpired', 'Pass', `The device certificate is valid until ${cert.NotAfter ?? 'an unreadable date'} (${days} days).`, { NotAfter: cert.NotAfter, DaysLeft: days }));
  }

  if (cert.HasPrivateKey === null) checks.push(unknown(area, 'DeviceCertNoPrivateKey', 'The private key', 'the store listing does not say whether the key is there'));
  else if (cert.HasPrivateKey) checks.push(check(area, 'DeviceCertNoPrivateKey', 'Pass', 'The certificate has its private key.', { Provider: cert.Provider }));
  else checks.push(check(area, 'DeviceCertNoPrivateKey', 'Fail', 'The certificate has lost its private key: the device cannot sign its requests.', { Thumbprint: cert.Thumbprint }, 'Re-register the device; if the key was in a TPM that was cleared, check the TPM first.'));

  const tpmProtected = parseYesNo(dsreg(status, 'TpmProtected'));
  if (!cert.Provider) checks.push(unknown(area, 'DeviceCertProviderMismatch', 'The key provider', 'the store listing shows no provider'));
  else if (tpmProtected === null) checks.push(unknown(area, 'DeviceCertProviderMismatch', 'The key provider', status ? 'dsregcmd shows no TpmProtected' : noStatus));
  else if (tpmProvider.test(cert.Provider) === tpmProtected) checks.push(check(area, 'DeviceCertProviderMismatch', 'Pass', `The key is in ${cert.Provider}, as dsregcmd's TpmProtected ${tpmProtected ? 'YES' : 'NO'} says.`, { Provider: cert.Provider, TpmProtected: tpmProtected }));
  else checks.push(check(area, 'DeviceCertProviderMismatch', 'Fail', `The key is in ${cert.Provider}, but dsregcmd says TpmProtected ${tpmProtected ? 'YES' : 'NO'}.`, { Provider: cert.Provider, TpmProtected: tpmProtected }, 'Re-register the device so the key and the registration agree.'));
  return checks;
}

function tpmChecks(facts: DeviceFacts, status: PrtStatus | null): DeviceCheck[] {
  const area = 'Tpm';
  const checks: DeviceCheck[] = [];
  const keySign = dsreg(status, 'KeySignTest');
  if (!status) checks.push(unknown(area, 'KeySignTestFailed', 'dsregcmd KeySignTest', noStatus));
  else if (!keySign) checks.push(unknown(area, 'KeySignTestFailed', 'dsregcmd KeySignTest', 'dsregcmd shows no KeySignTest'));
  else if (/^PASS/i.test(keySign)) checks.push(check(area, 'KeySignTestFailed', 'Pass', 'dsregcmd KeySignTest passed: the device key signs.', { KeySignTest: keySign }));
  else if (/^FAIL/i.test(keySign)) checks.push(check(area, 'KeySignTestFailed', 'Fail', `dsregcmd KeySignTest: ${keySign}.`, { KeySignTest: keySign }, 'Check the TPM; if it was cleared or reset, re-register the device.'));
  else checks.push(unknown(area, 'KeySignTestFailed', 'dsregcmd KeySignTest', `it says "${keySign}" (run elevated to test)`));

  const ids = ['TpmMissing', 'TpmNotReady', 'TpmLockedOut'];
  if (facts.Tpm.Reason !== null) return [...checks, ...ids.map((id) => unknown(area, id, 'The TPM', facts.Tpm.Reason ?? ''))];
  const tpm = facts.Tpm.Value;
  const tpmProtected = parseYesNo(dsreg(status, 'TpmProtected'));
  const evidence: Evidence = { Present: tpm.Present, Ready: tpm.Ready, Enabled: tpm.Enabled, Owned: tpm.Owned, LockedOut: tpm.LockedOut, LockoutCount: tpm.LockoutCount, ManufacturerVersion: tpm.ManufacturerVersion };
  if (!tpm.Present) {
    const vanished = 'Check the firmware settings (TPM enabled); a TPM that vanished means the keys are gone: re-register.';
    if (tpmProtected) checks.push(check(area, 'TpmMissing', 'Fail', 'No TPM is visible, but dsregcmd says the device keys are in one.', evidence, vanished));
    else if (tpmProtected === false) checks.push(check(area, 'TpmMissing', 'Warn', 'No TPM: the device keys are kept in software.', evidence, 'Nothing to fix for the PRT; a TPM protects the keys better.'));
    // Not shown is not "in software": the keys may have been in a TPM that is gone.
    else checks.push(check(area, 'TpmMissing', 'Warn', `No TPM is visible, and ${status ? 'dsregcmd shows no TpmProtected' : 'dsregcmd was not read'}: the device keys are in software, or in a TPM that is gone.`, evidence, `Run \`dsregcmd /status\` and read TpmProtected: YES means the keys are lost with the TPM. ${vanished}`));
    return [...checks, ...ids.slice(1).map((id) => check(area, id, 'NotApplicable', 'No TPM to judge.'))];
  }
  checks.push(check(area, 'TpmMissing', 'Pass', 'A TPM is present.', evidence));
  const notReady = [tpm.Ready === false ? 'not ready' : null, tpm.Enabled === false ? 'disabled' : null, tpm.Owned === false ? 'not owned' : null, tpm.ClearNeeded ? 'asks to be cleared' : null].filter((x): x is string => x !== null);
  if (notReady.length > 0) checks.push(check(area, 'TpmNotReady', 'Fail', `The TPM is ${notReady.join(', ')}.`, evidence, 'Open tpm.msc (or `Get-Tpm`) and prepare the TPM; after a clear, re-register the device.'));
  else if (tpm.Ready === null && tpm.Enabled === null) checks.push(unknown(area, 'TpmNotReady', 'TPM readiness', 'the TPM query does not say whether it is ready'));
  else checks.push(check(area, 'TpmNotReady', 'Pass', 'The TPM is ready.', evidence));
  if (tpm.LockedOut === null) checks.push(unknown(area, 'TpmLockedOut', 'TPM lockout', 'the TPM query does not show the lockout state'));
  else if (tpm.LockedOut) checks.push(check(area, 'TpmLockedOut', 'Fail', `The TPM is in dictionary-attack lockout${tpm.LockoutCount !== null ? ` (counter ${tpm.LockoutCount})` : ''}: it refuses to use its keys (${decoded('0x80280921')}).`, evidence, 'Wait for the lockout to decay or reset it with the owner authorization (tpm.msc, `Get-Tpm`), then lock and unlock.'));
  else checks.push(check(area, 'TpmLockedOut', 'Pass', `The TPM is not locked out${tpm.LockoutCount !== null ? ` (counter ${tpm.LockoutCount})` : ''}.`, evidence));
  return checks;
}

/** TPM errors of the System log: Fail when the TPM was cleared or a code is a TPM one, else Warn; none is a Pass. */
function tpmEventCheck(facts: DeviceFacts): DeviceCheck {
  const area = 'Tpm';
  const id = 'TpmErrorsLogged';
  const window = `the last ${String(tpmEventWindowDays)} days`;
  if (facts.TpmEvents.Reason !== null) return unknown(area, id, `TPM errors in the System log of ${window}`, facts.TpmEvents.Reason);
  const events = facts.TpmEvents.Value;
  if (events.length === 0) return check(area, id, 'Pass', `No TPM error in the System log of ${window}.`, { Count: 0 });
  const codes = [...new Set(events.flatMap((event) => event.Codes))];
  const cleared = events.some(isTpmClearEvent);
  const tpmCode = codes.some((code) => {
    const result = decodeCode(code);
    return !isExplainError(result) && result.Family === 'TPM';
  });
  const perSource = new Map<string, number>();
  for (const event of events) {
    const key = `${String(event.EventId)} ${event.Provider}`;
    perSource.set(key, (perSource.get(key) ?? 0) + 1);
  }
  const newest = events.map((event) => event.TimeCreated).filter((time): time is string => time !== null).sort().at(-1) ?? null;
  const count = events.length >= tpmEventLimit ? `${String(events.length)} or more` : String(events.length);
  const evidence: Evidence = {
    Count: events.length,
    Newest: newest,
    Events: [...perSource].map(([key, n]) => (n > 1 ? `${key} x${String(n)}` : key)).join(', '),
    Codes: codes.map(decoded).join(', ') || null,
    Cleared: cleared,
  };
  const summary = `${count} TPM event${events.length === 1 ? '' : 's'} in the System log of ${window}${newest ? ` (newest ${newest})` : ''}${cleared ? ': the TPM was cleared' : ''}${codes.length > 0 ? `${cleared ? ';' : ':'} ${codes.map(decoded).join(', ')}` : ''}.`;
  if (cleared) return check(area, id, 'Fail', summary, evidence, 'A cleared TPM has lost the device keys: re-register the device (hybrid: `dsregcmd /leave`, restart; Entra join: leave and join again).');
  return check(area, id, tpmCode ? 'Fail' : 'Warn', summary, evidence, 'Explain each code with `prt explain <code>`; check the TPM in tpm.msc or with `Get-Tpm`, and ask the manufacturer for a firmware update if the errors repeat.');
}

/** The computer object's userCertificate (hybrid sync join): Entra Connect syncs a Windows 10+ computer only with the certificate hybrid join wrote there. */
function computerCertificateCheck(facts: DeviceFacts, status: PrtStatus | null): DeviceCheck {
  const area = 'Scp';
  const id = 'ComputerCertificateMissing';
  const what = 'The userCertificate of the computer object';
  if (!status) return unknown(area, id, what, noStatus);
  if (status.DomainJoined === null) return unknown(area, id, what, domainJoinNotShown);
  if (!status.DomainJoined) return check(area, id, 'NotApplicable', 'The device is not domain joined: there is no computer object for hybrid join to write to.');
  if (facts.ComputerObject.Reason !== null) return unknown(area, id, what, facts.ComputerObject.Reason);
  const computer = facts.ComputerObject.Value;
  const readable = computer.Certificates.filter((certificate) => certificate.Error === null);
  const deviceId = status.DeviceId;
  const matching = readable.find((certificate) => certificate.Subject !== null && (sameId(cn(certificate.Subject), deviceId) || sameId(cn(certificate.Subject), computer.ObjectGuid)));
  const evidence: Evidence = {
    SamAccountName: computer.SamAccountName,
    ObjectGuid: computer.ObjectGuid,
    DeviceId: deviceId,
    Count: computer.Certificates.length,
    Thumbprints: readable.map((certificate) => certificate.Thumbprint ?? '').join(', ') || null,
    Unreadable: computer.Certificates.length - readable.length,
    MatchingSubject: matching?.Subject ?? null,
  };
  const next = 'Run the Automatic-Device-Join task (or `dsregcmd /join` as SYSTEM) while a domain controller answers, check that the computer account may write its own userCertificate, then wait for the next Entra Connect sync.';
  if (computer.Certificates.length === 0) {
    const registered = status.AzureAdJoined === true ? ', and a registered device without it may be removed by the next sync' : '';
    return check(area, id, 'Fail', `The computer object ${computer.SamAccountName} has no userCertificate: hybrid join has not written its certificate there, so Entra Connect does not sync this device${registered}.`, evidence, next);
  }
  const name = deviceId ?? computer.ObjectGuid ?? 'this device';
  if (!matching) return check(area, id, 'Warn', `The computer object ${computer.SamAccountName} holds ${String(computer.Certificates.length)} userCertificate value(s), but none is named after ${name}: hybrid join's own certificate is not among them.`, evidence, next);
  return check(area, id, 'Pass', `The computer object ${computer.SamAccountName} holds hybrid join's certificate (${matching.Subject ?? ''}) among ${String(computer.Certificates.length)} userCertificate value(s).`, evidence);
}

function scpChecks(facts: DeviceFacts, status: PrtStatus | null): DeviceCheck[] {
  const area = 'Scp';
  const ids = ['ScpTenantMismatch', 'ScpMissing', 'DomainControllerUnreachable'];
  if (!status) return ids.map((id) => unknown(area, id, 'Hybrid join configuration', noStatus));
  if (status.DomainJoined === null) return ids.map((id) => unknown(area, id, 'Hybrid join configuration', domainJoinNotShown));
  if (!status.DomainJoined) return ids.map((id) => check(area, id, 'NotApplicable', 'The device is not domain joined: no SCP or domain controller is involved.'));
  const checks: DeviceCheck[] = [];
  const tenant = status.TenantId;
  const sources: { name: string; fact: Fact<{ TenantId: string | null; TenantName: string | null } | null> }[] = [
    { name: 'CDJ\\AAD registry', fact: facts.CdjAad },
    { name: 'SCP', fact: facts.Scp },
  ];
  const read = sources.filter((s) => s.fact.Reason === null);
  const found = read.flatMap((s) => (s.fact.Value ? [{ name: s.name, value: s.fact.Value }] : []));
  const evidence: Evidence = { DsregcmdTenantId: tenant, RegistryTenantId: facts.CdjAad.Value?.TenantId ?? null, ScpTenantId: facts.Scp.Value?.TenantId ?? null };
  // The registry values win over the SCP when both exist (targeted deployment).
  const used = found[0];
  if (read.length === 0) checks.push(unknown(area, 'ScpTenantMismatch', 'The SCP', sources.map((s) => `${s.name}: ${s.fact.Reason ?? ''}`).join('; ')));
  else if (!used) checks.push(check(area, 'ScpTenantMismatch', 'NotApplicable', 'No SCP or CDJ\\AAD values were found to compare.', evidence));
  else if (!tenant) {
    // Not joined yet: no registered tenant to compare with, but the admin can tell at a glance whether the named one is theirs.
    checks.push(check(area, 'ScpTenantMismatch', 'Warn', `The ${used.name} sends hybrid join to tenant ${used.value.TenantName ?? ''} ${used.value.TenantId ?? '(no id)'}; the device is not joined, so dsregcmd shows no tenant to compare with: make sure it is yours.`.replace('  ', ' '), evidence, 'If it is not your tenant, correct the SCP (Entra Connect > Configure device options) or the CDJ\\AAD values, then rejoin.'));
  }
  else if (!used.value.TenantId) checks.push(check(area, 'ScpTenantMismatch', 'Warn', `The ${used.name} ${used.value.TenantName ? `names tenant ${used.value.TenantName} but no tenant id` : 'names no tenant, by id or by name'}: it cannot be compared with this device's registration (${tenant}); make sure it points to this tenant.`, evidence, 'If it is not this tenant, correct the SCP (Entra Connect > Configure device options) or the CDJ\\AAD values, then rejoin.'));
  else if (sameId(used.value.TenantId, tenant)) checks.push(check(area, 'ScpTenantMismatch', 'Pass', `The ${used.name} names this tenant (${tenant}).`, evidence));
  else checks.push(check(area, 'ScpTenantMismatch', 'Fail', `The ${used.name} names tenant ${used.value.TenantId}${used.value.TenantName ? ` (${used.value.TenantName})` : ''}, but the device is registered in ${tenant}.`, evidence, 'Correct the SCP (Entra Connect > Configure device options) or the CDJ\\AAD registry values, then rejoin.'));

  if (read.length < sources.length && found.length === 0) checks.push(unknown(area, 'ScpMissing', 'The SCP', sources.filter((s) => s.fact.Reason !== null).map((s) => `${s.name}: ${s.fact.Reason ?? ''}`).join('; ')));
  else if (found.length === 0) checks.push(check(area, 'ScpMissing', 'Fail', 'Neither an SCP nor CDJ\\AAD registry values tell this domain-joined device which tenant to join.', evidence, 'Configure the SCP with Entra Connect (Configure device options), or the CDJ\\AAD values by policy.'));
  else checks.push(check(area, 'ScpMissing', 'Pass', `Hybrid join is configured (${found.map((f) => f.name).join(', ')}).`, evidence));

  const dc = facts.DomainController;
  if (dc.Reason !== null) checks.push(unknown(area, 'DomainControllerUnreachable', 'The domain controller', dc.Reason));
  else if (dc.Value.DomainController) checks.push(check(area, 'DomainControllerUnreachable', 'Pass', `Domain controller ${dc.Value.DomainController} answers for ${dc.Value.Domain}.`, { Domain: dc.Value.Domain, DomainController: dc.Value.DomainController }));
  else checks.push(check(area, 'DomainControllerUnreachable', 'Warn', `No domain controller of ${dc.Value.Domain} answers${dc.Value.Error ? ` (${dc.Value.Error})` : ''}.`, { Domain: dc.Value.Domain, Error: dc.Value.Error }, 'Connect to the corporate network or VPN, then lock and unlock.'));
  return checks;
}

function joinTaskChecks(facts: DeviceFacts, status: PrtStatus | null): DeviceCheck[] {
  const area = 'JoinTask';
  if (status && status.DomainJoined === false) return ['JoinTaskDisabled', 'JoinTaskLastRunFailed'].map((id) => check(area, id, 'NotApplicable', 'Not domain joined: the Automatic-Device-Join task is not used.'));
  if (facts.JoinTask.Reason !== null) return ['JoinTaskDisabled', 'JoinTaskLastRunFailed'].map((id) => unknown(area, id, 'The Automatic-Device-Join task', facts.JoinTask.Reason ?? ''));
  const task = facts.JoinTask.Value;
  const evidence: Evidence = { Enabled: task.Enabled, LastRunTime: task.LastRunTime, LastResult: task.LastResult };
  const checks = [
    task.Enabled
      ? check(area, 'JoinTaskDisabled', 'Pass', 'The Automatic-Device-Join task is enabled.', evidence)
      : check(area, 'JoinTaskDisabled', 'Fail', 'The Automatic-Device-Join task is disabled: hybrid join does not run or recover.', evidence, 'Enable `\\Microsoft\\Windows\\Workplace Join\\Automatic-Device-Join` (and any policy that disables it), then run it or restart.'),
  ];
  const result = task.LastResult?.toLowerCase() ?? null;
  if (result === null) checks.push(unknown(area, 'JoinTaskLastRunFailed', 'The last run of the join task', 'schtasks shows no last result'));
  else if (taskResultsFine.has(result)) checks.push(check(area, 'JoinTaskLastRunFailed', 'Pass', `The join task's last run ended with ${decoded(result)}${task.LastRunTime ? ` (${task.LastRunTime})` : ''}.`, evidence));
  else checks.push(check(area, 'JoinTaskLastRunFailed', 'Warn', `The join task's last run failed with ${decoded(result)}${task.LastRunTime ? ` (${task.LastRunTime})` : ''}.`, evidence, `Explain the code with \`prt explain ${result}\`; the User Device Registration event log has the details.`));
  return checks;
}

function userChecks(facts: DeviceFacts, status: PrtStatus | null, now: Date): DeviceCheck[] {
  const area = 'User';
  const checks: DeviceCheck[] = [];
  const upn = status?.Diagnostics.find((d) => d.UserIdentity)?.UserIdentity ?? dsreg(status, 'Executing Account Name')?.split(',')[1]?.trim() ?? null;
  if (!status) checks.push(unknown(area, 'UpnNotRoutable', 'The UPN suffix', noStatus));
  else if (!upn || !upn.includes('@')) checks.push(unknown(area, 'UpnNotRoutable', 'The UPN suffix', 'dsregcmd shows no user principal name'));
  else {
    const suffix = upn.slice(upn.lastIndexOf('@') + 1);
    if (unroutableSuffix.test(suffix) || !suffix.includes('.')) checks.push(check(area, 'UpnNotRoutable', 'Fail', `The user's UPN suffix ${suffix} is not a routable domain: Entra ID cannot have verified it.`, { Upn: upn }, 'Give the user a UPN in a verified domain of the tenant (add a UPN suffix in AD, sync it).'));
    else checks.push(check(area, 'UpnNotRoutable', 'Pass', `The UPN suffix ${suffix} is routable.`, { Upn: upn }));
  }
  const yesNoCheck = (id: string, field: string, bad: DeviceCheckResult, passText: string, failText: string, next: string) => {
    const value = parseYesNo(dsreg(status, field));
    if (!status) checks.push(unknown(area, id, field, noStatus));
    else if (value === null) checks.push(unknown(area, id, field, `dsregcmd shows no ${field} (older build, or not the user's session)`));
    else if (value) checks.push(check(area, id, 'Pass', passText, { [field]: true }));
    else checks.push(check(area, id, bad, failText, { [field]: false }, next));
  };
  yesNoCheck('UserNotAzureAd', 'IsUserAzureAD', 'Fail', 'The signed-in user is an Entra ID user.', 'The signed-in user is not an Entra ID user (IsUserAzureAD NO): no PRT can be issued for them.', 'Sign in with a synced or cloud account of the tenant.');
  yesNoCheck('WamDefaultNotSet', 'WamDefaultSet', 'Warn', 'Web Account Manager has a default account (WamDefaultSet YES).', 'Web Account Manager has no default work account (WamDefaultSet NO): apps cannot get tokens silently.', 'Sign out and in; if it stays NO, check the user\'s work account in Settings > Accounts.');
  const preReq = dsreg(status, 'PreReqResult');
  if (!status) checks.push(unknown(area, 'NgcPrerequisitesFailed', 'The Windows Hello prerequisites', noStatus));
  else if (!preReq) checks.push(unknown(area, 'NgcPrerequisitesFailed', 'The Windows Hello prerequisites', 'dsregcmd shows no Ngc Prerequisite Check'));
  else if (/WillProvision/i.test(preReq) && !/WillNotProvision/i.test(preReq)) checks.push(check(area, 'NgcPrerequisitesFailed', 'Pass', 'Windows Hello for Business prerequisites are met.', { PreReqResult: preReq }));
  else checks.push(check(area, 'NgcPrerequisitesFailed', 'Warn', `Windows Hello for Business will not provision (${preReq}); it needs a working PRT among others.`, { PreReqResult: preReq }, 'Read the Ngc Prerequisite Check lines of dsregcmd: each NO names a missing prerequisite.'));

  const password = facts.Password;
  const prtUpdate = status?.AzureAdPrtUpdateTime ?? null;
  if (password.Reason !== null) checks.push(unknown(area, 'PasswordChangedRecently', 'The password change', password.Reason));
  else if (!password.Value.PasswordLastSet) checks.push(unknown(area, 'PasswordChangedRecently', 'The password change', 'the password-last-set time is not readable'));
  else if (prtUpdate && Date.parse(password.Value.PasswordLastSet) > Date.parse(prtUpdate)) checks.push(check(area, 'PasswordChangedRecently', 'Warn', `The password was changed (${password.Value.PasswordLastSet}) after the PRT was last renewed (${prtUpdate}).`, { PasswordLastSet: password.Value.PasswordLastSet, AzureAdPrtUpdateTime: prtUpdate }, 'Have the user sign in with the new password (lock and unlock); with password hash sync, wait for the sync first.'));
  else if (!prtUpdate && status?.AzureAdPrt === false && now.getTime() - Date.parse(password.Value.PasswordLastSet) < recentPasswordDays * dayMs) checks.push(check(area, 'PasswordChangedRecently', 'Warn', `There is no PRT and the password was last changed ${password.Value.PasswordLastSet}: a new password the cloud does not know yet is a classic reason.`, { PasswordLastSet: password.Value.PasswordLastSet }, 'Have the user sign in with the new password once it has synced.'));
  // Without a renewal time there is nothing to compare with, unless there is no PRT at all and the change is old.
  else if (!prtUpdate && status?.AzureAdPrt !== false) checks.push(unknown(area, 'PasswordChangedRecently', 'The password change', `dsregcmd shows no PRT renewal time to compare the password change (${password.Value.PasswordLastSet}) with`));
  else if (!prtUpdate) checks.push(check(area, 'PasswordChangedRecently', 'Pass', `The password was last changed ${password.Value.PasswordLastSet}, at least ${String(recentPasswordDays)} days ago: not a new password the cloud may not know yet.`, { PasswordLastSet: password.Value.PasswordLastSet }));
  else checks.push(check(area, 'PasswordChangedRecently', 'Pass', `The password was last changed ${password.Value.PasswordLastSet}, before the PRT was renewed.`, { PasswordLastSet: password.Value.PasswordLastSet, AzureAdPrtUpdateTime: prtUpdate }));
  return checks;
}

function clockChecks(facts: DeviceFacts): DeviceCheck[] {
  const area = 'Clock';
  if (facts.Clock.Reason !== null) return [unknown(area, 'ClockNotSynced', 'Time synchronisation', facts.Clock.Reason)];
  const clock = facts.Clock.Value;
  const evidence: Evidence = { Source: clock.Source, LastSuccessfulSync: clock.LastSuccessfulSync, Synchronized: clock.Synchronized };
  const freeRunning = clock.Source !== null && /local cmos clock|free-running/i.test(clock.Source);
  if (clock.Synchronized === false || !clock.LastSuccessfulSync) return [check(area, 'ClockNotSynced', 'Fail', `The clock is not synchronised${clock.Source ? ` (source: ${clock.Source})` : ''}.`, evidence, 'Fix the time service: `w32tm /query /status`, `w32tm /resync`; domain members take time from the domain hierarchy.')];
  if (freeRunning) return [check(area, 'ClockNotSynced', 'Warn', `The clock runs on ${clock.Source ?? 'its own clock'}, with no time server.`, evidence, 'Configure a time source (`w32tm /config`), or the domain hierarchy for domain members.')];
  return [check(area, 'ClockNotSynced', 'Pass', `The clock synchronises with ${clock.Source ?? 'a time source'} (last ${clock.LastSuccessfulSync}).`, evidence)];
}

/** Every device check, judged from the facts read and dsregcmd's status (null: not read). */
export function judgeDevice(facts: DeviceFacts, status: PrtStatus | null, now: Date): DeviceCheck[] {
  return [
    ...certificateChecks(facts, status, now),
    ...tpmChecks(facts, status),
    tpmEventCheck(facts),
    ...scpChecks(facts, status),
    computerCertificateCheck(facts, status),
    ...joinTaskChecks(facts, status),
    ...userChecks(facts, status, now),
    ...clockChecks(facts),
  ];
}


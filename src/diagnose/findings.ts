import type { Severity } from './status-types.js';

/**
 * Every finding `prt status` can report, in one table: its stable Id, how bad it is, and the next
 * step an admin should take. Messages that depend on the capture are built by the rules.
 */
export const findingCatalog = {
  NotJoined: {
    Severity: 'Error',
    NextStep: 'Join the device to Entra ID (Settings > Accounts > Access work or school), or for hybrid join check the pre-join tests in the Diagnostic Data section.',
  },
  DomainJoinedOnly: {
    Severity: 'Error',
    NextStep: 'Finish hybrid join: check that Entra Connect syncs this computer object and that the device can reach the registration service; `dsregcmd /status` Diagnostic Data names the failing phase.',
  },
  RegisteredOnly: {
    Severity: 'Info',
    NextStep: 'Nothing to fix for the device PRT. If sign-in prompts are the problem, look at the work account in Settings > Accounts > Access work or school.',
  },
  NoUserContext: {
    Severity: 'Warning',
    NextStep: 'Run `dsregcmd /status` (or `prt status`) as the affected user, in their own desktop session: as SYSTEM or over remoting there is no PRT to show.',
  },
  DeviceAuthFailed: {
    Severity: 'Error',
    NextStep: 'Look the device up in the Entra admin center: enable it if it is disabled; if it was deleted, leave and join again (`dsregcmd /leave`, then rejoin).',
  },
  PrtMissing: {
    Severity: 'Error',
    NextStep: 'Find out why the PRT could not be acquired: `prt error` (or `Get-PrtError`) reads the attempt status and the AAD event logs; `prt explain <code>` explains a code.',
  },
  PrtExpired: {
    Severity: 'Error',
    NextStep: 'Sign out and back in with the Entra ID account to get a new PRT; if it comes back expired, `prt error` shows why the renewals fail.',
  },
  PrtStale: {
    Severity: 'Warning',
    NextStep: 'Lock the device and unlock it to force a renewal, then run `prt status` again. If the update time does not move, `prt error` shows the failing attempt.',
  },
  LastAttemptFailed: {
    Severity: 'Error',
    NextStep: 'Explain the code with `prt explain <code>`; the server error and the endpoint shown here are the first evidence.',
  },
} as const satisfies Record<string, { Severity: Severity; NextStep: string }>;

export type FindingId = keyof typeof findingCatalog;

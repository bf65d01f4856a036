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
  PartialCapture: {
    Severity: 'Warning',
    NextStep: 'Ask the user for the whole output of `dsregcmd /status`, run in their own signed-in session (not as another account, not over remoting), every box pasted unedited.',
  },
  JoinTypeInferred: {
    Severity: 'Info',
    NextStep: 'Nothing to do if the evidence fits; the Device State box of a whole capture would say it directly.',
  },
  PrtTimesUnreadable: {
    Severity: 'Warning',
    NextStep: 'Ask for the capture again without editing the SSO State times (they are not secret), or run `prt status` on the device itself.',
  },
  PrtTimesInconsistent: {
    Severity: 'Warning',
    NextStep: 'Do not trust the PRT times of this capture: check the device clock and time zone, and take a new capture with `dsregcmd /status` on the device.',
  },
  RedactedCapture: {
    Severity: 'Info',
    NextStep: 'Redacted values are shown as sent and not judged; ask for them only if a judgement above depends on them.',
  },
  JoinFailed: {
    Severity: 'Error',
    NextStep: 'Fix the first failing phase named here (discover → join → auth), then rejoin: for hybrid join, `dsregcmd /join` as SYSTEM or a restart; `prt explain <code>` explains each code.',
  },
  EnterprisePrtMissing: {
    Severity: 'Warning',
    NextStep: 'Check the AD FS side: the device must be registered in AD FS (device write-back for hybrid join) and the user must sign in with a password or smart card that AD FS accepts; AD FS resources and Windows Hello for Business certificate trust need this PRT.',
  },
} as const satisfies Record<string, { Severity: Severity; NextStep: string }>;

export type FindingId = keyof typeof findingCatalog;

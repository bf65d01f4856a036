import type { Severity } from './status-types.js';

/**
 * Every finding `prt status` can report, in one table: its stable Id, a one-line Title that is the
 * same on every device (what a fleet summary shows), how bad it is, and the next step an admin
 * should take. Messages that depend on the capture are built by the rules.
 */
export const findingCatalog = {
  NotJoined: {
    Title: 'The device is joined neither to Entra ID nor to a domain.',
    Severity: 'Error',
    NextStep: 'Join the device to Entra ID (Settings > Accounts > Access work or school), or for hybrid join check the pre-join tests in the Diagnostic Data section.',
  },
  DomainJoinedOnly: {
    Title: 'The device is domain joined but hybrid join to Entra ID has not completed.',
    Severity: 'Error',
    NextStep: 'Finish hybrid join: check that Entra Connect syncs this computer object and that the device can reach the registration service; `dsregcmd /status` Diagnostic Data names the failing phase.',
  },
  RegisteredOnly: {
    Title: 'The device is only registered (a work account), which gives no device PRT.',
    Severity: 'Info',
    NextStep: 'Nothing to fix for the device PRT. If sign-in prompts are the problem, look at the work account in Settings > Accounts > Access work or school.',
  },
  WamDefaultSetError: {
    Title: 'Web Account Manager failed to set the user\'s default work account, so apps cannot get tokens silently.',
    Severity: 'Warning',
    NextStep: 'Check it in the user\'s own desktop session first (outside it this is always an error). If it is an error there too: decode its code with `prt explain`, have the user sign out and in, then check the work account under Settings > Accounts > Access work or school and the AAD Operational log at that time.',
  },
  NoUserContext: {
    Title: 'The capture was not taken in an Entra user\'s own session (SYSTEM, a local account, remoting), so it cannot show the user\'s PRT.',
    Severity: 'Warning',
    NextStep: 'Run `dsregcmd /status` (or `prt status`) as the affected user, in their own desktop session: as SYSTEM, as a local account or over remoting there is no PRT to show.',
  },
  DeviceAuthFailed: {
    Title: 'The device failed to authenticate to Entra ID (disabled, deleted or a bad device certificate).',
    Severity: 'Error',
    NextStep: 'Look the device up in the Entra admin center: enable it if it is disabled; if it was deleted, leave and join again (`dsregcmd /leave`, then rejoin).',
  },
  PrtMissing: {
    Title: 'There is no Azure AD PRT: single sign-on to Entra ID resources does not work.',
    Severity: 'Error',
    NextStep: 'Find out why the PRT could not be acquired: `prt error` (or `Get-PrtError`) reads the attempt status and the AAD event logs; `prt explain <code>` explains a code.',
  },
  PrtExpired: {
    Title: 'The Azure AD PRT has expired.',
    Severity: 'Error',
    NextStep: 'Sign out and back in with the Entra ID account to get a new PRT; if it comes back expired, `prt error` shows why the renewals fail.',
  },
  PrtStale: {
    Title: 'The Azure AD PRT has not been renewed for more than 4 hours.',
    Severity: 'Warning',
    NextStep: 'Lock the device and unlock it to force a renewal, then run `prt status` again. If the update time does not move, `prt error` shows the failing attempt.',
  },
  LastAttemptFailed: {
    Title: 'The last attempt to get or renew a PRT failed with an error code.',
    Severity: 'Error',
    NextStep: 'Explain the code with `prt explain <code>`; the server error and the endpoint shown here are the first evidence.',
  },
  PartialCapture: {
    Title: 'The capture is partial: some boxes of dsregcmd /status are missing and were not judged.',
    Severity: 'Warning',
    NextStep: 'Ask the user for the whole output of `dsregcmd /status`, run in their own signed-in session (not as another account, not over remoting), every box pasted unedited.',
  },
  JoinTypeInferred: {
    Title: 'The join type was inferred from other lines: the Device State box is missing.',
    Severity: 'Info',
    NextStep: 'Nothing to do if the evidence fits; the Device State box of a whole capture would say it directly.',
  },
  PrtTimesUnreadable: {
    Title: 'The PRT exists but its update or expiry time cannot be read.',
    Severity: 'Warning',
    NextStep: 'Ask for the capture again without editing the SSO State times (they are not secret), or run `prt status` on the device itself.',
  },
  PrtTimesInconsistent: {
    Title: 'The PRT times contradict each other, so freshness and expiry were not judged.',
    Severity: 'Warning',
    NextStep: 'Do not trust the PRT times of this capture: check the device clock and time zone, and take a new capture with `dsregcmd /status` on the device.',
  },
  SeveralCaptures: {
    Title: 'The text holds several runs of dsregcmd; one of them was judged.',
    Severity: 'Info',
    NextStep: 'To judge another run, give it on its own; to see whether a lock and unlock renewed the PRT, compare the update times of the runs.',
  },
  RedactedCapture: {
    Title: 'Some values were redacted before the capture was shared and were not judged.',
    Severity: 'Info',
    NextStep: 'Redacted values are shown as sent and not judged; ask for them only if a judgement above depends on them.',
  },
  JoinFailed: {
    Title: 'Joining the device to Entra ID failed; the failing phase and code are named.',
    Severity: 'Error',
    NextStep: 'Fix the first failing phase named here (discover → join → auth), then rejoin: for hybrid join, `dsregcmd /join` as SYSTEM or a restart; `prt explain <code>` explains each code.',
  },
  HelloWillNotProvision: {
    Title: 'Windows Hello for Business will not provision: the Ngc Prerequisite Check names what is missing.',
    Severity: 'Warning',
    NextStep: 'Fix each prerequisite the Ngc Prerequisite Check shows as NO, then sign out and in; for certificate trust, AdfsRefreshToken NO means the Enterprise PRT from AD FS is missing: look at EnterprisePrt and the AD FS sign-in first.',
  },
  EnterprisePrtMissing: {
    Title: 'There is no Enterprise PRT although the device has an AD FS authority.',
    Severity: 'Warning',
    NextStep: 'Check the AD FS side: the device must be registered in AD FS (device write-back for hybrid join) and the user must sign in with a password or smart card that AD FS accepts; AD FS resources and Windows Hello for Business certificate trust need this PRT.',
  },
} as const satisfies Record<string, { Title: string; Severity: Severity; NextStep: string }>;

export type FindingId = keyof typeof findingCatalog;

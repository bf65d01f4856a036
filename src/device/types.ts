/**
 * The device checks of `prt device` and the verdict of `prt doctor` (issue #15). `Causes` ranks
 * evidence from status, error, probe (src/probe/types.ts) and these checks; the first is the verdict.
 */

export type DeviceCheckResult = 'Pass' | 'Warn' | 'Fail' | 'NotApplicable' | 'Unknown';

export type DeviceCheckArea = 'Certificate' | 'Tpm' | 'Scp' | 'JoinTask' | 'User' | 'Clock';

export interface DeviceCheck {
  /** Stable, e.g. `DeviceCertExpired`, `TpmLockedOut`, `ScpTenantMismatch`. */
  Id: string;
  Area: DeviceCheckArea;
  Result: DeviceCheckResult;
  /** One line in our words with the figures. */
  Summary: string;
  /** The facts read, by name (thumbprints, dates, counters). */
  Evidence: Record<string, string | number | boolean | null>;
  /** Null when there is nothing to do. */
  NextStep: string | null;
  /** Why the check could not be judged (Unknown), e.g. "certificate store not readable: access denied". */
  Reason: string | null;
}

export interface DeviceReport {
  SchemaVersion: 1;
  ObservedAt: string;
  Checks: DeviceCheck[];
}

export interface DoctorCause {
  /** A finding id from status, error, probe or device checks. */
  Id: string;
  Confidence: 'High' | 'Medium' | 'Low';
  Summary: string;
  /** The chain that supports it, strongest link first, e.g. "1007 0xc000023c", "probe: proxy 407 as SYSTEM". */
  Evidence: string[];
  /** Evidence that speaks against it, if any. */
  Against: string[];
  NextStep: string;
}

/**
 * What the device checks read (src/host/device-host.ts reads them on Windows; the simulated device
 * scripts them). Each source is read on its own: one that fails carries the reason instead of a
 * value, and its checks say Unknown.
 */

/** A value read, or why it could not be. */
export type Fact<T> = { Value: T; Reason: null } | { Value: null; Reason: string };

export const factOf = <T>(value: T): Fact<T> => ({ Value: value, Reason: null });
export const noFact = <T>(reason: string): Fact<T> => ({ Value: null, Reason: reason });

/** A certificate of LocalMachine\My (`certutil -store My`). */
export interface CertificateFact {
  Subject: string;
  Issuer: string;
  /** SHA-1, uppercase hex without spaces. */
  Thumbprint: string;
  NotBefore: string | null;
  NotAfter: string | null;
  /** null when the listing does not say. */
  HasPrivateKey: boolean | null;
  /** The key storage provider, e.g. `Microsoft Platform Crypto Provider` (TPM) or `Microsoft Software Key Storage Provider`. */
  Provider: string | null;
}

/** The TPM as `tpmtool getdeviceinformation` (or Get-Tpm) reports it. */
export interface TpmFact {
  Present: boolean;
  Ready: boolean | null;
  Enabled: boolean | null;
  Owned: boolean | null;
  LockedOut: boolean | null;
  LockoutCount: number | null;
  ManufacturerVersion: string | null;
  /** The TPM asks to be cleared before it works again. */
  ClearNeeded: boolean | null;
}

/** `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\CDJ\AAD` (targeted deployment of hybrid join). */
export interface CdjAadFact {
  TenantId: string | null;
  TenantName: string | null;
}

/** The service connection point in AD's configuration partition (its keywords `azureADId:` and `azureADName:`). */
export interface ScpFact {
  TenantId: string | null;
  TenantName: string | null;
}

/** `nltest /dsgetdc:<domain>`. */
export interface DomainControllerFact {
  Domain: string;
  /** `\\DC01.contoso.com` as printed, null when none was found. */
  DomainController: string | null;
  /** What nltest said when it found none (`ERROR_NO_SUCH_DOMAIN`). */
  Error: string | null;
}

/** `\Microsoft\Windows\Workplace Join\Automatic-Device-Join` (`schtasks /query`). */
export interface JoinTaskFact {
  Enabled: boolean;
  /** As printed by schtasks (local time, no zone), null when it never ran. */
  LastRunTime: string | null;
  /** The last result as hex (`0x0`, `0x80070005`), null when not shown. */
  LastResult: string | null;
}

/** `w32tm /query /status`. */
export interface ClockFact {
  Source: string | null;
  /** As printed (local time), null when never synchronised. */
  LastSuccessfulSync: string | null;
  /** Leap indicator 3 (`not synchronized`) is false. */
  Synchronized: boolean | null;
}

/** The signed-in user's password, where it can be read. */
export interface PasswordFact {
  /** ISO 8601 UTC. */
  PasswordLastSet: string | null;
}

/** One value of the userCertificate attribute of this computer's AD object, as the AD collector decoded it. */
export interface ComputerCertificateFact {
  /** Null when the value is not a readable certificate (Error says why). */
  Subject: string | null;
  /** SHA-1, uppercase hex. */
  Thumbprint: string | null;
  /** ISO 8601 UTC. */
  NotAfter: string | null;
  Error: string | null;
}

/** The AD computer object of this device, found by its sAMAccountName `NAME$` (hybrid join writes its certificate there). */
export interface ComputerObjectFact {
  SamAccountName: string;
  ObjectGuid: string | null;
  Certificates: ComputerCertificateFact[];
}

/** A TPM event of the System log (providers `TPM` and `Microsoft-Windows-TPM-WMI`), see src/device/tpm-events.ts. */
export interface TpmEventFact {
  Provider: string;
  EventId: number;
  TimeCreated: string | null;
  /** The failure codes its payload carries, as 0x-hex (HRESULT or NTSTATUS). */
  Codes: string[];
}

export interface DeviceFacts {
  Certificates: Fact<CertificateFact[]>;
  Tpm: Fact<TpmFact>;
  /** Value null: the key does not exist (no targeted deployment). */
  CdjAad: Fact<CdjAadFact | null>;
  /** Value null: no SCP in the forest. */
  Scp: Fact<ScpFact | null>;
  DomainController: Fact<DomainControllerFact>;
  JoinTask: Fact<JoinTaskFact>;
  Clock: Fact<ClockFact>;
  Password: Fact<PasswordFact>;
  /** The AD computer object of this device and its userCertificate values (hybrid sync join). */
  ComputerObject: Fact<ComputerObjectFact>;
  /** TPM errors of the System log, newest first, bounded in count and age (src/device/tpm-events.ts). */
  TpmEvents: Fact<TpmEventFact[]>;
}

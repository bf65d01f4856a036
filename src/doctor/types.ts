import type { Diagnosis } from '../diagnose/attempt-types.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import type { DeviceReport, DoctorCause } from '../device/types.js';
import type { ProbeReport } from '../probe/types.js';

/** Everything the doctor may judge; what is null was not read, and the verdict says so. */
export interface DoctorInput {
  Status: PrtStatus | null;
  /** The error diagnosis (attempts from dsregcmd and the AAD logs); null when not read. */
  Diagnosis: Diagnosis | null;
  /** Whether AAD event logs were among the sources (dsregcmd alone sees only the last attempt). */
  EventsRead: boolean;
  Probe: ProbeReport | null;
  Device: DeviceReport | null;
}

/** One fact the doctor weighs: a code of an attempt, a status finding, a probe finding, a failed check. */
export interface Signal {
  /** What rules match on: `code:NTSTATUS:0xc000023c`, `winhttp:12029`, `status:PrtMissing`, `probe:ProxyAuthRequired`, `device:TpmLockedOut:Fail`. */
  Key: string;
  /** The link of the evidence chain, e.g. "1007 0xc000023c STATUS_NETWORK_UNREACHABLE". */
  Text: string;
  /** 1 for the newest evidence; less for older attempts and warnings. */
  Weight: number;
  /** Where it sits in the chain: symptom, attempt status, server/network, probe, device. */
  Layer: SignalLayer;
}

export enum SignalLayer {
  Symptom = 0,
  Attempt = 1,
  Detail = 2,
  Probe = 3,
  Device = 4,
}

/** The `prt doctor --json` document. */
export interface DoctorReport {
  SchemaVersion: 1;
  ObservedAt: string;
  /** The first of Causes, in one line. */
  Verdict: string;
  /** Ranked, most likely first. */
  Causes: DoctorCause[];
  /** What was read (dsregcmd, the AAD logs, the probe, the device checks) and what was not. */
  Sources: string[];
  Missing: string[];
  Status: PrtStatus | null;
  Diagnosis: Diagnosis | null;
  Probe: ProbeReport | null;
  Device: DeviceReport | null;
}

import type { PrtStatus } from '../diagnose/status-types.js';
import type { DeviceFacts } from './facts.js';
import { judgeDevice } from './judge.js';
import type { DeviceReport } from './types.js';

/** The `prt device --json` document: the facts judged against dsregcmd's status, as of `now`. */
export function deviceReportOf(facts: DeviceFacts, status: PrtStatus | null, now: Date): DeviceReport {
  return { SchemaVersion: 1, ObservedAt: now.toISOString(), Checks: judgeDevice(facts, status, now) };
}

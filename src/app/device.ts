import { judgeDevice } from '../device/judge.js';
import type { DeviceReport } from '../device/types.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import type { Host } from '../host/types.js';

/** `bundle/device.json`: the device checks of a trace (issue #15). */
export const deviceFileName = 'device.json';

/** Reads the device's facts and judges them against dsregcmd's status (null: not read, the checks that need it say Unknown). */
export async function getDeviceReport(host: Host, status: PrtStatus | null, now?: Date): Promise<DeviceReport> {
  const at = now ?? host.now();
  const facts = await host.readDeviceFacts({ domain: status?.DomainJoined ? status.DomainName : null });
  return { SchemaVersion: 1, ObservedAt: at.toISOString(), Checks: judgeDevice(facts, status, at) };
}

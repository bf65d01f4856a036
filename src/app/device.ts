import { deviceReportOf } from '../device/report.js';
import type { DeviceReport } from '../device/types.js';
import type { PrtStatus } from '../diagnose/status-types.js';
import type { Host } from '../host/types.js';

/** Reads the device's facts and judges them against dsregcmd's status (null: not read, the checks that need it say Unknown). */
export async function getDeviceReport(host: Host, status: PrtStatus | null, now?: Date): Promise<DeviceReport> {
  const facts = await host.readDeviceFacts({ domain: status?.DomainJoined ? status.DomainName : null });
  return deviceReportOf(facts, status, now ?? host.now());
}

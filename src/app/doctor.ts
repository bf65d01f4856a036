import type { DeviceReport } from '../device/types.js';
import { missingEvidence, rankCauses } from '../doctor/rank.js';
import type { DoctorReport } from '../doctor/types.js';
import type { Host } from '../host/types.js';
import type { ProbeReport } from '../probe/types.js';
import { openBundle } from './bundle-input.js';
import { getDeviceReport } from './device.js';
import { diagnose } from './diagnose.js';

export interface DoctorRequest {
  dsregcmd?: string;
  events: string[];
  /** A `prt trace` bundle, folder or zip. */
  bundle?: string;
  since?: Date;
  now?: Date;
}

export interface DoctorDependencies {
  /**
   * The network probe of this device (#14), run when the doctor reads the device itself (not on
   * files). Null or absent: not probed, and the verdict says so.
   */
  probe?: () => Promise<ProbeReport | null>;
}

/**
 * Status, error diagnosis, probe and device checks in one run, ranked into causes. On files it
 * judges only what the files show: no device is read, nothing is assumed.
 */
export async function runDoctor(host: Host, request: DoctorRequest, dependencies: DoctorDependencies = {}): Promise<DoctorReport> {
  const onFiles = request.dsregcmd !== undefined || request.events.length > 0 || request.bundle !== undefined;
  let reader = host;
  let dsregcmd = request.dsregcmd;
  let events = request.events;
  let device: DeviceReport | null = null;
  let probe: ProbeReport | null = null;
  const sources: string[] = [];

  if (request.bundle !== undefined) {
    const bundle = await openBundle(host, request.bundle);
    reader = bundle.host;
    dsregcmd ??= bundle.dsregcmd;
    events = [...events, ...bundle.events];
    device = bundle.device;
    probe = bundle.probe;
    sources.push(...bundle.read.filter((path) => path.endsWith('.json')));
  }

  const diagnosis = await diagnose(reader, { dsregcmd, events, since: request.since, now: request.now });
  sources.unshift(...diagnosis.Sources);
  if (!onFiles) {
    device = await getDeviceReport(host, diagnosis.Status, request.now);
    sources.push('device checks (certificate store, TPM, registry, nltest, task scheduler, w32tm)');
    probe = dependencies.probe ? await dependencies.probe() : null;
    if (probe) sources.push('network probe');
  }
  const input = { Status: diagnosis.Status, Diagnosis: diagnosis, EventsRead: onFiles ? events.length > 0 : true, Probe: probe, Device: device };
  const causes = rankCauses(input);
  const verdict = causes[0];
  return {
    SchemaVersion: 1,
    ObservedAt: (request.now ?? host.now()).toISOString(),
    Verdict: verdict ? `${verdict.Id} (${verdict.Confidence}): ${verdict.Summary}` : 'No verdict',
    Causes: causes,
    Sources: sources,
    Missing: missingEvidence(input),
    Status: diagnosis.Status,
    Diagnosis: diagnosis,
    Probe: probe,
    Device: device,
  };
}

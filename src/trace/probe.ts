import { probeDevice } from '../app/probe.js';
import { PrtError } from '../errors.js';
import { appendBundleLog, bundleNames, writeBundleJson } from './bundle.js';
import type { Session } from './engine.js';

/**
 * The network as SYSTEM sees it, probed once before the repro (#14): `probe.json` in the bundle,
 * and a warning line (shown by the dashboard and the plain progress) when something is in the
 * way. Optional: a probe that cannot run is noted in the log, never a reason to stop the trace.
 * Without the command's environment (in-process callers) it does not run: it would not know
 * whether it may touch the network.
 */
export async function probeIntoBundle(session: Session, bundle: string, env: NodeJS.ProcessEnv | undefined): Promise<void> {
  if (env === undefined) return;
  try {
    const report = await probeDevice(session.host, { contexts: ['System'], env });
    writeBundleJson(bundle, bundleNames.probe, report);
    const findings = report.Findings.map((finding) => `${finding.Id}${finding.Target ? ` (${finding.Target})` : ''}`);
    if (findings.length > 0) session.emit({ Kind: 'Warning', At: session.nowIso(), Text: `Network probe as SYSTEM: ${findings.join(', ')}; see probe.json` });
    else appendBundleLog(bundle, 'Network probe as SYSTEM: every endpoint answered (probe.json)');
  } catch (error) {
    if (!(error instanceof PrtError)) throw error;
    appendBundleLog(bundle, `Network probe as SYSTEM could not run: ${error.message}`);
  }
}

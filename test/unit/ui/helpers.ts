import { readFileSync } from 'node:fs';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import { evaluateStatus } from '../../../src/diagnose/evaluate.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { parseEventText } from '../../../src/events/parse.js';
import type { AadEvent } from '../../../src/events/types.js';
import type { TraceProgress } from '../../../src/trace/progress.js';
import { dashboardState, initialDashboardState, type DashboardInit, type DashboardInput, type DashboardState } from '../../../src/ui/state.js';

const fixtures = new URL('../../fixtures/', import.meta.url);

/** A dsregcmd fixture read as the dashboard gets it, judged at `now`. */
export function statusOf(name: string, now: string): PrtStatus {
  const { text, encoding } = decodeCapture(readFileSync(new URL(`dsregcmd/${name}`, fixtures)));
  return evaluateStatus(parseDsregcmd(text, { source: name, encoding }), { now: new Date(now), systemNow: new Date(now), source: { Kind: 'File', Path: name, Encoding: encoding } });
}

export function eventsOf(name: string): AadEvent[] {
  const items = parseEventText(readFileSync(new URL(`events/${name}`, fixtures), 'utf8'), { source: name });
  return items.flatMap((item) => ('event' in item ? [item.event] : []));
}

export const progress = (event: TraceProgress): DashboardInput => ({ Kind: 'Progress', Event: event });

/** Feeds inputs through the reducer from a fresh state. */
export function run(init: DashboardInit, inputs: DashboardInput[]): DashboardState {
  return inputs.reduce(dashboardState, initialDashboardState(init));
}

export const session = (at: string): TraceProgress => ({
  Kind: 'Session',
  At: at,
  SessionId: 's1',
  Host: 'Simulated',
  Scenario: 'hybrid-wrong-password',
  Steps: [
    { Id: 'Preflight', Title: 'Preflight checks' },
    { Id: 'SnapshotBefore', Title: 'dsregcmd /status before' },
    { Id: 'NetworkTrace', Title: 'Network trace (netsh)' },
    { Id: 'Repro', Title: 'Repro: lock, wait, unlock' },
    { Id: 'Report', Title: 'Report, manifest and zip' },
  ],
});

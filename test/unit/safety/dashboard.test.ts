// The dashboard (Ink) and plain `prt watch` draw a view model: data with escape sequences in it
// (a device name, a server reply, an event, a step's message) reaches them only sanitized.
import { describe, expect, it } from 'vitest';
import { plainLines } from '../../../src/ui/plain.js';
import { dashboardView } from '../../../src/ui/view.js';
import type { AadEvent } from '../../../src/events/types.js';
import { eventsOf, progress, run, statusOf } from '../ui/helpers.js';
import { allEscapes, markersIn, plantedSecrets, rawControlsIn } from './corpus.js';

const t0 = '2026-11-20T09:13:00.000Z';
const secrets = plantedSecrets.map((secret) => secret.Text).join(' ');

function hostileState() {
  const status = statusOf('missing-prt-0xc000006d-aadsts50126.txt', t0);
  status.DeviceName = `CTS-LT-31188${allEscapes}`;
  status.TenantName = `Contoso${allEscapes}`;
  const events: AadEvent[] = eventsOf('wrong-password-50126.operational.xml').map((event) => ({ ...event, Message: `${event.Message ?? ''} ${allEscapes} ${secrets}`, Data: event.Data.map((field) => ({ ...field, Value: `${field.Value ?? ''}${allEscapes}` })) }) as AadEvent);
  return run({ Mode: 'Trace', Now: t0, Keys: true, HybridWaitSeconds: 60 }, [
    progress({ Kind: 'Session', At: t0, SessionId: 's', Host: 'Simulated', Scenario: `hostile${allEscapes}`, Steps: [] }),
    progress({ Kind: 'StepFailed', At: t0, Step: 'NetworkTrace', Title: 'Network trace (netsh)', Message: `netsh said ${allEscapes} ${secrets}` }),
    progress({ Kind: 'Warning', At: t0, Text: `warning ${allEscapes}` }),
    { Kind: 'Status', At: t0, Status: status },
    { Kind: 'AadEvents', Events: events },
  ]);
}

describe('what the dashboard draws', () => {
  it('holds no raw control character and no secret, and shows the planted escapes visibly', () => {
    const view = JSON.stringify(dashboardView(hostileState(), { maxEvents: 20, maxAttempts: 5 }));
    // JSON.stringify escapes raw controls as \u00XX: look at the values themselves.
    const values: string[] = [];
    JSON.parse(view, (_key, value) => {
      if (typeof value === 'string') values.push(value);
      return value;
    });
    expect(values.flatMap(rawControlsIn)).toEqual([]);
    expect(markersIn(values.join('\n'))).toEqual([]);
    expect(values.join('\n')).toContain('\\x1b]8;;');
  });

  it('plain watch lines are just as safe', () => {
    const lines = plainLines(hostileState()).map((line) => line.Text).join('\n');
    expect(rawControlsIn(lines)).toEqual([]);
    expect(markersIn(lines)).toEqual([]);
    expect(lines).toContain('\\x1b');
  });
});

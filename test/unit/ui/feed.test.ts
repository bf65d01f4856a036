import { afterEach, describe, expect, it, vi } from 'vitest';
import { AadEventReader, readStatus, startFeed, teeDsregcmd } from '../../../src/ui/feed.js';
import type { DashboardInput } from '../../../src/ui/state.js';
import { createDashboardStore } from '../../../src/ui/store.js';
import { SimLab } from '../trace/sim-harness.js';

const labs: SimLab[] = [];
const lab = (scenario: string) => {
  const l = new SimLab(scenario);
  labs.push(l);
  return l;
};
afterEach(() => {
  for (const l of labs.splice(0)) l.dispose();
});

describe('AadEventReader', () => {
  it('reads the events already logged once, then only what is new', async () => {
    const l = lab('hybrid-wrong-password');
    const reader = new AadEventReader(l.host, new Date(l.host.now().getTime() - 3_600_000));
    const first = await reader.read();
    expect(first.map((e) => e.EventId)).toEqual([1081]);
    expect(await reader.read()).toEqual([]);
    // The person locks and unlocks; the simulated clock moves on.
    l.device.setAnalytic(true);
    await l.host.expectRepro();
    await l.host.sleep(80_000);
    const next = await reader.read();
    expect(next.sort((a, b) => a.TimeMs - b.TimeMs).map((e) => e.EventId)).toEqual([1006, 1144, 1022, 1081, 1007]);
    expect(await reader.read()).toEqual([]);
  });

  it('says once when a channel cannot be read, and goes on with the other', async () => {
    const l = lab('healthy');
    const problems: string[] = [];
    const host = new Proxy(l.host, {
      get(target, property) {
        if (property === 'queryEvents') {
          return (query: { channel: string }) => {
            if (query.channel.endsWith('Analytic')) throw new Error('refused');
            return target.queryEvents(query as never);
          };
        }
        return Reflect.get(target, property, target);
      },
    });
    const reader = new AadEventReader(host, new Date(0), (text) => problems.push(text));
    await reader.read();
    await reader.read();
    expect(problems).toEqual(['Microsoft-Windows-AAD/Analytic could not be read: refused']);
  });
});

describe('dsregcmd readings', () => {
  it('hands every dsregcmd the trace runs to the dashboard too', async () => {
    const l = lab('healthy');
    const seen: DashboardInput[] = [];
    const host = teeDsregcmd(l.host, (input) => seen.push(input));
    const bytes = await host.runDsregcmdStatus();
    expect(Buffer.from(bytes).toString('utf8')).toContain('AzureAdPrt');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ Kind: 'Status', Status: { AzureAdPrt: true, DeviceName: 'FAB-LT-2291' } });
    expect(host.kind).toBe('Simulated');
  });

  it('reports a dsregcmd that fails instead of throwing', async () => {
    const l = new SimLab('healthy', { Faults: { Dsregcmd: 'AccessDenied' } });
    labs.push(l);
    const seen: DashboardInput[] = [];
    await readStatus(l.host, (input) => seen.push(input));
    expect(seen[0]).toMatchObject({ Kind: 'StatusFailed' });
  });
});

describe('startFeed', () => {
  it('reads dsregcmd and the events at once, then ticks, and stops cleanly', async () => {
    const l = lab('hybrid-wrong-password');
    const store = createDashboardStore({ Mode: 'Watch', Now: l.host.now().toISOString() });
    const feed = startFeed({ host: l.host, dispatch: store.dispatch, since: new Date(l.host.now().getTime() - 3_600_000), eventsEveryMs: 20, statusEveryMs: 50, tickMs: 10 });
    // Until both reads have landed (a loaded machine may take longer than the intervals), then stop.
    await vi.waitFor(() => {
      expect(store.getState().Prt?.DeviceName).toBe('CTS-WS-0512.corp.contoso.com');
      expect(store.getState().Events.length).toBeGreaterThan(0);
    }, { timeout: 20_000, interval: 10 });
    await feed.stop();
    const state = store.getState();
    expect(state.Events.map((e) => e.EventId)).toEqual([1081]);
  });
});

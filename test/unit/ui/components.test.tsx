import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { AttemptsPanel, Dashboard, DevicePanel, EventsPanel, Footer, Header, PromptPanel, PrtPanel, StepsPanel } from '../../../src/ui/components.js';
import { DashboardApp } from '../../../src/ui/dashboard.js';
import { layoutFor } from '../../../src/ui/layout.js';
import { createDashboardStore } from '../../../src/ui/store.js';
import type { DashboardInput } from '../../../src/ui/state.js';
import { dashboardView, type DashboardView } from '../../../src/ui/view.js';
import { eventsOf, progress, run, session, statusOf } from './helpers.js';

afterEach(() => cleanup());

const t0 = '2026-11-20T09:30:00.000Z';
const trace = { Mode: 'Trace' as const, Now: t0, HybridWaitSeconds: 60, Keys: true };
const view = (inputs: DashboardInput[], mode: 'Trace' | 'Watch' = 'Trace'): DashboardView => dashboardView(run({ ...trace, Mode: mode }, inputs));
const frame = (node: React.ReactElement) => render(node).lastFrame() ?? '';
const missing = statusOf('missing-prt-0xc000006d-aadsts50126.txt', t0);
const healthy = statusOf('healthy-aadj.txt', '2026-05-14T13:00:00Z');

describe('Header', () => {
  it('names the simulated device and shows the host clock', () => {
    const text = frame(<Header view={view([progress(session(t0))])} colour={false} />);
    expect(text).toContain('PrtTools · guided trace on a simulated device (hybrid-wrong-password)');
    expect(text).toContain('09:30:00 UTC');
  });
});

describe('DevicePanel', () => {
  it('says dsregcmd is being read before the first reading', () => {
    expect(frame(<DevicePanel view={view([])} colour={false} />)).toContain('reading dsregcmd /status…');
  });
  it('shows the device, its join type, the tenant and the user', () => {
    const text = frame(<DevicePanel view={view([{ Kind: 'Status', At: t0, Status: missing }])} colour={false} />);
    expect(text).toMatch(/Device\s+\S+/);
    expect(text).toContain('Joined  Azure AD joined');
    expect(text).toContain('User    lena.hoffmann@contoso.com');
  });
});

describe('PrtPanel', () => {
  it('shows a missing PRT and the failed last attempt dsregcmd knows', () => {
    const text = frame(<PrtPanel view={view([{ Kind: 'Status', At: t0, Status: missing }])} colour={false} />);
    expect(text).toContain('AzureAdPrt NO · MISSING');
    expect(text).toMatch(/Last try\s+\d{4}-\d\d-\d\d \d\d:\d\d 0xc000006d/);
  });
  it('shows a healthy PRT with its age, expiry and authority', () => {
    const text = frame(<PrtPanel view={view([{ Kind: 'Status', At: '2026-05-14T13:00:00.000Z', Status: healthy }, { Kind: 'Tick', Now: '2026-05-14T13:00:00.000Z' }])} colour={false} />);
    expect(text).toContain('AzureAdPrt YES · HEALTHY');
    expect(text).toContain('Updated   2026-05-14 11:47 · 1h 12m ago');
    expect(text).toMatch(/Expires\s+2026-05-2\d \d\d:\d\d · in \d+d \d\dh/);
    expect(text).toMatch(/Authority\s+login\.microsoftonline\.com/);
  });
  it('changes visibly when a refresh succeeds', () => {
    const renewed = { ...healthy, AzureAdPrtUpdateTime: '2026-05-14T13:00:05.000Z' };
    const text = frame(
      <PrtPanel
        view={view([
          { Kind: 'Status', At: '2026-05-14T13:00:00.000Z', Status: healthy },
          { Kind: 'Status', At: '2026-05-14T13:00:06.000Z', Status: renewed },
          { Kind: 'Tick', Now: '2026-05-14T13:00:06.000Z' },
        ])}
        colour={false}
      />,
    );
    expect(text).toContain('↻ renewed at 13:00:05 (was 2026-05-14 11:47)');
    expect(text).toContain('Updated   2026-05-14 13:00 · 1s ago');
  });
  it('shows a stale PRT as stale', () => {
    const stale = statusOf('stale-prt.txt', '2026-05-20T12:00:00Z');
    expect(frame(<PrtPanel view={view([{ Kind: 'Status', At: '2026-05-20T12:00:00.000Z', Status: stale }])} colour={false} />)).toMatch(/STALE|EXPIRED/);
  });
});

describe('StepsPanel', () => {
  it('shows each state with its mark and the elapsed time', () => {
    const v = view([
      progress(session(t0)),
      progress({ Kind: 'StepDone', At: '2026-11-20T09:30:02.000Z', Step: 'Preflight', Title: 'Preflight checks', Detail: 'elevated' }),
      progress({ Kind: 'StepFailed', At: '2026-11-20T09:30:03.000Z', Step: 'SnapshotBefore', Title: 'dsregcmd /status before', Message: 'access denied' }),
      progress({ Kind: 'StepStarted', At: '2026-11-20T09:30:04.000Z', Step: 'Repro', Title: 'Repro: lock, wait, unlock' }),
      progress({ Kind: 'StepSkipped', At: t0, Step: 'NetworkTrace', Title: 'Network trace (netsh)', Reason: 'left out (--no-network-trace)' }),
      { Kind: 'Tick', Now: '2026-11-20T09:30:34.000Z' },
    ]);
    const text = frame(<StepsPanel steps={v.Steps!} colour={false} />);
    expect(text).toMatch(/✗ dsregcmd \/status before · access denied/);
    expect(text).toMatch(/– Network trace \(netsh\) · left out \(--no-network-trace\)/);
    expect(text).toMatch(/… Repro: lock, wait, unlock\s+30s/);
    expect(text).toMatch(/· Report, manifest and zip/);
  });
  it('shows the undo of a step', () => {
    const v = view([progress(session(t0)), progress({ Kind: 'UndoStarted', At: t0, Step: 'NetworkTrace', Title: 'Network trace (netsh)' })]);
    expect(frame(<StepsPanel steps={v.Steps!} colour={false} />)).toContain('↺ Network trace (netsh) · undoing…');
  });
});

describe('AttemptsPanel', () => {
  it('says none yet before any attempt', () => {
    expect(frame(<AttemptsPanel view={view([progress({ Kind: 'Instruction', At: t0, Text: 'Lock' })])} colour={false} />)).toContain('none yet: waiting for the lock and unlock');
  });
  it('decodes a failed attempt inline from the knowledge base', () => {
    const text = frame(<AttemptsPanel view={view([{ Kind: 'AadEvents', Events: eventsOf('success-after-failures.xml') }])} colour={false} />);
    expect(text).toMatch(/✓ \d\d:\d\d:\d\d PRT attempt succeeded/);
    expect(text).toMatch(/✗ \d\d:\d\d:\d\d 0x[0-9a-f]{8} [A-Z_]+: /);
    expect(text).toMatch(/↳ AADSTS\d+ \w+: /);
  });
  it('decodes a network failure (WinHTTP) of an attempt', () => {
    const text = frame(<AttemptsPanel view={view([{ Kind: 'AadEvents', Events: eventsOf('network-unreachable-12029.xml') }])} colour={false} />);
    expect(text).toMatch(/✗ .*0x[0-9a-f]{8}/);
    expect(text).toMatch(/12029|ERROR_WINHTTP_CANNOT_CONNECT/);
  });
});

describe('EventsPanel', () => {
  it('lists the AAD events one per line', () => {
    const v = view([{ Kind: 'AadEvents', Events: eventsOf('wrong-password-50126.analytic.xml') }], 'Watch');
    const text = frame(<EventsPanel events={v.Events} colour={false} />);
    expect(text).toContain('AAD events (newest last)');
    expect(text).toMatch(/1006 GetToken start/);
  });
  it('says none yet when the log is quiet', () => {
    expect(frame(<EventsPanel events={[]} colour={false} />)).toContain('none yet');
  });
});

describe('PromptPanel', () => {
  it('shows the lock instruction with the hybrid countdown in a box', () => {
    const v = view([progress({ Kind: 'Instruction', At: t0, Text: 'Lock this device now' }), { Kind: 'Tick', Now: '2026-11-20T09:30:05.000Z' }]);
    const text = frame(<PromptPanel prompt={v.Prompt} colour={false} />);
    expect(text).toContain('▶ LOCK the device now (Windows+L). Stay locked: 0:55 left');
    expect(text).toContain('╭');
  });
  it('asks to unlock when the wait is over', () => {
    const v = view([progress({ Kind: 'Instruction', At: t0, Text: 'Lock this device now' }), { Kind: 'Tick', Now: '2026-11-20T09:31:05.000Z' }]);
    expect(frame(<PromptPanel prompt={v.Prompt} colour={false} border={false} />)).toContain('▶ UNLOCK now and sign in as the affected user.');
  });
  it('reports a failed attempt and the collection that follows', () => {
    const v = view([progress({ Kind: 'Observed', At: t0, Outcome: 'AttemptFailed', Detail: '0xc000006d' })]);
    expect(frame(<PromptPanel prompt={v.Prompt} colour={false} />)).toContain('A PRT attempt failed (decoded above). Collecting the traces now…');
  });
  it('reports a renewed PRT', () => {
    const v = view([progress({ Kind: 'Observed', At: t0, Outcome: 'PrtRenewed', Detail: 'renewed' })]);
    expect(frame(<PromptPanel prompt={v.Prompt} colour={false} />)).toContain('The PRT was renewed.');
  });
});

describe('Footer', () => {
  it('shows the keys and the notes', () => {
    const text = frame(<Footer text="s stop watching and collect now · Ctrl+C cancel safely (undoes every change)" notes={['Could not lock']} colour={false} />);
    expect(text).toContain('! Could not lock');
    expect(text).toContain('Ctrl+C cancel safely (undoes every change)');
  });
});

describe('Dashboard (the whole frame)', () => {
  const full = (layout = layoutFor(100, 30)): DashboardView =>
    dashboardView(run(trace, [
      progress(session(t0)),
      { Kind: 'Status', At: t0, Status: missing },
      progress({ Kind: 'Instruction', At: t0, Text: 'Lock' }),
      { Kind: 'AadEvents', Events: eventsOf('success-after-failures.xml') },
      progress({ Kind: 'Warning', At: t0, Text: 'one' }),
      progress({ Kind: 'Warning', At: t0, Text: 'two' }),
    ]), layout);

  it('fits an 80×24 window (fewer rows than the window, no line wider)', () => {
    const layout = layoutFor(80, 24);
    const text = frame(<Dashboard view={full(layout)} layout={layout} colour={false} />);
    const lines = text.split('\n');
    expect(lines.length).toBeLessThan(24);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('puts the panels in one column in a narrow window', () => {
    const text = frame(<Dashboard view={full(layoutFor(60, 40))} layout={layoutFor(60, 40)} colour={false} />);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(text.indexOf('Primary Refresh Token')).toBeLessThan(text.indexOf('Steps'));
  });

  it('draws without escape codes when colour is off (NO_COLOR)', () => {
    const text = frame(<Dashboard view={full()} layout={layoutFor(100, 30)} colour={false} />);
    expect(text).not.toMatch(/\u001b\[/);
  });
});

describe('DashboardApp (store, keys)', () => {
  it('redraws from the store and stops on s', async () => {
    const store = createDashboardStore({ Mode: 'Trace', Now: t0, Keys: true });
    let stopped = 0;
    let interrupted = 0;
    const app = render(<DashboardApp store={store} colour={false} keys={{ onStop: () => (stopped += 1), onInterrupt: () => (interrupted += 1) }} />);
    store.dispatch(progress({ Kind: 'Instruction', At: t0, Text: 'Lock' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.lastFrame()).toContain('LOCK the device now');
    app.stdin.write('s');
    app.stdin.write('\u0003');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(1);
    expect(interrupted).toBe(1);
  });
});

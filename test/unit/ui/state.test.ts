import { describe, expect, it } from 'vitest';
import { dashboardState, initialDashboardState, maxEvents } from '../../../src/ui/state.js';
import { dashboardView } from '../../../src/ui/view.js';
import { eventsOf, progress, run, session, statusOf } from './helpers.js';

const t0 = '2026-11-20T09:30:00.000Z';
const trace = { Mode: 'Trace' as const, Now: t0, HybridWaitSeconds: 60, Keys: true };

describe('dashboardState (the reducer)', () => {
  it('returns the same state for an input that changes nothing, so no redraw happens', () => {
    const state = initialDashboardState(trace);
    expect(dashboardState(state, { Kind: 'Tick', Now: t0 })).toBe(state);
    expect(dashboardState(state, { Kind: 'AadEvents', Events: [] })).toBe(state);
  });

  it('lists the planned steps as pending, then follows each one through start, done and undo', () => {
    let state = run(trace, [progress(session(t0))]);
    expect(state.Steps.map((s) => s.State)).toEqual(['Pending', 'Pending', 'Pending', 'Pending', 'Pending']);
    state = run(trace, [
      progress(session(t0)),
      progress({ Kind: 'StepStarted', At: '2026-11-20T09:30:01.000Z', Step: 'NetworkTrace', Title: 'Network trace (netsh)' }),
      progress({ Kind: 'StepDone', At: '2026-11-20T09:30:04.000Z', Step: 'NetworkTrace', Title: 'Network trace (netsh)', Detail: 'writing x.etl' }),
      progress({ Kind: 'UndoStarted', At: '2026-11-20T09:31:00.000Z', Step: 'NetworkTrace', Title: 'Network trace (netsh)' }),
      progress({ Kind: 'UndoDone', At: '2026-11-20T09:31:25.000Z', Step: 'NetworkTrace', Title: 'Network trace (netsh)', Detail: 'netsh trace stopped' }),
    ]);
    const step = state.Steps.find((s) => s.Id === 'NetworkTrace')!;
    expect(step).toMatchObject({ State: 'Undone', StartedAt: '2026-11-20T09:30:01.000Z', EndedAt: '2026-11-20T09:30:04.000Z', Detail: 'netsh trace stopped' });
  });

  it('keeps a skipped step that was not planned in its place among the steps', () => {
    const state = run(trace, [progress(session(t0)), progress({ Kind: 'StepSkipped', At: t0, Step: 'LsassTrace', Title: 'Time travel trace of lsass', Reason: 'not asked for' })]);
    expect(state.Steps.map((s) => s.Id)).toEqual(['Preflight', 'SnapshotBefore', 'NetworkTrace', 'LsassTrace', 'Repro', 'Report']);
  });

  it('keeps who the device and the user are from a dsregcmd reading', () => {
    const state = run(trace, [{ Kind: 'Status', At: t0, Status: statusOf('missing-prt-0xc000006d-aadsts50126.txt', t0) }]);
    expect(state.Prt).toMatchObject({ AzureAdPrt: false, Health: 'Missing', User: 'lena.hoffmann@contoso.com' });
    expect(state.Prt?.LastAttempt?.Status).toBe('0xc000006d');
  });

  it('marks the PRT renewed when a later reading shows a newer update time', () => {
    const before = statusOf('healthy-aadj.txt', '2026-05-14T13:00:00Z');
    const after = { ...before, AzureAdPrtUpdateTime: '2026-05-14T13:00:05.000Z' };
    const state = run(trace, [
      { Kind: 'Status', At: '2026-05-14T13:00:00.000Z', Status: before },
      { Kind: 'Status', At: '2026-05-14T13:00:06.000Z', Status: after },
    ]);
    expect(state.Renewed).toEqual({ At: '2026-05-14T13:00:05.000Z', Previous: before.AzureAdPrtUpdateTime });
  });

  it('does not call the same reading twice a renewal', () => {
    const before = statusOf('healthy-aadj.txt', '2026-05-14T13:00:00Z');
    const state = run(trace, [
      { Kind: 'Status', At: '2026-05-14T13:00:00.000Z', Status: before },
      { Kind: 'Status', At: '2026-05-14T13:00:06.000Z', Status: before },
    ]);
    expect(state.Renewed).toBeNull();
  });

  it('drops AAD events it already has (same channel and record id)', () => {
    const events = eventsOf('wrong-password-50126.analytic.xml');
    const state = run(trace, [
      { Kind: 'AadEvents', Events: events.slice(0, 2) },
      { Kind: 'AadEvents', Events: events },
    ]);
    expect(state.Events).toHaveLength(events.length);
  });

  it('holds at most the newest events of a long watch', () => {
    const [one] = eventsOf('wrong-password-50126.analytic.xml');
    const many = Array.from({ length: maxEvents + 50 }, (_, i) => ({ ...one!, EventRecordID: i, TimeMs: one!.TimeMs + i }));
    const state = run(trace, [{ Kind: 'AadEvents', Events: many }]);
    expect(state.Events).toHaveLength(maxEvents);
    expect(state.Events.at(-1)?.EventRecordID).toBe(maxEvents + 49);
  });

  it('counts a stop request once', () => {
    const state = run(trace, [{ Kind: 'StopRequested', At: t0 }]);
    expect(dashboardState(state, { Kind: 'StopRequested', At: t0 })).toBe(state);
  });
});

describe('dashboardView (what the panels show)', () => {
  it('counts the hybrid wait down from the instruction, then asks to unlock', () => {
    const base = [progress(session(t0)), progress({ Kind: 'Instruction', At: t0, Text: 'Lock this device now (Windows+L)' })];
    const early = dashboardView(run(trace, [...base, { Kind: 'Tick', Now: '2026-11-20T09:30:18.000Z' }]));
    expect(early.Prompt.Headline).toBe('LOCK the device now (Windows+L). Stay locked: 0:42 left');
    const late = dashboardView(run(trace, [...base, { Kind: 'Tick', Now: '2026-11-20T09:31:01.000Z' }]));
    expect(late.Prompt.Headline).toBe('UNLOCK now and sign in as the affected user.');
  });

  it('asks for lock then unlock at once on an Azure AD joined device (no wait)', () => {
    const state = run(trace, [{ Kind: 'Status', At: t0, Status: statusOf('healthy-aadj.txt', t0) }, progress({ Kind: 'Instruction', At: t0, Text: 'Lock this device now' })]);
    expect(dashboardView(state).Prompt.Headline).toBe('LOCK the device (Windows+L), then UNLOCK and sign in as the affected user.');
  });

  it('tells at once that the PRT was renewed after the instruction, before the trace confirms it', () => {
    const before = statusOf('healthy-aadj.txt', '2026-05-14T13:00:00Z');
    const state = run(trace, [
      { Kind: 'Status', At: '2026-05-14T13:00:00.000Z', Status: before },
      progress({ Kind: 'Instruction', At: '2026-05-14T13:00:01.000Z', Text: 'Lock' }),
      { Kind: 'Status', At: '2026-05-14T13:00:30.000Z', Status: { ...before, AzureAdPrtUpdateTime: '2026-05-14T13:00:29.000Z' } },
    ]);
    expect(dashboardView(state).Prompt).toMatchObject({ Tone: 'ok', Headline: 'The PRT was renewed at 13:00:29.' });
  });

  it('says to do nothing while the traces are being prepared', () => {
    const state = run(trace, [progress(session(t0)), progress({ Kind: 'StepStarted', At: t0, Step: 'Preflight', Title: 'Preflight checks' })]);
    expect(dashboardView(state).Prompt).toMatchObject({ Headline: 'Preparing the traces: do nothing yet.', Detail: 'Preflight checks…' });
  });

  it('decodes a failed attempt in one line, the server code on the next', () => {
    const view = dashboardView(run(trace, [{ Kind: 'AadEvents', Events: eventsOf('wrong-password-50126.analytic.xml') }, { Kind: 'AadEvents', Events: eventsOf('operational-only.xml') }]));
    const failed = view.Attempts.find((a) => a.Line.includes('0xc000006d'))!;
    expect(failed.Line).toMatch(/^\d\d:\d\d:\d\d 0xc000006d STATUS_LOGON_FAILURE: /);
  });

  it('shows an attempt under way between 1006 and 1007', () => {
    const events = eventsOf('success-after-failures.xml');
    const started = events.slice(0, events.length - 1); // the last 1007 not arrived yet
    const view = dashboardView(run(trace, [{ Kind: 'AadEvents', Events: started }, progress({ Kind: 'Instruction', At: t0, Text: 'Lock' })]));
    expect(view.Attempts[0]).toMatchObject({ Mark: '…' });
    expect(view.Attempts[0]!.Line).toContain('PRT attempt under way (1006→1144→1022)');
    expect(view.Prompt.Headline).toBe('Unlocked: a PRT attempt is under way…');
  });

  it('shows a successful attempt and the failed ones before it, newest first', () => {
    const view = dashboardView(run(trace, [{ Kind: 'AadEvents', Events: eventsOf('success-after-failures.xml') }]), { maxAttempts: 3 });
    expect(view.Attempts.map((a) => a.Mark)).toEqual(['✓', '✗', '✗']);
    expect(view.Attempts[1]!.Cause).toMatch(/^AADSTS\d+ /);
  });

  it('ticks the age of the PRT and shows when it was renewed', () => {
    const before = statusOf('healthy-aadj.txt', '2026-05-14T13:00:00Z');
    const view = dashboardView(
      run(trace, [
        { Kind: 'Status', At: '2026-05-14T13:00:00.000Z', Status: before },
        { Kind: 'Tick', Now: '2026-05-14T13:00:30.000Z' },
      ]),
    );
    expect(view.Prt.Headline).toBe('AzureAdPrt YES · HEALTHY');
    expect(view.Prt.Rows.find((r) => r.Label === 'Updated')?.Value).toBe('2026-05-14 11:47 · 1h 13m ago');
    expect(view.Prt.Renewed).toBeNull();
  });

  it('offers the stop key only when keys can be read', () => {
    expect(dashboardView(run(trace, [])).Footer).toBe('s stop watching and collect now · Ctrl+C cancel safely (undoes every change)');
    expect(dashboardView(run({ ...trace, Keys: false }, [])).Footer).toBe('Ctrl+C cancel safely (undoes every change)');
    expect(dashboardView(run({ Mode: 'Watch', Now: t0, Keys: true }, [])).Footer).toBe('q quit · Ctrl+C quit');
  });

  it('says the undo is under way after an interruption', () => {
    const view = dashboardView(run(trace, [progress({ Kind: 'Interrupted', At: t0, Signal: 'SIGINT' })]));
    expect(view.Prompt.Headline).toBe('Interrupted (SIGINT): undoing every change, please wait…');
  });

  it('points to the bundle when the trace is finished', () => {
    const view = dashboardView(run(trace, [progress({ Kind: 'Finished', At: t0, Outcome: 'Completed', BundlePath: '/b', ZipPath: '/b.zip' })]));
    expect(view.Prompt).toMatchObject({ Tone: 'ok', Headline: 'Done (Completed). The bundle is ready.', Detail: '/b.zip' });
    expect(view.Footer).toBe('');
  });

  it('lists the newest AAD events in one line each for the watch', () => {
    const view = dashboardView(run({ Mode: 'Watch', Now: t0 }, [{ Kind: 'AadEvents', Events: eventsOf('wrong-password-50126.analytic.xml') }]));
    expect(view.Steps).toBeNull();
    expect(view.Events[0]).toMatch(/^\d\d:\d\d:\d\d 1006 GetToken start$/);
    expect(view.Events.some((line) => /1007 GetToken stop status 0xc000006d/.test(line))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { AttemptTracker, buildAttempts, newestFirst, reconstructAttempts } from '../../../src/events/attempts.js';
import { timeline } from '../../../src/events/order.js';
import type { AadEvent, Attempt } from '../../../src/events/types.js';
import { data, ev, fixtureEvents } from './helpers.js';

const TOKEN_URL = 'https://login.microsoftonline.com/5b2a9c4e-8d17-4f3a-b6e0-2c9d71a4f358/oauth2/token';
const ALICE = 'S-1-12-1-1845361921-1312823535-2714839694-3462517508';
const BOB = 'S-1-12-1-3032817125-1122337809-3197655456-1090811214';

async function attemptsOf(...fixtures: string[]): Promise<Attempt[]> {
  return buildAttempts(await fixtureEvents(...fixtures));
}

async function onlyAttempt(...fixtures: string[]): Promise<Attempt> {
  const attempts = await attemptsOf(...fixtures);
  expect(attempts).toHaveLength(1);
  return attempts[0] as Attempt;
}

const ids = (a: Attempt | undefined): number[] => a?.Events.map((e) => e.EventId) ?? [];

describe('buildAttempts: the checklist scenarios', () => {
  it('wrong password: 0xc000006d, AADSTS50126 from 1081, the token URL and the UPN', async () => {
    const a = await onlyAttempt('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    expect(a).toMatchObject({
      Start: '2026-11-20T09:13:40.0008604Z',
      Finished: true,
      Status: '0xc000006d',
      Succeeded: false,
      Orphan: false,
      ServerError: { Code: 'AADSTS50126', Error: 'invalid_grant', Source: 'AzureAD' },
      Url: TOKEN_URL,
      Upn: 'alice@contoso.com',
      NetworkSubError: null,
      UserSid: ALICE,
      ProcessId: 812,
      ThreadId: 4404,
    });
    expect(a.End).toMatch(/^2026-11-20T09:13:40\.\d{7}Z$/);
  });

  it('merges the Operational 1081 between the Analytic 1022 and 1007 exported in separate files', async () => {
    const a = await onlyAttempt('wrong-password-50126.operational.xml', 'wrong-password-50126.analytic.xml');
    expect(ids(a)).toEqual([1006, 1144, 1022, 1081, 1007]);
  });

  it('lists record ids with their channel, because each channel counts on its own', async () => {
    const a = await onlyAttempt('wrong-password-50126.analytic.xml', 'wrong-password-50126.operational.xml');
    expect(a.EventRecordIds).toEqual([
      { Channel: 'Microsoft-Windows-AAD/Analytic', EventRecordID: 5310 },
      { Channel: 'Microsoft-Windows-AAD/Analytic', EventRecordID: 5311 },
      { Channel: 'Microsoft-Windows-AAD/Analytic', EventRecordID: 5312 },
      { Channel: 'Microsoft-Windows-AAD/Operational', EventRecordID: 240 },
      { Channel: 'Microsoft-Windows-AAD/Analytic', EventRecordID: 5313 },
    ]);
  });

  it('puts channels appended one after the other back into time order', async () => {
    const a = await onlyAttempt('device-auth-failed-50155.xml');
    expect(ids(a)).toEqual([1006, 1144, 1022, 1081, 1007]);
    expect(a).toMatchObject({ Status: '0xc00000d0', ServerError: { Code: 'AADSTS50155' } });
  });

  it('user not found: AADSTS50034 and the UPN that was sent', async () => {
    const a = await onlyAttempt('user-not-found-50034.event-viewer.xml');
    expect(a).toMatchObject({ ServerError: { Code: 'AADSTS50034' }, Upn: 'alice@contoso.local' });
  });

  it('network unreachable: 0xc000023c, sub-error 12029 and the URL to check', async () => {
    const a = await onlyAttempt('network-unreachable-12029.xml');
    expect(a).toMatchObject({ Status: '0xc000023c', NetworkSubError: { Code: '0x80072efd', WinHttpError: 12029 }, Url: TOKEN_URL, ServerError: null });
  });

  it('timeout: sub-error 12002 from its HRESULT spelling', async () => {
    const a = await onlyAttempt('timeout-12002.xml');
    expect(a).toMatchObject({ Status: '0xc00000c4', NetworkSubError: { WinHttpError: 12002 } });
  });

  it('name not resolved: the raw WinHTTP number 12007', async () => {
    const a = await onlyAttempt('name-not-resolved-12007.xml');
    expect(a).toMatchObject({ Status: '0xc00000be', NetworkSubError: { Code: '12007', WinHttpError: 12007 } });
  });

  it('WS-Trust failure: the SOAP fault text, and the AD FS URL called just before it', async () => {
    const a = await onlyAttempt('wstrust-id3242.xml');
    expect(a).toMatchObject({
      Status: '0xc00484c1',
      ServerError: { Code: 'ID3242', Source: 'WsTrust', Description: 'ID3242: The security token could not be authenticated or authorized.' },
      Url: 'https://sts.fabrikam.com/adfs/services/trust/13/usernamemixed',
      NetworkSubError: { Code: '0x800484c1' },
      Upn: 'carol@fabrikam.com',
    });
  });

  it('WC_E_DTDPROHIBITED: the status and the MEX URL, without a server error', async () => {
    const a = await onlyAttempt('dtd-prohibited-0xc00cee4f.xml');
    expect(a).toMatchObject({ Status: '0xc00cee4f', ServerError: null, Url: 'https://sts.fabrikam.com/adfs/services/trust/mex' });
  });

  it('token broker errors inside the attempt are attached, the app’s one outside is not', async () => {
    const { Attempts, Unattached } = reconstructAttempts(await fixtureEvents('token-broker-1098.toxml.xml'));
    expect(Attempts).toHaveLength(1);
    expect(Attempts[0]?.TokenBrokerErrors.map((t) => [t.EventId, t.Code, t.InnerCode])).toEqual([[1097, '0xcaa7000a', '0xcaa7000a'], [1098, '0xcaa5001c', '0xcaa10009']]);
    expect(Attempts[0]?.Status).toBe('0xcaa5001c');
    expect(Unattached.map((e) => [e.EventId, e.Task])).toEqual([[1098, 103]]);
  });

  it('a success after failures: three attempts, newest first, the newest succeeded', async () => {
    const attempts = await attemptsOf('success-after-failures.xml');
    expect(attempts.map((a) => [a.Status, a.Succeeded])).toEqual([['0x00000000', true], ['0xc000006d', false], ['0xc000006d', false]]);
    expect(attempts[0]?.ServerError).toBeNull();
  });

  it('two users interleaved: each attempt keeps its own events', async () => {
    const attempts = await attemptsOf('two-users-interleaved.xml');
    const bob = attempts.find((a) => a.UserSid === BOB);
    const alice = attempts.find((a) => a.UserSid === ALICE);
    expect(bob).toMatchObject({ Status: '0xc000006d', Upn: 'bob@contoso.com', ServerError: { Code: 'AADSTS50126' } });
    expect(alice).toMatchObject({ Status: '0x00000000', Upn: 'alice@contoso.com', ServerError: null });
    expect(ids(bob)).toEqual([1006, 1144, 1022, 1081, 1007]);
    expect(ids(alice)).toEqual([1006, 1144, 1022, 1007]);
  });

  it('an attempt without 1007 is reported unfinished, next to the finished one', async () => {
    const [latest, earlier] = await attemptsOf('unfinished-attempt.xml');
    expect(latest).toMatchObject({ Finished: false, End: null, Status: null, Succeeded: false, Url: TOKEN_URL, Upn: 'alice@contoso.com' });
    expect(earlier).toMatchObject({ Finished: true, Status: '0x00000000' });
  });

  it('noise from other providers changes nothing', async () => {
    const a = await onlyAttempt('noise-other-providers.xml');
    expect(ids(a)).toEqual([1006, 1144, 1022, 1081, 1007]);
  });

  it('a German rendering gives the same attempt as the English one', async () => {
    const [german] = await attemptsOf('wrong-password-50126.de-DE.xml');
    const [english] = await attemptsOf('wrong-password-50126.utf16le-bom.xml');
    const { Events: _g, ...g } = german as Attempt;
    const { Events: _e, ...e } = english as Attempt;
    expect(g).toEqual(e);
  });
});

describe('buildAttempts: orphans (the Analytic log was off)', () => {
  it('groups CloudAP errors outside any window into orphan attempts without a start', async () => {
    const { Attempts, Unattached } = reconstructAttempts(await fixtureEvents('operational-only.xml'));
    expect(Attempts.map((a) => [a.Orphan, a.Start, a.Finished, ids(a)])).toEqual([
      [true, null, false, [1084]],
      [true, null, false, [1081, 1104]],
    ]);
    expect(Attempts[1]).toMatchObject({ ServerError: { Code: 'AADSTS50126' }, PluginErrors: [{ Api: 'GenericCallPkg', Result: '0xc000006d' }], FirstEventTime: expect.stringMatching(/^2026-11-29T08:12/) });
    expect(Attempts[0]?.NetworkSubError?.WinHttpError).toBe(12029);
    expect(Unattached.map((e) => e.EventId)).toEqual([1098]);
  });

  it('starts a new orphan when the same thread errs again after the gap', () => {
    const attempts = buildAttempts([ev({ EventId: 1081, at: 0 }), ev({ EventId: 1104, at: 1000 }), ev({ EventId: 1081, at: 60_000 })]);
    expect(attempts.map(ids)).toEqual([[1081], [1081, 1104]]);
  });

  it('closes an orphan with a 1007 whose 1006 was lost, taking its status', () => {
    const [a] = buildAttempts([ev({ EventId: 1022, at: 0, Data: data(TOKEN_URL) }), ev({ EventId: 1081, at: 10 }), ev({ EventId: 1007, at: 20, Data: data('0xC000006D') })]);
    expect(a).toMatchObject({ Orphan: true, Start: null, Finished: true, Status: '0xc000006d' });
    expect(ids(a)).toEqual([1081, 1007]);
  });

  it('leaves information events outside any window unattached', () => {
    const { Attempts, Unattached } = reconstructAttempts([ev({ EventId: 1022, at: 0 }), ev({ EventId: 1144, at: 5 })]);
    expect([Attempts.length, Unattached.length]).toEqual([0, 2]);
  });
});

describe('buildAttempts: the matching rule', () => {
  it('with one attempt open, takes every AAD event in between, from any process', () => {
    const [a] = buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1098, at: 5, ProcessId: 9316, ThreadId: 1, Task: 103 }), ev({ EventId: 1007, at: 9, Data: data('0x0') })]);
    expect(ids(a)).toEqual([1006, 1098, 1007]);
  });

  it('separates two interleaved attempts by thread alone', () => {
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, ThreadId: 1 }),
      ev({ EventId: 1006, at: 1, ThreadId: 2 }),
      ev({ EventId: 1081, at: 2, ThreadId: 1, Data: data('invalid_grant', 'AADSTS50126: x', '') }),
      ev({ EventId: 1007, at: 3, ThreadId: 2, Data: data('0x0') }),
      ev({ EventId: 1007, at: 4, ThreadId: 1, Data: data('0xC000006D') }),
    ]);
    expect(attempts.map((a) => [a.ThreadId, a.Status, a.ServerError?.Code ?? null])).toEqual([[2, '0x00000000', null], [1, '0xc000006d', 'AADSTS50126']]);
  });

  it('separates two interleaved attempts by ActivityId on one thread', () => {
    const A = '{00000000-0000-0000-0000-00000000000A}';
    const B = '{00000000-0000-0000-0000-00000000000B}';
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, ActivityId: A, ThreadId: 1 }),
      ev({ EventId: 1006, at: 1, ActivityId: B, ThreadId: 2 }),
      ev({ EventId: 1022, at: 2, ActivityId: A, ThreadId: 9, Data: data('https://a.example/') }),
      ev({ EventId: 1022, at: 3, ActivityId: B, ThreadId: 9, Data: data('https://b.example/') }),
      ev({ EventId: 1007, at: 4, ActivityId: A, ThreadId: 9, Data: data('0x0') }),
      ev({ EventId: 1007, at: 5, ActivityId: B, ThreadId: 9, Data: data('0x0') }),
    ]);
    expect(attempts.map((a) => [a.ActivityId, a.Url])).toEqual([[B, 'https://b.example/'], [A, 'https://a.example/']]);
  });

  it('never gives one user’s event to another user’s attempt', () => {
    const { Attempts, Unattached } = reconstructAttempts([
      ev({ EventId: 1006, at: 0, UserSid: ALICE }),
      ev({ EventId: 1144, at: 1, UserSid: BOB, Data: data('1', 'bob@contoso.com') }),
      ev({ EventId: 1007, at: 2, UserSid: ALICE, Data: data('0x0') }),
    ]);
    expect(Attempts[0]?.Upn).toBeNull();
    expect(Unattached.map((e) => e.UserSid)).toEqual([BOB]);
  });

  it('treats SYSTEM as no user: lsass events join a user’s attempt', () => {
    const [a] = buildAttempts([ev({ EventId: 1006, at: 0, UserSid: ALICE }), ev({ EventId: 1022, at: 1, UserSid: 'S-1-5-18', Data: data(TOKEN_URL) }), ev({ EventId: 1007, at: 2, UserSid: ALICE, Data: data('0x0') })]);
    expect(a?.Url).toBe(TOKEN_URL);
  });

  it('gives a tie to the most recently started attempt', () => {
    const attempts = buildAttempts([ev({ EventId: 1006, at: 0, ThreadId: 1 }), ev({ EventId: 1006, at: 1, ThreadId: 2 }), ev({ EventId: 1022, at: 2, ThreadId: 3, Data: data(TOKEN_URL) })]);
    expect(attempts.map((a) => [a.ThreadId, a.Url])).toEqual([[2, TOKEN_URL], [1, null]]);
  });

  it('ends an attempt unfinished when its thread starts another', () => {
    const attempts = buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1006, at: 100 }), ev({ EventId: 1007, at: 200, Data: data('0x0') })]);
    expect(attempts.map((a) => [a.Finished, a.Status])).toEqual([[true, '0x00000000'], [false, null]]);
  });

  it('stops collecting into an attempt left open longer than maxOpenMs', () => {
    const events = [ev({ EventId: 1006, at: 0 }), ev({ EventId: 1081, at: 20 * 60_000 })];
    expect(buildAttempts(events).map((a) => [a.Orphan, ids(a)])).toEqual([[true, [1081]], [false, [1006]]]);
    expect(buildAttempts(events, { maxOpenMs: 60 * 60_000 }).map(ids)).toEqual([[1006, 1081]]);
  });

  it('keeps the attempts of two computers apart', () => {
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, Computer: 'PC-1' }),
      ev({ EventId: 1006, at: 1, Computer: 'PC-2' }),
      ev({ EventId: 1007, at: 2, Computer: 'PC-1', Data: data('0x0') }),
      ev({ EventId: 1007, at: 3, Computer: 'PC-2', Data: data('0xC000006D') }),
    ]);
    expect(attempts.map((a) => [a.Computer, a.Status])).toEqual([['PC-2', '0xc000006d'], ['PC-1', '0x00000000']]);
  });

  it('takes the URL of the 1022 just before the server error, not a later one', () => {
    const [a] = buildAttempts([
      ev({ EventId: 1006, at: 0 }),
      ev({ EventId: 1022, at: 1, Data: data('https://first.example/') }),
      ev({ EventId: 1022, at: 2, Data: data(TOKEN_URL) }),
      ev({ EventId: 1081, at: 3, Data: data('invalid_grant', 'AADSTS50126: x', '') }),
      ev({ EventId: 1022, at: 4, Data: data('https://after.example/') }),
      ev({ EventId: 1007, at: 5, Data: data('0xC000006D') }),
    ]);
    expect(a?.Url).toBe(TOKEN_URL);
  });

  it('takes a URL-shaped 1084 target when no 1022 was logged', () => {
    const [a] = buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1084, at: 1, Data: data('12029', 'https://login.microsoftonline.com/common/oauth2/token') })]);
    expect(a?.Url).toBe('https://login.microsoftonline.com/common/oauth2/token');
  });
});

describe('timeline', () => {
  it('counts an event read twice once', () => {
    const e = ev({ EventId: 1006, at: 0 });
    expect(timeline([e, { ...e }])).toHaveLength(1);
  });

  it('orders a channel by EventRecordID even when its clock went back', () => {
    const a = ev({ EventId: 1022, at: 50, EventRecordID: 10 });
    const b = ev({ EventId: 1022, at: 10, EventRecordID: 11 });
    expect(timeline([b, a]).map((e) => e.EventRecordID)).toEqual([10, 11]);
  });

  it('puts a 1006 before, and a 1007 after, another channel’s event of the same instant', () => {
    const start = ev({ EventId: 1006, at: 0 });
    const error = ev({ EventId: 1081, at: 0 });
    const stop = ev({ EventId: 1007, at: 100 });
    const late = ev({ EventId: 1084, at: 100 });
    expect(timeline([error, late, stop, start]).map((e) => e.EventId)).toEqual([1006, 1081, 1084, 1007]);
  });
});

describe('AttemptTracker', () => {
  it('gives the same attempts incrementally as buildAttempts', async () => {
    const events = timeline(await fixtureEvents('success-after-failures.xml', 'two-users-interleaved.xml', 'operational-only.xml'));
    const tracker = new AttemptTracker();
    const streamed: Attempt[] = [];
    for (const e of events) streamed.push(...tracker.push(e));
    streamed.push(...tracker.end());
    expect(newestFirst(streamed)).toEqual(buildAttempts(events));
  });

  it('hands over an attempt as soon as its 1007 arrives', () => {
    const tracker = new AttemptTracker();
    expect(tracker.push(ev({ EventId: 1006, at: 0 }))).toEqual([]);
    expect(tracker.push(ev({ EventId: 1007, at: 1, Data: data('0x0') })).map((a) => a.Status)).toEqual(['0x00000000']);
    expect(tracker.end()).toEqual([]);
  });

  it('reports events of other providers as unattached', () => {
    const seen: AadEvent[] = [];
    const tracker = new AttemptTracker({}, (e) => seen.push(e));
    tracker.push(ev({ EventId: 4624, at: 0, Provider: 'Microsoft-Windows-Security-Auditing' }));
    expect(seen.map((e) => e.EventId)).toEqual([4624]);
  });
});

describe('buildAttempts: the edges of the rule', () => {
  const stop = (at: number, status = '0x0', extra: Partial<AadEvent> = {}): AadEvent => ev({ EventId: 1007, at, Data: data(status), ...extra });

  it('keeps collecting for exactly maxOpenMs, and not a millisecond longer', () => {
    const at10min = buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1081, at: 10 * 60_000 })]);
    expect(at10min.map(ids)).toEqual([[1006, 1081]]);
    const later = buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1081, at: 10 * 60_000 + 1 })]);
    expect(later.map(ids)).toEqual([[1081], [1006]]);
  });

  it('measures the orphan gap from the orphan’s last event, up to orphanGapMs inclusive', () => {
    const chain = buildAttempts([ev({ EventId: 1081, at: 0 }), ev({ EventId: 1104, at: 5000 }), ev({ EventId: 1084, at: 10_000 })]);
    expect(chain.map(ids)).toEqual([[1081, 1104, 1084]]);
    const broken = buildAttempts([ev({ EventId: 1081, at: 0 }), ev({ EventId: 1104, at: 5001 })]);
    expect(broken.map(ids)).toEqual([[1104], [1081]]);
    expect(buildAttempts([ev({ EventId: 1081, at: 0 }), ev({ EventId: 1104, at: 5001 })], { orphanGapMs: 6000 }).map(ids)).toEqual([[1081, 1104]]);
  });

  it('joins only the same thread’s events to an orphan; another thread’s error starts its own', () => {
    const { Attempts, Unattached } = reconstructAttempts([
      ev({ EventId: 1081, at: 0, ThreadId: 1 }),
      ev({ EventId: 1022, at: 1, ThreadId: 2, Data: data('https://other.example/') }),
      ev({ EventId: 1022, at: 2, ThreadId: 1, Data: data(TOKEN_URL) }),
      ev({ EventId: 1088, at: 3, ThreadId: 2, Data: data('s:Sender', '<s:Text>ID3242: denied</s:Text>') }),
    ]);
    expect(Attempts.map((a) => [a.ThreadId, ids(a), a.Url, a.ServerError?.Source])).toEqual([
      [2, [1088], null, 'WsTrust'],
      [1, [1081, 1022], TOKEN_URL, 'AzureAD'],
    ]);
    expect(Unattached.map((e) => e.ThreadId)).toEqual([2]);
  });

  it('takes every CloudAP error as orphan evidence, but no token-broker (task 103) one and no warning', () => {
    for (const EventId of [1081, 1084, 1088, 1104]) {
      expect(reconstructAttempts([ev({ EventId, at: 0 })]).Attempts.map((a) => a.Orphan)).toEqual([true]);
      expect(reconstructAttempts([ev({ EventId, at: 0, Task: 103 })]).Unattached).toHaveLength(1);
    }
    expect(reconstructAttempts([ev({ EventId: 1098, at: 0 }), ev({ EventId: 1097, at: 1 })]).Attempts).toEqual([]);
  });

  it('makes a lone 1007 (its 1006 lost, no error before it) an orphan with its status', () => {
    const [a, ...rest] = buildAttempts([stop(0, '0xC000006D')]);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ Orphan: true, Start: null, Finished: true, Status: '0xc000006d', Succeeded: false });
  });

  it('treats computer names without regard to case', () => {
    const attempts = buildAttempts([ev({ EventId: 1006, at: 0, Computer: 'PC-0042' }), stop(1, '0x0', { Computer: 'pc-0042' })]);
    expect(attempts.map((a) => [a.Finished, a.Computer])).toEqual([[true, 'PC-0042']]);
  });

  it('compares ActivityIds without braces and case', () => {
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, ThreadId: 1, ActivityId: '{6F1D2A3B-0001-4C5D-8E9F-0A1B2C3D4E5F}' }),
      ev({ EventId: 1006, at: 1, ThreadId: 2, ActivityId: '{7F1D2A3B-0001-4C5D-8E9F-0A1B2C3D4E5F}' }),
      ev({ EventId: 1022, at: 2, ThreadId: 9, ActivityId: '6f1d2a3b-0001-4c5d-8e9f-0a1b2c3d4e5f', Data: data(TOKEN_URL) }),
    ]);
    expect(attempts.map((a) => [a.ThreadId, a.Url])).toEqual([[2, null], [1, TOKEN_URL]]);
  });

  it('takes the all-zero ActivityId for none: it binds no event to another thread’s attempt', () => {
    const ZERO = '{00000000-0000-0000-0000-000000000000}';
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, ThreadId: 1, ActivityId: ZERO }),
      ev({ EventId: 1006, at: 1, ThreadId: 3, ActivityId: null }),
      ev({ EventId: 1022, at: 2, ThreadId: 1, ActivityId: null, Data: data('https://one.example/') }),
      ev({ EventId: 1022, at: 3, ThreadId: 3, ActivityId: ZERO, Data: data(TOKEN_URL) }),
    ]);
    expect(attempts.map((a) => [a.ThreadId, a.Url])).toEqual([[3, TOKEN_URL], [1, 'https://one.example/']]);
  });

  it('counts a thread id only within the same process', () => {
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, ProcessId: 812, ThreadId: 1 }),
      ev({ EventId: 1006, at: 1, ProcessId: 900, ThreadId: 2 }),
      ev({ EventId: 1022, at: 2, ProcessId: 900, ThreadId: 1, Data: data(TOKEN_URL) }),
      ev({ EventId: 1022, at: 3, ProcessId: 812, ThreadId: 7, Data: data('https://812.example/') }),
    ]);
    expect(attempts.map((a) => [a.ProcessId, a.Url])).toEqual([[900, TOKEN_URL], [812, 'https://812.example/']]);
  });

  it('prefers the attempt of the same user SID, and compares SIDs without regard to case', () => {
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, ProcessId: 1, ThreadId: 1, UserSid: 'S-1-5-18' }),
      ev({ EventId: 1006, at: 1, ProcessId: 2, ThreadId: 2, UserSid: null }),
      ev({ EventId: 1022, at: 2, ProcessId: 3, ThreadId: 3, UserSid: 's-1-5-18', Data: data(TOKEN_URL) }),
    ]);
    expect(attempts.map((a) => [a.ProcessId, a.Url])).toEqual([[2, null], [1, TOKEN_URL]]);
    const [alice] = buildAttempts([ev({ EventId: 1006, at: 0, UserSid: ALICE }), stop(1, '0x0', { UserSid: ALICE.toLowerCase(), ProcessId: 5 })]);
    expect(alice?.Finished).toBe(true);
  });

  it('keeps a domain user’s events (S-1-5-21-…) out of an Entra user’s attempt', () => {
    const DOMAIN_USER = 'S-1-5-21-1004336348-1177238915-682003330-1105';
    const attempts = buildAttempts([ev({ EventId: 1006, at: 0, UserSid: ALICE }), stop(1, '0x0', { UserSid: DOMAIN_USER })]);
    // The domain user's 1007 cannot close Alice's attempt: it stands alone, hers stays unfinished.
    expect(attempts.map((a) => [a.UserSid, a.Orphan, a.Finished])).toEqual([[DOMAIN_USER, true, true], [ALICE, false, false]]);
  });

  it('takes the first 1144 that names a UPN, the last server error and the last network error', () => {
    const [a] = buildAttempts([
      ev({ EventId: 1006, at: 0 }),
      ev({ EventId: 1144, at: 1, Data: data('1', '') }),
      ev({ EventId: 1144, at: 2, Data: data('1', 'alice@contoso.com') }),
      ev({ EventId: 1144, at: 3, Data: data('1', 'later@contoso.com') }),
      ev({ EventId: 1084, at: 4, Data: data('12029', 'x') }),
      ev({ EventId: 1084, at: 5, Data: data('12002', 'y') }),
      ev({ EventId: 1081, at: 6, Data: data('invalid_grant', 'AADSTS50126: x', '') }),
      ev({ EventId: 1081, at: 7, Data: data('invalid_grant', 'AADSTS50034: y', '') }),
      ev({ EventId: 1104, at: 8, Data: data('GenericCallPkg', '3221225581') }),
      stop(9, '0xC000006D'),
    ]);
    expect(a).toMatchObject({ Upn: 'alice@contoso.com', ServerError: { Code: 'AADSTS50034' }, NetworkSubError: { WinHttpError: 12002, Target: 'y' }, PluginErrors: [{ Api: 'GenericCallPkg', Result: '0xc000006d' }] });
  });

  it('gives the first and last event times and the identity of the 1006', () => {
    const [a] = buildAttempts([
      ev({ EventId: 1006, at: 0, ProcessId: 812, ThreadId: 4404, UserSid: ALICE, ActivityId: '{6F1D2A3B-0001-4C5D-8E9F-0A1B2C3D4E5F}' }),
      ev({ EventId: 1022, at: 100, ProcessId: 812, ThreadId: 1, UserSid: 'S-1-5-18', Data: data(TOKEN_URL) }),
      stop(2000, '0x0', { ProcessId: 812, ThreadId: 4404, UserSid: ALICE }),
    ]);
    expect(a).toMatchObject({
      Start: '2026-11-20T09:00:00.000Z',
      End: '2026-11-20T09:00:02.000Z',
      FirstEventTime: '2026-11-20T09:00:00.000Z',
      LastEventTime: '2026-11-20T09:00:02.000Z',
      UserSid: ALICE,
      ProcessId: 812,
      ThreadId: 4404,
      ActivityId: '{6F1D2A3B-0001-4C5D-8E9F-0A1B2C3D4E5F}',
      Succeeded: true,
      SourceFormat: 'EventXml',
    });
  });

  it('takes an orphan’s identity from its first event', () => {
    const [a] = buildAttempts([ev({ EventId: 1081, at: 0, ProcessId: 7, ThreadId: 8, UserSid: BOB }), stop(1, '0xC000006D', { ProcessId: 7, ThreadId: 8, UserSid: BOB })]);
    expect(a).toMatchObject({ Orphan: true, ProcessId: 7, ThreadId: 8, UserSid: BOB, FirstEventTime: '2026-11-20T09:00:00.000Z', LastEventTime: '2026-11-20T09:00:00.001Z' });
  });

  it('says which kind of source the evidence came from', () => {
    const text = (e: AadEvent, SourceFormat: 'EventViewerText' | 'MessageText'): AadEvent => ({
      ...e,
      EventRecordID: 0,
      FromText: { SourceFormat, EventIdFrom: 'Header', EventIdCandidates: [e.EventId], TimeWritten: null, LocalTime: null, TimeZone: 'Unknown', Position: e.EventId },
    });
    const [allText] = buildAttempts([text(ev({ EventId: 1006, at: 0 }), 'EventViewerText'), text(stop(1), 'EventViewerText')]);
    expect(allText?.SourceFormat).toBe('EventViewerText');
    const [mixed] = buildAttempts([ev({ EventId: 1006, at: 0 }), text(stop(1), 'MessageText')]);
    expect(mixed?.SourceFormat).toBe('Mixed');
  });

  it('takes the last URL when there is no error, the first one after an error when none came before it', () => {
    const [noError] = buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1022, at: 1, Data: data('https://first.example/') }), ev({ EventId: 1022, at: 2, Data: data(TOKEN_URL) }), stop(3)]);
    expect(noError?.Url).toBe(TOKEN_URL);
    const [after] = buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1081, at: 1, Data: data('invalid_grant', 'AADSTS50126: x', '') }), ev({ EventId: 1022, at: 2, Data: data(TOKEN_URL) }), stop(3)]);
    expect(after?.Url).toBe(TOKEN_URL);
    const [blank] = buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1022, at: 1, Data: data(TOKEN_URL) }), ev({ EventId: 1022, at: 2, Data: data(' ') }), stop(3)]);
    expect(blank?.Url).toBe(TOKEN_URL);
  });

  it('does not take a 1084 target that is not a URL', () => {
    const [a] = buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1084, at: 1, Data: data('12029', '4c1f9e2a-7b3d-4c8e-a0f1-2d3e4f5a6b7c') })]);
    expect(a?.Url).toBeNull();
  });

  it('lists unattached events in timeline order, other providers included', () => {
    const first = ev({ EventId: 1022, at: 0 });
    const second = ev({ EventId: 4624, at: 10, Provider: 'Microsoft-Windows-Security-Auditing' });
    const third = ev({ EventId: 1144, at: 20 });
    const { Unattached } = reconstructAttempts([third, second, first]);
    expect(Unattached.map((e) => e.EventId)).toEqual([1022, 4624, 1144]);
  });

  it('hands over the open attempts of every computer at the end, and nothing twice', () => {
    const tracker = new AttemptTracker();
    tracker.push(ev({ EventId: 1006, at: 0, Computer: 'PC-1' }));
    tracker.push(ev({ EventId: 1006, at: 1, Computer: 'PC-2' }));
    tracker.push(ev({ EventId: 1081, at: 2, Computer: 'PC-3' }));
    expect(tracker.end().map((a) => [a.Computer, a.Orphan, a.Finished])).toEqual([['PC-1', false, false], ['PC-2', false, false], ['PC-3', true, false]]);
    expect(tracker.end()).toEqual([]);
  });

  it('hands over an attempt that timed out when the next event arrives, and a superseded one at once', () => {
    const tracker = new AttemptTracker({ maxOpenMs: 1000 });
    tracker.push(ev({ EventId: 1006, at: 0 }));
    expect(tracker.push(ev({ EventId: 1022, at: 2000 })).map((a) => [a.Finished, ids(a)])).toEqual([[false, [1006]]]);
    tracker.push(ev({ EventId: 1006, at: 3000 }));
    expect(tracker.push(ev({ EventId: 1006, at: 3001 })).map((a) => a.Start)).toEqual(['2026-11-20T09:00:03.000Z']);
    expect(tracker.end().map((a) => a.Start)).toEqual(['2026-11-20T09:00:03.001Z']);
  });

  it('hands over once an attempt that both timed out and was superseded by its thread’s next 1006', () => {
    const tracker = new AttemptTracker();
    tracker.push(ev({ EventId: 1006, at: 0 }));
    expect(tracker.push(ev({ EventId: 1006, at: 11 * 60_000 })).map((a) => a.Start)).toEqual(['2026-11-20T09:00:00.000Z']);
    expect(buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1006, at: 11 * 60_000 })])).toHaveLength(2);
  });

  it('leaves another provider’s event inside a window out of the attempt', () => {
    const foreign = ev({ EventId: 4624, at: 1, Provider: 'Microsoft-Windows-Security-Auditing' });
    const { Attempts, Unattached } = reconstructAttempts([ev({ EventId: 1006, at: 0 }), foreign, stop(2)]);
    expect(Attempts.map(ids)).toEqual([[1006, 1007]]);
    expect(Unattached).toEqual([foreign]);
    expect(new AttemptTracker().push(foreign)).toEqual([]);
  });

  it('counts an ActivityId present on one side only as no evidence either way', () => {
    const A = '{6F1D2A3B-0001-4C5D-8E9F-0A1B2C3D4E5F}';
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, ThreadId: 1, ActivityId: A }),
      ev({ EventId: 1006, at: 1, ThreadId: 2, ActivityId: null }),
      ev({ EventId: 1022, at: 2, ThreadId: 1, ActivityId: null, Data: data(TOKEN_URL) }),
    ]);
    expect(attempts.map((a) => [a.ThreadId, a.Url])).toEqual([[2, null], [1, TOKEN_URL]]);
    // A different activity counts against an attempt; none at all does not.
    const other = buildAttempts([
      ev({ EventId: 1006, at: 0, ProcessId: 1, ThreadId: 1, ActivityId: '{7F1D2A3B-0001-4C5D-8E9F-0A1B2C3D4E5F}' }),
      ev({ EventId: 1006, at: 1, ProcessId: 2, ThreadId: 2, ActivityId: null }),
      ev({ EventId: 1022, at: 2, ProcessId: 1, ThreadId: 1, ActivityId: A, Data: data(TOKEN_URL) }),
    ]);
    expect(other.map((a) => [a.ProcessId, a.Url])).toEqual([[2, TOKEN_URL], [1, null]]);
  });

  it('does not match ActivityIds that only end alike, nor take "{}" for an activity', () => {
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, ThreadId: 1, ActivityId: '{11111111-2222-3333-4444-555555555550}' }),
      ev({ EventId: 1006, at: 1, ThreadId: 2, ActivityId: '{66666666-7777-8888-9999-000000000000}' }),
      ev({ EventId: 1022, at: 2, ThreadId: 9, ActivityId: '{11111111-2222-3333-4444-555555555550}', Data: data(TOKEN_URL) }),
    ]);
    expect(attempts.map((a) => [a.ThreadId, a.Url])).toEqual([[2, null], [1, TOKEN_URL]]);
    const braces = buildAttempts([
      ev({ EventId: 1006, at: 0, ProcessId: 1, ThreadId: 1, ActivityId: '{}' }),
      ev({ EventId: 1006, at: 1, ProcessId: 2, ThreadId: 2, ActivityId: null }),
      ev({ EventId: 1022, at: 2, ProcessId: 3, ThreadId: 3, ActivityId: '{}', Data: data(TOKEN_URL) }),
    ]);
    expect(braces.map((a) => [a.ProcessId, a.Url])).toEqual([[2, TOKEN_URL], [1, null]]);
  });

  it('takes absent process and thread ids, or an absent SID, for no evidence', () => {
    const noIds = buildAttempts([
      ev({ EventId: 1006, at: 0, ProcessId: null, ThreadId: null }),
      ev({ EventId: 1006, at: 1, ProcessId: 5, ThreadId: 5 }),
      ev({ EventId: 1022, at: 2, ProcessId: null, ThreadId: null, Data: data(TOKEN_URL) }),
    ]);
    expect(noIds.map((a) => [a.ProcessId, a.Url])).toEqual([[5, TOKEN_URL], [null, null]]);
    const noThread = buildAttempts([
      ev({ EventId: 1006, at: 0, ProcessId: 5, ThreadId: null }),
      ev({ EventId: 1006, at: 1, ProcessId: 5, ThreadId: 7 }),
      ev({ EventId: 1022, at: 2, ProcessId: 5, ThreadId: null, Data: data(TOKEN_URL) }),
    ]);
    expect(noThread.map((a) => [a.ThreadId, a.Url])).toEqual([[7, TOKEN_URL], [null, null]]);
    const noSid = buildAttempts([
      ev({ EventId: 1006, at: 0, ProcessId: 1, ThreadId: 1, UserSid: 'S-1-5-18' }),
      ev({ EventId: 1006, at: 1, ProcessId: 2, ThreadId: 2, UserSid: null }),
      ev({ EventId: 1022, at: 2, ProcessId: 3, ThreadId: 3, UserSid: null, Data: data(TOKEN_URL) }),
    ]);
    expect(noSid.map((a) => [a.ProcessId, a.Url])).toEqual([[2, TOKEN_URL], [1, null]]);
  });

  it('lets a 1006 end only the attempt of its own process and thread', () => {
    const attempts = buildAttempts([
      ev({ EventId: 1006, at: 0, ProcessId: 1, ThreadId: 5 }),
      ev({ EventId: 1006, at: 1, ProcessId: 2, ThreadId: 5 }),
      stop(2, '0x0', { ProcessId: 1, ThreadId: 5 }),
    ]);
    expect(attempts.map((a) => [a.ProcessId, a.Finished])).toEqual([[2, false], [1, true]]);
  });

  it('takes the UPN from a 1144 only, not from the second field of another event', () => {
    const [a] = buildAttempts([
      ev({ EventId: 1006, at: 0 }),
      ev({ EventId: 1098, at: 1, Data: data('3399811100', 'Token broker operation failed.', '') }),
      ev({ EventId: 1104, at: 2, Data: data('GenericCallPkg', '3221225581') }),
      ev({ EventId: 1144, at: 3, Data: data('1', 'alice@contoso.com') }),
      stop(4),
    ]);
    expect(a?.Upn).toBe('alice@contoso.com');
  });

  it('takes an http or https 1084 target only when the whole target is a URL', () => {
    const urlOfTarget = (target: string): string | null => buildAttempts([ev({ EventId: 1006, at: 0 }), ev({ EventId: 1084, at: 1, Data: data('12029', target) })])[0]?.Url ?? null;
    expect(urlOfTarget('http://sts.fabrikam.com/adfs/services/trust/mex')).toBe('http://sts.fabrikam.com/adfs/services/trust/mex');
    expect(urlOfTarget('see https://login.microsoftonline.com/common')).toBeNull();
  });

  it('sorts attempts newest first by their first event', () => {
    const at = (ms: number): Attempt => ({ Events: [ev({ EventId: 1006, at: ms })] }) as unknown as Attempt;
    expect(newestFirst([at(1), at(3), at(2)]).map((a) => a.Events[0]?.TimeMs)).toEqual([3, 2, 1].map((ms) => Date.UTC(2026, 10, 20, 9) + ms));
  });
});

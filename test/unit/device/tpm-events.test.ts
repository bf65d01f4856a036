import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEventText } from '../../../src/events/parse.js';
import type { AadEvent } from '../../../src/events/types.js';
import { isTpmClearEvent, keepTpmEvents, tpmEventFacts, tpmEventQuery, tpmEventXPath } from '../../../src/device/tpm-events.js';

const fixture = (name: string) => new URL(`../../fixtures/device/${name}`, import.meta.url).pathname;
const eventsOf = (text: string): AadEvent[] => parseEventText(text, { source: 'wevtutil qe System', keep: keepTpmEvents }).flatMap((item) => ('event' in item ? [item.event] : []));
const event = (provider: string, id: number, data: string[], message = ''): string =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${provider}'/><EventID>${id}</EventID><Level>2</Level><TimeCreated SystemTime='2026-11-24T08:00:00.0000000Z'/><EventRecordID>1</EventRecordID><Channel>System</Channel><Computer>PC</Computer></System><EventData>${data.map((d) => `<Data>${d}</Data>`).join('')}</EventData><RenderingInfo Culture='en-US'><Message>${message}</Message></RenderingInfo></Event>`;

describe('the TPM events of the System log', () => {
  it('asks for both providers, their ids, and 7 days back from now, newest first and at most 50', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(tpmEventXPath(now)).toBe(
      "*[System[Provider[@Name='TPM' or @Name='Microsoft-Windows-TPM-WMI'] and (EventID=2 or EventID=12 or EventID=14 or EventID=15 or EventID=17 or EventID=27 or EventID=29 or EventID=32 or EventID=33 or EventID=1026 or EventID=1793 or EventID=1794) and TimeCreated[@SystemTime>='2026-11-17T12:00:00.000Z']]]",
    );
    expect(tpmEventQuery(now)).toEqual(['qe', 'System', `/q:${tpmEventXPath(now)}`, '/c:50', '/rd:true', '/f:RenderedXml']);
  });

  it('reads the fixture: codes from the payload in any spelling, none from a status that is not a failure', () => {
    expect(tpmEventFacts(eventsOf(readFileSync(fixture('wevtutil-system-tpm-events.xml'), 'utf8')))).toEqual([
      { Provider: 'Microsoft-Windows-TPM-WMI', EventId: 1026, TimeCreated: '2026-11-24T10:31:07.2214410Z', Codes: ['0x80280803'] },
      { Provider: 'TPM', EventId: 17, TimeCreated: '2026-11-24T09:12:40.5530012Z', Codes: [] },
      { Provider: 'Microsoft-Windows-TPM-WMI', EventId: 1026, TimeCreated: '2026-11-24T08:02:51.9047720Z', Codes: ['0x80280803'] },
    ]);
  });

  it('takes hex, unsigned and signed decimal codes alike, and a code in the message when the payload has none', () => {
    const facts = tpmEventFacts(eventsOf([
      event('Microsoft-Windows-TPM-WMI', 1026, ['0x80280921', '0x840000']),
      event('Microsoft-Windows-TPM-WMI', 1026, ['2150107425', '8650752']),
      event('TPM', 32, ['1', 'x'], 'TpmApi failed: 0x80290407.'),
      event('TPM', 17, ['42']),
    ].join('\r\n')));
    expect(facts.map((f) => f.Codes)).toEqual([['0x80280921'], ['0x80280921'], ['0x80290407'], []]);
  });

  it('keeps only the TPM providers\' chosen events', () => {
    expect(keepTpmEvents('TPM', 17)).toBe(true);
    expect(keepTpmEvents('microsoft-windows-tpm-wmi', 1026)).toBe(true);
    expect(keepTpmEvents('Microsoft-Windows-TPM-WMI', 1801)).toBe(false);
    expect(keepTpmEvents('Microsoft-Windows-Kernel-General', 17)).toBe(false);
  });

  it('knows the clears: TPM 33 and TPM-WMI 1793', () => {
    expect(isTpmClearEvent({ Provider: 'TPM', EventId: 33 })).toBe(true);
    expect(isTpmClearEvent({ Provider: 'Microsoft-Windows-TPM-WMI', EventId: 1793 })).toBe(true);
    expect(isTpmClearEvent({ Provider: 'Microsoft-Windows-TPM-WMI', EventId: 1026 })).toBe(false);
  });
});

describe('which payload values are failure codes', () => {
  const codesOf = (data: string[], message = '') => tpmEventFacts(eventsOf(event('Microsoft-Windows-TPM-WMI', 1026, data, message)))[0]?.Codes;

  it('takes the 32-bit values with the severity bit, from 0x80000000 to 0xFFFFFFFF, in either decimal sign', () => {
    expect(codesOf(['2147483648'])).toEqual(['0x80000000']);
    expect(codesOf(['-2147483648'])).toEqual(['0x80000000']);
    expect(codesOf(['4294967295'])).toEqual(['0xffffffff']);
    expect(codesOf(['2147483647', '-1'])).toEqual(['0xffffffff']);
  });

  it('refuses values beyond 32 bits even when their low 32 bits look like a failure', () => {
    expect(codesOf(['6442450944'])).toEqual([]);
    expect(codesOf(['-6442450943'])).toEqual([]);
  });

  it('reads the message only when the payload has no code, and keeps only failure codes from it', () => {
    expect(codesOf(['0x80280921'], 'TpmApi failed: 0x80290407.')).toEqual(['0x80280921']);
    expect(codesOf(['1'], 'status 0x00000001, then 0x80290407.')).toEqual(['0x80290407']);
    expect(codesOf([], 'status 0x00000001.')).toEqual([]);
  });
});

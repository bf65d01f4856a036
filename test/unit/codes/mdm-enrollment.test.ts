// The MDM enrolment codes of Entra join tickets (src/codes/kb/mdm.ts): known with cause and fix,
// named as the Windows SDK names them, and explained in the real ticket that pasted one.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { explainText } from '../../../src/codes/index.js';
import { MDM_ENROLLMENT } from '../../../src/codes/kb/mdm.js';
import { readSdkHeaders } from '../../../scripts/code-names.js';
import { ok } from './helpers.js';

const winerror = readSdkHeaders().winerror;
const TICKET = 'kb-digest-aadj-80180026-no-0x-prefix-1104-0xc000023c.md';

describe('MDM enrolment codes', () => {
  test.each(MDM_ENROLLMENT.map((e) => [`0x${(e.Value ?? 0).toString(16)}`, e.Name] as const))('%s is known as %s, with cause and fix', (hex, name) => {
    const r = ok(hex);
    expect([r.Known, r.Family, r.Name]).toEqual([true, 'HRESULT', name]);
    expect(r.Causes.length).toBeGreaterThan(0);
    expect(r.Solutions.length).toBeGreaterThan(0);
    expect(r.Summary).not.toContain('a name only');
  });

  test('every name is the one winerror.h gives the value', () => {
    const named = MDM_ENROLLMENT.filter((e) => e.Name !== null);
    expect(named.filter((e) => winerror.get(e.Name ?? '')?.value !== e.Value).map((e) => e.Name)).toEqual([]);
    expect(named.length).toBeGreaterThanOrEqual(6);
  });

  test('0x8018002b has no name: the co-management page\'s MENROLL_E_MDM_NOT_CONFIGURED is 0x80180031 in winerror.h', () => {
    expect(winerror.get('MENROLL_E_MDM_NOT_CONFIGURED')?.value).toBe(0x80180031);
    expect(ok('0x8018002b').Name).toBeNull();
    expect(ok('MENROLL_E_MDM_NOT_CONFIGURED').Hex).toBe('0x80180031');
  });
});

describe('the real ticket that pasted 80180026 without 0x', () => {
  const [first] = explainText(readFileSync(`test/fixtures/real/tickets/${TICKET}`, 'utf8'), TICKET).Codes;

  test('explains it by name, with the agent-and-automatic-enrolment cause the ticket\'s own root cause gives', () => {
    expect(first?.Code).toBe('80180026');
    expect([first?.Explanation.Known, first?.Explanation.Name]).toEqual([true, 'MENROLL_E_DEVICE_MANAGEMENT_BLOCKED']);
    expect(first?.Explanation.Causes.join(' ')).toMatch(/automatic MDM enrolment.*Intune PC client/i);
    expect(first?.Explanation.Solutions.join(' ')).toMatch(/MDM user scope/);
  });
});

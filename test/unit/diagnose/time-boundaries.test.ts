import { describe, expect, it } from 'vitest';
import { evaluateStatus } from '../../../src/diagnose/evaluate.js';
import type { StatusSource } from '../../../src/diagnose/status-types.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import { parseDsregTime } from '../../../src/dsreg/values.js';

const source: StatusSource = { Kind: 'File', Path: 'capture.txt', Encoding: 'utf-8' };

const capture = (update: string, expiry: string) =>
  [
    '+----------------------------------------------------------------------+',
    '| Device State                                                         |',
    '+----------------------------------------------------------------------+',
    '             AzureAdJoined : YES',
    '              DomainJoined : NO',
    '+----------------------------------------------------------------------+',
    '| SSO State                                                            |',
    '+----------------------------------------------------------------------+',
    '                AzureAdPrt : YES',
    `      AzureAdPrtUpdateTime : ${update}`,
    `      AzureAdPrtExpiryTime : ${expiry}`,
  ].join('\r\n');

const healthAt = (now: string, update = '2026-11-20 08:00:00.000 UTC', expiry = '2026-12-04 08:00:00.000 UTC') =>
  evaluateStatus(parseDsregcmd(capture(update, expiry), { source: 'capture.txt', encoding: 'utf-8' }), { now: new Date(now), systemNow: new Date(now), source }).Health;

describe('time boundaries of the PRT rules', () => {
  it('is expired at the very instant of its expiry time', () => {
    expect(healthAt('2026-12-04T08:00:00.000Z', '2026-12-04 07:00:00.000 UTC')).toBe('Expired');
  });

  it('is not expired a millisecond before its expiry time', () => {
    expect(healthAt('2026-12-04T07:59:59.999Z', '2026-12-04 07:00:00.000 UTC')).not.toBe('Expired');
  });

  it('is still fresh at exactly 4 hours and stale just after', () => {
    expect(healthAt('2026-11-20T12:00:00.000Z')).toBe('Healthy');
    expect(healthAt('2026-11-20T12:06:00.000Z')).toBe('Stale');
  });
});

describe('fractional seconds of dsregcmd times', () => {
  it('reads the digits after the point as a fraction of a second, not as milliseconds', () => {
    expect(parseDsregTime('2020-07-12 22:57:53.5 UTC')).toBe('2020-07-12T22:57:53.500Z');
    expect(parseDsregTime('2020-07-12 22:57:53.05 UTC')).toBe('2020-07-12T22:57:53.050Z');
    expect(parseDsregTime('2020-07-12 22:57:53.123 UTC')).toBe('2020-07-12T22:57:53.123Z');
  });
});

/**
 * Property (issue 12): a capture the simulator renders (src/sim/dsregcmd.ts) and the parser reads
 * back (src/dsreg, through the status) keeps every field it was given: names, ids, the join, the
 * PRT and its times, the attempt's diagnostics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateStatus } from '../../../src/diagnose/evaluate.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import { dsregTime, renderDsregcmd, type SimPrtState } from '../../../src/sim/dsregcmd.js';
import type { ScenarioAttempt, ScenarioDevice } from '../../../src/sim/scenario.js';

// A value as people name things: letters (accented, CJK), digits, inner spaces, dots and dashes;
// never empty, never a word dsregcmd uses for "no value" (NO, UNKNOWN, NOT SET), never a run of
// three x, which people use to redact (`XXX Corp` is read as a redacted name).
const word = fc.string({ unit: fc.constantFrom(...'abcXYZ019éüßÅ東京-_.:'), minLength: 1, maxLength: 12 }).filter((value) => !/x{3}/i.test(value));
const text = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '))
  .filter((value) => !/^(yes|no|unknown|not set|none|null|n\/a)$/i.test(value) && !/^[-_.]+$/.test(value));
const guid = fc.uuid({ version: 4 });
const hexStatus = fc.integer({ min: 0x80000000, max: 0xffffffff }).map((u) => `0x${u.toString(16).padStart(8, '0')}`);
// Whole seconds in 2020–2030, as dsregcmd prints them (milliseconds kept).
const time = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

const device = fc.record({
  DeviceName: text,
  DeviceId: guid,
  TenantName: text,
  TenantId: guid,
  JoinType: fc.constantFrom('HybridAzureAdJoined', 'AzureAdJoined'),
  DomainName: fc.option(word.map((w) => `${w.replace(/[^a-z0-9]/gi, '') || 'corp'}.example`), { nil: null }),
  UserPrincipalName: word.map((w) => `${w.replace(/[^a-z0-9]/gi, '') || 'user'}@contoso.com`),
  AccountName: fc.constant('CONTOSO\\user'),
  FederationAuthority: fc.constant(null),
}) satisfies fc.Arbitrary<ScenarioDevice>;

const attempt = fc.record({
  Kind: fc.constantFrom('Acquire', 'Refresh'),
  AttemptStatus: hexStatus,
  CredentialType: fc.constantFrom('Password', 'Certificate', 'NGC'),
  CorrelationId: guid,
  EndpointUri: guid.map((tenant) => `https://login.microsoftonline.com/${tenant}/oauth2/token/`),
  HttpMethod: fc.constant('POST'),
  HttpError: hexStatus,
  HttpStatus: fc.constantFrom(200, 400, 401, 500),
  ServerErrorCode: fc.constantFrom('invalid_grant', 'invalid_request', 'interaction_required'),
  ServerErrorDescription: fc.integer({ min: 10_000, max: 999_999 }).map((n) => `AADSTS${n}: the server said no.`),
}) satisfies fc.Arbitrary<ScenarioAttempt>;

const prt = fc.record({
  AzureAdPrt: fc.boolean(),
  UpdateTimeMs: fc.option(time, { nil: null }),
  LastAttempt: fc.option(fc.tuple(attempt, time).map(([a, at]) => ({ ...a, AtMs: at })), { nil: null }),
  EnterprisePrtUpdateTimeMs: fc.constant(null),
}) satisfies fc.Arbitrary<SimPrtState>;

const iso = (ms: number) => new Date(ms).toISOString();

describe('a rendered capture read back', () => {
  it('keeps every field it was rendered with', () => {
    fc.assert(
      fc.property(device, prt, time, (d, p, now) => {
        const text = renderDsregcmd(d, p, now);
        const status = evaluateStatus(parseDsregcmd(text, { source: 'rendered', encoding: 'utf-8' }), { systemNow: new Date(now), source: { Kind: 'File', Path: null, Encoding: 'utf-8' } });
        expect(status.DeviceName).toBe(d.DeviceName);
        expect(status.DeviceId).toBe(d.DeviceId);
        expect(status.TenantName).toBe(d.TenantName);
        expect(status.TenantId).toBe(d.TenantId);
        expect(status.JoinType).toBe(d.JoinType);
        expect(status.DomainName).toBe(d.JoinType === 'HybridAzureAdJoined' ? d.DomainName : null);
        expect(status.AzureAdPrt).toBe(p.AzureAdPrt);
        expect(status.AzureAdPrtUpdateTime).toBe(p.AzureAdPrt && p.UpdateTimeMs !== null ? iso(p.UpdateTimeMs) : null);
        const a = p.LastAttempt;
        if (a === null) {
          expect(status.Diagnostics).toEqual([]);
          return;
        }
        expect(status.Diagnostics).toHaveLength(1);
        expect(status.Diagnostics[0]).toMatchObject({
          Prt: 'AzureAd',
          Kind: a.Kind,
          PreviousPrtAttempt: iso(a.AtMs),
          AttemptStatus: a.AttemptStatus,
          UserIdentity: d.UserPrincipalName,
          CredentialType: a.CredentialType,
          CorrelationId: a.CorrelationId,
          EndpointUri: a.EndpointUri,
          HttpMethod: a.HttpMethod,
          HttpError: a.HttpError,
          HttpStatus: a.HttpStatus,
          ServerErrorCode: a.ServerErrorCode,
          ServerErrorDescription: a.ServerErrorDescription,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('renders times the way dsregcmd prints them', () => {
    fc.assert(
      fc.property(time, (ms) => {
        expect(dsregTime(ms)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC$/);
      }),
    );
  });
});

/**
 * Property (issue 12): redaction replaces who and where, never what went wrong. A capture with
 * random names, ids and a failed attempt, redacted (src/safety/redact.ts) as text and as the
 * status document, keeps the diagnosis: health, the PRT, the join, the attempt's codes, the findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateStatus } from '../../../src/diagnose/evaluate.js';
import type { PrtStatus } from '../../../src/diagnose/status-types.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import { Redactor } from '../../../src/safety/redact.js';
import { renderDsregcmd, type SimPrtState } from '../../../src/sim/dsregcmd.js';
import type { ScenarioDevice } from '../../../src/sim/scenario.js';

// Names as machines and directories give them (a letter, then letters and at least one digit):
// a word that is also one of dsregcmd's labels (a device called "State") is not a name to test.
const name = fc
  .tuple(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 3, maxLength: 8 }), fc.integer({ min: 1, max: 9999 }))
  .map(([letters, digits]) => `${letters}${digits}`);
// A random GUID; one starting 0000000 has the shape of redaction's own pseudonyms, which it leaves alone.
const guid = fc.uuid({ version: 4 }).filter((g) => !g.startsWith('0000000'));
const hours = 3_600_000;
const now = Date.UTC(2026, 10, 20, 9, 0, 0);

const capture = fc
  .record({
    device: name,
    user: name,
    domain: name,
    tenant: name,
    deviceId: guid,
    tenantId: guid,
    hybrid: fc.boolean(),
    prt: fc.boolean(),
    ageHours: fc.integer({ min: 0, max: 400 }),
    status: fc.constantFrom('0xc000006d', '0xc000006a', '0xc0000234', '0x80072ee2', '0xcaa10001', '0xc00484b2'),
    server: fc.constantFrom(['invalid_grant', 'AADSTS50126: Error validating credentials.'], ['interaction_required', 'AADSTS50076: MFA is needed.'], ['', '']),
    attempt: fc.boolean(),
  })
  .map((c) => {
    const device: ScenarioDevice = {
      DeviceName: c.device,
      DeviceId: c.deviceId,
      TenantName: c.tenant,
      TenantId: c.tenantId,
      JoinType: c.hybrid ? 'HybridAzureAdJoined' : 'AzureAdJoined',
      DomainName: c.hybrid ? `${c.domain}.example` : null,
      UserPrincipalName: `${c.user}@${c.domain}.example`,
      AccountName: `${c.domain.toUpperCase()}\\${c.user}`,
      FederationAuthority: null,
    };
    const prt: SimPrtState = {
      AzureAdPrt: c.prt,
      UpdateTimeMs: now - c.ageHours * hours,
      LastAttempt: c.attempt
        ? {
            Kind: 'Refresh',
            AttemptStatus: c.status,
            CredentialType: 'Password',
            CorrelationId: c.deviceId,
            EndpointUri: `https://login.microsoftonline.com/${c.tenantId}/oauth2/token/`,
            HttpMethod: 'POST',
            HttpError: '0x0',
            HttpStatus: 400,
            ServerErrorCode: c.server[0],
            ServerErrorDescription: c.server[1],
            AtMs: now - hours,
          }
        : null,
      EnterprisePrtUpdateTimeMs: null,
    };
    return { text: renderDsregcmd(device, prt, now), identifiers: [c.device, c.user, c.tenant, c.deviceId, c.tenantId] };
  });

const statusOf = (text: string) =>
  evaluateStatus(parseDsregcmd(text, { source: 'capture', encoding: 'utf-8' }), { now: new Date(now), systemNow: new Date(now), source: { Kind: 'File', Path: null, Encoding: 'utf-8' } });

/** What the diagnosis is made of: none of it names a person, a device or a tenant. */
const diagnosisOf = (status: PrtStatus) => ({
  Health: status.Health,
  JoinType: status.JoinType,
  AzureAdPrt: status.AzureAdPrt,
  AzureAdPrtUpdateTime: status.AzureAdPrtUpdateTime,
  PrtAgeHours: status.PrtAgeHours,
  Findings: status.Findings.map((finding) => finding.Id),
  Attempts: status.Diagnostics.map((d) => [d.Kind, d.AttemptStatus, d.HttpStatus, d.HttpError, d.ServerErrorCode, d.ServerErrorDescription]),
});

describe('redaction', () => {
  it('of a capture keeps its diagnosis and removes its identifiers', () => {
    fc.assert(
      fc.property(capture, ({ text, identifiers }) => {
        const redactor = new Redactor();
        redactor.learnText(text);
        const redacted = redactor.text(text);
        for (const identifier of identifiers) expect(redacted.toLowerCase()).not.toContain(identifier.toLowerCase());
        expect(diagnosisOf(statusOf(redacted))).toEqual(diagnosisOf(statusOf(text)));
      }),
      { numRuns: 150 },
    );
  });

  it('of a status document keeps its diagnosis', () => {
    fc.assert(
      fc.property(capture, ({ text }) => {
        const status = statusOf(text);
        const redactor = new Redactor();
        redactor.learnText(text);
        expect(diagnosisOf(redactor.deep(status))).toEqual(diagnosisOf(status));
      }),
      { numRuns: 150 },
    );
  });
});

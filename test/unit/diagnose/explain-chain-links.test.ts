/** The chain of one attempt built from the evidence of real-shaped events: which links, in which order, and no link twice. */
import { describe, expect, it } from 'vitest';
import { fromDiagnostics, fromEvents, summarise } from '../../../src/diagnose/attempts.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import { explainAttempt, serverCodeIn, type AttemptEvidence } from '../../../src/diagnose/explain-chain.js';
import { buildAttempts } from '../../../src/events/attempts.js';
import { fixtureEvents } from '../events/helpers.js';

const evidence = (overrides: Partial<AttemptEvidence>): AttemptEvidence => ({ Status: null, StatusFoundIn: 'event 1007', ServerError: null, NetworkSubError: null, TokenBrokerErrors: [], Url: null, ...overrides });

describe('token broker errors in the chain', () => {
  it('a 1098 that repeats the status (a code without a name) is not a second link, and the summary does not explain a code by itself', async () => {
    const [attempt] = buildAttempts(await fixtureEvents('token-broker-1098.toxml.xml')).map(fromEvents);
    expect(attempt?.Explanation.map((l) => [l.Code, l.FoundIn])).toEqual([
      ['0xcaa5001c', 'event 1007, Analytic #5313'],
      ['0xcaa7000a', 'event 1097, Operational #241'],
    ]);
    expect(summarise([attempt!])).toMatch(/^1 of 1 PRT attempt failed; the newest failed with 0xcaa5001c, because of 0xcaa7000a \(ERROR_INET_CONNECTION_TIMEOUT\): /);
  });

  it('a broker code named like a link already in the chain is not repeated, in any spelling', () => {
    const chain = explainAttempt(
      evidence({ Status: '0xc000006d', TokenBrokerErrors: [{ Code: '0xC000006D', FoundIn: 'event 1098' }, { Code: '-1073741715', FoundIn: 'event 1097' }, { Code: '0xcaa7000a', FoundIn: 'event 1097' }] }),
    ).Explanation;
    expect(chain.map((l) => [l.Code, l.FoundIn])).toEqual([
      ['0xc000006d', 'event 1007'],
      ['0xcaa7000a', 'event 1097'],
    ]);
  });

  it('a broker code that is not a code is left out', () => {
    expect(explainAttempt(evidence({ TokenBrokerErrors: [{ Code: 'not a code', FoundIn: 'event 1098' }] })).Explanation).toEqual([]);
  });
});

describe('the steps of the chain', () => {
  it('names the URL only for a network failure, and lists each step once', () => {
    const network = explainAttempt(evidence({ Status: '0xc000023c', NetworkSubError: { Code: '12029', FoundIn: 'event 1084' }, Url: null }));
    expect(network.NextSteps.join(' ')).not.toContain('reaches');
    const server = explainAttempt(evidence({ Status: '0xc000006d', Url: 'https://login.microsoftonline.com/common/oauth2/token', ServerError: { Code: 'AADSTS50126', Description: null, Source: 'AzureAD', FoundIn: 'event 1081' } }));
    expect(server.NextSteps.join(' ')).not.toContain('reaches');
    expect(new Set(server.NextSteps).size).toBe(server.NextSteps.length);
  });

  it('leaves out a server code it cannot read and keeps the rest of the chain', () => {
    const chain = explainAttempt(evidence({ Status: '0xc000006d', ServerError: { Code: null, Description: 'Something went wrong.', Source: 'AzureAD', FoundIn: 'event 1081' } })).Explanation;
    expect(chain.map((l) => l.Code)).toEqual(['0xc000006d']);
  });
});

describe('serverCodeIn', () => {
  it('finds a code anywhere in the description, only as a whole word', () => {
    expect(serverCodeIn('invalid_grant: AADSTS700016: Application not found')).toBe('AADSTS700016');
    expect(serverCodeIn('MSIS9682: Received invalid OAuth JWT Bearer request.')).toBe('MSIS9682');
    expect(serverCodeIn('XAADSTS50126 is not a code')).toBeNull();
    expect(serverCodeIn('AADSTS12 is too short')).toBeNull();
    expect(serverCodeIn(null)).toBeNull();
    expect(serverCodeIn('')).toBeNull();
  });
});

describe('codes without a published name', () => {
  it('two different codes that both have no name are two links: only the same code is a repeat', () => {
    // 0xcaa5001c (the broker's generic failure) has no published name; nor has a code the knowledge base does not know.
    const chain = explainAttempt(evidence({ Status: '0xcaa5001c', TokenBrokerErrors: [{ Code: '0xcaa50021', FoundIn: 'event 1098' }] })).Explanation;
    expect(chain.map((l) => [l.Code, l.Name, l.FoundIn])).toEqual([
      ['0xcaa5001c', null, 'event 1007'],
      ['0xcaa50021', null, 'event 1098'],
    ]);
  });
});

describe('a network error that cannot be read', () => {
  it('a capture cut inside the HTTP Error value leaves the network link out and keeps the rest of the chain', () => {
    const RULE = `+${'-'.repeat(70)}+`;
    const row = (name: string, value: string) => `${name.padStart(26)} : ${value}`;
    const text = [RULE, `| ${'SSO State'.padEnd(69)}|`, RULE, '', row('AzureAdPrt', 'NO'), row('AcquirePrtDiagnostics', 'PRESENT'), row('Previous Prt Attempt', '2026-11-20 09:13:40.000 UTC'), row('Attempt Status', '0xc000023c'), row('HTTP Error', '0x')].join('\r\n');
    const [block] = parseDsregcmd(text, { source: 'ticket.txt', encoding: 'utf-8' }).Diagnostics;
    expect(block?.HttpError).toBe('0x');
    const attempt = block ? fromDiagnostics(block) : undefined;
    expect(attempt?.Explanation.map((l) => [l.Code, l.FoundIn])).toEqual([['0xc000023c', 'dsregcmd AcquirePrtDiagnostics (AzureAdPrt): Attempt Status']]);
  });
});

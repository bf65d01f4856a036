import { describe, expect, it } from 'vitest';
import { explainAttempt, serverCodeIn, type AttemptEvidence } from '../../../src/diagnose/explain-chain.js';

const evidence = (overrides: Partial<AttemptEvidence>): AttemptEvidence => ({
  Status: null,
  StatusFoundIn: 'event 1007',
  ServerError: null,
  NetworkSubError: null,
  TokenBrokerErrors: [],
  Url: null,
  ...overrides,
});

describe('the explanation chain of an attempt', () => {
  it('follows a logon failure to the AADSTS code in the server error', () => {
    const result = explainAttempt(evidence({
      Status: '0xc000006d',
      ServerError: { Code: 'invalid_grant', Description: 'AADSTS50126: the credentials were wrong. Trace ID: x', Source: 'AzureAD', FoundIn: 'event 1081' },
    }));
    expect(result.Explanation.map((link) => [link.Name, link.FoundIn])).toEqual([
      ['STATUS_LOGON_FAILURE', 'event 1007'],
      ['InvalidUserNameOrPassword', 'event 1081'],
    ]);
    expect(result.Status?.Hex).toBe('0xc000006d');
  });

  it('puts the most specific fix first', () => {
    const result = explainAttempt(evidence({
      Status: '0xc000006d',
      ServerError: { Code: 'invalid_grant', Description: 'AADSTS50126: wrong', Source: 'AzureAD', FoundIn: 'event 1081' },
    }));
    expect(result.NextSteps[0]).toBe(result.Explanation[1]?.Solutions[0]);
  });

  it('follows a network failure to the WinHTTP sub-error and names the URL to check', () => {
    const result = explainAttempt(evidence({
      Status: '0xc000023c',
      NetworkSubError: { Code: '12029', FoundIn: 'event 1084' },
      Url: 'https://login.microsoftonline.com/common/oauth2/token',
    }));
    expect(result.Explanation.map((link) => link.Name)).toEqual(['STATUS_NETWORK_UNREACHABLE', 'ERROR_WINHTTP_CANNOT_CONNECT']);
    expect(result.NextSteps[0]).toContain('https://login.microsoftonline.com/common/oauth2/token');
  });

  it('falls back to the OAuth error when the description names no server code', () => {
    const result = explainAttempt(evidence({ Status: '0xc000006d', ServerError: { Code: 'invalid_grant', Description: null, Source: 'AzureAD', FoundIn: 'dsregcmd' } }));
    expect(result.Explanation[1]?.Family).toBe('OAuth');
  });

  it('explains nothing for an attempt without codes', () => {
    expect(explainAttempt(evidence({}))).toEqual({ Status: null, Explanation: [], NextSteps: [] });
  });

  it('finds AADSTS and MSIS codes inside descriptions', () => {
    expect(serverCodeIn('AADSTS50034: The user account does not exist')).toBe('AADSTS50034');
    expect(serverCodeIn('MSIS7068: Access denied.')).toBe('MSIS7068');
    expect(serverCodeIn('ID3082: The request scope is not valid')).toBeNull();
  });
});

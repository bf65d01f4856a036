import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromDiagnostics } from '../../../src/diagnose/attempts.js';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';

const blocksOf = (name: string) => {
  const { text, encoding } = decodeCapture(readFileSync(new URL(`../../fixtures/dsregcmd/${name}`, import.meta.url)));
  return parseDsregcmd(text, { source: name, encoding }).Diagnostics;
};

describe('who answered a dsregcmd diagnostics block', () => {
  it('is AD FS, not a WS-Trust endpoint, for the Enterprise PRT (its token endpoint is /adfs/oauth2/token)', () => {
    const [block] = blocksOf('hybrid-enterprise-diag-msis.txt');
    expect(block?.Prt).toBe('Enterprise');
    expect(fromDiagnostics(block!).ServerError?.Source).toBe('AdFs');
  });

  it('is Entra ID for the Azure AD PRT', () => {
    const [block] = blocksOf('missing-prt-0xc000006d-aadsts50126.txt');
    expect(fromDiagnostics(block!).ServerError?.Source).toBe('AzureAD');
  });

  it('names diagnostics lines pasted without their block header as such, not as a refresh', () => {
    const loose = parseDsregcmd('AzureAdPrt : NO\nAttempt Status : 0xc000006d\nServer Error Code : invalid_grant\n', { source: 'paste.txt', encoding: 'utf-8' }).Diagnostics;
    expect(loose[0]?.Kind).toBe('Unknown');
    expect(fromDiagnostics(loose[0]!).Explanation[0]?.FoundIn).toMatch(/^dsregcmd diagnostics lines \(AzureAdPrt\)/);
  });
});

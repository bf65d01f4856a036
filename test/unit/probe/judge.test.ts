import { describe, expect, test } from 'vitest';
import { decodeCode } from '../../../src/codes/index.js';
import { canonicalCode } from '../../../src/codes/identity.js';
import { FINDINGS, PROBE_FINDING_IDS } from '../../../src/probe/catalogue.js';
import { cloudOfAuthority, cloudTargets } from '../../../src/probe/cloud.js';
import { hasDtd, parseRealm, readMex } from '../../../src/probe/federation.js';
import { issuerName, judgeRun } from '../../../src/probe/judge.js';
import type { ProbeEndpoint, ProbeRun } from '../../../src/probe/types.js';

const endpoint = (overrides: Partial<ProbeEndpoint>): ProbeEndpoint => ({
  Host: 'login.microsoftonline.com', Url: 'https://login.microsoftonline.com/', Route: { Kind: 'Direct', Proxy: null, Source: 'None', Reason: 'direct' },
  Stages: [], HttpStatus: 200, TlsRootIssuer: 'CN=DigiCert Global Root G2, O=DigiCert Inc, C=US', ServerDate: null, Outcome: 'Reachable', Failure: null, TotalMilliseconds: 100, ...overrides,
});
const run = (endpoints: ProbeEndpoint[], more: Partial<ProbeRun> = {}): Omit<ProbeRun, 'Findings'> => ({ Context: 'System', Endpoints: endpoints, ClockSkewSeconds: 0, Federation: null, ...more });
const ids = (r: Omit<ProbeRun, 'Findings'>) => judgeRun(r).map((finding) => finding.Id);

describe('the catalogue', () => {
  test('every related code is known to the codes layer and spelled as it spells it', () => {
    for (const id of PROBE_FINDING_IDS) {
      for (const code of FINDINGS[id].RelatedCodes) {
        const decoded = decodeCode(code);
        expect('Error' in decoded, `${id}: ${code}`).toBe(false);
        if ('Error' in decoded) continue;
        expect(decoded.Known, `${id}: ${code} unknown`).toBe(true);
        const canonical = code.startsWith('AADSTS') ? code : canonicalCode({ Family: decoded.Family, Value: decoded.Family === 'WinHTTP' ? Number(code) : Number(decoded.Unsigned) });
        expect(canonical, `${id}: ${code}`).toBe(code);
      }
    }
  });
  test('every finding has a next step in a sentence and at least one related code', () => {
    for (const id of PROBE_FINDING_IDS) {
      expect(FINDINGS[id].NextStep.length).toBeGreaterThan(40);
      expect(FINDINGS[id].RelatedCodes.length).toBeGreaterThan(0);
    }
  });
});

describe('judging a measured run', () => {
  test('a 407 from the proxy is ProxyAuthRequired', () => {
    expect(ids(run([endpoint({ Outcome: 'Failed', Failure: 'ProxyRefused', ProxyStatus: 407, TlsRootIssuer: null, Route: { Kind: 'Proxy', Proxy: 'p:8080', Source: 'WinHttpStatic', Reason: 'r' } })]))).toEqual(['ProxyAuthRequired']);
  });
  test('a 502 from the proxy is a connection failure, not a block', () => {
    expect(ids(run([endpoint({ Outcome: 'Failed', Failure: 'ProxyRefused', ProxyStatus: 502, TlsRootIssuer: null })]))).toEqual(['ConnectFailed']);
  });
  test('a chain ending in an unknown root is TlsInspected, naming it', () => {
    const findings = judgeRun(run([endpoint({ TlsRootIssuer: 'CN=Zscaler Root CA, O=Zscaler Inc.' })]));
    expect(findings.map((finding) => finding.Id)).toEqual(['TlsInspected']);
    expect(findings[0]?.Message).toContain('"Zscaler Root CA"');
  });
  test.each(['DigiCert Global Root G2', 'Microsoft RSA Root Certificate Authority 2017', 'Baltimore CyberTrust Root'])('%s is one of Microsoft\'s roots', (root) => {
    expect(ids(run([endpoint({ TlsRootIssuer: `CN=${root}, O=X` })]))).toEqual([]);
  });
  test('skew: 301 s is too much, 300 s is not; the sign says which clock is ahead', () => {
    expect(ids(run([endpoint({})], { ClockSkewSeconds: 300 }))).toEqual([]);
    const behind = judgeRun(run([endpoint({})], { ClockSkewSeconds: -301 }));
    expect(behind.map((finding) => finding.Id)).toEqual(['ClockSkew']);
    expect(behind[0]?.Message).toContain('301 s behind');
  });
  test('slow: over 2000 ms', () => {
    expect(ids(run([endpoint({ TotalMilliseconds: 2000 })]))).toEqual([]);
    expect(ids(run([endpoint({ TotalMilliseconds: 2001 })]))).toEqual(['Slow']);
  });
  test('errors come before warnings', () => {
    expect(ids(run([endpoint({ TotalMilliseconds: 3000 }), endpoint({ Host: 'x', Outcome: 'Failed', Failure: 'Dns', TlsRootIssuer: null })]))).toEqual(['DnsFailed', 'Slow']);
  });
  test('an issuer\'s common name', () => {
    expect(issuerName('CN=DigiCert Global Root G2, O=DigiCert Inc, C=US')).toBe('DigiCert Global Root G2');
    expect(issuerName('Some CA')).toBe('Some CA');
  });
});

describe('clouds', () => {
  test.each([
    ['https://login.microsoftonline.com/8b2c7f4e-1d3a-4f5b-9c6d-2e7f8a9b0c1d', 'Public'],
    ['https://login.microsoftonline.us/x', 'UsGovernment'],
    ['https://login.chinacloudapi.cn/x', 'China'],
    ['https://login.partner.microsoftonline.cn', 'China'],
    ['https://sts.contoso.com/adfs', 'Unknown'],
    [null, 'Unknown'],
  ])('%s → %s', (authority, cloud) => {
    expect(cloudOfAuthority(authority)).toBe(cloud);
  });
  test('the DRS discovery URL carries the tenant and the dsreg client header', () => {
    const registration = cloudTargets('Public', '8B2C7F4E-1D3A-4F5B-9C6D-2E7F8A9B0C1D')[2];
    expect(registration).toEqual({ Host: 'enterpriseregistration.windows.net', Url: 'https://enterpriseregistration.windows.net/8b2c7f4e-1d3a-4f5b-9c6d-2e7f8a9b0c1d/discover?api-version=1.7', Headers: { 'ocp-adrs-client-name': 'dsreg' } });
  });
  test('US Government hosts', () => {
    expect(cloudTargets('UsGovernment', null).map((target) => target.Host)).toContain('enterpriseregistration.microsoftonline.us');
  });
});

describe('realm and MEX documents', () => {
  test('the 1.0 realm document of a federated domain (as Microsoft documents its shape)', () => {
    const body = '{"ver":"1.0","account_type":"Federated","domain_name":"contoso.com","federation_protocol":"WSTrust","federation_metadata_url":"https://fam.contoso.com/pf/sts_mex.ping?PartnerSpId=urn:federation:MicrosoftOnline","federation_active_auth_url":"https://fam.contoso.com/idp/sts.wst","cloud_instance_name":"microsoftonline.com","cloud_audience_urn":"urn:federation:MicrosoftOnline"}';
    expect(parseRealm(body, 'a@contoso.com')).toEqual({ NameSpaceType: 'Federated', Domain: 'contoso.com', Protocol: 'WSTrust', MexUrl: 'https://fam.contoso.com/pf/sts_mex.ping?PartnerSpId=urn:federation:MicrosoftOnline' });
  });
  test('a body that is not the realm document', () => {
    expect(parseRealm('<html>proxy error</html>', 'a@b.c')).toBeNull();
  });
  test('a DTD after the declaration and a comment is found; one inside a comment is not', () => {
    expect(hasDtd('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd"><html/>')).toBe(true);
    expect(hasDtd('<?xml version="1.0"?><!-- <!DOCTYPE x> --><r/>')).toBe(false);
  });
  test('an entity bomb is neither expanded nor fatal', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><definitions>&c;</definitions>';
    expect(readMex(bomb)).toEqual({ HasDtd: true, IsMex: true, Endpoints: [] });
  });
  test('a proxy\'s HTML page is not MEX', () => {
    expect(readMex('<html><body>Access denied</body></html>').IsMex).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCode, isExplainError } from '../../../src/codes/index.js';
import { DeviceParseError } from '../../../src/device/parse.js';
import { adCollectorScript, parseAdCollector, scpFromKeywords } from '../../../src/device/ad-collector.js';

const fixture = (name: string) => new URL(`../../fixtures/device/${name}`, import.meta.url).pathname;
const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const computerGuid = '4c1e7b92-0d35-4a68-9f27-e85b3a6d01c4';
const selfSigned = { Subject: `CN=${computerGuid}`, Thumbprint: '9E4B2C71D05A8F36B1E7C42D9A0F5B63E8C1D27A', NotAfter: '2055-03-04T08:12:44Z', Error: null };
const computer = { SamAccountName: 'CTS-WS-0042$', Found: true, ObjectGuid: computerGuid, Certificates: [selfSigned] };
const doc = (fields: Record<string, unknown>) => JSON.stringify({ Version: 2, Scp: null, ScpError: null, User: 'CONTOSO\\alice', PasswordLastSet: null, PasswordError: null, Computer: computer, ComputerError: null, ...fields });
const good = doc({ Scp: { Found: true, Keywords: [`azureADName:contoso.onmicrosoft.com`, `azureADId:${tenant}`] }, PasswordLastSet: '2026-11-30T08:15:02Z' });

describe('the LDAP collector document', () => {
  it('reads the SCP keywords and the password time', () => {
    expect(parseAdCollector(good)).toEqual({
      Scp: { Value: { TenantId: tenant, TenantName: 'contoso.onmicrosoft.com' }, Reason: null },
      Password: { Value: { PasswordLastSet: '2026-11-30T08:15:02Z' }, Reason: null },
      ComputerObject: { Value: { SamAccountName: 'CTS-WS-0042$', ObjectGuid: computerGuid, Certificates: [selfSigned] }, Reason: null },
    });
  });

  it('reads a BOM, CRLF and a one-keyword list that ConvertTo-Json flattened to a string', () => {
    const facts = parseAdCollector(`\uFEFF${doc({ Scp: { Found: true, Keywords: `AzureADId:${tenant}` }, PasswordLastSet: '2026-11-30T08:15:02Z' })}\r\n`);
    expect(facts.Scp.Value).toEqual({ TenantId: tenant, TenantName: null });
  });

  it('reads the keywords when Windows PowerShell 5.1 wrote the array as {value, Count}', () => {
    const facts = parseAdCollector(doc({ Scp: { Found: true, Keywords: { value: [`azureADId:${tenant}`, 'azureADName:contoso.com'], Count: 2 } }, PasswordLastSet: '2026-11-30T08:15:02Z' }));
    expect(facts.Scp.Value).toEqual({ TenantId: tenant, TenantName: 'contoso.com' });
  });

  it('reads "no SCP object" as an answer (Value null), not as a failure', () => {
    expect(parseAdCollector(doc({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '2026-11-30T08:15:02Z' })).Scp).toEqual({ Value: null, Reason: null });
  });

  it('an SCP whose keywords name no tenant is Unknown, not "no SCP"', () => {
    const scp = parseAdCollector(doc({ Scp: { Found: true, Keywords: ['somethingElse:1'] }, PasswordLastSet: '2026-11-30T08:15:02Z' })).Scp;
    expect(scp.Value).toBeNull();
    expect(scp.Reason).toMatch(/name no tenant \(somethingElse:1\)/);
  });

  it('each part failing gives its own reason and leaves the other part', () => {
    const scpFails = parseAdCollector(doc({ ScpError: 'The server is not operational.', PasswordLastSet: '2026-11-30T08:15:02Z' }));
    expect(scpFails.Scp).toEqual({ Value: null, Reason: 'the SCP over LDAP: The server is not operational.' });
    expect(scpFails.Password.Value?.PasswordLastSet).toBe('2026-11-30T08:15:02Z');

    const passwordFails = parseAdCollector(doc({ Scp: { Found: false, Keywords: [] }, User: 'NT AUTHORITY\\SYSTEM', PasswordError: 'the user prt runs as (NT AUTHORITY\\SYSTEM) has no object in the domain: a local account or SYSTEM' }));
    expect(passwordFails.Scp).toEqual({ Value: null, Reason: null });
    expect(passwordFails.Password.Value).toBeNull();
    expect(passwordFails.Password.Reason).toBe('pwdLastSet of NT AUTHORITY\\SYSTEM (the user prt runs as): the user prt runs as (NT AUTHORITY\\SYSTEM) has no object in the domain: a local account or SYSTEM');

    const both = parseAdCollector(doc({ User: null, ScpError: 'The specified domain either does not exist or could not be contacted.', PasswordError: 'Access is denied.' }));
    expect(both.Scp.Reason).toMatch(/could not be contacted/);
    expect(both.Password.Reason).toBe('pwdLastSet of the user prt runs as: Access is denied.');
  });

  it('reads what the script printed in the Windows PowerShell host under Wine (no domain): three Unknowns', () => {
    // Printed by adCollectorScript in PrtWinHost.exe under Wine (test/pester/windows records it again on every run).
    const facts = parseAdCollector(readFileSync(fixture('ad-collector-wine-no-domain.json'), 'utf8'));
    expect(facts.Scp.Value).toBeNull();
    // .NET has no text for the DNS code and says "Unknown error (0x8007232b)": the knowledge base names it.
    expect(facts.Scp.Reason).toBe('the SCP over LDAP: Unknown error (0x8007232b HRESULT_FROM_WIN32(DNS_ERROR_RCODE_NAME_ERROR))');
    expect(facts.Password.Value).toBeNull();
    expect(facts.Password.Reason).toMatch(/^pwdLastSet of .+ \(the user prt runs as\): \S/);
    expect(facts.ComputerObject.Value).toBeNull();
    expect(facts.ComputerObject.Reason).toMatch(/^the computer object over LDAP: \S/);
  });

  it('reads the computer object as Windows PowerShell 5.1 writes it: lists as {value, Count}, one certificate as a bare object', () => {
    const facts = parseAdCollector(readFileSync(fixture('ad-collector-ps51-shape.json'), 'utf8'));
    expect(facts.Scp.Value).toEqual({ TenantId: '3a71f0c8-5e2b-4d96-a4c7-08b1e9d26f53', TenantName: 'contoso.onmicrosoft.com' });
    expect(facts.ComputerObject.Value?.Certificates.map((c) => c.Subject)).toEqual(['CN=e2c85a1b-9f47-4d03-b6e8-5a10d7c3f924', 'CN=CTS-WS-0042.corp.contoso.com']);
    const single = JSON.parse(readFileSync(fixture('ad-collector-ps51-shape.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    single.Computer = { ...single.Computer, Certificates: selfSigned };
    expect(parseAdCollector(JSON.stringify(single)).ComputerObject.Value?.Certificates).toEqual([selfSigned]);
  });

  describe('the computer object (userCertificate)', () => {
    it('no object of that name is Unknown with the name, not "no certificate"', () => {
      const facts = parseAdCollector(doc({ Computer: { SamAccountName: 'CTS-WS-0042$', Found: false, ObjectGuid: null, Certificates: [] }, PasswordLastSet: '2026-11-30T08:15:02Z', Scp: { Found: false, Keywords: [] } }));
      expect(facts.ComputerObject.Value).toBeNull();
      expect(facts.ComputerObject.Reason).toMatch(/no computer object CTS-WS-0042\$ was found/);
    });

    it('an empty attribute is an answer: no certificates', () => {
      const facts = parseAdCollector(doc({ Computer: { ...computer, Certificates: [] }, PasswordLastSet: '2026-11-30T08:15:02Z', Scp: { Found: false, Keywords: [] } }));
      expect(facts.ComputerObject.Value?.Certificates).toEqual([]);
    });

    it('a value that is not a certificate is kept with its error', () => {
      const broken = { Subject: null, Thumbprint: null, NotAfter: null, Error: 'Cannot find the requested object.' };
      const facts = parseAdCollector(doc({ Computer: { ...computer, Certificates: [selfSigned, broken] }, PasswordLastSet: '2026-11-30T08:15:02Z', Scp: { Found: false, Keywords: [] } }));
      expect(facts.ComputerObject.Value?.Certificates[1]).toEqual(broken);
    });

    it('the search failing is its own Unknown and leaves the other parts', () => {
      const facts = parseAdCollector(doc({ Computer: null, ComputerError: 'The server is not operational.', PasswordLastSet: '2026-11-30T08:15:02Z', Scp: { Found: false, Keywords: [] } }));
      expect(facts.ComputerObject).toEqual({ Value: null, Reason: 'the computer object over LDAP: The server is not operational.' });
      expect(facts.Password.Reason).toBeNull();
    });
  });

  const garbage: [string, string, RegExp][] = [
    ['empty output', '', /not JSON \(empty\)/],
    ['a PowerShell error text', 'At line:1 char:1\r\n+ ConvertTo-Json : something', /not JSON \(At line:1/],
    ['a JSON list', '[1]', /not one JSON object/],
    ['another version', JSON.stringify({ Version: 1 }), /version 1, not 2/],
    ['no version', '{}', /version none/],
    ['Scp neither object nor error', doc({ PasswordLastSet: '2026-11-30T08:15:02Z' }), /Scp is neither/],
    ['Scp.Found not boolean', doc({ Scp: { Found: 'yes', Keywords: [] } }), /Scp.Found/],
    ['keywords not strings', doc({ Scp: { Found: true, Keywords: [1] } }), /Keywords is not a list/],
    ['ScpError not a string', doc({ ScpError: 5 }), /ScpError is not a string/],
    ['password neither time nor error', doc({ Scp: { Found: false, Keywords: [] } }), /PasswordLastSet is missing/],
    ['password time local, not UTC', doc({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '11/30/2026 8:15:02 AM' }), /not an ISO UTC time/],
    ['password time impossible', doc({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '2026-13-45T08:15:02Z' }), /not an ISO UTC time/],
    ['computer neither object nor error', doc({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '2026-11-30T08:15:02Z', Computer: null }), /Computer is neither/],
    ['computer certificates not a list', doc({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '2026-11-30T08:15:02Z', Computer: { ...computer, Certificates: 'x' } }), /Certificates is not a list/],
    ['a certificate without subject or error', doc({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '2026-11-30T08:15:02Z', Computer: { ...computer, Certificates: [{ Subject: null, Thumbprint: null, NotAfter: null, Error: null }] } }), /neither a subject and thumbprint nor an error/],
    ['a certificate with a subject but no thumbprint', doc({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '2026-11-30T08:15:02Z', Computer: { ...computer, Certificates: [{ ...selfSigned, Thumbprint: null }] } }), /Certificates\[0\] has neither a subject and thumbprint nor an error/],
    ['a certificate with a thumbprint but no subject', doc({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '2026-11-30T08:15:02Z', Computer: { ...computer, Certificates: [selfSigned, { ...selfSigned, Subject: null }] } }), /Certificates\[1\] has neither/],
    ['a long error text, quoted trimmed and cut at 60 characters', `\r\n  ${'x'.repeat(59)}yz`, /not JSON \(x{59}y\)$/],
    ['a certificate end in local time', doc({ Scp: { Found: false, Keywords: [] }, PasswordLastSet: '2026-11-30T08:15:02Z', Computer: { ...computer, Certificates: [{ ...selfSigned, NotAfter: '3/4/2055 8:12:44 AM' }] } }), /NotAfter is not an ISO UTC time/],
  ];
  for (const [name, text, reason] of garbage) {
    it(`refuses ${name}, naming the reason`, () => {
      expect(() => parseAdCollector(text)).toThrow(DeviceParseError);
      expect(() => parseAdCollector(text)).toThrow(reason);
    });
  }

  it('finds the keywords whatever their case and order', () => {
    expect(scpFromKeywords([` azureadname:fabrikam.com `, `AZUREADID:${tenant}`])).toEqual({ TenantId: tenant, TenantName: 'fabrikam.com' });
    expect(scpFromKeywords([])).toEqual({ TenantId: null, TenantName: null });
  });
});

describe('the edges of the collector document (survivors of the partial mutation run)', () => {
  const withPassword = (fields: Record<string, unknown>) => doc({ Scp: { Found: true, Keywords: [`azureADId:${tenant}`] }, PasswordLastSet: '2026-11-30T08:15:02Z', ...fields });
  const refusal = (text: string) => {
    try {
      parseAdCollector(text);
    } catch (error) {
      if (error instanceof DeviceParseError) return error.message;
      throw error;
    }
    return null;
  };

  it('an SCP with no keywords at all says so, and a keyword with a blank after its colon is read without it', () => {
    expect(parseAdCollector(doc({ Scp: { Found: true, Keywords: [] }, PasswordLastSet: '2026-11-30T08:15:02Z' })).Scp).toEqual({ Value: null, Reason: 'the SCP object exists but its keywords name no tenant (none)' });
    expect(parseAdCollector(withPassword({ Scp: { Found: true, Keywords: [`azureADId: ${tenant}`, 'azureADName:   '] } })).Scp.Value).toEqual({ TenantId: tenant, TenantName: null });
    expect(parseAdCollector(withPassword({ Scp: { Found: true, Keywords: ['azureADName:contoso.com'] } })).Scp.Value).toEqual({ TenantId: null, TenantName: 'contoso.com' });
    expect(parseAdCollector(withPassword({ Scp: { Found: true, Keywords: ['foo:1', 'bar:2'] } })).Scp.Reason).toBe('the SCP object exists but its keywords name no tenant (foo:1, bar:2)');
  });

  it('refuses a password time with anything before or after the ISO UTC time', () => {
    expect(refusal(withPassword({ PasswordLastSet: '2026-11-30T08:15:02Z (UTC)' }))).toMatch(/PasswordLastSet is not an ISO UTC time: 2026-11-30T08:15:02Z \(UTC\)/);
    expect(refusal(withPassword({ PasswordLastSet: 'at 2026-11-30T08:15:02Z' }))).toMatch(/PasswordLastSet is not an ISO UTC time: at 2026/);
    // An expanded ISO year, which Date.parse accepts: still not the collector's format.
    expect(refusal(withPassword({ PasswordLastSet: '+002026-11-30T08:15:02Z' }))).toMatch(/PasswordLastSet is not an ISO UTC time: \+002026/);
  });

  it('adds the knowledge base\'s name to a bare code in a reason, once, and leaves an unknown code or one already named as it is', () => {
    const known = decodeCode('0x8007232b');
    const name = isExplainError(known) ? null : known.Name;
    expect(name).not.toBeNull();
    const reason = (error: string) => parseAdCollector(withPassword({ ScpError: error })).Scp.Reason;
    expect(reason('Unknown error (0x8007232b)')).toBe(`the SCP over LDAP: Unknown error (0x8007232b ${name ?? ''})`);
    expect(reason('Exception 0x8007232b The name does not exist.')).toBe(`the SCP over LDAP: Exception 0x8007232b ${name ?? ''} The name does not exist.`);
    expect(reason(`0x8007232b ${name ?? ''}`)).toBe(`the SCP over LDAP: 0x8007232b ${name ?? ''}`);
    // A message word after the code is no name, in any case; a code in capitals is named too.
    expect(reason('0x80070005 Access is denied.')).toBe('the SCP over LDAP: 0x80070005 HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED) Access is denied.');
    expect(reason('0X8007232B: failed')).toBe(`the SCP over LDAP: 0X8007232B ${name ?? ''}: failed`);
    expect(reason('Unknown error (0x1234abcd)')).toBe('the SCP over LDAP: Unknown error (0x1234abcd)');
  });

  it('takes only a capital and three more capitals, digits or _ after the code for its name: a shorter word or a number is not one', () => {
    const known = decodeCode('0x8007232b');
    const name = isExplainError(known) ? '' : known.Name;
    expect(name).toMatch(/^[A-Z]/);
    const reason = (error: string) => parseAdCollector(withPassword({ ScpError: error })).Scp.Reason;
    // The message Windows has for this code: "DNS" is a word of it, not the name.
    expect(reason('0x8007232b DNS name does not exist.')).toBe(`the SCP over LDAP: 0x8007232b ${name} DNS name does not exist.`);
    expect(reason('0x8007232b 1355')).toBe(`the SCP over LDAP: 0x8007232b ${name} 1355`);
  });

  it('refuses SCP keywords that are null, and reads a key left out like null', () => {
    expect(refusal(withPassword({ Scp: { Found: true, Keywords: null } }))).toBe('Scp.Keywords is not a list of strings');
    const { ObjectGuid: _guid, ...withoutGuid } = computer;
    expect(parseAdCollector(withPassword({ Computer: withoutGuid })).ComputerObject.Value?.ObjectGuid).toBeNull();
  });

  it('names what is wrong with the computer object: a certificate that is no object, no SamAccountName, a Found that is not true or false', () => {
    expect(refusal(withPassword({ Computer: { ...computer, Certificates: [selfSigned, 'CN=PC1'] } }))).toMatch(/Computer\.Certificates\[1\] is not an object/);
    expect(refusal(withPassword({ Computer: { ...computer, SamAccountName: null } }))).toMatch(/Computer\.SamAccountName is missing/);
    expect(refusal(withPassword({ Computer: { ...computer, Found: 'yes' } }))).toMatch(/Computer\.Found is not true or false/);
  });
});

describe('the collector script', () => {
  it('uses System.DirectoryServices only: no AD module, no RSAT cmdlets', () => {
    expect(adCollectorScript).toMatch(/System\.DirectoryServices\.DirectoryEntry\('LDAP:\/\/RootDSE'\)\n\s+#.*\n\s+\$rootDse\.RefreshCache\(\)/);
    expect(adCollectorScript).toContain('CN=62a0ff2e-97b9-4513-943f-0d221bd30080,CN=Device Registration Configuration,CN=Services,');
    expect(adCollectorScript).not.toMatch(/Import-Module|Get-AD|ActiveDirectory/i);
  });

  it('guards every part with its own try/catch', () => {
    // Three parts, and one more around each userCertificate value.
    expect(adCollectorScript.match(/\btry \{/g)).toHaveLength(4);
    expect(adCollectorScript.match(/\} catch \{/g)).toHaveLength(4);
    expect(adCollectorScript).toContain("$result.ComputerError = Get-PrtFailureText $_");
    expect(adCollectorScript).toContain("$result.ScpError = Get-PrtFailureText $_");
    expect(adCollectorScript).toContain("$result.PasswordError = Get-PrtFailureText $_");
  });
});

/**
 * The parser on the shapes real pastes take at their edges: quotes and bullets as mail clients and
 * chat tools write them, emphasis around a value only, block lines without their header, lines
 * pasted before the boxes, and the refusals' wording for what was sent.
 */
import { describe, expect, it } from 'vitest';
import { PrtError } from '../../../src/errors.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import type { DsregReport } from '../../../src/dsreg/types.js';
import { findSection } from '../../../src/dsreg/values.js';

const BORDER = '+' + '-'.repeat(70) + '+';
const box = (name: string, ...lines: string[]) => [BORDER, `| ${name.padEnd(69)}|`, BORDER, '', ...lines, ''].join('\n');
const parse = (text: string) => parseDsregcmd(text, { source: 'paste.txt', encoding: 'utf-8' });
const fields = (r: DsregReport, section: string) => findSection(r, section)?.Fields.map((f) => [f.Name, f.Value]);
const shape = (r: DsregReport) => r.Sections.map((s) => [s.Name, s.Fields.map((f) => f.Name)]);

function refusal(text: string): PrtError {
  try {
    parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(PrtError);
    return e as PrtError;
  }
  throw new Error('expected a PrtError');
}

describe('decoration at its edges', () => {
  it('reads nested mail quotes with and without blanks', () => {
    const r = parse(box('SSO State', '>>AzureAdPrt : NO', '> > EnterprisePrt : NO', '>   OnPremTgt : NO'));
    expect(fields(r, 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['EnterprisePrt', 'NO'], ['OnPremTgt', 'NO']]);
  });

  it('reads list bullets followed by several blanks', () => {
    const r = parse(box('SSO State', '*   AzureAdPrt : NO', '•  EnterprisePrt : NO'));
    expect(fields(r, 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['EnterprisePrt', 'NO']]);
  });

  it('leaves a dash, a > or emphasis inside a value alone', () => {
    const r = parse(box('Tenant Details', 'TenantName : Contoso - Sales', 'TenantId : <redacted>', 'MdmUrl : **https://enrollment.manage.microsoft.com**'));
    expect(fields(r, 'Tenant Details')).toEqual([['TenantName', 'Contoso - Sales'], ['TenantId', '<redacted>'], ['MdmUrl', 'https://enrollment.manage.microsoft.com']]);
  });

  it('keeps emphasis on part of a value, which is not decoration of the whole', () => {
    expect(fields(parse(box('Tenant Details', 'TenantName : Contoso **Ltd**', 'TenantId : **5f3c9a21** (prod)')), 'Tenant Details')).toEqual([
      ['TenantName', 'Contoso **Ltd**'],
      ['TenantId', '**5f3c9a21** (prod)'],
    ]);
  });

  it('reads a name in code marks with a blank inside them', () => {
    expect(fields(parse(box('SSO State', '`AzureAdPrt ` : NO', '` EnterprisePrt` : NO')), 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['EnterprisePrt', 'NO']]);
  });

  it('trims a value a chat tool padded after the colon', () => {
    expect(fields(parse(box('Tenant Details', 'TenantName :    Contoso   ')), 'Tenant Details')).toEqual([['TenantName', 'Contoso']]);
  });

  it('does not take a line of only emphasis and a colon for a field', () => {
    expect(fields(parse(box('SSO State', '** :', 'AzureAdPrt : NO')), 'SSO State')).toEqual([['AzureAdPrt', 'NO']]);
  });

  it('reads text that still starts with a byte order mark', () => {
    expect(shape(parse('\uFEFF' + box('SSO State', 'AzureAdPrt : NO')))).toEqual([['SSO State', ['AzureAdPrt']]]);
  });
});

describe('diagnostics lines without their block header', () => {
  it('in an SSO State box they are still an attempt', () => {
    const r = parse(box('SSO State', 'AzureAdPrt : NO', 'Attempt Status : 0xc000006d', 'HTTP Status : 400'));
    expect(r.Diagnostics.map((d) => [d.Prt, d.Kind, d.AttemptStatus, d.HttpStatus])).toEqual([['AzureAd', 'Unknown', '0xc000006d', 400]]);
  });

  it('in another box they are not', () => {
    expect(parse(box('Diagnostic Data', 'Attempt Status : 0xc000006d', 'Client Time : 2026-11-20 09:00:00.000 UTC')).Diagnostics).toEqual([]);
  });

  it('after an EnterprisePrt line they belong to the Enterprise PRT; with no PRT line, to the Azure AD PRT', () => {
    const enterprise = parse(['EnterprisePrt : NO', 'Attempt Status : 0xc00484c1', 'Server Error Description : MSIS9682: Received invalid OAuth JWT Bearer request.'].join('\n'));
    expect(enterprise.Diagnostics.map((d) => [d.Prt, d.AttemptStatus])).toEqual([['Enterprise', '0xc00484c1']]);
    const none = parse(['Attempt Status : 0xc000006d', 'Server Error Code : invalid_grant'].join('\n'));
    expect(none.Diagnostics.map((d) => [d.Prt, d.ServerErrorCode])).toEqual([['AzureAd', 'invalid_grant']]);
  });

  it('a block ends at a CamelCase line: a later status line does not overwrite its status', () => {
    const r = parse(box('SSO State', 'AzureAdPrt : NO', 'AcquirePrtDiagnostics : PRESENT', 'Attempt Status : 0xc000006d', 'OnPremTgt : NO', 'Attempt Status : 0x0'));
    expect(r.Diagnostics.map((d) => d.AttemptStatus)).toEqual(['0xc000006d']);
  });
});

describe('what is accepted as a capture', () => {
  it('one AzureAdPrt line is enough', () => {
    expect(shape(parse('AzureAdPrt : NO\n'))).toEqual([['SSO State', ['AzureAdPrt']]]);
  });

  it('two dsregcmd lines are enough', () => {
    expect(shape(parse('AzureAdJoined : YES\nDomainJoined : NO\n'))).toEqual([['Device State', ['AzureAdJoined', 'DomainJoined']]]);
  });

  it('a box with a name dsregcmd never prints is accepted when it holds a PRT line', () => {
    expect(shape(parse(box('SSO', 'AzureAdPrt : NO')))).toEqual([['SSO', ['AzureAdPrt']]]);
  });

  it('one known box among unknown ones is enough', () => {
    expect(shape(parse(`${box('Passkey State', 'PasskeyReady : YES')}${box('Device State', 'AzureAdJoined : YES')}`)).map(([n]) => n)).toEqual(['Passkey State', 'Device State']);
  });
});

describe('lines pasted before the first box', () => {
  it('a preamble of other lines keeps the empty name and is not listed as a loose section', () => {
    const r = parse(['Ticket : 4711', 'Collected by : Ada', box('SSO State', 'AzureAdPrt : NO')].join('\n'));
    expect(shape(r)).toEqual([['', ['Ticket', 'Collected by']], ['SSO State', ['AzureAdPrt']]]);
    expect(r.LooseSections).toEqual([]);
  });

  it('lines of a section the capture also shows as a box are not filed under a second box of that name', () => {
    const r = parse(['AzureAdJoined : YES', box('Device State', 'DomainJoined : NO')].join('\n'));
    expect(shape(r)).toEqual([['', ['AzureAdJoined']], ['Device State', ['DomainJoined']]]);
    expect(r.LooseSections).toEqual([]);
  });

  it('a field dsregcmd does not print stays in the run it stands in', () => {
    const r = parse(['AzureAdPrt : NO', 'PrtBoundToTpm : YES', 'EnterprisePrt : NO'].join('\n'));
    expect(shape(r)).toEqual([['SSO State', ['AzureAdPrt', 'PrtBoundToTpm', 'EnterprisePrt']]]);
  });

  it('two runs of the same section become one, in the order pasted', () => {
    const r = parse(['AzureAdPrt : NO', 'DeviceAuthStatus : SUCCESS', 'EnterprisePrt : NO'].join('\n'));
    expect(shape(r)).toEqual([['SSO State', ['AzureAdPrt', 'EnterprisePrt']], ['Device Details', ['DeviceAuthStatus']]]);
    expect(r.LooseSections).toEqual(['SSO State', 'Device Details']);
  });
});

describe('the refusals name what was sent', () => {
  it('lists three unknown boxes in full', () => {
    expect(refusal(`${box('Disk', 'C : 80%')}${box('Memory', 'Free : 2 GB')}${box('Network', 'Up : yes')}`).message).toContain(
      'its sections (`| Disk |`, `| Memory |`, `| Network |`) are none that dsregcmd prints',
    );
  });

  it('names the first three of more unknown boxes and marks the rest', () => {
    const e = refusal(`${box('Disk', 'C : 80%')}${box('Memory', 'Free : 2 GB')}${box('Network', 'Up : yes')}${box('Uptime', 'Days : 3')}`);
    expect(e.message).toBe('`paste.txt` is not dsregcmd output: its sections (`| Disk |`, `| Memory |`, `| Network |`, …) are none that dsregcmd prints, and it has no `AzureAdPrt` line.');
  });

  it('a header line alone, without its rules, ends after the header', () => {
    expect(refusal('| Device State |\n').message).toBe('`paste.txt` is a truncated dsregcmd capture: it ends after the `| Device State |` header, before any field.');
  });

  it('two empty boxes end after the first header', () => {
    expect(refusal(`${BORDER}\n| Device State |\n${BORDER}\n| Tenant Details |\n`).message).toContain('it ends after the `| Device State |` header');
  });
});

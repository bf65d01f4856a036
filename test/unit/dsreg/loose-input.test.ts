/** Rule 6 of issue 10: the decoration real pastes carry is read, and field names are stored clean. */
import { describe, expect, it } from 'vitest';
import { PrtError } from '../../../src/errors.js';
import { parseDsregcmd, undecorate } from '../../../src/dsreg/parse.js';
import type { DsregReport } from '../../../src/dsreg/types.js';
import { findSection } from '../../../src/dsreg/values.js';

const BORDER = '+' + '-'.repeat(70) + '+';
const header = (name: string) => `| ${name.padEnd(69)}|`;
const parse = (text: string, source = 'paste.txt') => parseDsregcmd(text, { source, encoding: 'utf-8' });
const fields = (r: DsregReport, section: string) => findSection(r, section)?.Fields.map((f) => [f.Name, f.Value]);

function refusal(text: string): PrtError {
  try {
    parse(text, 'paste.txt');
  } catch (e) {
    expect(e).toBeInstanceOf(PrtError);
    return e as PrtError;
  }
  throw new Error('expected a PrtError');
}

describe('loose input: decoration', () => {
  const capture = [BORDER, header('Device State'), BORDER, '', '   AzureAdJoined : YES', '   DomainJoined : NO', BORDER, header('SSO State'), BORDER, '', '   AzureAdPrt : NO', '   EnterprisePrtAuthority : ', '', BORDER];
  const sectionsOf = (r: DsregReport) => r.Sections.map((section) => [section.Name, section.Fields.map((f) => [f.Name, f.Value])]);

  it('reads lines copied out of a log, each behind a date, a time and a level word', () => {
    const plain = sectionsOf(parse(capture.join('\n')));
    for (const stamp of ['2024-05-01 10:00:00 INFO ', '[2024-05-01T10:00:00.123Z] ', '5/1/2024 10:00:00 AM - ', '2024-05-01 10:00:00,123 [VERBOSE] | ']) {
      expect(sectionsOf(parse(capture.map((line) => stamp + line).join('\n'))), stamp).toEqual(plain);
    }
    expect(undecorate('2024-05-01 10:00:00 INFO')).toBe('');
  });

  it('reads a capture kept as one JSON string (\\r\\n written out), alone or as a value in a JSON document', () => {
    const plain = sectionsOf(parse(capture.join('\n')));
    const asString = JSON.stringify(capture.join('\r\n'));
    expect(sectionsOf(parse(asString.slice(1, -1)))).toEqual(plain);
    expect(sectionsOf(parse(JSON.stringify({ preRemediationDetectionScriptOutput: capture.join('\r\n') }, null, 2)))).toEqual(plain);
    // The empty authority stays empty: no escape left in a value.
    expect(fields(parse(asString.slice(1, -1)), 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['EnterprisePrtAuthority', '']]);
  });

  it('reads a capture pasted as HTML: lines from <br>, <p> and <pre>, other tags dropped, entities read', () => {
    const plain = sectionsOf(parse(capture.join('\n')));
    const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/ /g, '&nbsp;');
    expect(sectionsOf(parse(capture.join('<br>')))).toEqual(plain);
    expect(sectionsOf(parse(capture.map((line) => `<p>${escape(line)}</p>`).join('')))).toEqual(plain);
    expect(sectionsOf(parse(`<pre><code>${capture.map(escape).join('<br />\n')}</code></pre>`))).toEqual(plain);
    const withEntity = parse(['<div>', BORDER, header('SSO State'), BORDER, '<b>AzureAdPrt</b> : NO<br/>', 'Server Message : a &lt;b&gt; &#38; &#x41;<br>', '</div>'].join('\n'));
    expect(fields(withEntity, 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['Server Message', 'a <b> & A']]);
  });

  it('leaves a plain capture with one tag-like text in a value as it is', () => {
    const r = parse([...capture.slice(0, -1), '   Server Message : expected <br> or &amp; here', BORDER].join('\n'));
    expect(findSection(r, 'SSO State')?.Fields.find((f) => f.Name === 'Server Message')?.Value).toBe('expected <br> or &amp; here');
  });

  it('leaves written-out escapes alone in a capture with real line breaks', () => {
    const description = 'AADSTS50126: Error validating credentials.\\r\\nTrace ID: 1\\r\\nCorrelation ID: 2\\r\\nTimestamp: 3';
    const r = parse([...capture.slice(0, -1), `   Server Error Description : ${description}`, BORDER].join('\n'));
    expect(findSection(r, 'SSO State')?.Fields.find((f) => f.Name === 'Server Error Description')?.Value).toBe(description);
  });

  it('reads a capture inside Markdown fences with a PowerShell prompt line', () => {
    const r = parse(['```powershell', 'PS C:\\> dsregcmd /status', '', BORDER, header('Device State'), BORDER, '   AzureAdJoined : YES', '   DomainJoined : NO', '```'].join('\n'));
    expect(r.Sections.map((s) => s.Name)).toEqual(['Device State']);
    expect(fields(r, 'Device State')).toEqual([['AzureAdJoined', 'YES'], ['DomainJoined', 'NO']]);
  });

  it('stores Markdown-bold field names clean: `**NgcSet : YES**` and `**NgcSet** : YES`', () => {
    const r = parse([BORDER, header('User State'), BORDER, '**NgcSet : YES**', '**WorkplaceJoined** : NO', 'WamDefaultSet : YES  '].join('\n'));
    expect(fields(r, 'User State')).toEqual([['NgcSet', 'YES'], ['WorkplaceJoined', 'NO'], ['WamDefaultSet', 'YES']]);
  });

  it('keeps a value that is itself a redaction (`***`)', () => {
    const r = parse([BORDER, header('Tenant Details'), BORDER, 'TenantName : ***', 'TenantId : [TenantId]'].join('\n'));
    expect(fields(r, 'Tenant Details')).toEqual([['TenantName', '***'], ['TenantId', '[TenantId]']]);
  });

  it('reads list indentation, bullets, quote marks and trailing spaces', () => {
    const r = parse(['   ' + BORDER, '   ' + header('SSO State') + '   ', '   ' + BORDER, '   - AzureAdPrt : NO   ', '> EnterprisePrt : NO'].join('\n'));
    expect(fields(r, 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['EnterprisePrt', 'NO']]);
  });

  it('reads a box whose header rules have blank lines between them, and ignores stray lines', () => {
    const r = parse([BORDER, '', header('Device State'), '', BORDER, '====', 'x', 'AzureAdJoined : YES', '.', 'DomainJoined : YES'].join('\n'));
    expect(fields(r, 'Device State')).toEqual([['AzureAdJoined', 'YES'], ['DomainJoined', 'YES']]);
  });

  it('reads `Name: value` and `KeySignTest: : PASSED`', () => {
    const r = parse([BORDER, header('Diagnostic Data'), BORDER, 'AadRecoveryEnabled: NO', 'KeySignTest: : PASSED'].join('\n'));
    expect(fields(r, 'Diagnostic Data')).toEqual([['AadRecoveryEnabled', 'NO'], ['KeySignTest', 'PASSED']]);
  });

  it('reads a hand-shortened `+--- SSO State ---+` header', () => {
    const r = parse(['dsregcmd /status', '', '    +------- SSO State -------+', '    AzureAdPrt : NO', '    EnterprisePrt : NO'].join('\n'));
    expect(fields(r, 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['EnterprisePrt', 'NO']]);
  });

  it('undecorate drops fences and prompts and leaves ordinary lines alone', () => {
    expect(undecorate('```text')).toBeNull();
    expect(undecorate('C:\\Windows\\system32>dsregcmd /status')).toBeNull();
    expect(undecorate('   AzureAdPrt : YES   ')).toBe('AzureAdPrt : YES');
    expect(undecorate('TenantName : ***')).toBe('TenantName : ***');
  });
});

describe('loose input: pastes that changed the spacing', () => {
  it.each([
    ['a no-break space', '\u00a0'],
    ['a narrow no-break space', '\u202f'],
    ['a tab', '\t'],
    ['an ideographic space', '\u3000'],
  ])('splits ` : ` written with %s', (_name, space) => {
    const r = parse([BORDER, header('SSO State'), BORDER, `AzureAdPrt${space}:${space}NO`, `EnterprisePrt :${space}YES`].join('\n'));
    expect(fields(r, 'SSO State')).toEqual([['AzureAdPrt', 'NO'], ['EnterprisePrt', 'YES']]);
  });

  it('drops zero-width marks a web page left inside a name or value', () => {
    const r = parse([BORDER, header('SSO State'), BORDER, 'Azure\u200bAdPrt : N\u200dO'].join('\n'));
    expect(fields(r, 'SSO State')).toEqual([['AzureAdPrt', 'NO']]);
  });
});

describe('loose input: a page that folded the line breaks', () => {
  it('reads every field of a line that holds several, and files them where dsregcmd prints them', () => {
    const r = parse([BORDER, header('Device State'), BORDER, 'AzureAdJoined : YES EnterpriseJoined : NO DomainJoined : YES DomainName : CONTOSO'].join('\n'));
    expect(fields(r, 'Device State')).toEqual([['AzureAdJoined', 'YES'], ['EnterpriseJoined', 'NO'], ['DomainJoined', 'YES'], ['DomainName', 'CONTOSO']]);
    expect(findSection(r, 'Device State')?.Fields.map((f) => f.Line)).toEqual([4, 4, 4, 4]);
  });

  it('keeps a value with colons and spaces whole, and does not split a longer name at a shorter one', () => {
    const r = parse([BORDER, header('SSO State'), BORDER, 'AzureAdPrt : YES AzureAdPrtUpdateTime : 2020-07-12 22:57:53.000 UTC AzureAdPrtAuthority : https://login.microsoftonline.com/x'].join('\n'));
    expect(fields(r, 'SSO State')).toEqual([
      ['AzureAdPrt', 'YES'],
      ['AzureAdPrtUpdateTime', '2020-07-12 22:57:53.000 UTC'],
      ['AzureAdPrtAuthority', 'https://login.microsoftonline.com/x'],
    ]);
  });

  it('reads a PRT line folded behind another field, and a box header that shares its line with the rule', () => {
    const r = parse([BORDER, `${header('User State')}  ${BORDER}`, 'WamDefaultGUID : {B16898C6-A148-4967-9171-64D755DA8520} (AzureAd)     AzureAdPrt : YES'].join('\n'));
    expect(r.Sections.map((s) => s.Name)).toEqual(['User State']);
    expect(fields(r, 'User State')).toEqual([['WamDefaultGUID', '{B16898C6-A148-4967-9171-64D755DA8520} (AzureAd)'], ['AzureAdPrt', 'YES']]);
  });

  it('leaves a line alone that mentions only one field name, in a value or a sentence', () => {
    const r = parse([BORDER, header('SSO State'), BORDER, 'Server Error Description : the AzureAdPrt : NO line came back', 'AzureAdPrt : NO'].join('\n'));
    expect(fields(r, 'SSO State')).toEqual([['Server Error Description', 'the AzureAdPrt : NO line came back'], ['AzureAdPrt', 'NO']]);
  });

  it('never unfolds the server\'s own text, which names ids and times the way dsregcmd names fields', () => {
    const description = 'AADSTS50126: Error validating credentials. Trace ID: 1 Correlation ID: 2 Timestamp: 2020-07-18 20:10:33Z';
    const r = parse([BORDER, header('SSO State'), BORDER, `Server Error Description : ${description}`, `Server Message : User Identity : x Correlation ID : y`].join('\n'));
    expect(fields(r, 'SSO State')).toEqual([['Server Error Description', description], ['Server Message', 'User Identity : x Correlation ID : y']]);
  });

  it('reads the fields after prose that a folded paste put in front of them', () => {
    const r = parse(['my output is AzureAdJoined : YES DomainJoined : NO'].join('\n'));
    const read = Object.fromEntries(r.Sections.flatMap((s) => s.Fields.map((f) => [f.Name, f.Value])));
    expect(read).toMatchObject({ AzureAdJoined: 'YES', DomainJoined: 'NO' });
  });
});

describe('loose input: a paste with no box', () => {
  it('accepts two or more dsregcmd lines and files them under their sections', () => {
    const r = parse(['DeviceAuthStatus : FAILED. Error: 0xd000023c', 'Previous Prt Attempt : 2026-09-14 08:06:22 UTC', 'Attempt Status : 0xc000023c', 'HTTP Error : 0x80072ee7'].join('\n'));
    expect(r.Sections.map((s) => [s.Name, s.Fields.length])).toEqual([['Device Details', 1], ['SSO State', 3]]);
    expect(r.LooseSections).toEqual(['Device Details', 'SSO State']);
    // Block lines without their `AcquirePrtDiagnostics : PRESENT` line are still an attempt.
    expect(r.Diagnostics.map((d) => [d.Kind, d.AttemptStatus, d.HttpError, d.PreviousPrtAttempt])).toEqual([['Unknown', '0xc000023c', '0x80072ee7', '2026-09-14T08:06:22.000Z']]);
  });

  it('reads a headerless fragment between two rules as the section its fields belong to', () => {
    const r = parse([BORDER, 'Previous Registration : 2019-01-31 09:16:43.000 UTC', 'Error Phase : join', 'Client ErrorCode : 0x801c03f2', BORDER].join('\n'));
    expect(r.Sections.map((s) => s.Name)).toEqual(['Diagnostic Data']);
  });

  it('refuses one lone dsregcmd line, naming what was expected (exit 3)', () => {
    const e = refusal('NgcSet : YES\n');
    expect([e.id, e.exitCode]).toEqual(['NotDsregcmdOutput', 3]);
    expect(e.message).toContain('`paste.txt` is not dsregcmd output');
    expect(e.message).toContain('only one `Name : Value` line that dsregcmd prints');
    expect(e.message).toContain('at least two of its lines');
  });

  it('refuses a random log with field-like lines (exit 3)', () => {
    const e = refusal('Host Name . . . : PC-1\nuser : ada\nstatus : ok\n');
    expect(e.id).toBe('NotDsregcmdOutput');
  });
});

describe('loose input: emphasis around a value', () => {
  it('reads `**NgcSet** : **YES**` and `` `AzureAdPrt` : `NO` `` clean', () => {
    const r = parse([BORDER, header('User State'), BORDER, '**NgcSet** : **YES**', '`AzureAdPrt` : `NO`', 'CanReset : ***'].join('\n'));
    expect(fields(r, 'User State')).toEqual([['NgcSet', 'YES'], ['AzureAdPrt', 'NO'], ['CanReset', '***']]);
  });
});

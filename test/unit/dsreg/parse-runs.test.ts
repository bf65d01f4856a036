import { describe, expect, it } from 'vitest';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import { findFieldInReport } from '../../../src/dsreg/values.js';

// Several runs of dsregcmd /status in one paste ("before" and "after"): the parser keeps one run
// and says which (Runs). The status rules built on it are in test/unit/diagnose/status-rules.test.ts.
const BORDER = '+' + '-'.repeat(70) + '+';
const box = (name: string, ...lines: string[]) => [BORDER, '| ' + name.padEnd(69) + '|', BORDER, '', ...lines, ''].join('\n');
const parse = (text: string) => parseDsregcmd(text, { source: 'capture.txt', encoding: 'utf-8' });
const run = (tenant: string, clientTime: string | null) =>
  [box('Device State', '             AzureAdJoined : YES'), box('Tenant Details', `                TenantName : ${tenant}`), box('SSO State', '                AzureAdPrt : YES'),
    ...(clientTime === null ? [] : [box('Diagnostic Data', `               Client Time : ${clientTime} UTC`)])].join('\n');
const tenantOf = (text: string) => findFieldInReport(parse(text), 'TenantName')?.Value;

describe('several runs in one paste', () => {
  it('keeps the run with the latest Client Time, wherever it stands', () => {
    const latestFirst = `${run('After', '2026-11-20 09:00:00.000')}\n${run('Before', '2026-11-20 03:00:00.000')}`;
    expect(parse(latestFirst).Runs).toEqual({ Count: 2, Kept: 1, By: 'ClientTime' });
    expect(tenantOf(latestFirst)).toBe('After');
    const latestLast = `${run('Before', '2026-11-20 03:00:00.000')}\n${run('Middle', '2026-11-20 05:00:00.000')}\n${run('After', '2026-11-20 09:00:00.000')}`;
    expect(parse(latestLast).Runs).toEqual({ Count: 3, Kept: 3, By: 'ClientTime' });
    expect(tenantOf(latestLast)).toBe('After');
  });

  it('keeps the last run pasted when a run has no Client Time', () => {
    const text = `${run('After', '2026-11-20 09:00:00.000')}\n${run('Last', null)}`;
    expect(parse(text).Runs).toEqual({ Count: 2, Kept: 2, By: 'Order' });
    expect(tenantOf(text)).toBe('Last');
  });

  it('loose lines before the first box belong to the first run only', () => {
    const loose = '                DomainJoined : YES\n';
    const firstKept = `${loose}${run('First', '2026-11-20 09:00:00.000')}\n${run('Second', '2026-11-20 03:00:00.000')}`;
    expect(findFieldInReport(parse(firstKept), 'DomainJoined')?.Value).toBe('YES');
    const secondKept = `${loose}${run('First', '2026-11-20 03:00:00.000')}\n${run('Second', '2026-11-20 09:00:00.000')}`;
    expect(findFieldInReport(parse(secondKept), 'DomainJoined')).toBeUndefined();
  });

  it('one run has no Runs, and work account boxes do not start a run', () => {
    expect(parse(run('Only', '2026-11-20 09:00:00.000')).Runs).toBeUndefined();
    const accounts = `${run('Only', null)}\n${box('Work Account 1', ' WorkplaceTenantName : A')}\n${box('Work Account 2', ' WorkplaceTenantName : B')}`;
    expect(parse(accounts).Runs).toBeUndefined();
  });
});

describe('several runs pasted as loose lines (no boxes)', () => {
  const loose = (joined: string, prt: string | null, clientTime: string | null = null) =>
    [`AzureAdJoined : ${joined}`, 'DomainJoined : YES', ...(prt === null ? [] : [`AzureAdPrt : ${prt}`]), ...(clientTime === null ? [] : [`Client Time : ${clientTime} UTC`])].join('\n');

  it('a Device State line that repeats starts the next run; the last one pasted is judged', () => {
    const report = parse(`${loose('NO', null)}\nand after the join task ran:\n${loose('YES', 'YES')}`);
    expect(report.Runs).toEqual({ Count: 2, Kept: 2, By: 'Order' });
    expect(findFieldInReport(report, 'AzureAdJoined')?.Value).toBe('YES');
    expect(findFieldInReport(report, 'AzureAdPrt')?.Value).toBe('YES');
  });

  it('keeps the run with the latest Client Time when every run shows one', () => {
    const report = parse(`${loose('YES', 'YES', '2026-11-20 09:00:00.000')}\n${loose('NO', 'NO', '2026-11-20 03:00:00.000')}`);
    expect(report.Runs).toEqual({ Count: 2, Kept: 1, By: 'ClientTime' });
    expect(findFieldInReport(report, 'AzureAdJoined')?.Value).toBe('YES');
  });

  it('the attempt lines stay with their own run', () => {
    const failed = 'AzureAdPrt : NO\nAcquirePrtDiagnostics : PRESENT\nAttempt Status : 0xc000006d';
    const report = parse(`AzureAdJoined : YES\n${failed}\nAzureAdJoined : YES\nAzureAdPrt : YES`);
    expect(report.Runs?.Kept).toBe(2);
    expect(report.Diagnostics).toEqual([]);
    const kept = parse(`AzureAdJoined : YES\nAzureAdPrt : YES\nAzureAdJoined : YES\n${failed}`);
    expect(kept.Diagnostics.map((d) => d.AttemptStatus)).toEqual(['0xc000006d']);
  });

  it('a run kept by its Client Time ends where the next begins: none of the later run\'s lines or attempts', () => {
    const first = `${loose('YES', 'YES', '2026-11-20 09:00:00.000')}\nRefreshPrtDiagnostics : PRESENT\nAttempt Status : 0x0`;
    const second = `AzureAdJoined : NO\nTenantName : Later\nAzureAdPrt : NO\nAcquirePrtDiagnostics : PRESENT\nAttempt Status : 0xc000006d\nClient Time : 2026-11-20 03:00:00.000 UTC`;
    const report = parse(`${first}\n${second}`);
    expect(report.Runs).toEqual({ Count: 2, Kept: 1, By: 'ClientTime' });
    expect(findFieldInReport(report, 'TenantName')).toBeUndefined();
    expect(report.Diagnostics.map((d) => d.AttemptStatus)).toEqual(['0x00000000']);
  });

  it('attempt lines without their PRESENT line start an attempt in a new run, even after a run that had one', () => {
    const report = parse('AzureAdJoined : YES\nAzureAdPrt : NO\nAcquirePrtDiagnostics : PRESENT\nAttempt Status : 0xc000006d\nAzureAdJoined : YES\nAzureAdPrt : NO\nAttempt Status : 0xc000023c');
    expect(report.Runs?.Kept).toBe(2);
    expect(report.Diagnostics.map((d) => [d.AttemptStatus, d.Kind])).toEqual([['0xc000023c', 'Unknown']]);
  });

  it('lines of other sections that repeat do not start a run', () => {
    expect(parse('AzureAdJoined : YES\nAzureAdPrt : YES\nAzureAdPrt : YES\nKeySignTest : PASSED').Runs).toBeUndefined();
  });
});

describe('what a refusal points to', () => {
  const refusal = (text: string) => {
    try {
      parse(text);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('up to three quoted fields are named without an ellipsis', () => {
    const three = 'We saw AzureAdJoined : YES here.\nThen DomainJoined: NO, sadly.\nAlso NgcSet : NO.';
    expect(refusal(three)).toContain('quoted inside the text (`AzureAdJoined : YES`, `DomainJoined : NO`, `NgcSet : NO`), not on lines');
  });

  it('one code is "the code", up to three are named, more get an ellipsis', () => {
    expect(refusal('it failed with 0x80070520 again')).toContain(' It holds the code 0x80070520: `prt explain --text`');
    expect(refusal('0x80070520 then 0xc000006d then 0x80072ee2')).toContain(' It holds codes 0x80070520, 0xc000006d, 0x80072ee2: ');
    expect(refusal('0x80070520 then 0xc000006d then 0x80072ee2 then 0xcaa5001c')).toContain(' It holds codes 0x80070520, 0xc000006d, 0x80072ee2, …: ');
  });
});

describe('captures kept as a JSON string or as HTML', () => {
  const tenant = (text: string) => findFieldInReport(parse(text), 'TenantName')?.Value;
  const lines = [BORDER, '| Device State'.padEnd(71) + '|', BORDER, '             AzureAdJoined : YES', BORDER, '| Tenant Details'.padEnd(71) + '|', BORDER];

  it('a capture whose breaks are all written as \\r\\n or \\n is read, with its escapes undone', () => {
    const json = [...lines, '                TenantName : Caf\\u00e9 \\"Ltd\\"\\tEU', 'Exported from Graph'].join('\\r\\n');
    expect(tenant(json)).toBe('Café "Ltd" EU');
    expect(findFieldInReport(parse(json), 'AzureAdJoined')?.Value).toBe('YES');
    expect(tenant([...lines, '                TenantName : A\\/B'].join('\\n'))).toBe('A/B');
  });

  it('a capture with real line breaks keeps the \\n written inside a value', () => {
    const text = [...lines, '                TenantName : one\\ntwo\\nthree\\nfour', '             DomainJoined : NO'].join('\n');
    expect(tenant(text)).toBe('one\\ntwo\\nthree\\nfour');
  });

  it('escapes are undone only when written breaks outnumber real ones more than four to one', () => {
    // One real break between the two lines; four written ones are not enough, five are.
    const written = (count: number) => `             AzureAdJoined : YES\n                TenantName : a${'\\nb'.repeat(count)}`;
    expect(tenant(written(4))).toBe('a\\nb\\nb\\nb\\nb');
    expect(tenant(written(5))).toBe('a');
  });

  it('an HTML no-break space is a space', () => {
    const html = [...lines.map((l) => `${l}<br>`), '                TenantName : Contoso&nbsp;Ltd<br>', '<p>Pasted from the portal</p>'].join('');
    expect(tenant(html)).toBe('Contoso Ltd');
  });
});

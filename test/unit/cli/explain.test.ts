import { describe, expect, it } from 'vitest';
import { runInMemory, scriptedHost } from './harness.js';

describe('prt explain (in memory)', () => {
  it('resolves every spelling of one NTSTATUS code to the same identity', async () => {
    const result = await runInMemory(['explain', '0xC000006D', 'c000006d', '-1073741715', '3221225581', 'STATUS_LOGON_FAILURE', '--json'], scriptedHost());
    expect(result.code).toBe(0);
    const items = JSON.parse(result.stdout);
    expect(new Set(items.map((item: { Id: string }) => item.Id))).toEqual(new Set(['NTSTATUS:0xc000006d']));
    expect(items.map((item: { Input: string }) => item.Input)).toEqual(['0xC000006D', 'c000006d', '-1073741715', '3221225581', 'STATUS_LOGON_FAILURE']);
  });

  it('keeps the good codes and names the unreadable input, exiting 3', async () => {
    const result = await runInMemory(['explain', 'AADSTS50126', 'not-a-code!', '--json'], scriptedHost());
    expect(result.code).toBe(3);
    const items = JSON.parse(result.stdout);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ Family: 'AADSTS', Known: true, DocUrl: 'https://login.microsoftonline.com/error?code=50126' });
    expect(items[1].Error.Id).toBeTruthy();
    expect(JSON.parse(result.stderr).Error.Message).toContain('"not-a-code!"');
  });

  it('reads like a support answer in text: name, causes, fixes, evidence, next code', async () => {
    const result = await runInMemory(['explain', '0xc000006d'], scriptedHost());
    expect(result.code).toBe(0);
    for (const heading of ['STATUS_LOGON_FAILURE', 'Likely causes', 'What to do', 'Evidence to collect', 'Next in the chain']) {
      expect(result.stdout).toContain(heading);
    }
    expect(result.stdout).toContain('event 1081');
  });

  it('needs at least one code', async () => {
    const result = await runInMemory(['explain'], scriptedHost());
    expect(result.code).toBe(2);
  });
});

describe('prt codes --names', () => {
  it('lists the known symbolic names as a sorted JSON array', async () => {
    const result = await runInMemory(['codes', '--names', '--json'], scriptedHost());
    expect(result.code).toBe(0);
    const names: string[] = JSON.parse(result.stdout);
    expect(names).toContain('STATUS_LOGON_FAILURE');
    expect(names).toContain('ERROR_WINHTTP_TIMEOUT');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('asks what to list when --names is missing', async () => {
    expect((await runInMemory(['codes'], scriptedHost())).code).toBe(2);
  });
});

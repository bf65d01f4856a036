import { describe, expect, it } from 'vitest';
import { runInMemory, scriptedHost } from './harness.js';
import { badInput } from '../../../src/errors.js';

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

describe('prt explain --text (in memory)', () => {
  const fileHost = (files: Record<string, string | Uint8Array>) => scriptedHost({
    readCapture: async (path) => {
      const content = files[path];
      if (content === undefined) throw badInput('FileNotFound', `\`${path}\` does not exist`);
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
  });
  const ticket = 'Hi, Outlook prompts again.\r\n  Attempt Status : 0xc000006d\r\n  Server Error Description : AADSTS50126: Error validating credentials due to invalid username or password.\r\nThanks';

  it('prints one JSON document with every code, cause first, and where it stood', async () => {
    const result = await runInMemory(['explain', '--text', 'ticket.txt', '--json'], fileHost({ 'ticket.txt': ticket }));
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.Source).toBe('ticket.txt');
    expect(document.Codes.map((c: { Code: string }) => c.Code)).toEqual(['AADSTS50126', '0xc000006d']);
    expect(document.Codes[1].FoundAt).toEqual([{ Line: 2, Label: 'Attempt Status', Written: '0xc000006d' }]);
    expect(document.Codes[0].Explanation.Name).toBe('InvalidUserNameOrPassword');
  });

  it('reads a UTF-16 file (Get-Clipboard > file in Windows PowerShell)', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Error: 0xCAA5001C Token broker operation failed.', 'utf16le')]);
    const result = await runInMemory(['explain', '--text', 'clip.txt', '--json'], fileHost({ 'clip.txt': utf16 }));
    expect(JSON.parse(result.stdout).Codes.map((c: { Code: string }) => c.Code)).toEqual(['0xCAA5001C']);
  });

  it('text without a code is an answer: exit 0, no codes, and the human output says what it looked for', async () => {
    const json = await runInMemory(['explain', '--text', 'mail.txt', '--json'], fileHost({ 'mail.txt': 'Outlook asks for my password since Monday.' }));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ Source: 'mail.txt', CodeCount: 0, Codes: [] });
    const text = await runInMemory(['explain', '--text', 'mail.txt'], fileHost({ 'mail.txt': 'Outlook asks for my password since Monday.' }));
    expect(text.stdout).toContain('No error code found in mail.txt');
  });

  it('an empty file is bad input (exit 3) naming the file', async () => {
    const result = await runInMemory(['explain', '--text', 'empty.txt', '--json'], fileHost({ 'empty.txt': '  \n' }));
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).Error).toMatchObject({ Id: 'EmptyText' });
    expect(JSON.parse(result.stderr).Error.Message).toContain('empty.txt');
  });

  it('a missing file is bad input (exit 3)', async () => {
    const result = await runInMemory(['explain', '--text', 'nope.txt', '--json'], fileHost({}));
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).Error.Id).toBe('FileNotFound');
  });

  it('codes and --text together are a usage error', async () => {
    expect((await runInMemory(['explain', '0xc000006d', '--text', 'ticket.txt'], fileHost({ 'ticket.txt': ticket }))).code).toBe(2);
  });

  it('the human answer lists the codes in cause order before explaining each', async () => {
    const result = await runInMemory(['explain', '--text', 'ticket.txt'], fileHost({ 'ticket.txt': ticket }));
    const overview = result.stdout.split('\n\n')[0]!;
    expect(overview).toMatch(/2 codes in ticket\.txt, cause first:\n {2}1\. AADSTS50126 .*\n {2}2\. 0xc000006d STATUS_LOGON_FAILURE \(client status\) at line 2 \(Attempt Status\)/);
  });

  it('control characters from the text never reach the terminal', async () => {
    const hostile = 'AADSTS70002: bad \u001b[31mred\u0007 AADSTS50155: inner';
    const result = await runInMemory(['explain', '--text', 'x.txt'], fileHost({ 'x.txt': hostile }));
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

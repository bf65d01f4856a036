// The edges of redaction (src/safety/redact.ts) that the mutation run of issue #12 found untested:
// which lines teach a name, which names are kept, how pseudonyms are spelled and numbered, and
// what the map says. A name that is not learnt or an address that is kept leaks when shared.
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../src/safety/redact.js';
import { bundleFolderName } from '../../../src/trace/bundle.js';

const learnt = (lines: string, text: string) => {
  const redactor = new Redactor();
  redactor.learnText(lines);
  return redactor.text(text);
};

describe('the lines redaction learns names from', () => {
  it('learns a field at the start of a line, indented or not, with blanks or a tab before its colon or none', () => {
    expect(learnt('DeviceName : WS-0512', 'on WS-0512')).toBe('on DEVICE-1');
    expect(learnt('Computer: WS-0512', 'on WS-0512')).toBe('on DEVICE-1');
    expect(learnt('  DeviceName\t: WS-0512', 'on WS-0512')).toBe('on DEVICE-1');
    expect(learnt('  DeviceName :   WS-0512  ', 'on WS-0512')).toBe('on DEVICE-1');
  });

  it('learns nothing from a field name that is not at the start of its line', () => {
    expect(learnt('> Computer: desk by the window', 'the desk by the window')).toBe('the desk by the window');
    expect(learnt('1) DeviceName : WS-0512', 'on WS-0512')).toBe('on WS-0512');
  });

  it('learns a name of three characters, and one that only ends like a placeholder', () => {
    expect(learnt('  DeviceName : PC7', 'PC7 and PC77')).toBe('DEVICE-1 and PC77');
    expect(learnt('  DeviceName : KASINO', 'on KASINO')).toBe('on DEVICE-1');
    expect(learnt('  TenantName : Bayes', 'Bayes Ltd')).toBe('TENANT-1 Ltd');
  });

  it('learns a user name without a domain, and the same user behind a blank after the backslash', () => {
    expect(learnt('  UserName : lena', 'lena signed in')).toBe('user1 signed in');
    const redactor = new Redactor();
    redactor.learnText('  UserName : FABRIKAM\\ lena\n');
    expect(redactor.text('lena, lena@fabrikam.com')).toBe('user1, user1@domain1.example');
    expect(redactor.entries.filter((entry) => entry.Kind === 'User')).toEqual([{ Kind: 'User', Pseudonym: 'user1', Real: 'lena' }]);
  });

  it('keeps the first kind a name was learnt as, whatever the case of a later field', () => {
    const redactor = new Redactor();
    redactor.learnText('  DeviceName : LENA\n  UserName : lena\n');
    expect(redactor.text('LENA lena')).toBe('DEVICE-1 DEVICE-1');
    expect(redactor.entries).toEqual([{ Kind: 'Device', Pseudonym: 'DEVICE-1', Real: 'LENA' }]);
  });

  it('learns an executing account written with blanks around it, and nothing from an account with a blank in its domain', () => {
    const padded = new Redactor();
    padded.learnDeep({ ExecutingAccountName: '  CONTOSO\\maja, maja@contoso.com' });
    expect(padded.text('CONTOSO\\maja')).toBe('DOMAIN1\\user1');
    // `NT AUTHORITY\SYSTEM` is no person: SYSTEM stays, and a name there teaches nothing.
    const system = new Redactor();
    expect(() => system.learnText('     Executing Account Name : NT AUTHORITY\\SYSTEM\n     Executing Account Name : maja@contoso.com\n')).not.toThrow();
    expect(system.text('NT AUTHORITY\\SYSTEM')).toBe('NT AUTHORITY\\SYSTEM');
    expect(system.entries).toEqual([]);
  });

  it('learns the bundle folder’s spelling of a device name longer than 40 characters', () => {
    const device = 'Maja_Laptop_of_the_research_department_2026';
    const folder = bundleFolderName(device, new Date('2026-11-20T09:30:12Z'));
    expect(learnt(`  DeviceName : ${device}`, `${device} wrote ${folder}`)).toBe('DEVICE-1 wrote PrtTrace-DEVICE-1-20261120-093012');
  });

  it('reads {Name, Value} pairs only when the name is text, and arrays and plain values without harm', () => {
    const redactor = new Redactor();
    const document = { Rows: [{ Name: 5, Value: 'KIOSK-7' }, { Name: null, Value: 'KIOSK-7' }, [{ Name: 'Device Name', Value: 'WS-0512' }], 'text', 3, null] };
    expect(redactor.deep(document)).toEqual({ Rows: [{ Name: 5, Value: 'KIOSK-7' }, { Name: null, Value: 'KIOSK-7' }, [{ Name: 'Device Name', Value: 'DEVICE-1' }], 'text', 3, null] });
  });

  it('replaces the longest learnt name where names overlap', () => {
    const redactor = new Redactor();
    redactor.learnText('  DomainName : CONTOSO\n  DeviceName : Contoso Lab\n  TenantName : Contoso Lab Services\n');
    expect(redactor.text('Contoso Lab Services, Contoso Lab, CONTOSO')).toBe('TENANT-1, DEVICE-1, DOMAIN1');
  });
});

describe('the names and addresses redaction replaces or keeps', () => {
  it('replaces an organisation’s domain after @ or :// whatever its top-level domain, and keeps file names', () => {
    const redactor = new Redactor();
    expect(redactor.text('maja@contoso.ai via https://sts.fabrikam.xyz/adfs/ls and UPN suffixes @tailspin.com, @tailspin.ai, see report.json')).toBe(
      'user1@domain1.example via https://host1.domain2.example/adfs/ls and UPN suffixes @domain3.example, @domain4.example, see report.json',
    );
  });

  it('keeps Microsoft’s own registered domains, not only the hosts under them', () => {
    expect(new Redactor().text('microsoft.com aka.ms windows.net')).toBe('microsoft.com aka.ms windows.net');
  });

  it('takes a two-label name under a country code for an organisation’s domain, even with a registry word', () => {
    expect(new Redactor().text('com.de and contoso.co.uk')).toBe('domain1.example and domain2.example');
  });

  it('replaces an address that has 127 inside it, keeping only loopback at its start', () => {
    expect(new Redactor().text('10.127.0.1 127.0.0.1')).toBe('192.0.2.1 127.0.0.1');
  });

  it('numbers IPv4 addresses through the documentation ranges and beyond them without repeating a pseudonym', () => {
    const redactor = new Redactor();
    const pseudonyms = Array.from({ length: 800 }, (_, n) => redactor.text(`10.1.${Math.floor(n / 250)}.${(n % 250) + 1}`));
    expect([pseudonyms[253], pseudonyms[254], pseudonyms[507], pseudonyms[508], pseudonyms[761], pseudonyms[762], pseudonyms[799]]).toEqual([
      '192.0.2.254',
      '198.51.100.1',
      '198.51.100.254',
      '203.0.113.1',
      '203.0.113.254',
      '198.18.0.0',
      '198.18.0.37',
    ]);
    expect(new Set(pseudonyms).size).toBe(800);
    expect(redactor.text(pseudonyms.join(' '))).toBe(pseudonyms.join(' '));
  });

  it('goes on from 198.18.255.255 to 198.19.0.0', () => {
    const redactor = new Redactor();
    let last = '';
    for (let n = 0; n < 763 + 65_536; n++) last = redactor.text(`10.${Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`);
    expect(last).toBe('198.19.0.0');
    expect(redactor.text('10.255.255.254')).toBe('198.19.0.1');
  });

  it('writes a thumbprint pseudonym in capitals only when the real one is written in capitals', () => {
    const redactor = new Redactor();
    for (let n = 1; n <= 9; n++) redactor.text(`${'ab'.repeat(19)}0${n}`);
    const upper = 'C5E82A1F47D03B96E8A15C2D0F7B49E63A18D5C0';
    const lower = 'c5e82a1f47d03b96e8a15c2d0f7b49e63a18d5c1';
    const digits = '1234567890123456789012345678901234567890';
    const letters = 'ABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD';
    const mixed = 'C5e82a1f47d03b96e8a15c2d0f7b49e63a18d5c2';
    expect(redactor.text(`${upper} ${lower} ${digits} ${letters} ${mixed}`)).toBe(
      ['000000000000000000000000000000000000000A', '000000000000000000000000000000000000000b', '000000000000000000000000000000000000000c', '000000000000000000000000000000000000000D', '000000000000000000000000000000000000000e'].join(' '),
    );
  });

  it('names the kind of each pseudonym in the map (IPv4 and IPv6 counted together), with the real value in lower case where case does not count', () => {
    const redactor = new Redactor();
    redactor.text('x.a.sts.contoso.com 2B9E41C7-0F6D-4A38-9E15-C70D83F2A6B9 S-1-5-21-1004336348-1177238915-682003330-1104 C5E82A1F47D03B96E8A15C2D0F7B49E63A18D5C0 10.1.2.3 FE80::1C2B:3D4E:5F60:7A8B');
    expect(redactor.entries).toEqual([
      { Kind: 'Guid', Pseudonym: '00000000-0000-4000-8000-000000000001', Real: '2b9e41c7-0f6d-4a38-9e15-c70d83f2a6b9' },
      { Kind: 'Sid', Pseudonym: 'S-1-5-21-0-0-0-1001', Real: 'S-1-5-21-1004336348-1177238915-682003330-1104' },
      { Kind: 'Thumbprint', Pseudonym: '0000000000000000000000000000000000000001', Real: 'c5e82a1f47d03b96e8a15c2d0f7b49e63a18d5c0' },
      { Kind: 'Domain', Pseudonym: 'domain1.example', Real: 'contoso.com' },
      { Kind: 'Host', Pseudonym: 'host1', Real: 'x.a.sts.contoso.com' },
      { Kind: 'IpAddress', Pseudonym: '192.0.2.1', Real: '10.1.2.3' },
      { Kind: 'IpAddress', Pseudonym: '2001:db8::2', Real: 'fe80::1c2b:3d4e:5f60:7a8b' },
    ]);
  });

  it('says in the map that it undoes the redaction and is to be kept private', () => {
    const note = new Redactor().mapDocument('capture.txt').Note;
    expect(note).toMatch(/undoes the redaction/);
    expect(note).toMatch(/Keep this file to yourself/);
  });
});

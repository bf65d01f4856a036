import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getStatus } from '../../../src/app/status.js';
import { ExitCode } from '../../../src/errors.js';
import { createHost } from '../../../src/host/create.js';
import { Redactor } from '../../../src/safety/redact.js';
import { redactPath } from '../../../src/safety/redact-files.js';
import { statusVerdict } from './verdicts.js';

const fixtures = join(import.meta.dirname, '../../fixtures/dsregcmd');
const work = mkdtempSync(join(tmpdir(), 'prt-redact-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const files = createHost({ ...process.env, PRT_FORCE_LIVE: '' }, 'linux');
const now = new Date('2026-11-20T10:00:00Z');

const captures = readdirSync(fixtures).filter((name) => !['empty.txt', 'not-dsregcmd.txt', 'truncated.txt'].includes(name));

describe('redaction of dsregcmd captures', () => {
  it.each(captures)('%s diagnoses the same once redacted', async (name) => {
    const input = join(fixtures, name);
    const result = await redactPath(input, work);
    const before = await getStatus(files, { input, now });
    const after = await getStatus(files, { input: result.Path, now });
    expect(statusVerdict(after)).toEqual(statusVerdict(before));
    expect(statSync(result.MapPath).mode & 0o077).toBe(0);
  });

  it('replaces every identifier of a capture and keeps Microsoft endpoints, codes and times', async () => {
    const result = await redactPath(join(fixtures, 'missing-prt-0xc000006d-aadsts50126.txt'), work);
    const text = readFileSync(result.Path, 'utf8');
    for (const real of ['CTS-LT-31188', 'lena.hoffmann', 'contoso', 'Contoso', '5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13', 'f06b2d94-8e13-4c7a-b5d0-39a1e7c84f62', 'C5E82A1F47D03B96E8A15C2D0F7B49E63A18D5C0', '2b9e41c7-0f6d-4a38-9e15-c70d83f2a6b9', '3b81f6c0-2d95-47ae-80c3-f4e9a25b7d16']) {
      expect(text, real).not.toContain(real);
    }
    for (const kept of ['login.microsoftonline.com', 'enterpriseregistration.windows.net', 'enrollment.manage.microsoft.com', '0xc000006d', 'AADSTS50126', 'invalid_grant', '2026-09-18 20:20:09.760 UTC', 'DEVICE-1', 'user1@domain1.example']) {
      expect(text, kept).toContain(kept);
    }
    const map = JSON.parse(readFileSync(result.MapPath, 'utf8'));
    expect(map.Entries).toContainEqual({ Kind: 'Device', Pseudonym: 'DEVICE-1', Real: 'CTS-LT-31188' });
  });

  it('gives one real value one pseudonym, whatever its case and wherever it appears', () => {
    const redactor = new Redactor();
    const a = redactor.text('maja@contoso.com on https://sts.contoso.com/adfs/ls and 10.1.2.3, id 2B9E41C7-0F6D-4A38-9E15-C70D83F2A6B9');
    const b = redactor.text('MAJA@Contoso.com from 10.1.2.3, id 2b9e41c7-0f6d-4a38-9e15-c70d83f2a6b9, sid S-1-5-21-1004336348-1177238915-682003330-512');
    expect(a).toBe('user1@domain1.example on https://host1.domain1.example/adfs/ls and 192.0.2.1, id 00000000-0000-4000-8000-000000000001');
    expect(b).toBe('user1@domain1.example from 192.0.2.1, id 00000000-0000-4000-8000-000000000001, sid S-1-5-21-0-0-0-1001');
  });

  it('keeps a device pseudonym in front of its domain in a fully qualified name', async () => {
    const result = await redactPath(join(fixtures, 'hybrid-enterprise-diag-msis.txt'), work);
    const text = readFileSync(result.Path, 'utf8');
    expect(/Device Name : (.*)/.exec(text)?.[1]).toMatch(/^DEVICE-1\.(host\d+\.)?domain\d+\.example$/);
  });

  it('leaves error codes, times, file names and versions alone', () => {
    const text = '0xC000006D -1073741715 3221225581 AADSTS50126 MSIS7068 12029 2026-11-20T09:13:40.4242555Z report.json WebAccountProcessor.cpp 10.0.19045.3803 HTTP 400';
    expect(new Redactor().text(text)).toBe(text);
  });
});

describe('the names redaction learns', () => {
  it('learns the NetBIOS domain and the user of an executing account, and gives the user one pseudonym in both spellings', () => {
    const redactor = new Redactor();
    redactor.learnText('     Executing Account Name : CONTOSO\\maja, maja@contoso.com\n');
    expect(redactor.text('CONTOSO\\maja signed in as maja@contoso.com; contoso\\MAJA again')).toBe('DOMAIN1\\user1 signed in as user1@domain1.example; DOMAIN1\\user1 again');
  });

  it('learns tenant names, NetBIOS domains and user names from their fields, and a device from its short name', () => {
    const redactor = new Redactor();
    redactor.learnText(['| TenantName : Contoso Ltd |', '  DomainName : FABRIKAM', '  UserName : FABRIKAM\\lena', '  DeviceName : WS-0512.corp.fabrikam.com'].join('\n'));
    expect(redactor.text('Contoso Ltd, FABRIKAM, lena, WS-0512')).toBe('TENANT-1, DOMAIN1, user1, DEVICE-1');
    expect(redactor.entries.map((entry) => [entry.Kind, entry.Real])).toEqual([
      ['Tenant', 'Contoso Ltd'],
      ['NetbiosDomain', 'FABRIKAM'],
      ['User', 'lena'],
      ['Device', 'WS-0512'],
    ]);
  });

  it('does not learn placeholders, names under three characters, e-mail addresses or dotted domain names as names', () => {
    const redactor = new Redactor();
    redactor.learnText(['  DeviceName : AB', '  TenantName : N/A', '  UserName : unknown', '  UserName : maja@contoso.com', '  DomainName : corp.contoso.com', '  SomethingElse : Secretname'].join('\n'));
    expect(redactor.text('AB N/A unknown corp Secretname')).toBe('AB N/A unknown corp Secretname');
  });

  it('learns the device from an event’s <Computer>, and from {Name, Value} pairs and named properties of a document', () => {
    const fromXml = new Redactor();
    fromXml.learnText('<Event><System><Computer>CTS-LT-31188.contoso.com</Computer></System></Event>');
    expect(fromXml.text('on CTS-LT-31188 now')).toBe('on DEVICE-1 now');
    const fromDocument = new Redactor();
    const redacted = fromDocument.deep({ Rows: [{ Name: 'Device Name', Value: 'KIOSK-7' }], Nested: { TenantName: 'Wingtip' }, Text: 'KIOSK-7 of Wingtip', Count: 3, Missing: null });
    expect(redacted).toEqual({ Rows: [{ Name: 'Device Name', Value: 'DEVICE-1' }], Nested: { TenantName: 'TENANT-1' }, Text: 'DEVICE-1 of TENANT-1', Count: 3, Missing: null });
  });

  it('replaces a device name in the spelling a text file shows (control characters made visible) and in the bundle folder’s', () => {
    const redactor = new Redactor();
    redactor.learnField('DeviceName', 'Maja’s PC\u001b1');
    expect(redactor.text('Maja’s PC\\x1b1 and PrtTrace-Maja-s-PC-1-20261120-093012')).toBe('DEVICE-1 and PrtTrace-DEVICE-1-20261120-093012');
  });
});

describe('the identifiers redaction replaces', () => {
  it('keeps the registry’s part of a country domain and onmicrosoft.com with the organisation', () => {
    const redactor = new Redactor();
    expect(redactor.text('portal.contoso.co.uk contoso.co.uk contoso.onmicrosoft.com a.b.contoso.com')).toBe('host1.domain1.example domain1.example domain2.example host2.domain3.example');
  });

  it('keeps Microsoft’s hosts, file names and versions, and a name already made a pseudonym', () => {
    const text = 'login.microsoftonline.com enterpriseregistration.windows.net report.json 10.0.19045.3803 host1.domain1.example';
    expect(new Redactor().text(text)).toBe(text);
  });

  it('keeps loopback and broadcast addresses, and numbers addresses in the three documentation ranges', () => {
    const redactor = new Redactor();
    expect(redactor.text('127.0.0.1 0.0.0.0 255.255.255.255 10.0.0.1')).toBe('127.0.0.1 0.0.0.0 255.255.255.255 192.0.2.1');
    for (let n = 2; n <= 254; n++) redactor.text(`10.0.${Math.floor(n / 250)}.${n % 250}`);
    expect(redactor.text('10.9.9.1')).toBe('198.51.100.1');
    for (let n = 2; n <= 254; n++) redactor.text(`10.8.${Math.floor(n / 250)}.${n % 250}`);
    expect(redactor.text('10.9.9.2')).toBe('203.0.113.1');
  });

  it('replaces IPv6 addresses but not loopback, the unspecified address or times', () => {
    const redactor = new Redactor();
    expect(redactor.text('fe80::1c2b:3d4e:5f60:7a8b ::1 :: 2001:0db8:85a3:0000:0000:8a2e:0370:7334 at 09:13:40')).toBe('2001:db8::1 ::1 :: 2001:db8::2 at 09:13:40');
  });

  it('gives Entra and domain SIDs pseudonyms of their own kind, and keeps well-known SIDs', () => {
    const redactor = new Redactor();
    expect(redactor.text('S-1-12-1-1234567890-1234567890-1234567890-1234567890 S-1-5-21-1004336348-1177238915-682003330-1104 S-1-5-18')).toBe('S-1-12-1-0-0-0-1 S-1-5-21-0-0-0-1002 S-1-5-18');
  });

  it('keeps the case of a thumbprint and of a GUID, and keeps Microsoft’s and all-zero GUIDs', () => {
    const redactor = new Redactor();
    expect(redactor.text('C5E82A1F47D03B96E8A15C2D0F7B49E63A18D5C0 c5e82a1f47d03b96e8a15c2d0f7b49e63a18d5c0 ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12')).toBe(
      '0000000000000000000000000000000000000001 0000000000000000000000000000000000000001 0000000000000000000000000000000000000002',
    );
    expect(redactor.text('4de9bc9c-b27a-43c9-8994-0915f1a5e24f 00000000-0000-0000-0000-000000000000')).toBe('4de9bc9c-b27a-43c9-8994-0915f1a5e24f 00000000-0000-0000-0000-000000000000');
  });

  it('changes nothing the second time: a redacted text redacted again is the same, with no new pseudonym', () => {
    const redactor = new Redactor();
    redactor.learnText('  DeviceName : WS-0512\n');
    const once = redactor.text('WS-0512 maja@contoso.com 10.1.2.3 2b9e41c7-0f6d-4a38-9e15-c70d83f2a6b9 S-1-5-21-1-2-3-500 fe80::1c2b:3d4e:5f60:7a8b');
    const entries = redactor.entries.length;
    expect(redactor.text(once)).toBe(once);
    expect(redactor.entries).toHaveLength(entries);
  });

  it('writes a map whose entries are copies, with the source it was made from', () => {
    const redactor = new Redactor();
    redactor.text('maja@contoso.com');
    const map = redactor.mapDocument('capture.txt');
    expect(map.Source).toBe('capture.txt');
    expect(map.Entries).toEqual([
      { Kind: 'User', Pseudonym: 'user1', Real: 'maja' },
      { Kind: 'Domain', Pseudonym: 'domain1.example', Real: 'contoso.com' },
    ]);
    map.Entries[0]!.Real = 'changed';
    expect(redactor.entries[0]!.Real).toBe('maja');
  });
});

describe('redacted copies of files and folders', () => {
  const input = (name: string, content: string | Buffer) => {
    const folder = mkdtempSync(join(work, 'in-'));
    writeFileSync(join(folder, name), content);
    return join(folder, name);
  };

  it('keeps a capture’s Windows line ends, redacts its file name, and never overwrites an earlier copy or its map', async () => {
    const path = input('WS-0512 capture.txt', '  DeviceName : WS-0512\r\n  TenantId : 2b9e41c7-0f6d-4a38-9e15-c70d83f2a6b9\r\n');
    const out = mkdtempSync(join(work, 'out-'));
    const first = await redactPath(path, out);
    expect(first.Path).toBe(join(out, 'DEVICE-1 capture.redacted.txt'));
    expect(readFileSync(first.Path, 'utf8')).toBe('  DeviceName : DEVICE-1\r\n  TenantId : 00000000-0000-4000-8000-000000000001\r\n');
    expect(first).toMatchObject({ ZipPath: null, MapPath: `${first.Path}.redaction-map.json`, Redacted: ['WS-0512 capture.txt'], LeftOut: [], Pseudonyms: 2 });
    const second = await redactPath(path, out);
    expect(second.Path).toBe(join(out, 'DEVICE-1 capture.redacted-2.txt'));
  });

  it('reads a UTF-16 capture and writes it as UTF-8 with its line ends', async () => {
    const path = input('capture.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('  DeviceName : WS-0512\r\n', 'utf16le')]));
    const result = await redactPath(path, mkdtempSync(join(work, 'out-')));
    expect(readFileSync(result.Path, 'utf8')).toBe('  DeviceName : DEVICE-1\r\n');
  });

  it('refuses a binary file, a path that does not exist, and names them', async () => {
    await expect(redactPath(input('trace.etl', 'x'), work)).rejects.toMatchObject({ id: 'BinaryInput', exitCode: ExitCode.BadInput });
    await expect(redactPath(input('blob.dat', Buffer.from([1, 0, 2, 0, 0, 3])), work)).rejects.toMatchObject({ id: 'BinaryInput' });
    await expect(redactPath(join(work, 'missing.txt'), work)).rejects.toMatchObject({ id: 'InputNotFound', message: expect.stringContaining('missing.txt') });
  });

  it('copies a folder with one set of pseudonyms, leaves out binaries and an earlier map, and lists the redacted files in the manifest', async () => {
    const folder = mkdtempSync(join(work, 'PrtTrace-WS-0512-'));
    mkdirSync(join(folder, 'events'));
    writeFileSync(join(folder, 'dsregcmd-after.txt'), '  DeviceName : WS-0512\n');
    writeFileSync(join(folder, 'events', 'a.xml'), '<Event><System><Computer>WS-0512.contoso.com</Computer></System></Event>');
    writeFileSync(join(folder, 'report.json'), JSON.stringify({ DeviceName: 'WS-0512', Files: [] }));
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ Files: [{ Path: 'old' }] }));
    writeFileSync(join(folder, 'network.etl'), 'binary');
    writeFileSync(join(folder, 'old.redaction-map.json'), '{}');
    const result = await redactPath(folder, mkdtempSync(join(work, 'out-')));
    expect(result.LeftOut).toEqual(['network.etl', 'old.redaction-map.json']);
    expect(result.Redacted).toEqual(['dsregcmd-after.txt', 'events/a.xml', 'manifest.json', 'report.json']);
    expect(readFileSync(join(result.Path, 'events', 'a.xml'), 'utf8')).toBe('<Event><System><Computer>DEVICE-1.domain1.example</Computer></System></Event>');
    const manifest = JSON.parse(readFileSync(join(result.Path, 'manifest.json'), 'utf8'));
    expect(manifest.Files.map((file: { Path: string }) => file.Path)).toEqual(['dsregcmd-after.txt', 'events/a.xml', 'report.json']);
    expect(manifest.Redacted).toEqual({ LeftOut: ['network.etl', 'old.redaction-map.json'] });
    const report = JSON.parse(readFileSync(join(result.Path, 'report.json'), 'utf8'));
    expect(report.DeviceName).toBe('DEVICE-1');
    expect(report.Files.map((file: { Path: string }) => file.Path)).toEqual(['dsregcmd-after.txt', 'events/a.xml', 'report.json']);
    expect(result.ZipPath).toBe(`${result.Path}.zip`);
  });
});

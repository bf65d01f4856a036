/**
 * One rule of src/device/parse.ts per test, on small inline strings: each breaks when its rule does.
 */
import { describe, expect, it } from 'vitest';
import { DeviceParseError, parseCdjAad, parseCertutilStore, parseNltest, parseRegQuery, parseTaskCsv, parseTaskXmlEnabled, parseTpmtool, parseToolTime, parseW32tm } from '../../../src/device/parse.js';

describe('parseToolTime', () => {
  it('reads ISO with a space or a T, seconds optional, and trims blanks around the value', () => {
    expect(parseToolTime('2024-12-07 06:16')).toBe('2024-12-07T06:16:00.000Z');
    expect(parseToolTime('2024-12-07T06:16:05')).toBe('2024-12-07T06:16:05.000Z');
    expect(parseToolTime('  2024-1-7 6:16  ')).toBe('2024-01-07T06:16:00.000Z');
    expect(parseToolTime('2024-12-07_06:16')).toBeNull();
    expect(parseToolTime('on 2024-12-07 06:16')).toBeNull();
  });

  it('reads day-first dates with dots and with slashes, seconds optional', () => {
    expect(parseToolTime('07.12.2024 06:16')).toBe('2024-12-07T06:16:00.000Z');
    expect(parseToolTime('07/12/2024 06:16:09')).toBe('2024-12-07T06:16:09.000Z');
    expect(parseToolTime('\t25/05/2026 5:07:56 ')).toBe('2026-05-25T05:07:56.000Z');
    expect(parseToolTime('07-12-2024 06:16')).toBeNull();
    expect(parseToolTime('x07.12.2024 06:16')).toBeNull();
  });

  it('reads month first only with AM/PM, in either case', () => {
    expect(parseToolTime('1/2/2024 10:00 AM')).toBe('2024-01-02T10:00:00.000Z');
    expect(parseToolTime('1/2/2024 10:00')).toBe('2024-02-01T10:00:00.000Z');
    expect(parseToolTime('1/2/2024 1:00 pm')).toBe('2024-01-02T13:00:00.000Z');
    expect(parseToolTime('1/2/2024 10:00:30AM')).toBe('2024-01-02T10:00:30.000Z');
  });

  it('turns 12 AM into midnight, keeps 12 PM as noon and 11 AM as is, adds 12 to 1 PM', () => {
    expect(parseToolTime('6/1/2024 12:00 AM')).toBe('2024-06-01T00:00:00.000Z');
    expect(parseToolTime('6/1/2024 12:00 PM')).toBe('2024-06-01T12:00:00.000Z');
    expect(parseToolTime('6/1/2024 11:59 AM')).toBe('2024-06-01T11:59:00.000Z');
    expect(parseToolTime('6/1/2024 1:00 PM')).toBe('2024-06-01T13:00:00.000Z');
    expect(parseToolTime('6/1/2024 11:00 PM')).toBe('2024-06-01T23:00:00.000Z');
  });

  it('accepts months 1 and 12 and days 1 and 31, refuses months 0 and 13 and days 0 and 32', () => {
    expect(parseToolTime('2024-01-01 00:00')).toBe('2024-01-01T00:00:00.000Z');
    expect(parseToolTime('2024-12-31 23:59:59')).toBe('2024-12-31T23:59:59.000Z');
    expect(parseToolTime('2024-00-10 00:00')).toBeNull();
    expect(parseToolTime('2024-13-10 00:00')).toBeNull();
    expect(parseToolTime('2024-05-00 00:00')).toBeNull();
    expect(parseToolTime('2024-05-32 00:00')).toBeNull();
    expect(parseToolTime('13/1/2024 1:00 PM')).toBeNull();
    expect(parseToolTime('01.13.2024 10:00')).toBeNull();
    expect(parseToolTime('32.01.2024 10:00')).toBeNull();
  });

  it('refuses a date past the end of its month and an hour, minute or second out of range', () => {
    expect(parseToolTime('31.02.2024 10:00')).toBeNull();
    expect(parseToolTime('2023-02-29 10:00')).toBeNull();
    expect(parseToolTime('2024-02-29 10:00')).toBe('2024-02-29T10:00:00.000Z');
    expect(parseToolTime('2024-05-10 24:00')).toBeNull();
    expect(parseToolTime('2024-05-10 10:60')).toBeNull();
    expect(parseToolTime('2024-05-10 10:00:60')).toBeNull();
  });
  it('takes any run of blanks between the date and the time', () => {
    expect(parseToolTime('07.12.2024  06:16')).toBe('2024-12-07T06:16:00.000Z');
    expect(parseToolTime('12/7/2024 \t6:16 AM')).toBe('2024-12-07T06:16:00.000Z');
  });
});

const block = (...lines: string[]) => ['================ Certificate 0 ================', ...lines].join('\n');

describe('parseCertutilStore', () => {
  it('reads `Label:` and `Label =` forms, labels in any case, values trimmed', () => {
    const [cert] = parseCertutilStore(block('subject:   CN=dev  ', 'ISSUER: CN=ca', 'Provider = Microsoft Platform Crypto Provider', 'Cert Hash(sha1) = ab'));
    expect(cert).toEqual({ Subject: 'CN=dev', Issuer: 'CN=ca', Thumbprint: 'AB', NotBefore: null, NotAfter: null, HasPrivateKey: null, Provider: 'Microsoft Platform Crypto Provider' });
  });

  it('takes the value after the first colon or equals sign, keeping the ones inside it', () => {
    const [cert] = parseCertutilStore(block('Issuer: DC=net + CN=MS-Organization-Access', 'Subject = CN=a=b'));
    expect(cert?.Issuer).toBe('DC=net + CN=MS-Organization-Access');
    expect(cert?.Subject).toBe('CN=a=b');
  });

  it('leaves missing fields empty or null, and an unreadable time null', () => {
    expect(parseCertutilStore(block('NotBefore: someday'))).toEqual([{ Subject: '', Issuer: '', Thumbprint: '', NotBefore: null, NotAfter: null, HasPrivateKey: null, Provider: null }]);
  });

  it('reads the validity times through parseToolTime', () => {
    const [cert] = parseCertutilStore(block(' NotBefore: 12/30/2022 5:10 PM', ' NotAfter: 30.12.2032 17:40'));
    expect([cert?.NotBefore, cert?.NotAfter]).toEqual(['2022-12-30T17:10:00.000Z', '2032-12-30T17:40:00.000Z']);
  });

  it('removes every blank of a spaced hash and upper-cases it', () => {
    expect(parseCertutilStore(block('Cert Hash(sha1): 5c 1a 7e 0b\t93 d2'))[0]?.Thumbprint).toBe('5C1A7E0B93D2');
  });

  it('says the key is there after a passed encryption or signature test, in any case', () => {
    expect(parseCertutilStore(block('Encryption test passed'))[0]?.HasPrivateKey).toBe(true);
    expect(parseCertutilStore(block('signature TEST passed'))[0]?.HasPrivateKey).toBe(true);
  });

  it('says the key is missing on each of certutil\'s three wordings', () => {
    for (const said of ['No key provider information', 'Missing stored keyset', 'Cannot find the certificate and private key for decryption.', 'missing STORED keyset']) {
      expect(parseCertutilStore(block(said))[0]?.HasPrivateKey).toBe(false);
    }
  });

  it('leaves the key unknown when neither is said, and lets a passed test win over a missing-key line', () => {
    expect(parseCertutilStore(block('Private key is NOT exportable'))[0]?.HasPrivateKey).toBeNull();
    expect(parseCertutilStore(block('Missing stored keyset', 'Signature test passed'))[0]?.HasPrivateKey).toBe(true);
  });

  it('keeps each block to its own lines and ignores the lines before the first header', () => {
    const text = ['my "Personal"', 'Subject: CN=outside', '================ Certificate 0 ================', 'Subject: CN=zero', 'Encryption test passed', '=== certificate 1 ===', 'Subject: CN=one'].join('\r\n');
    expect(parseCertutilStore(text).map((c) => [c.Subject, c.HasPrivateKey])).toEqual([['CN=zero', true], ['CN=one', null]]);
  });

  it('takes a header only when it is the whole line, with its number', () => {
    expect(parseCertutilStore(block('Subject: CN=a', '================ Certificate ================', 'Subject: CN=b'))).toHaveLength(1);
    expect(parseCertutilStore('  ====Certificate 12====  \nSubject: CN=x')[0]?.Subject).toBe('CN=x');
  });

  it('recognises an empty store by its completion line, its "Personal" name or a bare My line', () => {
    expect(parseCertutilStore('CertUtil: -store command completed successfully.')).toEqual([]);
    expect(parseCertutilStore('My "Personal"')).toEqual([]);
    expect(parseCertutilStore('\r\n  my  \r\n')).toEqual([]);
  });

  it('refuses text that has neither a block nor a store name, naming certutil', () => {
    for (const text of ['', 'Myself', 'Le magasin est vide', 'Mon "Personnel"']) {
      expect(() => parseCertutilStore(text)).toThrow(/certutil printed no certificate block/);
    }
  });

  it('refuses a header inside a line even when a store name is there', () => {
    expect(() => parseCertutilStore('My "Personal" ================ Certificate 0 ================ Subject: CN=x')).toThrow(/line breaks lost/);
    expect(() => parseCertutilStore('My "Personal" ================ Certificate 0 ================\nSubject: CN=x')).toThrow(/line breaks lost/);
  });
  it('refuses a folded listing whatever the spacing of its headers, as the line rule reads them', () => {
    // No blanks around the word, several, a number of two digits: each is a header on its own line.
    for (const header of ['====Certificate 0====', '==  Certificate  0  ==', '== Certificate 12 ==', '== Certificate 3==']) {
      expect(parseCertutilStore(`${header}\nSubject: CN=x`).map((c) => c.Subject)).toEqual(['CN=x']);
      expect(() => parseCertutilStore(`My "Personal" ${header} Subject: CN=x`)).toThrow(/line breaks lost/);
    }
  });

  it('takes My as a store name only when it is the whole line: a prompt ending in My is not one', () => {
    // A French Windows behind the English command line: localized, not an empty store.
    expect(() => parseCertutilStore('C:\\>certutil -store My\r\nMon "Personnel"\r\nCertUtil: -store : la commande s\'est terminée correctement.')).toThrow(/certutil printed no certificate block/);
  });
});

describe('parseTpmtool', () => {
  const tpm = (...lines: string[]) => parseTpmtool(['', ...lines].join('\n'));

  it('reads True and False in any case; any other word is unknown', () => {
    expect(tpm('-TPM Present: True', '-Is Initialized: untrue').Owned).toBeNull();
    expect(tpm('-TPM Present: True', '-Ready For Storage: falsely').Ready).toBeNull();
    expect(tpm('-TPM Present: TRUE', '-Ready For Storage: false', '-Is Initialized: Yes', '-Is Locked Out: tRuE')).toEqual({
      Present: true, Ready: false, Enabled: null, Owned: null, LockedOut: true, LockoutCount: null, ManufacturerVersion: null, ClearNeeded: null,
    });
  });

  it('matches the labels in any case and trims the values', () => {
    expect(tpm('-tpm present:   True  ', '  -clear needed to recover: True', '-TPM MANUFACTURER VERSION:  7.2.3.1 ')).toMatchObject({ Present: true, ClearNeeded: true, ManufacturerVersion: '7.2.3.1' });
  });

  it('reads the lockout counter only when it is all digits', () => {
    expect(tpm('-TPM Present: True', '\t-Lockout Counter: 31').LockoutCount).toBe(31);
    expect(tpm('-TPM Present: True', '\t-Lockout Counter:  7 ').LockoutCount).toBe(7);
    expect(tpm('-TPM Present: True', '\t-Lockout Counter: 3a').LockoutCount).toBeNull();
    expect(tpm('-TPM Present: True', '\t-Lockout Counter: -1').LockoutCount).toBeNull();
    expect(tpm('-TPM Present: True', '\t-Lockout Counter:').LockoutCount).toBeNull();
  });

  it('reads only dash lines and refuses output whose Present line is missing or not True/False', () => {
    expect(() => tpm('TPM Present: True')).toThrow(/no "TPM Present" line/);
    expect(() => tpm('-TPM Present: Vrai')).toThrow(DeviceParseError);
    expect(() => parseTpmtool('')).toThrow(DeviceParseError);
  });
  it('reads True and False only as the whole value', () => {
    expect(tpm('-TPM Present: True', '-Is Initialized: Trueish', '-Ready For Storage: not false')).toMatchObject({ Owned: null, Ready: null });
  });

  it('reads a label between the dash and the colon whatever the blanks, and a value right after the colon', () => {
    expect(tpm('- TPM Present : True', '-Lockout Counter:5', '-Is Locked Out:False')).toMatchObject({ Present: true, LockoutCount: 5, LockedOut: false });
  });

  it('reads a dash line only from the start of its line: a label after other text (a folded prompt) is not read', () => {
    expect(() => tpm('PS C:\\> tpmtool getdeviceinformation -TPM Present: True')).toThrow(/no "TPM Present" line/);
  });
});

describe('parseRegQuery and parseCdjAad', () => {
  it('reads names with spaces when the columns are two blanks apart', () => {
    const values = parseRegQuery('HKEY_LOCAL_MACHINE\\X\n    Tenant Display Name    REG_SZ    Fabrikam  Ltd\n');
    expect([...values]).toEqual([['tenant display name', 'Fabrikam  Ltd']]);
  });

  it('falls back to single blanks for names without spaces, and reads a value-less line as empty', () => {
    expect([...parseRegQuery('\tTenantId REG_SZ abc\n    TenantName    REG_SZ\n    Flag    REG_DWORD    0x1')]).toEqual([['tenantid', 'abc'], ['tenantname', ''], ['flag', '0x1']]);
  });

  it('skips lines that are not indented (the key name, blank lines)', () => {
    expect(parseRegQuery('HKEY_LOCAL_MACHINE\\X REG_SZ y\nTenantId    REG_SZ    abc\n\n').size).toBe(0);
  });

  it('gives null for empty or missing CDJ values, and needs the key line at a line start', () => {
    expect(parseCdjAad('\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CDJ\\AAD\r\n    TenantId    REG_SZ    \r\n    TenantName    REG_SZ    \r\n')).toEqual({ TenantId: null, TenantName: null });
    expect(parseCdjAad('hkey_local_machine\\software\n    TENANTNAME    REG_SZ    contoso.com')).toEqual({ TenantId: null, TenantName: 'contoso.com' });
    expect(() => parseCdjAad('  HKEY_LOCAL_MACHINE\\SOFTWARE\n    TenantId    REG_SZ    abc')).toThrow(/no key name line/);
  });
  it('skips unindented lines also when the name has a blank, in either column layout', () => {
    expect(parseRegQuery('Tenant Id    REG_SZ    abc\nTenant Id REG_SZ abc').size).toBe(0);
  });

  it('trims blanks after the value', () => {
    expect([...parseRegQuery('    TenantName    REG_SZ    contoso.com  \n\tTenantId REG_SZ abc \t')]).toEqual([['tenantname', 'contoso.com'], ['tenantid', 'abc']]);
  });
});

describe('parseNltest', () => {
  it('reads an indented DC line, and a DC line wins over a status line', () => {
    expect(parseNltest('           DC: \\\\DC01.corp\nTrust Verification Status = 1311 0x51f ERROR_NO_LOGON_SERVERS', 'corp')).toEqual({ Domain: 'corp', DomainController: '\\\\DC01.corp', Error: null });
  });

  it('keeps the printed hex, lower-cased, and works out the hex when it is missing', () => {
    expect(parseNltest('Getting DC name failed: Status = 1355 0x54B ERROR_NO_SUCH_DOMAIN', 'x').Error).toBe('ERROR_NO_SUCH_DOMAIN (0x54b)');
    expect(parseNltest('Getting DC name failed: Status = 1722 RPC_S_SERVER_UNAVAILABLE', 'x').Error).toBe('RPC_S_SERVER_UNAVAILABLE (0x6ba)');
    expect(parseNltest('Status=1311\r\n0x51f   ERROR_NO_LOGON_SERVERS', 'x').Error).toBe('ERROR_NO_LOGON_SERVERS (0x51f)');
  });

  it('needs a status name that starts with a capital letter', () => {
    expect(() => parseNltest('Status = 1355 0x54b', 'x')).toThrow(/neither a DC line nor a failure status/);
    expect(() => parseNltest('status = 1355 error_no_such_domain', 'x')).toThrow(DeviceParseError);
  });

  it('refuses a DC line without the double backslash, naming that line', () => {
    expect(() => parseNltest('DC: DC01.corp', 'x')).toThrow(/DC line whose name is not in the \\\\name form/);
    expect(() => parseNltest('DC:\n', 'x')).toThrow(/neither a DC line/);
  });
  it('reads the DC with no blank or several after DC:, and calls a name without \\\\ by that name whatever the blanks', () => {
    expect(parseNltest('DC:\\\\DC01.corp', 'corp').DomainController).toBe('\\\\DC01.corp');
    expect(parseNltest('DC:  \\\\DC01.corp', 'corp').DomainController).toBe('\\\\DC01.corp');
    expect(() => parseNltest('DC:DC01.corp', 'x')).toThrow(/DC line whose name is not in the \\\\name form/);
    expect(() => parseNltest('DC:  DC01.corp', 'x')).toThrow(/DC line whose name is not in the \\\\name form/);
  });

  it('reads a DC line only from the start of its line: after other text (a folded prompt) it is not one', () => {
    expect(() => parseNltest('C:\\>nltest /dsgetdc:corp DC: \\\\DC01.corp', 'corp')).toThrow(/neither a DC line nor a failure status/);
    expect(() => parseNltest('C:\\>nltest /dsgetdc:corp DC: DC01.corp', 'corp')).toThrow(/neither a DC line nor a failure status/);
  });
});

describe('parseTaskXmlEnabled', () => {
  it('reads <Enabled> inside <Settings> in any case and with blanks around it', () => {
    expect(parseTaskXmlEnabled('<Task version="1.2"><Settings><Enabled>FALSE</Enabled></Settings></Task>')).toBe(false);
    expect(parseTaskXmlEnabled('<Task>\n<Settings>\n  <Enabled>\n false \n</Enabled>\n</Settings></Task>')).toBe(false);
    expect(parseTaskXmlEnabled('<Task><Settings><Enabled>True</Enabled></Settings></Task>')).toBe(true);
  });

  it('reads only the Settings: a trigger\'s <Enabled> before or after them does not count', () => {
    expect(parseTaskXmlEnabled('<Task><Triggers><BootTrigger><Enabled>true</Enabled></BootTrigger></Triggers><Settings><Enabled>false</Enabled></Settings></Task>')).toBe(false);
    expect(parseTaskXmlEnabled('<Task><Settings><Hidden>true</Hidden></Settings><Triggers><Enabled>false</Enabled></Triggers></Task>')).toBe(true);
  });

  it('refuses text without a <Task> element, and a definition without <Settings>', () => {
    expect(() => parseTaskXmlEnabled('<Tasks><Settings><Enabled>false</Enabled></Settings></Tasks>')).toThrow(/no <Task> element/);
    expect(() => parseTaskXmlEnabled('<Task xmlns="x"><Actions /></Task>')).toThrow(/no <Settings> element/);
  });
});

describe('parseTaskCsv', () => {
  // Columns: HostName, TaskName, Next Run Time, Status, Logon Mode, Last Run Time, Last Result, …
  const row = (time: string, result: string) => `"PC01","\\Microsoft\\Windows\\Workplace Join\\Automatic-Device-Join","N/A","Ready","Interactive/Background","${time}","${result}","SYSTEM"`;

  it('reads the 6th and 7th columns of the first quoted row, after other lines', () => {
    expect(parseTaskCsv(`\r\nINFO: something\r\n  ${row('11/19/2026 8:03:12 AM', '0')}\r\n${row('1/1/2020 1:00:00 AM', '1')}`)).toEqual({ LastRunTime: '11/19/2026 8:03:12 AM', LastResult: '0x0' });
  });

  it('turns "" inside a field into one quote, keeping the columns in place', () => {
    expect(parseTaskCsv('"PC01","a ""quoted"" name","N/A","Ready","x","2/3/2026 4:05:06 PM","267011"')).toEqual({ LastRunTime: '2/3/2026 4:05:06 PM', LastResult: '0x41303' });
    expect(parseTaskCsv('"PC01","t","N/A","Ready","x","2/3/2026 4:05:06 PM ""local""","0"').LastRunTime).toBe('2/3/2026 4:05:06 PM "local"');
  });

  it('prints a negative decimal result as its unsigned hex, and lower-cases a printed hex', () => {
    expect(parseTaskCsv(row('2/3/2026 4:05:06 PM', '-2145648574')).LastResult).toBe('0x801c0042');
    expect(parseTaskCsv(row('2/3/2026 4:05:06 PM', ' 0x801C0042 ')).LastResult).toBe('0x801c0042');
  });

  it('leaves a result that is neither decimal nor hex unknown', () => {
    expect(parseTaskCsv(row('2/3/2026 4:05:06 PM', 'N/A')).LastResult).toBeNull();
    expect(parseTaskCsv(row('2/3/2026 4:05:06 PM', '0x')).LastResult).toBeNull();
    expect(parseTaskCsv(row('2/3/2026 4:05:06 PM', '12a')).LastResult).toBeNull();
  });

  it('reads N/A, the 1999 placeholder and an empty time as never ran', () => {
    expect(parseTaskCsv(row('N/A', '267011')).LastRunTime).toBeNull();
    expect(parseTaskCsv(row('11/30/1999 12:00:00 AM', '267011')).LastRunTime).toBeNull();
    expect(parseTaskCsv(row('', '267011')).LastRunTime).toBeNull();
    expect(parseTaskCsv('"PC01","t"').LastRunTime).toBeNull();
  });

  it('refuses output without a quoted row', () => {
    expect(() => parseTaskCsv('ERROR: The system cannot find the file specified.')).toThrow(/no CSV row/);
  });
  it('takes the row from the first line that starts with a quote: a prompt ending in the quoted task name is not it', () => {
    const prompt = 'C:\\>schtasks /query /fo csv /v /nh /tn "\\Microsoft\\Windows\\Workplace Join\\Automatic-Device-Join"';
    expect(parseTaskCsv(`${prompt}\r\n${row('11/19/2026 8:03:12 AM', '0')}`)).toEqual({ LastRunTime: '11/19/2026 8:03:12 AM', LastResult: '0x0' });
  });

  it('reads the result only when the whole field is the number: text around it leaves it unknown', () => {
    // Not 0x0: Number('Code 1') is NaN, which >>> 0 would turn into 0.
    for (const result of ['Code 1', 'Error 0x1', '0x801C0042 (failed)']) expect(parseTaskCsv(row('2/3/2026 4:05:06 PM', result)).LastResult).toBeNull();
  });
});

describe('parseW32tm', () => {
  const status = (leap: string, sync: string | null, source: string | null) => ['Leap Indicator: ' + leap, 'Stratum: 3', ...(sync === null ? [] : [`Last Successful Sync Time: ${sync}`]), ...(source === null ? [] : [`Source: ${source}`])].join('\n');

  it('reads leap indicator 3 as not synchronised, 0 to 2 as synchronised', () => {
    expect(parseW32tm(status('3(not synchronized)', '1/2/2026 3:04:05 PM', 'x')).Synchronized).toBe(false);
    expect(parseW32tm(status('3 (not synchronized)', '1/2/2026 3:04:05 PM', 'x')).Synchronized).toBe(false);
    expect(parseW32tm(status('0(no warning)', '1/2/2026 3:04:05 PM', 'x')).Synchronized).toBe(true);
    expect(parseW32tm(status('1(last minute has 61 seconds)', '1/2/2026 3:04:05 PM', 'x')).Synchronized).toBe(true);
  });

  it('reads an unspecified or missing sync time as never, in any case', () => {
    expect(parseW32tm(status('0(no warning)', 'UNSPECIFIED', 'x')).LastSuccessfulSync).toBeNull();
    expect(parseW32tm(status('0(no warning)', null, 'x')).LastSuccessfulSync).toBeNull();
  });

  it('keeps the sync time and source as printed, trimmed; no Source line is null', () => {
    expect(parseW32tm(`  leap indicator:  0(no warning)\r\n   last successful sync time:   20.09.2024 10:43:13  \r\n`)).toEqual({ Source: null, LastSuccessfulSync: '20.09.2024 10:43:13', Synchronized: true });
    expect(parseW32tm(status('0(no warning)', '1/2/2026 3:04:05 PM', ' time.windows.com,0x9 ')).Source).toBe('time.windows.com,0x9');
  });

  it('says why when the Leap Indicator line is missing: localized without a Source line, cut short with one', () => {
    expect(() => parseW32tm('Sprungindikator: 0(keine Warnung)\nQuelle: x')).toThrow(/a localized Windows, or the time service is not running/);
    expect(() => parseW32tm('Source: Local CMOS Clock')).toThrow(/cut short/);
  });
});

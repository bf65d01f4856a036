import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { fixtureBytes } from './load.js';

const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));

describe('decodeCapture', () => {
  it('decodes UTF-16LE with a BOM, as Windows PowerShell 5.1 redirection writes it', () => {
    const { text, encoding } = decodeCapture(fixtureBytes('utf16le-bom-crlf.txt'));
    expect(encoding).toBe('utf-16le');
    expect(text).toContain('TenantName : Contoso Bürodienste GmbH');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('normalises the CRLF of a UTF-16LE capture to LF', () => {
    const { text } = decodeCapture(fixtureBytes('utf16le-bom-crlf.txt'));
    expect(text).not.toContain('\r');
    expect(text.split('\n')[2]).toBe('| Device State                                                         |');
  });

  it('recognises UTF-16LE without a BOM by its NUL bytes', () => {
    const bytes = fixtureBytes('utf16le-bom-crlf.txt').subarray(2);
    const { text, encoding } = decodeCapture(bytes);
    expect(encoding).toBe('utf-16le');
    expect(text).toContain('AzureAdPrt : YES');
  });

  it('recognises a short BOM-less UTF-16LE line', () => {
    expect(decodeCapture(utf16le('AzureAdPrt : NO\r\n'))).toEqual({ text: 'AzureAdPrt : NO\n', encoding: 'utf-16le' });
  });

  it('decodes UTF-8 without a BOM, as PowerShell 7 writes it, and drops the CRs', () => {
    const { text, encoding } = decodeCapture(fixtureBytes('healthy-aadj.txt'));
    expect(encoding).toBe('utf-8');
    expect(text).not.toContain('\r');
    expect(text).toContain('AzureAdPrt : YES\n');
  });

  it('strips the BOM of UTF-8 with a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('TenantName : Société\r\n', 'utf8')]);
    expect(decodeCapture(bytes)).toEqual({ text: 'TenantName : Société\n', encoding: 'utf-8' });
  });

  it('calls plain ASCII UTF-8', () => {
    expect(decodeCapture(new Uint8Array(Buffer.from('AzureAdPrt : YES', 'ascii'))).encoding).toBe('utf-8');
  });

  it('falls back to code page 850 when the bytes are not UTF-8, as cmd.exe redirection writes them', () => {
    const { text, encoding } = decodeCapture(fixtureBytes('oem-850.txt'));
    expect(encoding).toBe('oem-850');
    expect(text).toContain('TenantName : Clinique Santé Contoso\n');
    expect(text).toContain('hélène.lefèvre@clinique-sante-contoso.example');
  });

  it('maps the ends of the code page 850 table right', () => {
    const { text } = decodeCapture(new Uint8Array([0x41, 0x80, 0x82, 0xe9, 0xff]));
    expect(text).toBe('AÇéÚ\u00a0');
  });

  it('turns a lone CR into LF', () => {
    expect(decodeCapture(new Uint8Array(Buffer.from('a : 1\rb : 2\r', 'ascii'))).text).toBe('a : 1\nb : 2\n');
  });

  it('decodes no bytes to no text', () => {
    expect(decodeCapture(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

/** The encodings at their edges: the empty files each shell writes, and text that only looks like UTF-16. */
import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../src/dsreg/decode.js';

describe('decodeCapture at the edges', () => {
  it('an empty redirection of Windows PowerShell 5.1 (only the UTF-16LE BOM) is empty UTF-16LE text', () => {
    expect(decodeCapture(new Uint8Array([0xff, 0xfe]))).toEqual({ text: '', encoding: 'utf-16le' });
  });

  it('an empty UTF-8 file with a BOM (Out-File -Encoding utf8 in 5.1) is empty UTF-8 text', () => {
    expect(decodeCapture(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('a lone byte is not UTF-16', () => {
    expect(decodeCapture(new Uint8Array([0x41]))).toEqual({ text: 'A', encoding: 'utf-8' });
  });

  it('BOM-less UTF-16LE with accented names is still UTF-16LE (most odd bytes are NUL)', () => {
    const bytes = new Uint8Array(Buffer.from('TenantName : Contoso Bürodienste GmbH\r\n', 'utf16le'));
    expect(decodeCapture(bytes)).toEqual({ text: 'TenantName : Contoso Bürodienste GmbH\n', encoding: 'utf-16le' });
  });

  it('UTF-8 text with a few NUL bytes in it is not taken for UTF-16', () => {
    const bytes = new Uint8Array(Buffer.from('AzureAdPrt : NO\0\nDomainJoined : NO\n', 'utf8'));
    expect(decodeCapture(bytes).encoding).toBe('utf-8');
  });

  it('text where every byte of a pair is NUL is not UTF-16LE', () => {
    expect(decodeCapture(new Uint8Array([0, 0, 0, 0, 0x41, 0])).encoding).toBe('utf-8');
  });

  it('a long BOM-less UTF-16LE capture is recognised from its first 4 KiB', () => {
    const text = 'AzureAdPrt : YES\r\n'.repeat(400);
    const { text: decoded, encoding } = decodeCapture(new Uint8Array(Buffer.from(text, 'utf16le')));
    expect(encoding).toBe('utf-16le');
    expect(decoded.split('\n')).toHaveLength(401);
  });
});

describe('decodeCapture trusts a byte order mark', () => {
  it('a UTF-8 capture with a BOM cut inside a character stays UTF-8 (one replacement character, not code page 850 throughout)', () => {
    const whole = Buffer.from('TenantName : Contoso Bürodienste GmbH\r\nDeviceName : Bü', 'utf8');
    const cut = new Uint8Array([0xef, 0xbb, 0xbf, ...whole.subarray(0, whole.length - 1)]);
    expect(decodeCapture(cut)).toEqual({ text: 'TenantName : Contoso Bürodienste GmbH\nDeviceName : B\ufffd', encoding: 'utf-8' });
  });

  it('a one-character UTF-16LE line is UTF-16LE', () => {
    expect(decodeCapture(new Uint8Array(Buffer.from('A', 'utf16le')))).toEqual({ text: 'A', encoding: 'utf-16le' });
  });

  it('exactly half the pairs with a NUL is not enough for UTF-16LE, more than half is', () => {
    expect(decodeCapture(new Uint8Array([0x41, 0, 0x42, 0x43])).encoding).toBe('utf-8');
    expect(decodeCapture(new Uint8Array([0x41, 0, 0x42, 0, 0x43, 0x44])).encoding).toBe('utf-16le');
  });

  it('NULs in the even bytes count against UTF-16LE: one in four is too many', () => {
    expect(decodeCapture(new Uint8Array([0x41, 0, 0x42, 0, 0x43, 0, 0x44, 0, 0, 0x45])).encoding).toBe('utf-8');
  });
});

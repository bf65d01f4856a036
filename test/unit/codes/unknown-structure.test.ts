import { describe, expect, it } from 'vitest';
import { describeTpmArea } from '../../../src/codes/tpm-structure.js';
import { ok } from './helpers.js';

/** An unknown code's summary (the test fails if the code became known: pick another one then). */
const unknownSummary = (code: string): string => {
  const r = ok(code);
  expect(r.Known, `${code} is in the knowledge base now`).toBe(false);
  return r.Summary;
};

// Windows maps TPM answers into FACILITY_TPM_SERVICES (0x28) and its own TPM software into
// FACILITY_TPM_SOFTWARE (0x29); the low 16 bits say which part of the stack answered.
describe('an unknown TPM code is placed in the TPM stack by its bits', () => {
  it.each([
    ['0x80284fff', 'TPM Base Services (TBS_E_*)'],
    ['0x80285000', 'TPM 1.2 command error'],
    ['0x80280123', 'TPM 2.0 format-zero response code'],
    ['0x802801ff', 'TPM 2.0 format-zero response code'],
    ['0x80280910', 'TPM 2.0 warning'],
    ['0x802808ff', 'TPM non-fatal condition'],
    ['0x80280810', 'TPM non-fatal condition'],
    ['0x80280410', 'TPM software error raised by Windows (TPM_E_*)'],
    ['0x802807ff', 'TPM software error raised by Windows (TPM_E_*)'],
    ['0x80280050', 'TPM 1.2 command error'],
    ['0x80280a00', 'TPM 1.2 command error'],
    ['0x8028020b', 'TPM 1.2 command error'],
    ['0xc0281234', 'TPM 1.2 command error'],
  ])('%s (FACILITY_TPM_SERVICES) is a %s', (code, area) => {
    expect(unknownSummary(code)).toContain(area);
  });

  it.each([
    ['0x80290150', 'TPM API error (TPMAPI_E_*)'],
    ['0x80290250', 'TBS implementation error (TBSIMP_E_*)'],
    ['0x80290350', 'physical presence interface error (TPM_E_PPI_*)'],
    ['0x80290450', 'Platform Crypto Provider error (TPM_E_PCP_*)'],
  ])('%s (FACILITY_TPM_SOFTWARE) is a %s', (code, area) => {
    expect(unknownSummary(code)).toContain(area);
  });

  it.each(['0x80290550', '0x802900ff'])('%s outside the known software ranges is only "raised by Windows"', (code) => {
    const summary = unknownSummary(code);
    expect(summary).toContain('a TPM code, TPM software error raised by Windows (facility 0x029');
  });

  it('names the facility and the code in hex', () => {
    expect(unknownSummary('0x80290250')).toContain('(facility 0x029, code 0x0250)');
  });
});

// TPM 2.0 format-one codes (bit 7 set): bits 0-5 the error, bit 6 "parameter", bits 8-11 the
// parameter, handle (1-7) or session (8-15) number.
describe('an unknown TPM 2.0 format-one code', () => {
  it('names the handle it is about', () => {
    expect(unknownSummary('0x8028018b')).toContain('TPM 2.0 TPM_RC_HANDLE for handle 1 (TPM_20_E_* range');
  });

  it('names the session it is about (numbers 8-15 are sessions 0-7)', () => {
    expect(unknownSummary('0x8028098e')).toContain('TPM 2.0 TPM_RC_AUTH_FAIL for session 1');
  });

  it('names the parameter it is about', () => {
    expect(unknownSummary('0x802802c4')).toContain('TPM 2.0 TPM_RC_VALUE for parameter 2');
  });

  it('is not read as format one when the low 16 bits are past 0xfff', () => {
    expect(unknownSummary('0x80281084')).toContain('TPM 1.2 command error');
  });

  it('is not read as format one when its error number names no TPM_RC', () => {
    // 0x86: no TPM_RC_* has error number 6; 0x186 is then read as a format-zero code.
    expect(unknownSummary('0x80280186')).toContain('a TPM code, TPM 2.0 format-zero response code');
  });
});

describe('the structure note of an unknown code', () => {
  const notes = (code: string) => {
    const r = ok(code);
    expect(r.Known).toBe(false);
    return r.Notes.join(' ');
  };

  it('reads an HRESULT failure with its facility name and hint', () => {
    expect(notes('0x8009fff0')).toContain('Read as an HRESULT: failure, facility 9 (0x9, FACILITY_SECURITY: security packages');
    expect(notes('0x8009fff0')).toContain('code 65520 (0xfff0).');
  });

  it('says "success" for an HRESULT without the severity bit', () => {
    expect(notes('0x0009fff0')).toContain('Read as an HRESULT: success');
  });

  it('leaves out the name of a facility it does not know', () => {
    expect(notes('0x807f0001')).toContain('facility 127 (0x7f)');
  });

  it('spells out the customer bit of an HRESULT', () => {
    expect(notes('0xa0090001')).toContain('The customer bit is set: an application or vendor defined this code');
    expect(notes('0x8009fff0')).not.toContain('customer bit');
  });

  it('reads an NTSTATUS with its severity, facility name and code', () => {
    expect(notes('0xc0130001')).toBe('Read as an NTSTATUS: error, facility 0x013 (FACILITY_CLUSTER_ERROR_CODE), code 1 (0x1).');
    expect(notes('0x40130001')).toContain('Read as an NTSTATUS: informational, facility 0x013');
  });

  it('says "success" and "warning" for the other two NTSTATUS severities', () => {
    expect(notes('0x0aa2f0f0')).toContain('Read as an NTSTATUS: success, facility 0xaa2');
    expect(notes('0x8aa2f0f0')).toContain('Read as an NTSTATUS: warning, facility 0xaa2');
  });

  it('spells out the customer bit of an NTSTATUS as a driver\'s or vendor\'s', () => {
    expect(notes('0xe0434352')).toContain('The customer bit is set: a driver or vendor defined this code');
  });

  it('reads a TPM HRESULT with the HRESULT layout and a TPM NTSTATUS with the NTSTATUS layout', () => {
    expect(notes('0x80290550')).toContain('Read as an HRESULT');
    expect(notes('0xc0281234')).toContain('Read as an NTSTATUS');
  });

  it('gives none for a Win32 or WinHTTP number', () => {
    expect(ok('9999').Notes.join(' ')).not.toContain('Read as');
    expect(ok('12190').Notes.join(' ')).not.toContain('Read as');
  });
});

describe('the summary of an unknown value names its family', () => {
  it.each([
    ['0xc0001234', 'an NTSTATUS value (facility 0x000, code 0x1234); look it up in [MS-ERREF] NTSTATUS values'],
    ['0xc004f0f0', 'a CloudAP plug-in code (AAD_CLOUDAP_E_* area, facility 0x004, code 0xf0f0)'],
    ['0xc00cf0f0', 'an XML parser (XmlLite) error (facility 0x00c, code 0xf0f0)'],
    ['0x801cf0f0', 'a device registration (DSREG) client error (facility 0x01c, code 0xf0f0)'],
    ['0x8123f0f0', 'an HRESULT (facility 0x123, code 0xf0f0)'],
    ['9999', 'Win32 error 9999; look it up in [MS-ERREF] Win32 error codes (or run `net helpmsg 9999` on Windows)'],
  ])('%s: %s', (code, text) => {
    expect(unknownSummary(code)).toContain(text);
  });

  it('a token broker code names its area when the facility has one', () => {
    expect(unknownSummary('0xcaa2f0f0')).toMatch(/^Not in the knowledge base: a token broker \/ ADAL code of the .+ area \(facility 0xaa2, code 0xf0f0\)\.$/);
  });
});

// The first and last value of each range, so that a range cannot grow or shrink by one. Where the
// HRESULT spelling is in the knowledge base, the NTSTATUS spelling (0xC028…, 0xC029…) is used.
describe('the TPM ranges start and end where the TPM specifications put them', () => {
  it.each([
    ['0xc0284000', 'TPM Base Services (TBS_E_*)'],
    ['0x80280200', 'TPM 1.2 command error'],
    ['0xc0280900', 'TPM 2.0 warning'],
    ['0xc0290100', 'TPM API error (TPMAPI_E_*)'],
    ['0xc0290200', 'TBS implementation error (TBSIMP_E_*)'],
    ['0xc0290300', 'physical presence interface error (TPM_E_PPI_*)'],
    ['0xc0290400', 'Platform Crypto Provider error (TPM_E_PCP_*)'],
    ['0xc0290500', 'a TPM code, TPM software error raised by Windows (facility'],
  ])('%s is a %s', (code, area) => {
    expect(unknownSummary(code)).toContain(area);
  });

  // These first values are in the knowledge base in both spellings: the reading is asked directly.
  it.each([
    [0x80280100, 'TPM 2.0 format-zero response code'],
    [0x80280800, 'TPM non-fatal condition'],
    [0x80280400, 'TPM software error raised by Windows (TPM_E_*)'],
  ])('%i starts its range: %s', (value, area) => {
    expect(describeTpmArea(value)).toContain(area);
  });

  it('a format-one code with handle number 0 names no handle', () => {
    expect(describeTpmArea(0x8028008a)).toBe('TPM 2.0 TPM_RC_TYPE (TPM_20_E_* range: the TPM refused the command)');
  });
});

describe('the structure note ends where it should', () => {
  const structure = (code: string) => ok(code).Notes.find((n) => n.startsWith('Read as')) ?? '';

  it('an NTSTATUS facility without a name is followed by the code', () => {
    expect(structure('0xcaa2f0f0')).toBe('Read as an NTSTATUS: error, facility 0xaa2, code 61680 (0xf0f0).');
  });

  it('an HRESULT note without the customer bit ends with the code', () => {
    expect(structure('0x8009fff0')).toMatch(/code 65520 \(0xfff0\)\.$/);
  });
});

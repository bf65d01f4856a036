/**
 * Facility names of the two 32-bit layouts, for codes that no table knows: "an HRESULT of
 * FACILITY_SECURITY" tells an admin where to look. Names and numbers are those of winerror.h and
 * ntstatus.h (a unit test reads the mingw-w64 headers to check them).
 */

export const HRESULT_FACILITIES: Readonly<Record<number, string>> = {
  0: 'FACILITY_NULL', 1: 'FACILITY_RPC', 2: 'FACILITY_DISPATCH', 3: 'FACILITY_STORAGE', 4: 'FACILITY_ITF',
  7: 'FACILITY_WIN32', 8: 'FACILITY_WINDOWS', 9: 'FACILITY_SECURITY', 10: 'FACILITY_CONTROL', 11: 'FACILITY_CERT',
  12: 'FACILITY_INTERNET', 13: 'FACILITY_MEDIASERVER', 14: 'FACILITY_MSMQ', 15: 'FACILITY_SETUPAPI', 16: 'FACILITY_SCARD',
  17: 'FACILITY_COMPLUS', 18: 'FACILITY_AAF', 19: 'FACILITY_URT', 20: 'FACILITY_ACS', 21: 'FACILITY_DPLAY', 22: 'FACILITY_UMI',
  23: 'FACILITY_SXS', 24: 'FACILITY_WINDOWS_CE', 25: 'FACILITY_HTTP', 32: 'FACILITY_BACKGROUNDCOPY', 33: 'FACILITY_CONFIGURATION',
  34: 'FACILITY_STATE_MANAGEMENT', 35: 'FACILITY_METADIRECTORY', 36: 'FACILITY_WINDOWSUPDATE', 37: 'FACILITY_DIRECTORYSERVICE',
  // Newer SDKs than mingw-w64 10 (not checkable against its headers).
  40: 'FACILITY_TPM_SERVICES', 41: 'FACILITY_TPM_SOFTWARE',
};

/** What an admin should know about a facility beyond its name. */
export const HRESULT_FACILITY_HINTS: Readonly<Record<number, string>> = {
  7: 'the low 16 bits are a Win32 error code',
  9: 'security packages, crypto and key storage (SEC_E_*, NTE_*, CRYPT_E_*)',
  11: 'certificates (CERT_E_*)',
  12: 'WinINet/URL moniker errors (INET_E_*)',
  24: 'MDM enrollment (MENROLL_E_*) reuses this number',
  25: 'MDM registration (MREGISTER_E_*) reuses this number',
  28: 'device registration (DSREG_*) uses this number',
  40: 'the TPM\'s own answers and the TPM Base Services',
  41: 'Windows\' TPM software and the Platform Crypto Provider',
};

export const NTSTATUS_FACILITIES: Readonly<Record<number, string>> = {
  0x1: 'FACILITY_DEBUGGER', 0x2: 'FACILITY_RPC_RUNTIME', 0x3: 'FACILITY_RPC_STUBS', 0x4: 'FACILITY_IO_ERROR_CODE',
  0xa: 'FACILITY_TERMINAL_SERVER', 0x10: 'FACILITY_USB_ERROR_CODE', 0x11: 'FACILITY_HID_ERROR_CODE',
  0x12: 'FACILITY_FIREWIRE_ERROR_CODE', 0x13: 'FACILITY_CLUSTER_ERROR_CODE', 0x14: 'FACILITY_ACPI_ERROR_CODE',
  0x15: 'FACILITY_SXS_ERROR_CODE', 0x19: 'FACILITY_TRANSACTION', 0x1a: 'FACILITY_COMMONLOG_ERROR_CODE',
  // Not in mingw-w64 10's ntstatus.h: FACILITY_NTWIN32 wraps a Win32 code, FACILITY_NTSSPI the security packages.
  0x7: 'FACILITY_NTWIN32', 0x9: 'FACILITY_NTSSPI',
};

/** The customer bit (bit 29): set by applications and vendors, never by Windows' own codes. */
export const CUSTOMER_BIT = 0x20000000;

/** "facility 0x009 (FACILITY_SECURITY: …)" for an HRESULT, with the customer bit spelled out. */
export const describeHresultFacility = (u: number): string => {
  const facility = (u >>> 16) & 0x7ff;
  const name = HRESULT_FACILITIES[facility];
  const hint = HRESULT_FACILITY_HINTS[facility];
  const label = [name, hint].filter(Boolean).join(': ');
  return `facility ${facility} (0x${facility.toString(16)}${label ? `, ${label}` : ''})`;
};

export const describeNtstatusFacility = (u: number): string => {
  const facility = (u >>> 16) & 0xfff;
  const name = NTSTATUS_FACILITIES[facility];
  return `facility 0x${facility.toString(16).padStart(3, '0')}${name ? ` (${name})` : ''}`;
};

/** Severity, customer bit and facility, in one phrase, for the notes of an unknown code. */
export const structureNote = (u: number, layout: 'HRESULT' | 'NTSTATUS'): string => {
  const customer = (u & CUSTOMER_BIT) !== 0 && layout === 'HRESULT'
    ? ' The customer bit is set: an application or vendor defined this code, not Windows.'
    : '';
  if (layout === 'HRESULT') {
    const severity = u >>> 31 ? 'failure' : 'success';
    return `Read as an HRESULT: ${severity}, ${describeHresultFacility(u)}, code ${u & 0xffff} (0x${(u & 0xffff).toString(16)}).${customer}`;
  }
  const severity = ntSeverity(u);
  const customerNt = (u & CUSTOMER_BIT) !== 0 ? ' The customer bit is set: a driver or vendor defined this code, not Windows.' : '';
  return `Read as an NTSTATUS: ${severity}, ${describeNtstatusFacility(u)}, code ${u & 0xffff} (0x${(u & 0xffff).toString(16)}).${customerNt}`;
};

/** The two severity bits of an NTSTATUS. */
function ntSeverity(u: number): 'success' | 'informational' | 'warning' | 'error' {
  switch (u >>> 30) {
    case 0:
      return 'success';
    case 1:
      return 'informational';
    case 2:
      return 'warning';
    default:
      return 'error';
  }
}

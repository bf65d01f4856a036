import type { Family } from './types.js';
import { ntstatusFromHresult } from './bits.js';
import { WINHTTP_FIRST, WINHTTP_LAST } from './kb/winhttp.js';

export const isWinhttpNumber = (n: number): boolean => n >= WINHTTP_FIRST && n <= WINHTTP_LAST;

/**
 * The family of a 32-bit value that is not in the knowledge base, from its bit pattern alone.
 * Order matters: the specific prefixes of the checklist and catalogs come before the generic
 * severity rules.
 */
export const familyOfValue = (u: number): Family => {
  if (u <= 0xffff) return isWinhttpNumber(u) ? 'WinHTTP' : 'Win32';
  // 0x?AA…: facilities 0xAA1…0xAAB of the token broker / ADAL tables, any severity.
  if (((u & 0x3ff00000) >>> 0) === 0x0aa00000) return 'Web account/ADAL';
  const high = u >>> 16;
  // The checklist groups CloudAP plug-in codes as 0xc004… and XML parser codes as 0xc00c….
  if (high === 0xc004) return 'CloudAP plug-in';
  if (high === 0xc00c) return 'XML';
  // Every DSREG_* code of the hybrid join article is 0x801c….
  if (high === 0x801c) return 'DSREG';
  // FACILITY_TPM_SOFTWARE (0x28) and FACILITY_TPM_SERVICES (0x29), as HRESULT or NTSTATUS.
  if (high === 0x8028 || high === 0x8029 || high === 0xc028 || high === 0xc029) return 'TPM';
  if (ntstatusFromHresult(u) !== null) return 'HRESULT';
  const severity = u >>> 30;
  if (severity === 3 || severity === 1) return 'NTSTATUS';
  return 'HRESULT';
};

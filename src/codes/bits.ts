import type { Family, Severity } from './types.js';

/**
 * 32-bit arithmetic on status codes. JavaScript numbers are doubles: `>>> 0` and `| 0` give the
 * unsigned and signed readings of the same 32 bits.
 */
export const toUnsigned = (n: number): number => n >>> 0;
export const toSigned = (n: number): number => n | 0;

export { hex8 } from '../util/status-code.js';

export interface Parts {
  Severity: Severity | null;
  Facility: number | null;
  Code: number | null;
}

const SEVERITIES: readonly Severity[] = ['Success', 'Informational', 'Warning', 'Error'];

/**
 * NTSTATUS layout (also the message compiler's default): Sev(2) C(1) R(1) Facility(12) Code(16).
 * The CloudAP plug-in, XmlLite and token broker (0x?AA…) codes use it too: their 12-bit facilities
 * (0x004, 0x00C, 0xAA1…0xAAA) only make sense read this way.
 */
export const ntstatusParts = (u: number): Parts => ({
  Severity: SEVERITIES[u >>> 30] ?? null,
  Facility: (u >>> 16) & 0xfff,
  Code: u & 0xffff,
});

/** HRESULT layout: S(1) R(1) C(1) N(1) X(1) Facility(11) Code(16). */
export const hresultParts = (u: number): Parts => ({
  Severity: u >>> 31 ? 'Error' : 'Success',
  Facility: (u >>> 16) & 0x7ff,
  Code: u & 0xffff,
});

const NTSTATUS_LAYOUT: ReadonlySet<Family> = new Set<Family>(['NTSTATUS', 'CloudAP plug-in', 'XML', 'Web account/ADAL']);

/** Whether the severity bits of this family are the two NTSTATUS bits (so 0x8… and 0xC… are kin). */
export const usesNtstatusLayout = (family: Family): boolean => NTSTATUS_LAYOUT.has(family);

/** Severity, facility and code of a 32-bit value, read with its family's layout. */
export const partsOf = (family: Family, u: number): Parts => {
  if (usesNtstatusLayout(family)) return ntstatusParts(u);
  if (family === 'HRESULT' || family === 'DSREG') return hresultParts(u);
  // TPM codes come as HRESULTs (0x8028…, 0x8029…) and as NTSTATUS values (0xC028…, 0xC029…).
  if (family === 'TPM') return u >>> 28 === 0xc ? ntstatusParts(u) : hresultParts(u);
  // Win32 and WinHTTP codes are plain numbers: the code is the whole value.
  return { Severity: null, Facility: null, Code: u };
};

export const HRESULT_FACILITY_WIN32 = 7;
/** HRESULT_FROM_NT sets this bit (FACILITY_NT_BIT) on an NTSTATUS. */
export const FACILITY_NT_BIT = 0x10000000;

/** HRESULT_FROM_WIN32: 0x8007xxxx carries a Win32 code in its low 16 bits. */
export const win32FromHresult = (u: number): number | null => (u >>> 16 === 0x8007 ? u & 0xffff : null);

/** HRESULT_FROM_NT: an error NTSTATUS with FACILITY_NT_BIT set (0xD…). */
export const ntstatusFromHresult = (u: number): number | null =>
  (u & 0xf0000000) >>> 0 === 0xd0000000 ? (u & ~FACILITY_NT_BIT) >>> 0 : null;

/** FACILITY_NTWIN32: an NTSTATUS 0xC007xxxx carries a Win32 code in its low 16 bits. */
export const win32FromNtstatus = (u: number): number | null => (u >>> 16 === 0xc007 ? u & 0xffff : null);

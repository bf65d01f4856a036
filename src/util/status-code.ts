/**
 * A 32-bit value as Windows tools print status codes: `0x` and 8 lowercase hex digits, whatever
 * reading (signed or unsigned) the number came in (`-1073741715` → `0xc000006d`).
 */
export const hex8 = (value: number): string => `0x${(value >>> 0).toString(16).padStart(8, '0')}`;

/** A status as hex8 prints it that is not 0 (success): an attempt that failed. */
export const isFailureStatus = (status: string | null | undefined): status is string => typeof status === 'string' && !/^0x0+$/i.test(status);

import type { CodeEntry, Family } from './types.js';
import { hex8 } from './bits.js';
import { formatMsis } from './kb/msis.js';

/** Families whose `Value` is a code number of their own, not a 32-bit status value. */
const NUMBERED: ReadonlySet<Family> = new Set<Family>(['AADSTS', 'AD FS']);

export const isStatusValueFamily = (family: Family): boolean => !NUMBERED.has(family);

/**
 * The canonical spelling of an entry: what `Related[].Code` uses and what the decoder maps back to
 * the same entry (`0xc000006d`, `12002`, `AADSTS50126`, `MSIS7068`, `invalid_grant`).
 */
export const canonicalCode = (e: Pick<CodeEntry, 'Family' | 'Value' | 'Text'>): string => {
  if (e.Text !== undefined) return e.Text;
  const v = e.Value ?? 0;
  switch (e.Family) {
    case 'AADSTS': return `AADSTS${v}`;
    case 'AD FS': return formatMsis(v);
    case 'WinHTTP':
    case 'Win32': return String(v);
    default: return hex8(v);
  }
};

/** Stable identity: family plus canonical spelling (`NTSTATUS:0xc000006d`, `AADSTS:50126`). */
export const entryId = (e: Pick<CodeEntry, 'Family' | 'Value' | 'Text'>): string => {
  if (e.Text !== undefined) return `${e.Family}:${e.Text}`;
  const v = e.Value ?? 0;
  switch (e.Family) {
    case 'AADSTS': return `AADSTS:${v}`;
    case 'AD FS': return `AD FS:${formatMsis(v)}`;
    default: return `${e.Family}:${hex8(v)}`;
  }
};

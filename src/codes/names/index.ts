import { HRESULT_LINES, NTSTATUS_LINES, SDK_VERSION, WIN32_LINES } from './table.js';

/**
 * The names the Windows SDK headers give to status codes (generated into table.ts): what Windows
 * calls a code the knowledge base does not describe. A name only, never a cause or a fix.
 */
export interface HeaderName {
  /** The main name, then the other names of the same value, in header order. */
  Names: readonly [string, ...string[]];
  Header: 'winerror.h' | 'ntstatus.h';
}

interface Tables {
  win32: Map<number, HeaderName>;
  winerror: Map<number, HeaderName>;
  ntstatus: Map<number, HeaderName>;
  byName: Map<string, { value: number; table: 'win32' | 'winerror' | 'ntstatus' }>;
}

const parseLines = (lines: string, radix: 10 | 16, header: HeaderName['Header']): Map<number, HeaderName> => {
  const table = new Map<number, HeaderName>();
  for (const line of lines.split('\n')) {
    const [value, first, ...others] = line.split(' ');
    if (value === undefined || first === undefined || value === '') continue;
    table.set(Number.parseInt(value, radix), { Names: [first, ...others], Header: header });
  }
  return table;
};

let parsed: Tables | undefined;

/** Parsed on first use: `prt explain` pays for it, nothing else does. */
const tables = (): Tables => {
  if (parsed) return parsed;
  const win32 = parseLines(WIN32_LINES, 10, 'winerror.h');
  const winerror = parseLines(HRESULT_LINES, 16, 'winerror.h');
  const ntstatus = parseLines(NTSTATUS_LINES, 16, 'ntstatus.h');
  const byName: Tables['byName'] = new Map();
  for (const [table, map] of [['win32', win32], ['winerror', winerror], ['ntstatus', ntstatus]] as const) {
    for (const [value, entry] of map) for (const name of entry.Names) if (!byName.has(name)) byName.set(name, { value, table });
  }
  parsed = { win32, winerror, ntstatus, byName };
  return parsed;
};

export const HEADER_SDK_VERSION = SDK_VERSION;

/** A Win32 error number's ERROR_* name. */
export const win32HeaderName = (n: number): HeaderName | undefined => tables().win32.get(n);

/**
 * A 32-bit value's name, read with one layout: an HRESULT only by winerror.h (0x80000005 is no
 * HRESULT of ntstatus.h's), an NTSTATUS by ntstatus.h, else by winerror.h (its 0xC… codes).
 */
export const statusHeaderName = (u: number, layout: 'HRESULT' | 'NTSTATUS'): HeaderName | undefined => {
  const { winerror, ntstatus } = tables();
  return layout === 'HRESULT' ? winerror.get(u) : ntstatus.get(u) ?? winerror.get(u);
};

/** A value's name in ntstatus.h only (the NTSTATUS reading of a value that is also an HRESULT). */
export const ntstatusHeaderName = (u: number): HeaderName | undefined => tables().ntstatus.get(u);

/** The value a header name stands for (names are matched as written in the header, upper case). */
export const headerValueOfName = (name: string): number | undefined => tables().byName.get(name.toUpperCase())?.value;

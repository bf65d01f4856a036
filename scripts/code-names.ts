// The symbolic names of Windows status codes, read from the Windows SDK headers that
// scripts/bootstrap.sh puts in the cache (never checked in: they are an oracle only).
//   "$NODE22" scripts/code-names.ts     regenerates src/codes/names/table.ts from the headers
// The tests import the parser and the renderer from here, so the table, the check of the table
// and the knowledge-base oracle all read the headers the same way. Only node: imports: Node runs
// this file as it is (type stripping, Node 22), without a build.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TABLE_FILE = join(root, 'src/codes/names/table.ts');

/** How a definition is typed in the header: the cast or macro around its number (NDIS codes count as HRESULT). */
export type DefineType = 'HRESULT' | 'NTSTATUS' | 'plain';

export interface Define {
  value: number;
  type: DefineType;
  /** Position in the header: the first name of a value is its main name. */
  order: number;
}

/** `#define NAME <expr>` → value, for the expression shapes winerror.h, ntstatus.h and winhttp.h use. */
export function parseDefines(text: string): Map<string, Define> {
  const raw = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*#\s*define\s+([A-Za-z_]\w*)\s+(.+?)\s*(?:\/\/.*|\/\*.*)?$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined && !raw.has(m[1])) raw.set(m[1], m[2]);
  }
  const order = new Map([...raw.keys()].map((name, i) => [name, i]));
  const into = new Map<string, Define>();
  const evaluate = (name: string, depth: number): Define | undefined => {
    const done = into.get(name);
    if (done !== undefined) return done;
    const expr = raw.get(name);
    if (expr === undefined || depth > 5) return undefined;
    let type: DefineType = /_HRESULT_TYPEDEF_|_NDIS_ERROR_TYPEDEF_|\(\s*HRESULT\s*\)/.test(expr) ? 'HRESULT' : /\(\s*NTSTATUS\s*\)/.test(expr) ? 'NTSTATUS' : 'plain';
    const cleaned = expr
      .replace(/_HRESULT_TYPEDEF_|__MSABI_LONG|_NDIS_ERROR_TYPEDEF_/g, '')
      .replace(/\(\s*(?:NTSTATUS|HRESULT|DWORD|LONG|ULONG|SECURITY_STATUS|SCODE)\s*\)/g, '')
      .replace(/[()]/g, ' ')
      .trim();
    const terms = cleaned.split('+').map((t) => t.trim());
    let sum = 0;
    for (const term of terms) {
      const number = /^(0x[0-9a-f]+|\d+)[ul]*$/i.exec(term);
      if (number?.[1] !== undefined) sum += Number(number[1]);
      else if (/^[A-Za-z_]\w*$/.test(term)) {
        const inner = evaluate(term, depth + 1);
        if (inner === undefined) return undefined;
        sum += inner.value;
        // `#define A B`: A is typed as B is.
        if (terms.length === 1) type = inner.type;
      } else return undefined;
    }
    const define = { value: sum >>> 0, type, order: order.get(name) ?? 0 };
    into.set(name, define);
    return define;
  };
  for (const name of raw.keys()) evaluate(name, 0);
  return into;
}

/** Where bootstrap put the SDK headers: $WINSDK_INCLUDE, else the path scripts/tools.env names. */
export function sdkIncludeDir(): string {
  const fromEnv = process.env.WINSDK_INCLUDE;
  if (fromEnv) return fromEnv;
  const cache = process.env.PRT_CACHE ?? join(homedir(), '.cache/prttools');
  return join(cache, `winsdk-${sdkVersion()}`, 'c/Include/10.0.26100.0');
}

export interface SdkHeaders {
  winerror: Map<string, Define>;
  ntstatus: Map<string, Define>;
  winhttp: Map<string, Define>;
}

/** The three headers, parsed; a missing header is an error that says how to get it. */
export function readSdkHeaders(dir = sdkIncludeDir()): SdkHeaders {
  const read = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: run scripts/bootstrap.sh (it fetches the Windows SDK headers from NuGet)`);
    return parseDefines(readFileSync(path, 'latin1'));
  };
  return { winerror: read('shared/winerror.h'), ntstatus: read('shared/ntstatus.h'), winhttp: read('um/winhttp.h') };
}

/** value → names (header order), one table per kind of code. */
export interface NameTables {
  /** Win32 ERROR_* numbers (below 0x10000) of winerror.h. */
  win32: Map<number, string[]>;
  /** The 32-bit values of winerror.h: HRESULTs (MENROLL_E_*, TPM_E_*, WININET_E_*…) and NDIS codes. */
  hresult: Map<number, string[]>;
  /** NTSTATUS-typed values of ntstatus.h (STATUS_*, RPC_NT_*, DBG_*…). */
  ntstatus: Map<number, string[]>;
}

export function nameTables(headers: Pick<SdkHeaders, 'winerror' | 'ntstatus'>): NameTables {
  const collect = (defines: Map<string, Define>, keep: (name: string, d: Define) => boolean) => {
    const byValue = new Map<number, string[]>();
    const kept = [...defines].filter(([name, d]) => keep(name, d)).sort((a, b) => a[1].order - b[1].order);
    for (const [name, d] of kept) byValue.set(d.value, [...(byValue.get(d.value) ?? []), name]);
    return new Map([...byValue].sort((a, b) => a[0] - b[0]));
  };
  return {
    win32: collect(headers.winerror, (name, d) => name.startsWith('ERROR_') && d.type === 'plain' && d.value < 0x10000),
    // Values below 0x10000 (S_OK, S_FALSE) would read as Win32 numbers.
    hresult: collect(headers.winerror, (_name, d) => d.type === 'HRESULT' && d.value >= 0x10000),
    ntstatus: collect(headers.ntstatus, (_name, d) => d.type === 'NTSTATUS'),
  };
}

const renderLines = (table: Map<number, string[]>, hex: boolean): string =>
  [...table].map(([value, names]) => `${hex ? value.toString(16).padStart(8, '0') : String(value)} ${names.join(' ')}`).join('\n');

/** The checked-in module: one line per value, `value name [other names]`, parsed on first use. */
export function renderTable(tables: NameTables, version: string): string {
  return `// GENERATED by scripts/code-names.ts from the Windows SDK ${version} headers (winerror.h,
// ntstatus.h); do not edit. Names only: they say what Windows calls a code, not why it happens.
// One line per value: the value (Win32 in decimal, the others in hex), then its names in header
// order, the first being the main one. test/unit/codes/sdk-names.test.ts fails when it drifts.

export const SDK_VERSION = '${version}';

export const WIN32_LINES = \`
${renderLines(tables.win32, false)}
\`;

export const HRESULT_LINES = \`
${renderLines(tables.hresult, true)}
\`;

export const NTSTATUS_LINES = \`
${renderLines(tables.ntstatus, true)}
\`;
`;
}

export function sdkVersion(): string {
  const env = readFileSync(join(root, 'scripts/tools.env'), 'utf8');
  const version = /^export WINSDK_VERSION=(\S+)$/m.exec(env)?.[1];
  if (version === undefined) throw new Error('scripts/tools.env has no WINSDK_VERSION');
  return version;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tables = nameTables(readSdkHeaders());
  writeFileSync(TABLE_FILE, renderTable(tables, sdkVersion()));
  process.stdout.write(`${TABLE_FILE}: ${tables.win32.size} Win32, ${tables.hresult.size} HRESULT, ${tables.ntstatus.size} NTSTATUS values\n`);
}

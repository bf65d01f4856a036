import type { Alternative, ExplainError, ExplainResult, Family, RelatedRef } from './types.js';
import { hex8, ntstatusFromHresult, toSigned, usesNtstatusLayout, win32FromHresult, win32FromNtstatus } from './bits.js';
import { HEADER_SDK_VERSION, headerValueOfName, ntstatusHeaderName, statusHeaderName, win32HeaderName } from './names/index.js';
import { familyOfValue, isWinhttpNumber } from './classify.js';
import { canonicalCode, isStatusValueFamily } from './identity.js';
import { WEB_ACCOUNT_AREAS } from './kb/webaccount.js';
import { tokenize } from './parse.js';
import { type KnownCode, registry } from './registry.js';
import { fromKnown, numericFields, unknownAadsts, unknownAdfsId, unknownMsis, unknownOAuth, unknownValue } from './result.js';

/**
 * One code, any spelling → one identity (or a per-item error). Pure: no I/O, never throws for
 * bad input.
 */
export const decodeCode = (input: string): ExplainResult | ExplainError => {
  const token = tokenize(input);
  switch (token.kind) {
    case 'error':
      return { Input: input, Error: { Id: token.id, Message: token.message } };
    case 'hex': {
      const result = decodeValue(input, token.value);
      if (token.alsoDecimal !== null) {
        result.Notes.push(`Eight digits without 0x are read as hex (how Windows prints statuses); as a decimal number it would be ${token.alsoDecimal}.`);
        result.Alternatives.push(readingOfDecimal(token.alsoDecimal, 'As a decimal number'));
      }
      return result;
    }
    case 'decimal':
      return decodeDecimal(input, token.value);
    case 'aadsts':
      return withTrailingNote(decodeAadsts(input, token.value), token.trailing);
    case 'msis':
      return withTrailingNote(decodeMsis(input, token.value), token.trailing);
    case 'adfsId':
      return withTrailingNote(decodeAdfsId(input, token.text), token.trailing);
    case 'name':
      return decodeName(input, token.name);
  }
};

/** Server codes named inside a server message (`AADSTS70002: … AADSTS50155: …`). */
const NESTED_SERVER_CODE = /\b(AADSTS\d{4,7}|MSIS\d{4}|ID\d{4}(?=:))/gi;

const withTrailingNote = (r: ExplainResult, trailing: string): ExplainResult => {
  if (!trailing) return r;
  const nested = [...new Set([...trailing.matchAll(NESTED_SERVER_CODE)].map((m) => (m[1] ?? m[0]).toUpperCase()))];
  if (nested.length === 0) {
    r.Notes.push('Text after the code was ignored (it is the server\'s description, not part of the code).');
    return r;
  }
  // The message names its own reason after itself: that inner code is the cause.
  r.Notes.push(`The message goes on with ${nested.join(', ')}: the later code is the reason for this one; explain it too (or the whole text with prt explain --text).`);
  // A knowledge-base link to the same code gives way: in this message it is the inner reason.
  r.Related = [
    ...nested.reverse().map((code) => ({ Code: code, Kind: 'Code' as const, Why: 'Named after this code in the same server message: the inner reason.' })),
    ...r.Related.filter((ref) => !nested.includes(ref.Code.toUpperCase())),
  ];
  return r;
};

const decodeAadsts = (input: string, n: number): ExplainResult => {
  const known = registry().byAadsts.get(n);
  return known ? fromKnown(input, known) : unknownAadsts(input, n);
};

const decodeMsis = (input: string, n: number): ExplainResult => {
  const known = registry().byMsis.get(n);
  return known ? fromKnown(input, known) : unknownMsis(input, n);
};

const decodeAdfsId = (input: string, text: string): ExplainResult => {
  const known = registry().byText.get(text.toUpperCase());
  return known ? fromKnown(input, known) : unknownAdfsId(input, text);
};

/** A 32-bit value: exact entry, a severity-bit variant of one, a wrapped Win32/NT code, or bits. */
export const decodeValue = (input: string, u: number): ExplainResult => {
  const { byValue } = registry();
  const exact = byValue.get(u);
  if (exact) {
    const r = fromKnown(input, exact, u);
    if (exact.Value !== undefined && exact.Value !== u) r.Notes.push(severityNote(u, exact.Value));
    return addWrapperLinks(r, u);
  }

  const sibling = severitySibling(u);
  if (sibling?.Value !== undefined) {
    const r = fromKnown(input, sibling, u);
    r.Notes.push(severityNote(u, sibling.Value));
    return addWrapperLinks(r, u);
  }

  const wrapped = decodeWrapped(input, u);
  if (wrapped) return wrapped;

  const r = withHeaderName(unknownValue(input, familyOfValue(u), u), u);
  if (u >>> 30 === 2 && r.Family === 'HRESULT') {
    // 0x8… is a failure HRESULT or a warning NTSTATUS: both readings are possible.
    r.Alternatives.push(alternative('Read as an NTSTATUS warning', 'NTSTATUS', hex8(u), ntstatusHeaderName(u)?.Names[0] ?? null, false));
  }
  return addWrapperLinks(r, u);
};

interface NameFromHeader { Name: string; Header: string; Others: string[] }

/**
 * What the Windows SDK headers call a value that no knowledge-base entry describes: the value's
 * own name, else the wrapper macro around the name of the code it carries.
 */
const headerNameOf = (family: Family, u: number): NameFromHeader | undefined => {
  if (u <= 0xffff) {
    const h = win32HeaderName(u);
    return h && { Name: h.Names[0], Header: h.Header, Others: h.Names.slice(1) };
  }
  const exact = statusHeaderName(u, usesNtstatusLayout(family) || (family === 'TPM' && u >>> 28 === 0xc) ? 'NTSTATUS' : 'HRESULT');
  if (exact) return { Name: exact.Names[0], Header: exact.Header, Others: exact.Names.slice(1) };
  const win32 = win32FromHresult(u) ?? win32FromNtstatus(u);
  const inner = win32 !== null ? win32HeaderName(win32) : undefined;
  if (inner) {
    const macro = win32FromNtstatus(u) !== null ? 'NTSTATUS_FROM_WIN32' : 'HRESULT_FROM_WIN32';
    return { Name: `${macro}(${inner.Names[0]})`, Header: inner.Header, Others: [] };
  }
  const nt = ntstatusFromHresult(u);
  const innerNt = nt !== null ? statusHeaderName(nt, 'NTSTATUS') : undefined;
  return innerNt && { Name: `HRESULT_FROM_NT(${innerNt.Names[0]})`, Header: innerNt.Header, Others: [] };
};

/** The header's name on a result the knowledge base could not give: marked as a name only. */
const withHeaderName = (r: ExplainResult, u: number): ExplainResult => {
  const h = headerNameOf(r.Family, u);
  if (!h) return r;
  r.Name = h.Name;
  r.Summary = `${r.Summary} Its name in the Windows SDK ${HEADER_SDK_VERSION} headers (${h.Header}) is ${h.Name}: a name only, we have no cause or fix for it.`;
  if (h.Others.length > 0) r.Notes.push(`${h.Header} also calls it ${h.Others.join(', ')}.`);
  return r;
};

/** A wrapped code's name for the notes: the knowledge base's, else the header's. */
const innerName = (inner: KnownCode | undefined, u: number, nt: boolean): string | null =>
  inner?.Name ?? (nt ? statusHeaderName(u, 'NTSTATUS')?.Names[0] : win32HeaderName(u)?.Names[0]) ?? null;

const severityNote = (u: number, canonical: number): string =>
  `${hex8(u)} is the same facility and code as ${hex8(canonical)} with other severity bits; both spellings appear in logs for the same error.`;

/**
 * The same facility and code with other severity bits, for families that carry NTSTATUS-style bits.
 * Only values that have severity bits set qualify: 0x0000006d is Win32 error 109, not a spelling of
 * STATUS_LOGON_FAILURE.
 */
const severitySibling = (u: number): KnownCode | undefined => {
  const { byValue } = registry();
  if (u >>> 30 === 0) return undefined;
  for (let severity = 3; severity >= 1; severity--) {
    const v = ((u & 0x3fffffff) | (severity << 30)) >>> 0;
    if (v === u) continue;
    const e = byValue.get(v);
    if (e && usesNtstatusLayout(e.Family)) return e;
  }
  return undefined;
};

/** HRESULT_FROM_WIN32 (0x8007xxxx) and HRESULT_FROM_NT (0xDxxxxxxx) of a code we know. */
const decodeWrapped = (input: string, u: number): ExplainResult | undefined => {
  const { byValue } = registry();
  const win32 = win32FromHresult(u) ?? win32FromNtstatus(u);
  const nt = ntstatusFromHresult(u);
  const innerValue = win32 ?? nt;
  if (innerValue === null) return undefined;
  const inner = byValue.get(innerValue);
  if (!inner) return undefined;
  const macro = win32FromNtstatus(u) !== null ? 'NTSTATUS_FROM_WIN32' : win32 !== null ? 'HRESULT_FROM_WIN32' : 'HRESULT_FROM_NT';
  const family = win32FromNtstatus(u) !== null ? 'NTSTATUS' : 'HRESULT';
  const r = fromKnown(input, inner, innerValue);
  return addWrapperLinks({
    ...r,
    ...numericFields(family, u),
    // A derived identity: the wrapped form is its own code, linked to the one it carries.
    Id: `${family}:${hex8(u)}`,
    Family: family,
    Name: inner.Name ? `${macro}(${inner.Name})` : null,
    Summary: `${inner.Summary} (${macro} form of ${inner.Name ?? canonicalCode(inner)})`,
    Related: [{ Code: canonicalCode(inner), Kind: 'Code', Why: `${hex8(u)} wraps this code (${macro}); it is the same error.` }, ...r.Related],
  }, u);
};

/** Links every result to the code it wraps (Win32 inside HRESULT, WinHTTP inside 0xCAA8…, HTTP status). */
const addWrapperLinks = (r: ExplainResult, u: number): ExplainResult => {
  const { byValue } = registry();
  const link = (ref: RelatedRef, inner: KnownCode) => {
    if (!r.Related.some((x) => x.Code === ref.Code)) r.Related.unshift(ref);
    // The wrapped code's evidence pointers apply to the wrapper too (1084 holds WinHTTP errors).
    for (const ev of inner.Evidence) {
      if (!r.Evidence.some((x) => x.EventId === ev.EventId && x.Channel === ev.Channel)) r.Evidence.push(ev);
    }
  };
  const win32 = win32FromHresult(u);
  if (win32 !== null) {
    const inner = byValue.get(win32);
    const name = innerName(inner, win32, false);
    r.Notes.push(`HRESULT_FROM_WIN32: the low 16 bits are Win32 error ${win32}${name ? ` (${name})` : ''}.`);
    if (isWinhttpNumber(win32)) r.Notes.push('WinINet and WinHTTP share the 12xxx numbers; a few of them carry different names in the two APIs.');
    if (inner) link({ Code: canonicalCode(inner), Kind: 'Code', Why: 'The Win32 code inside this HRESULT.' }, inner);
  }
  const ntWin32 = win32FromNtstatus(u);
  if (ntWin32 !== null) {
    const inner = byValue.get(ntWin32);
    const name = innerName(inner, ntWin32, false);
    r.Notes.push(`FACILITY_NTWIN32: the low 16 bits are Win32 error ${ntWin32}${name ? ` (${name})` : ''}.`);
    if (inner) link({ Code: canonicalCode(inner), Kind: 'Code', Why: 'The Win32 code inside this NTSTATUS.' }, inner);
  }
  const nt = ntstatusFromHresult(u);
  if (nt !== null) {
    const inner = byValue.get(nt);
    const name = innerName(inner, nt, true);
    r.Notes.push(`HRESULT_FROM_NT: with the NT bit cleared this is the NTSTATUS ${hex8(nt)}${name ? ` (${name})` : ''}.`);
    if (inner) link({ Code: canonicalCode(inner), Kind: 'Code', Why: 'The NTSTATUS inside this HRESULT.' }, inner);
  }
  if (r.Family === 'Web account/ADAL') {
    const facility = (u >>> 16) & 0xfff;
    const low = u & 0xffff;
    const area = WEB_ACCOUNT_AREAS[facility];
    if (area) r.Notes.push(`Token broker area 0x${facility.toString(16)}: ${area}.`);
    if (facility === 0xaa8 && isWinhttpNumber(low)) {
      const inner = byValue.get(low);
      r.Notes.push(`The low 16 bits are network error ${low}${inner?.Name ? ` (${inner.Name} in WinHTTP)` : ''}.`);
      if (inner) link({ Code: canonicalCode(inner), Kind: 'Code', Why: 'The network-stack error carried in the low 16 bits.' }, inner);
    }
    if (facility === 0xaa3) r.Notes.push(`The low 16 bits are the HTTP status ${low}.`);
  }
  return r;
};

/** A bare decimal: WinHTTP range, AADSTS number, 32-bit value, or Win32 code; ambiguity is reported. */
const decodeDecimal = (input: string, n: number): ExplainResult => {
  const { byAadsts, byValue } = registry();
  if (n < 0) {
    const u = n >>> 0;
    const r = decodeValue(input, u);
    r.Notes.push(`Read as a signed 32-bit value: ${n} = ${hex8(u)} = ${u}.`);
    return r;
  }
  if (isWinhttpNumber(n)) return decodeValue(input, n);

  const aadsts = byAadsts.get(n);
  if (aadsts) {
    const r = fromKnown(input, aadsts);
    r.Notes.push(`A bare number is ambiguous; it was read as AADSTS${n} because that code exists. Write 0x${n.toString(16)} or AADSTS${n} to be explicit.`);
    r.Alternatives.push(readingOfValue(n));
    return r;
  }
  if (byValue.has(n)) {
    const r = decodeValue(input, n);
    if (n > 0xffff) r.Notes.push(`Read as an unsigned 32-bit value: ${n} = ${hex8(n)} (signed ${toSigned(n)}).`);
    return r;
  }
  if (n >= 10000 && n <= 9999999) {
    // Five to seven digits is the shape of an AADSTS code; Win32 codes stop at 65535.
    if (n <= 0xffff) {
      const r = decodeValue(input, n);
      r.Notes.push(`A bare number is ambiguous; it may also be AADSTS${n}, which we do not know.`);
      r.Alternatives.push(alternative('As an AADSTS code', 'AADSTS', `AADSTS${n}`, null, false));
      return r;
    }
    const r = unknownAadsts(input, n);
    r.Notes.push(`A bare number is ambiguous; read as AADSTS${n} because of its length. As a 32-bit value it would be ${hex8(n)}.`);
    r.Alternatives.push(readingOfValue(n));
    return r;
  }
  const r = decodeValue(input, n);
  if (n > 0xffff) r.Notes.push(`Read as an unsigned 32-bit value: ${n} = ${hex8(n)} (signed ${toSigned(n)}).`);
  return r;
};

const alternative = (reading: string, family: Family, code: string, name: string | null, known: boolean): Alternative =>
  ({ Reading: reading, Family: family, Code: code, Name: name, Known: known });

/** The 32-bit (or Win32) reading of a number, as an alternative. */
const readingOfValue = (n: number): Alternative => {
  const known = registry().byValue.get(n);
  const family = known?.Family ?? familyOfValue(n);
  const reading = n <= 0xffff ? `As a ${family} code` : 'As a 32-bit value';
  return alternative(reading, family, n <= 0xffff ? String(n) : hex8(n), known?.Name ?? headerNameOf(family, n)?.Name ?? null, known !== undefined);
};

/** The decimal reading of an 8-digit string, as an alternative. */
const readingOfDecimal = (n: number, reading: string): Alternative => {
  const aadsts = registry().byAadsts.get(n);
  if (aadsts) return alternative(reading, 'AADSTS', `AADSTS${n}`, aadsts.Name, true);
  const known = registry().byValue.get(n);
  const family = known?.Family ?? familyOfValue(n);
  return alternative(reading, family, String(n), known?.Name ?? headerNameOf(family, n)?.Name ?? null, known !== undefined);
};

const SYMBOL_PREFIXES = /^(STATUS|ERROR|AAD_CLOUDAP_E|WC_E|MX_E|DSREG|E|NTE|TPM_E|WININET_E|RPC_NT|INFO|SUCCESS|WARNING)_/i;

const decodeName = (input: string, name: string): ExplainResult | ExplainError => {
  const matches = registry().bySymbol.get(name.toUpperCase());
  if (matches && matches.length > 0) {
    const [first, ...others] = matches as [KnownCode, ...KnownCode[]];
    // By name as by value: a wrapper's inner code, token broker area and evidence are the same.
    const r = first.Value !== undefined && isStatusValueFamily(first.Family)
      ? addWrapperLinks(fromKnown(input, first), first.Value)
      : fromKnown(input, first);
    if (others.length > 0) {
      r.Notes.push(`${others.length + 1} codes carry the name ${name}; the first is shown, the others are listed in Alternatives.`);
      for (const o of others) r.Alternatives.push(alternative('Same symbolic name', o.Family, canonicalCode(o), o.Name, true));
    }
    return r;
  }
  // A name of the Windows SDK headers that no entry carries: decoded by its value.
  const headerValue = headerValueOfName(name);
  if (headerValue !== undefined) {
    const r = decodeValue(input, headerValue);
    r.Notes.push(`${name.toUpperCase()} is ${headerValue <= 0xffff ? String(headerValue) : hex8(headerValue)} in the Windows SDK headers.`);
    return r;
  }
  // snake_case words are how OAuth errors look (dsregcmd Server Error Code).
  if (/^[a-z]+(_[a-z]+)+$/.test(name) && !SYMBOL_PREFIXES.test(name)) return unknownOAuth(input, name);
  const hint = /^[0-9a-f]+$/i.test(name) ? ' If it is a hex value, write it with 0x (0x' + name + ').' : '';
  const kind = SYMBOL_PREFIXES.test(name) ? 'a symbolic name we do not know' : 'not a code we recognise';
  return {
    Input: input,
    Error: { Id: 'UnknownCodeName', Message: `"${name}" is ${kind}.${hint} Known names can be listed for completion (knownSymbolicNames).` },
  };
};


import type { ExplainResult, Family } from './types.js';
import type { KnownCode } from './registry.js';
import { hex8, partsOf, toSigned, toUnsigned } from './bits.js';
import { isStatusValueFamily } from './identity.js';
import { SOURCES } from './kb/sources.js';
import { AADSTS_DOC_URL } from './kb/aadsts.js';
import { WEB_ACCOUNT_AREAS } from './kb/webaccount.js';
import { formatMsis } from './kb/msis.js';
import { WINHTTP_FIRST, WINHTTP_LAST } from './kb/winhttp.js';
import { structureNote } from './facilities.js';
import { describeTpmArea } from './tpm-structure.js';

/** Where to read more about a family when we do not know the code itself. */
const FAMILY_DOC: Readonly<Record<Family, string | null>> = {
  'NTSTATUS': SOURCES['ms-erref-ntstatus'].Url,
  'CloudAP plug-in': SOURCES['prt-checklist'].Url,
  'XML': SOURCES['prt-checklist'].Url,
  'AADSTS': null,
  'WinHTTP': SOURCES['winhttp-error-messages'].Url,
  'Web account/ADAL': SOURCES['web-provider-error'].Url,
  'HRESULT': null,
  'Win32': SOURCES['ms-erref-win32'].Url,
  'AD FS': null,
  'OAuth': SOURCES['oauth-rfc6749'].Url,
  'DSREG': SOURCES['hybrid-join-troubleshooting'].Url,
  'TPM': SOURCES['tpm-error-codes'].Url,
};

const FAMILY_SOURCE: Readonly<Record<Family, string | null>> = {
  'NTSTATUS': SOURCES['ms-erref-ntstatus'].Url,
  'CloudAP plug-in': SOURCES['prt-checklist'].Url,
  'XML': SOURCES['prt-checklist'].Url,
  'AADSTS': SOURCES['aadsts-reference'].Url,
  'WinHTTP': SOURCES['winhttp-error-messages'].Url,
  'Web account/ADAL': SOURCES['web-provider-error'].Url,
  'HRESULT': null,
  'Win32': SOURCES['ms-erref-win32'].Url,
  'AD FS': null,
  'OAuth': SOURCES['oauth-rfc6749'].Url,
  'DSREG': SOURCES['hybrid-join-troubleshooting'].Url,
  'TPM': SOURCES['tpm-error-codes'].Url,
};

/** The numeric fields of a 32-bit value read with a family's layout. */
export const numericFields = (family: Family, u: number) => ({
  Hex: hex8(u),
  Signed: toSigned(u),
  Unsigned: toUnsigned(u),
  ...partsOf(family, u),
});

const emptyNumeric = (code: number | null) => ({ Hex: null, Signed: null, Unsigned: null, Severity: null, Facility: null, Code: code });

/** A result for a knowledge-base entry, spelled as `u` (which may differ by severity bits). */
export const fromKnown = (input: string, e: KnownCode, u?: number): ExplainResult => {
  const numeric = e.Value === undefined
    ? emptyNumeric(null)
    : isStatusValueFamily(e.Family)
      ? numericFields(e.Family, u ?? e.Value)
      : emptyNumeric(e.Value);
  return {
    Input: input,
    Id: e.Id,
    Known: true,
    Family: e.Family,
    Name: e.Name,
    ...numeric,
    Summary: e.Summary,
    Causes: [...e.Causes],
    Solutions: [...e.Solutions],
    Evidence: [...e.Evidence],
    Related: [...e.Related],
    DocUrl: e.DocUrl ?? FAMILY_DOC[e.Family],
    Source: SOURCES[e.Source].Url,
    Notes: e.Aliases.length > 0 ? [`Also published as ${e.Aliases.join(', ')}.`] : [],
    Alternatives: [],
  };
};

const describeUnknownValue = (family: Family, u: number): string => {
  const { Facility, Code } = partsOf(family, u);
  const fac = Facility === null ? '' : `facility 0x${Facility.toString(16).padStart(3, '0')}, `;
  const code = Code === null ? '' : `code 0x${Code.toString(16).padStart(4, '0')}`;
  switch (family) {
    case 'NTSTATUS': return `Not in the knowledge base: an NTSTATUS value (${fac}${code}); look it up in [MS-ERREF] NTSTATUS values.`;
    case 'CloudAP plug-in': return `Not in the knowledge base: a CloudAP plug-in code (AAD_CLOUDAP_E_* area, ${fac}${code}); the PRT checklist publishes only the common ones.`;
    case 'XML': return `Not in the knowledge base: an XML parser (XmlLite) error (${fac}${code}), raised while reading a federation server's XML.`;
    case 'Web account/ADAL': {
      const area = WEB_ACCOUNT_AREAS[(u >>> 16) & 0xfff];
      return `Not in the knowledge base: a token broker / ADAL code${area ? ` of the ${area} area` : ''} (${fac}${code}).`;
    }
    case 'DSREG': return `Not in the knowledge base: a device registration (DSREG) client error (${fac}${code}) that the hybrid join article does not list.`;
    case 'TPM': return `Not in the knowledge base: a TPM code, ${describeTpmArea(u)} (${fac}${code}).`;
    case 'WinHTTP': return `Not in the knowledge base: ${u} is in the WinHTTP range (${WINHTTP_FIRST}-${WINHTTP_LAST}) but is not a published ERROR_WINHTTP_* number.`;
    case 'Win32': return `Not in the knowledge base: Win32 error ${u}; look it up in [MS-ERREF] Win32 error codes (or run \`net helpmsg ${u}\` on Windows).`;
    default: return `Not in the knowledge base: an HRESULT (${fac}${code}).`;
  }
};

/** A result for a well-formed 32-bit value that no table knows: decode the bits, say so. */
export const unknownValue = (input: string, family: Family, u: number): ExplainResult => ({
  Input: input,
  Id: null,
  Known: false,
  Family: family,
  Name: null,
  ...numericFields(family, u),
  Summary: describeUnknownValue(family, u),
  Causes: [],
  Solutions: [],
  Evidence: [],
  Related: [],
  DocUrl: FAMILY_DOC[family],
  Source: FAMILY_SOURCE[family],
  Notes: structureNotes(family, u),
  Alternatives: [],
});

/** The bits spelled out for families whose layout is HRESULT or NTSTATUS. */
const structureNotes = (family: Family, u: number): string[] => {
  // Plain Win32/WinHTTP numbers (familyOfValue gives those families exactly to values <= 0xffff).
  if (u <= 0xffff) return [];
  const layout = family === 'HRESULT' || family === 'DSREG' || (family === 'TPM' && u >>> 28 !== 0xc) ? 'HRESULT' : 'NTSTATUS';
  return [structureNote(u, layout)];
};

/** A well-formed code of a textual family that no catalogue we hold describes. */
const unknownNamed = (
  input: string,
  family: ExplainResult['Family'],
  code: number | null,
  summary: string,
  extra: Partial<Pick<ExplainResult, 'DocUrl' | 'Source' | 'Related'>> = {},
): ExplainResult => ({
  Input: input,
  Id: null,
  Known: false,
  Family: family,
  Name: null,
  ...emptyNumeric(code),
  Summary: summary,
  Causes: [],
  Solutions: [],
  Evidence: [],
  Related: extra.Related ?? [],
  DocUrl: extra.DocUrl ?? null,
  Source: extra.Source ?? null,
  Notes: [],
  Alternatives: [],
});

export const unknownAadsts = (input: string, n: number): ExplainResult =>
  unknownNamed(input, 'AADSTS', n, `AADSTS${n} is not in the published error-code reference we know; Entra's error lookup page may still describe it.`, {
    DocUrl: AADSTS_DOC_URL(n),
    Source: FAMILY_SOURCE.AADSTS,
  });

export const unknownMsis = (input: string, n: number): ExplainResult =>
  unknownNamed(input, 'AD FS', n, `${formatMsis(n)} is an AD FS message we have no description for (Microsoft publishes no MSIS catalog); the AD FS/Admin event log on the federation servers has the full text.`);

export const unknownAdfsId = (input: string, text: string): ExplainResult =>
  unknownNamed(input, 'AD FS', null, `${text} is a Windows Identity Foundation message from AD FS (or another WIF-based service) that we have no description for; the full text of the SOAP fault or of the AD FS/Admin event says what failed.`);

export const unknownOAuth = (input: string, text: string): ExplainResult =>
  unknownNamed(input, 'OAuth', null, `"${text}" looks like an OAuth error string but is not one of the standard ones; the AADSTS code in the description tells the reason.`, {
    Related: [{ Code: 'AADSTS', Kind: 'Catalog', Why: 'The AADSTS number in the error description is the precise reason.' }],
    DocUrl: FAMILY_DOC.OAuth,
    Source: FAMILY_SOURCE.OAuth,
  });

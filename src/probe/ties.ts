import { decodeCode, isExplainError } from '../codes/index.js';
import { isWinhttpNumber } from '../codes/classify.js';
import { canonicalCode } from '../codes/identity.js';
import { FINDINGS, PROBE_FINDING_IDS } from './catalogue.js';
import type { ProbeFinding, ProbeReport } from './types.js';

/** Every code a probe finding can explain, canonical. */
const EXPLAINED: ReadonlySet<string> = new Set(PROBE_FINDING_IDS.flatMap((id) => FINDINGS[id].RelatedCodes.map((code) => code.toLowerCase())));

const STATUS_NETWORK_UNREACHABLE = 0xc000023c;
const ADAL_INTERNET_FACILITY = 0xcaa8;
const WIN32_HRESULT_PREFIX = 0x8007;

/** The canonical spelling of a code as found (`0xC000023C`, `-2147012867`, `12029`), or null. */
export function canonical(code: string): string | null {
  const result = decodeCode(code);
  if (isExplainError(result)) return null;
  if (result.Family === 'AADSTS' || result.Family === 'AD FS' || result.Unsigned === null) return result.Input.toUpperCase().startsWith('AADSTS') ? result.Input.toUpperCase() : null;
  return canonicalCode({ Family: result.Family, Value: result.Unsigned });
}

/**
 * Whether a code says the request did not get through: the WinHTTP numbers and their HRESULT and
 * ADAL spellings, and STATUS_NETWORK_UNREACHABLE.
 */
export function isTransportFailure(code: string): boolean {
  const spelled = canonical(code);
  if (spelled === null) return false;
  const value = /^\d+$/.test(spelled) ? Number(spelled) : Number.parseInt(spelled, 16);
  if (Number.isNaN(value)) return false;
  if (value <= 0xffff) return isWinhttpNumber(value);
  const high = value >>> 16;
  return value === STATUS_NETWORK_UNREACHABLE || high === ADAL_INTERNET_FACILITY || (high === WIN32_HRESULT_PREFIX && isWinhttpNumber(value & 0xffff));
}

/**
 * Whether the probe can say something about a code: a transport failure, or what one of its
 * checks names (the federation metadata, a DTD, a 407, an unknown realm…).
 */
export function isNetworkClass(code: string): boolean {
  if (isTransportFailure(code)) return true;
  const spelled = canonical(code);
  return spelled !== null && EXPLAINED.has(spelled.toLowerCase());
}

export const PROBE_NEXT_STEP = 'Run `prt probe` (as SYSTEM, the route the PRT request takes): it tests DNS, the proxy, TLS, the clock and the federation server on the way to Entra ID and names what blocks it.';
/** For a code the server answered with but the probe can also check: after the code's own steps. */
export const PROBE_CHECK_STEP = 'To check this from the device, run `prt probe --upn <the user\'s UPN>`: it asks Entra ID for the realm of the user\'s domain and reads the federation server\'s metadata, which this code points at.';

/** The probe findings that explain a chain's codes; when none names them, the probe's errors (the network is still the suspect). */
export function findingsForChain(codes: readonly string[], report: ProbeReport): ProbeFinding[] {
  const chain = new Set(codes.map((code) => canonical(code)?.toLowerCase()).filter((code): code is string => code !== undefined));
  const matching = report.Findings.filter((finding) => finding.RelatedCodes.some((code) => chain.has(code.toLowerCase())));
  return matching.length > 0 ? matching : report.Findings.filter((finding) => finding.Severity === 'Error');
}

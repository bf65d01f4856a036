/**
 * What the bits of a TPM code say when the exact code is not in the knowledge base. Windows maps
 * TPM return codes into two facilities: 0x28 FACILITY_TPM_SERVICES (the TPM's own answers: TPM
 * 1.2 codes, TPM 2.0 TPM_RC values, and the TPM Base Services) and 0x29 FACILITY_TPM_SOFTWARE
 * (Windows' TPM software: TPM API, TBS implementation, physical presence, the Platform Crypto
 * Provider). The same low 16 bits appear
 * with NTSTATUS severity bits (0xC028…, 0xC029…).
 */

/** TPM 2.0 format-one response codes (TPM_RC_*), by their 6-bit error number + 0x80. */
const TPM2_FMT1: Readonly<Record<number, string>> = {
  0x081: 'TPM_RC_ASYMMETRIC', 0x082: 'TPM_RC_ATTRIBUTES', 0x083: 'TPM_RC_HASH', 0x084: 'TPM_RC_VALUE',
  0x085: 'TPM_RC_HIERARCHY', 0x087: 'TPM_RC_KEY_SIZE', 0x088: 'TPM_RC_MGF', 0x089: 'TPM_RC_MODE',
  0x08a: 'TPM_RC_TYPE', 0x08b: 'TPM_RC_HANDLE', 0x08c: 'TPM_RC_KDF', 0x08d: 'TPM_RC_RANGE',
  0x08e: 'TPM_RC_AUTH_FAIL', 0x08f: 'TPM_RC_NONCE', 0x090: 'TPM_RC_PP', 0x092: 'TPM_RC_SCHEME',
  0x095: 'TPM_RC_SIZE', 0x096: 'TPM_RC_SYMMETRIC', 0x097: 'TPM_RC_TAG', 0x098: 'TPM_RC_SELECTOR',
  0x09a: 'TPM_RC_INSUFFICIENT', 0x09b: 'TPM_RC_SIGNATURE', 0x09c: 'TPM_RC_KEY', 0x09d: 'TPM_RC_POLICY_FAIL',
  0x09f: 'TPM_RC_INTEGRITY', 0x0a0: 'TPM_RC_TICKET', 0x0a1: 'TPM_RC_RESERVED_BITS', 0x0a2: 'TPM_RC_BAD_AUTH',
  0x0a3: 'TPM_RC_EXPIRED', 0x0a4: 'TPM_RC_POLICY_CC', 0x0a5: 'TPM_RC_BINDING', 0x0a6: 'TPM_RC_CURVE',
  0x0a7: 'TPM_RC_ECC_POINT',
};

const FMT1_BIT = 0x080;
const PARAMETER_BIT = 0x040;

/** The TPM 2.0 reading of a format-one code that names a parameter, handle or session. */
const tpm2Format1 = (rc: number): string | null => {
  if ((rc & FMT1_BIT) === 0 || rc > 0xfff) return null;
  const base = (rc & 0x3f) | FMT1_BIT;
  const name = TPM2_FMT1[base];
  if (!name) return null;
  const n = (rc >>> 8) & 0xf;
  if (rc & PARAMETER_BIT) return `TPM 2.0 ${name} for parameter ${n}`;
  if (n === 0) return `TPM 2.0 ${name}`;
  return n & 0x8 ? `TPM 2.0 ${name} for session ${n & 0x7}` : `TPM 2.0 ${name} for handle ${n}`;
};

/** One line on where in the TPM stack an unknown TPM code comes from. */
export const describeTpmArea = (u: number): string => {
  const facility = (u >>> 16) & 0xfff;
  const low = u & 0xffff;
  if (facility === 0x28) {
    if (low >= 0x4000 && low < 0x5000) return 'TPM Base Services (TBS_E_*): the Windows service that talks to the TPM';
    const fmt1 = tpm2Format1(low);
    if (fmt1) return `${fmt1} (TPM_20_E_* range: the TPM refused the command)`;
    if (low >= 0x100 && low < 0x200) return 'TPM 2.0 format-zero response code (TPM_20_E_*: the command or the TPM state was wrong)';
    if (low >= 0x900 && low < 0xa00) return 'TPM 2.0 warning (TPM_20_E_*: retry later, for example after the lockout or rate limit)';
    if (low >= 0x800 && low < 0x900) return 'TPM non-fatal condition (TPM_E_* retry range)';
    if (low >= 0x400 && low < 0x800) return 'TPM software error raised by Windows (TPM_E_*)';
    return 'TPM 1.2 command error (TPM_E_*: the low bits are the TPM\'s own return code)';
  }
  if (low >= 0x100 && low < 0x200) return 'TPM API error (TPMAPI_E_*) raised by Windows\' TPM library';
  if (low >= 0x200 && low < 0x300) return 'TBS implementation error (TBSIMP_E_*)';
  if (low >= 0x300 && low < 0x400) return 'TPM physical presence interface error (TPM_E_PPI_*)';
  if (low >= 0x400 && low < 0x500) return 'Platform Crypto Provider error (TPM_E_PCP_*): the key storage provider that keeps device and Hello keys in the TPM';
  return 'TPM software error raised by Windows';
};

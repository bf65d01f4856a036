/**
 * Property (issue 12): one code has one identity, however it is spelled — `0xC000006D`,
 * `0xc000006d`, `c000006d`, `-1073741715`, `3221225581`, and its symbolic name when it has one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCode, isExplainError, knownSymbolicNames } from '../../../src/codes/index.js';

/** The identity a spelling decodes to (Id, else the family and hex): what every reader keys on. */
function identity(spelling: string): string {
  const result = decodeCode(spelling);
  if (isExplainError(result)) return `error:${result.Error.Id}`;
  return `${result.Id ?? 'unknown'}|${result.Family}|${result.Hex ?? ''}`;
}

/** Failure codes (the high bit set), where the signed and the unsigned decimal differ. */
const failureCode = fc.integer({ min: 0x80000000, max: 0xffffffff });

const spellings = (u: number): string[] => {
  const hex = u.toString(16).padStart(8, '0');
  return [`0x${hex}`, `0x${hex.toUpperCase()}`, `0X${hex}`, hex, String(u | 0), String(u)];
};

/** The failure codes the knowledge base knows by name: where a wrong identity would matter most. */
const knownFailures = knownSymbolicNames().flatMap((name) => {
  const result = decodeCode(name);
  return isExplainError(result) || result.Hex === null || Number.parseInt(result.Hex, 16) < 0x80000000 ? [] : [Number.parseInt(result.Hex, 16)];
});

describe('the spellings of one code', () => {
  it('every spelling of a 32-bit failure code decodes to one identity', () => {
    expect(knownFailures.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.oneof(failureCode, fc.constantFrom(...knownFailures)), (u) => {
        const [first, ...rest] = spellings(u).map(identity);
        expect(first).not.toMatch(/^error:/);
        for (const other of rest) expect(other).toBe(first);
      }),
      { numRuns: 500 },
    );
  });

  it('every known symbolic name decodes to the identity of its number', () => {
    const names = knownSymbolicNames().filter((name) => /^(STATUS|ERROR|E|RPC|SEC|CRYPT|NTE|DSREG|ERROR_ADAL|WINHTTP|ERROR_WINHTTP)_/.test(name));
    expect(names.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...names), (name) => {
        const byName = decodeCode(name);
        if (isExplainError(byName) || byName.Hex === null) throw new Error(`${name} does not decode to a number`);
        expect(identity(byName.Hex)).toBe(identity(name));
        expect(identity(name.toLowerCase())).toBe(identity(name));
      }),
      { numRuns: 300 },
    );
  });
});

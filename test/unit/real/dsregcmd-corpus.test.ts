/**
 * The real public corpus (issue 10): every capture in test/fixtures/real/dsregcmd must get the
 * answer an expert reading it gives, as written in expected.json. Each key of `expect` that is
 * given is asserted; a missing key is not judged. The corpus itself is written by hand from
 * public sources (SOURCES.md); fixes go into the rules for the kind of input, never per file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decoderFor } from '../../../src/app/status.js';
import { evaluateStatus } from '../../../src/diagnose/evaluate.js';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';

interface CorpusCase {
  file: string;
  kinds?: string[];
  now?: string;
  why?: string;
  expect: {
    JoinType?: string;
    JoinTypeEvidence?: string;
    Health?: string;
    AzureAdPrt?: boolean | null;
    Findings?: string[];
    NotFindings?: string[];
    Codes?: string[];
  };
}

const dir = new URL('../../fixtures/real/dsregcmd/', import.meta.url);
const expectedFile = new URL('expected.json', dir);
const cases: CorpusCase[] = existsSync(expectedFile) ? ((JSON.parse(readFileSync(expectedFile, 'utf8')) as { cases?: CorpusCase[] }).cases ?? []) : [];

async function statusOf(file: string, now: string | undefined) {
  const { text, encoding } = decodeCapture(readFileSync(new URL(file, dir)));
  const report = parseDsregcmd(text, { source: file, encoding });
  return evaluateStatus(report, {
    now: now === undefined ? undefined : new Date(now),
    systemNow: new Date('2030-01-01T00:00:00Z'),
    source: { Kind: 'File', Path: file, Encoding: encoding },
    decode: await decoderFor(report),
  });
}

describe('the real dsregcmd corpus', () => {
  it('has cases to judge', () => {
    expect(existsSync(expectedFile), 'test/fixtures/real/dsregcmd/expected.json is missing').toBe(true);
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.file}: ${c.why ?? ''}`.slice(0, 200), async () => {
      const status = await statusOf(c.file, c.now);
      const ids = status.Findings.map((f) => f.Id);
      const e = c.expect;
      // One assertion of the whole picture, so a failure shows every difference at once.
      const got: Record<string, unknown> = {};
      const want: Record<string, unknown> = {};
      for (const key of ['JoinType', 'JoinTypeEvidence', 'Health', 'AzureAdPrt'] as const) {
        if (key in e) {
          got[key] = status[key];
          want[key] = e[key];
        }
      }
      for (const id of e.Findings ?? []) {
        got[`finding ${id}`] = ids.includes(id);
        want[`finding ${id}`] = true;
      }
      for (const id of e.NotFindings ?? []) {
        got[`no finding ${id}`] = !ids.includes(id);
        want[`no finding ${id}`] = true;
      }
      const json = JSON.stringify(status).toLowerCase();
      for (const code of e.Codes ?? []) {
        got[`code ${code}`] = json.includes(code.toLowerCase());
        want[`code ${code}`] = true;
      }
      expect(got, `findings: ${ids.join(', ')}`).toEqual(want);
    });
  }
});

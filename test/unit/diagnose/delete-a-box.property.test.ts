/**
 * Property (issue 10): deleting any one box from a whole capture never yields `NotJoined` or
 * `Healthy` for something the remaining text does not show. Whole captures are our fixtures and
 * the real public ones; fast-check picks the capture, the box, a decoration and the judging time.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateStatus } from '../../../src/diagnose/evaluate.js';
import { decodeCapture } from '../../../src/dsreg/decode.js';
import { parseDsregcmd } from '../../../src/dsreg/parse.js';
import { PrtError } from '../../../src/errors.js';

const WHOLE = [
  'dsregcmd/healthy-aadj.txt',
  'dsregcmd/hybrid-enterprise-prt.txt',
  'dsregcmd/stale-prt.txt',
  'dsregcmd/expired-prt.txt',
  'dsregcmd/missing-prt-0xc000006d-aadsts50126.txt',
  'dsregcmd/registered-two-work-accounts.txt',
  'dsregcmd/domain-joined-only.txt',
  'dsregcmd/pre-join-diagnostics.txt',
  'dsregcmd/win11-extra-fields.txt',
  'dsregcmd/legacy-left-aligned.txt',
  'real/dsregcmd/full-not-joined-azure-vm-wamdefault-error.txt',
  'real/dsregcmd/decorated-ps-prompt-registered-only-full-it.txt',
  'real/dsregcmd/full-domain-joined-only-scp-missing-0x801c001d-system.txt',
  'real/dsregcmd/enterprise-md-broken-hybrid-enterprise-prt-no-adfs-authority.txt',
].map((path) => decodeCapture(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url))).text);

const HEADER = /^\s*\|\s*\S.*\|\s*$/;

/** The line ranges of the boxes: from a box's header (and the rule above it) to the next box's. */
function boxes(lines: string[]): Array<[number, number]> {
  const starts = lines.flatMap((line, i) => (HEADER.test(line) ? [i > 0 && /^\s*\+-+\+\s*$/.test(lines[i - 1]!) ? i - 1 : i] : []));
  return starts.map((start, k) => [start, k + 1 < starts.length ? starts[k + 1]! : lines.length]);
}

const decorations: Array<(text: string) => string> = [
  (t) => t,
  (t) => t.split('\n').map((l) => `   ${l}`).join('\n'),
  (t) => `\`\`\`\n${t}\n\`\`\``,
  (t) => t.split('\n').map((l) => `${l}  `).join('\n'),
];

const shows = (text: string, pattern: RegExp) => text.split('\n').some((line) => pattern.test(line));

describe('deleting one box from a whole capture', () => {
  it('never yields NotJoined or Healthy that the remaining text does not show', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: WHOLE.length - 1 }),
        fc.nat(),
        fc.integer({ min: 0, max: decorations.length - 1 }),
        fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }),
        (which, boxPick, decoration, now) => {
          const lines = WHOLE[which]!.split('\n');
          const all = boxes(lines);
          const [from, to] = all[boxPick % all.length]!;
          const rest = decorations[decoration]!([...lines.slice(0, from), ...lines.slice(to)].join('\n'));
          let status;
          try {
            status = evaluateStatus(parseDsregcmd(rest, { source: 'cut.txt', encoding: 'utf-8' }), { now, systemNow: now, source: { Kind: 'File', Path: 'cut.txt', Encoding: 'utf-8' } });
          } catch (e) {
            if (e instanceof PrtError && e.exitCode === 3) return; // refused, not misjudged
            throw e;
          }
          if (status.JoinType === 'NotJoined') {
            expect(shows(rest, /AzureAdJoined\s*:\s*NO\b/i) && shows(rest, /DomainJoined\s*:\s*NO\b/i), 'NotJoined without Device State saying so').toBe(true);
          }
          if (status.Health === 'Healthy') {
            expect(shows(rest, /AzureAdPrt\s*:\s*YES\b/i), 'Healthy without an AzureAdPrt : YES line').toBe(true);
            expect(shows(rest, /AzureAdPrtUpdateTime\s*:\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/) && shows(rest, /AzureAdPrtExpiryTime\s*:\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/), 'Healthy without readable PRT times').toBe(true);
          }
          // Whatever box went, a missing box is never read as "no".
          if (!shows(rest, /AzureAdPrt\s*:/i)) expect(status.AzureAdPrt).toBeNull();
          if (!shows(rest, /AzureAdJoined\s*:/i) && !shows(rest, /DomainJoined\s*:/i)) expect(status.JoinTypeEvidence).not.toBe('DeviceState');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a box to delete in every whole capture (the property is not vacuous)', () => {
    for (const text of WHOLE) expect(boxes(text.split('\n')).length).toBeGreaterThanOrEqual(2);
  });
});

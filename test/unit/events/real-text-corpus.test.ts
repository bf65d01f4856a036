// The real Event Viewer text corpus (test/fixtures/real/events, sources in test/fixtures/real/SOURCES.md):
// every public paste must get the answer an expert reading it gives (expected.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/app/diagnose.js';
import { createHost } from '../../../src/host/create.js';
import { readBytes } from './helpers.js';

interface Case {
  file: string;
  expect: {
    Records: number;
    EventIds: number[];
    EventIdFrom: string[];
    Codes: string[];
    Attempts?: number;
    LocalTimes?: string[];
    /** The newest attempt's events read without their message, and those to ask for. */
    MissingMessages?: number[];
    AskFor?: number[];
  };
  why: string;
}

const dir = new URL('../../fixtures/real/events/', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as { cases: Case[] };
const path = (file: string) => new URL(file, dir).pathname;

describe('the real Event Viewer text corpus', () => {
  it('has at least ten real cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s gets the expert answer', async (_file, c) => {
    const { events, problems } = await readBytes(readFileSync(path(c.file)), { source: c.file });
    expect(problems).toEqual([]);
    expect(events.length).toBe(c.expect.Records);
    expect(events.map((e) => e.EventId)).toEqual(c.expect.EventIds);
    expect(events.map((e) => e.FromText?.EventIdFrom)).toEqual(c.expect.EventIdFrom);
    if (c.expect.LocalTimes) expect(events.map((e) => e.FromText?.LocalTime)).toEqual(c.expect.LocalTimes);

    // The `prt error --events FILE` logic itself.
    const diagnosis = await diagnose(createHost({}, 'linux'), { events: [path(c.file)] });
    expect(diagnosis.TextRecords.flatMap((record) => record.Codes)).toEqual(c.expect.Codes);
    if (c.expect.Attempts !== undefined) expect(diagnosis.Attempts.length).toBe(c.expect.Attempts);
    const [newest] = diagnosis.Attempts;
    if (c.expect.MissingMessages) {
      expect(newest?.MissingMessages.map((m) => m.EventId)).toEqual(c.expect.MissingMessages);
      // Unread is not clean: no status is made up, and the verdict never reads as healthy.
      expect(newest?.Status).toBeNull();
      expect(newest?.Succeeded).toBe(false);
      expect(diagnosis.Summary).not.toMatch(/succeeded|No PRT attempt/);
      expect(diagnosis.Summary).toContain('status is not shown');
    }
    if (c.expect.AskFor) {
      expect(newest?.MissingMessages.filter((m) => m.Ask).map((m) => m.EventId)).toEqual(c.expect.AskFor);
      expect(diagnosis.Summary).toContain(`Ask for the messages of events ${c.expect.AskFor.join(' and ')}.`);
      expect(newest?.NextSteps[0]).toMatch(new RegExp(`^Ask for the full message of events ${c.expect.AskFor.join(', ').replace(/, (\d+)$/, ' and $1')} `));
    }
    for (const attempt of diagnosis.Attempts) {
      expect(attempt.SourceFormat).not.toBe('EventXml');
      expect(attempt.Start).toBeNull(); // pasted text never gives an attempt an instant it does not have
    }
  });
});

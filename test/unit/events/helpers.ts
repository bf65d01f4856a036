import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { PrtError } from '../../../src/errors.js';
import { parseEventStream, parseEventText, type ParseEventOptions } from '../../../src/events/parse.js';
import { EventScanner } from '../../../src/events/scan.js';
import type { AadEvent, EventParseItem, EventProblem } from '../../../src/events/types.js';

const FIXTURES = new URL('../../fixtures/events/', import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(name, FIXTURES));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** The bytes as a host would stream them, in chunks of `size` bytes. */
export async function* chunked(bytes: Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export interface Read {
  events: AadEvent[];
  problems: EventProblem[];
}

/** Streams bytes through the parser and collects what it yields. */
export async function readBytes(bytes: Uint8Array, options: Partial<ParseEventOptions> = {}, chunkSize = 4096): Promise<Read> {
  const events: AadEvent[] = [];
  const problems: EventProblem[] = [];
  for await (const item of parseEventStream(chunked(bytes, chunkSize), { source: 'test.xml', ...options })) {
    if ('event' in item) events.push(item.event);
    else problems.push(item.problem);
  }
  return { events, problems };
}

/** Reads a fixture the way the files host does: streamed bytes → events. */
export function readFixture(name: string, options: Partial<ParseEventOptions> = {}, chunkSize = 4096): Promise<Read> {
  return readBytes(fixtureBytes(name), { source: name, ...options }, chunkSize);
}

/** The events of several fixtures (e.g. the two channels exported separately). */
export async function fixtureEvents(...names: string[]): Promise<AadEvent[]> {
  const all: AadEvent[] = [];
  for (const name of names) all.push(...(await readFixture(name)).events);
  return all;
}

/** Awaits `run`, expecting the bad-input PrtError, and returns it for the message checks. */
export async function badInputOf(run: () => Promise<unknown>): Promise<PrtError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(PrtError);
    expect((e as PrtError).exitCode).toBe(3);
    return e as PrtError;
  }
  throw new Error('expected a PrtError, nothing was thrown');
}

/** Windows numbers each channel's records from 1, so the two AAD channels reuse the same ids. */
const nextRecord = new Map<string, number>();
const recordIdFor = (channel: string): number => {
  const id = nextRecord.get(channel) ?? 1;
  nextRecord.set(channel, id + 1);
  return id;
};

/** A hand-made AAD event for the attempt rules: only what a test cares about needs saying. */
export function ev(partial: Partial<AadEvent> & { EventId: number; at: number }): AadEvent {
  const { at, ...rest } = partial;
  const channel = [1006, 1007, 1022, 1144].includes(partial.EventId) ? 'Microsoft-Windows-AAD/Analytic' : 'Microsoft-Windows-AAD/Operational';
  const time = new Date(Date.UTC(2026, 10, 20, 9, 0, 0) + at);
  return {
    EventRecordID: recordIdFor(channel),
    Channel: channel,
    Provider: 'Microsoft-Windows-AAD',
    TimeCreated: time.toISOString(),
    TimeMs: time.getTime(),
    Level: 4,
    Task: 101,
    Opcode: 0,
    Keywords: null,
    ProcessId: 812,
    ThreadId: 4404,
    UserSid: 'S-1-5-18',
    ActivityId: null,
    Computer: 'PC-0042',
    Message: null,
    Data: [],
    Source: 'test',
    ...rest,
  };
}

/** Payload fields by position (names as the manifest has them do not matter to the readers). */
export const data = (...values: string[]): AadEvent['Data'] => values.map((Value, i) => ({ Name: `f${i}`, Value }));

/** Event XML text read whole, and what came out of it: the record ids, the problems' messages. */
export const parse = (text: string): EventParseItem[] => parseEventText(text, { source: 'x.xml' });
export const rids = (items: EventParseItem[]): number[] => items.flatMap((i) => ('event' in i ? [i.event.EventRecordID] : []));
export const messages = (items: EventParseItem[]): string[] => items.flatMap((i) => ('problem' in i ? [i.problem.Message] : []));

/** The items of `text` pushed to one scanner in pieces cut at each of `cuts`. */
export function scanPieces(text: string, cuts: number[], maxElementChars?: number): EventParseItem[] {
  const scanner = new EventScanner({ source: 'x.xml', maxElementChars });
  const out: EventParseItem[] = [];
  let from = 0;
  for (const cut of cuts) {
    scanner.push(text.slice(from, cut), out);
    from = cut;
  }
  scanner.push(text.slice(from), out);
  scanner.end(out);
  return out;
}

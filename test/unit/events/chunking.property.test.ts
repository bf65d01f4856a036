/**
 * Property (issue 12): the event reader gives the same events however the stream is cut into
 * chunks — inside a tag, an entity, a CRLF or a multi-byte character, in UTF-8 and UTF-16.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEventStream } from '../../../src/events/parse.js';
import type { EventParseItem } from '../../../src/events/types.js';
import { renderEvent } from '../../../src/sim/events.js';

// Values with what makes cutting hard: markup to escape, accents, CJK, an emoji (4 bytes in UTF-8).
const value = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '<', '&', '>', '"', "'", 'é', 'ü', '東', '京', '😀', ':', '\\'), maxLength: 24 });
const ids = [1006, 1007, 1022, 1081, 1084, 1088, 1098, 1104, 1144] as const;
const scenarioEvent = fc.record({ Id: fc.constantFrom(...ids), Data: fc.array(value, { minLength: 0, maxLength: 4 }) });

const stream = fc.array(scenarioEvent, { minLength: 1, maxLength: 6 }).map((events) =>
  events
    .map((event, i) => renderEvent({ Id: event.Id, AtMs: i * 1000, Data: event.Data }, { computer: 'CTS-WS-0512.contoso.com', recordId: i + 1, timeMs: Date.UTC(2026, 10, 20, 9, 0, i), processId: 812, threadId: 4100 + i }).Xml)
    .join('\r\n'),
);

async function* chunks(bytes: Buffer, cuts: number[]): AsyncIterable<Uint8Array> {
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

async function read(bytes: Buffer, cuts: number[]): Promise<EventParseItem[]> {
  const items: EventParseItem[] = [];
  for await (const item of parseEventStream(chunks(bytes, cuts), { source: 'chunked.xml' })) items.push(item);
  return items;
}

describe('reading an event stream cut into chunks', () => {
  it.each([
    ['UTF-8', (text: string) => Buffer.from(text, 'utf8')],
    ['UTF-16LE with a BOM', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ])('any chunking of a %s stream yields the same events as one chunk', async (_name, encode) => {
    await fc.assert(
      fc.asyncProperty(stream, fc.array(fc.nat(), { maxLength: 12 }), async (text, cuts) => {
        const bytes = encode(text);
        const whole = await read(bytes, []);
        expect(whole.filter((item) => 'event' in item).length).toBeGreaterThan(0);
        expect(await read(bytes, cuts)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('a stream cut after every byte yields the same events as one chunk', async () => {
    await fc.assert(
      fc.asyncProperty(stream, async (text) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(await read(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(await read(bytes, []));
      }),
      { numRuns: 10 },
    );
  });
});

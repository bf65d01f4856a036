import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverErrorOf } from '../../../src/events/aad.js';
import { parseEventText } from '../../../src/events/index.js';
import type { AadEvent } from '../../../src/events/types.js';
import { scrubAadEvent, scrubEventChunks, scrubEventXml } from '../../../src/safety/event-xml.js';
import { plantedSecrets } from './corpus.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/events', name));
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function scrubBytes(bytes: Uint8Array, chunk = 97): Promise<string> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const parts: Buffer[] = [];
  for await (const part of scrubEventChunks(chunks())) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

describe('scrubbing event XML', () => {
  it('leaves an event without secrets byte for byte as it was', async () => {
    const bytes = fixture('wrong-password-50126.operational.xml');
    expect(await scrubBytes(bytes)).toBe(bytes.toString('utf8'));
  });

  it('scrubs a secret planted in an event value, escaped as XML, and the XML still reads', async () => {
    const original = fixture('wrong-password-50126.operational.xml').toString('utf8');
    const planted = original.replace('invalid username or password.', `invalid username or password. ${escape(plantedSecrets.map((s) => s.Text).join(' '))}`);
    const scrubbed = await scrubBytes(Buffer.from(planted, 'utf8'));
    for (const secret of plantedSecrets) expect(scrubbed, secret.Name).not.toContain(secret.Marker);
    const before = parseEventText(original, { source: 'a' }).filter((item) => 'event' in item);
    const after = parseEventText(scrubbed, { source: 'a' }).filter((item) => 'event' in item);
    expect(after.length).toBe(before.length);
  });

  it('reads UTF-16 exports and writes UTF-8 with an honest declaration', async () => {
    const bytes = fixture('wrong-password-50126.utf16le-bom.xml');
    const text = await scrubBytes(bytes, 64);
    expect(text).toContain('<Event');
    expect(text).not.toMatch(/encoding=["']utf-16/i);
  });

  it('does not take a self-closing <Security UserID/> for a WS-Security header', () => {
    const xml = "<Event><System><Security UserID='S-1-5-18'/></System><EventData><Data>x password: Planted1 </Data></EventData></Event>";
    const scrubbed = scrubEventXml(xml);
    expect(scrubbed).toContain("<Security UserID='S-1-5-18'/>");
    expect(scrubbed).not.toContain('Planted1');
  });

  it('scrubs a parsed event before its SOAP description is flattened to text', () => {
    const xml = fixture('wstrust-id3242.xml').toString('utf8');
    const soap = plantedSecrets.find((secret) => secret.Name === 'WsseSecurity')!;
    // A fault without <s:Text>: the reader keeps all of its text once the tags are stripped.
    const planted = xml.replace(/(<Data Name='ErrorDescription'>)[\s\S]*?(<\/Data>)/, `$1${escape(`<s:Envelope><s:Header>${soap.Text}</s:Header><s:Body>ID3242</s:Body></s:Envelope>`)}$2`);
    const event = parseEventText(planted, { source: 'x' }).flatMap((item) => ('event' in item && item.event.EventId === 1088 ? [item.event] : []))[0] as AadEvent;
    expect(event).toBeDefined();
    expect(serverErrorOf(event).Description).toContain(soap.Marker); // flattened unscrubbed: the password is bare text
    expect(serverErrorOf(scrubAadEvent(event)).Description ?? '').not.toContain(soap.Marker);
  });

  it('returns the very same event when nothing had to go', () => {
    const event = parseEventText(fixture('wrong-password-50126.operational.xml').toString('utf8'), { source: 'x' }).flatMap((item) => ('event' in item ? [item.event] : []))[0]!;
    expect(scrubAadEvent(event)).toBe(event);
  });

  it('looks at all values at once, with the same verdict as one value at a time', () => {
    const event = parseEventText(fixture('wrong-password-50126.operational.xml').toString('utf8'), { source: 'x' }).flatMap((item) => ('event' in item ? [item.event] : []))[0]!;
    // A secret in any one value, the last included, is found and scrubbed in that value only.
    for (const secret of plantedSecrets) {
      const data = [...event.Data, { Name: 'Planted', Value: `before ${secret.Text} after` }];
      const scrubbed = scrubAadEvent({ ...event, Data: data });
      expect(JSON.stringify(scrubbed), secret.Name).not.toContain(secret.Marker);
      expect(scrubbed.Data.slice(0, -1)).toEqual(event.Data);
      expect(scrubbed.Message).toBe(event.Message);
    }
    // Two values that would make a sign only once joined stay as they are.
    const split = { ...event, Message: 'pwd', Data: [{ Name: 'a', Value: '=Planted1' }, { Name: 'b', Value: 'Bearer' }, { Name: 'c', Value: ' abcdefghijk' }] };
    expect(scrubAadEvent(split)).toBe(split);
  });
});

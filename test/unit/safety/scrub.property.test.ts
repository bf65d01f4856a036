/**
 * Property (issue 12): the scrubber is idempotent and never changes a code, an id or a time,
 * whatever secrets sit next to them (DESIGN §8: "codes, ids and times are never scrubbed").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubDeep, scrubText } from '../../../src/safety/scrub.js';

const hex = (digits: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: digits, maxLength: digits });
const b64url = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: min, maxLength: max });

/** What must survive: status codes, server codes, GUIDs, SIDs, record ids, times, UPNs. */
const kept = fc.oneof(
  hex(8).map((h) => `0x${h}`),
  fc.integer({ min: -0x80000000, max: 0xffffffff }).map(String),
  fc.integer({ min: 10_000, max: 9_999_999 }).map((n) => `AADSTS${n}`),
  fc.uuid({ version: 4 }),
  fc.uuid({ version: 4 }).map((g) => `{${g.toUpperCase()}}`),
  fc.array(fc.integer({ min: 1, max: 4_294_967_295 }), { minLength: 4, maxLength: 4 }).map((parts) => `S-1-5-21-${parts.join('-')}`),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().replace('T', ' ').replace('Z', ' UTC')),
  fc.constantFrom('invalid_grant', 'STATUS_LOGON_FAILURE', 'ERROR_WINHTTP_TIMEOUT', 'maja.kowalska@contoso.com', 'CTS-WS-0512'),
);

/** What must go: JWTs, refresh tokens, cookies, passwords, bearer tokens. */
const secret = fc.oneof(
  fc.tuple(b64url(10, 40), b64url(10, 60), b64url(10, 40)).map(([a, b, c]) => `eyJ${a}.${b}.${c}`),
  b64url(60, 80).map((t) => `0.AXEA${t}`),
  b64url(20, 40).map((t) => `password=${t}`),
  b64url(20, 40).map((t) => `Bearer ${t}`),
  b64url(20, 40).map((t) => `"refresh_token": "${t}"`),
  b64url(20, 40).map((t) => `https://login.microsoftonline.com/common/oauth2/token?prt=${t}`),
);

const sentence = (value: string) => fc.constantFrom(`Status: ${value}.`, `code ${value},`, `(${value})`, `<Data Name='Error'>${value}</Data>`, `"Code": "${value}",`);

/** A text of lines, each either a kept value in a sentence or a secret on its own line. */
const textWithValues = fc
  .array(fc.oneof(kept.chain((value) => sentence(value).map((line) => ({ line, value }))), secret.map((line) => ({ line, value: null }))), { minLength: 1, maxLength: 10 })
  .map((parts) => ({ text: parts.map((p) => p.line).join('\r\n'), values: parts.flatMap((p) => (p.value === null ? [] : [p.value])) }));

describe('the scrubber', () => {
  it('is idempotent: scrubbing a scrubbed text changes nothing', () => {
    fc.assert(
      fc.property(textWithValues, ({ text }) => {
        const once = scrubText(text);
        expect(scrubText(once)).toBe(once);
      }),
      { numRuns: 400 },
    );
  });

  it('never changes a code, an id or a time next to secrets', () => {
    fc.assert(
      fc.property(textWithValues, ({ text, values }) => {
        const scrubbed = scrubText(text);
        for (const value of values) expect(scrubbed).toContain(value);
      }),
      { numRuns: 400 },
    );
  });

  it('removes every secret it is given', () => {
    fc.assert(
      fc.property(textWithValues, secret, ({ text }, planted) => {
        const token = planted.replace(/^(password=|Bearer |"refresh_token": "|https:.*\?prt=)/, '').replace(/"$/, '');
        expect(scrubText(`${text}\r\n${planted}`)).not.toContain(token);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every code, id and time of a JSON-shaped value, member by member', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('AttemptStatus', 'CorrelationId', 'TimeCreated', 'EventRecordID', 'ServerErrorCode'), kept), (document) => {
        expect(scrubDeep(document)).toEqual(document);
        expect(scrubDeep(scrubDeep(document))).toEqual(scrubDeep(document));
      }),
    );
  });
});

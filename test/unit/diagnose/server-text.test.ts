/** The one line a person reads of the server's error description, from the shapes the readers hand over. */
import { describe, expect, it } from 'vitest';
import { fromEvents } from '../../../src/diagnose/attempts.js';
import { serverMessage } from '../../../src/diagnose/server-text.js';
import { buildAttempts } from '../../../src/events/attempts.js';
import { fixtureEvents } from '../events/helpers.js';

describe('serverMessage', () => {
  it('a 1081 read from event XML (its CRLF normalised to LF by the XML reader) gives its first line, without the ids', async () => {
    const [attempt] = buildAttempts(await fixtureEvents('device-auth-failed-50155.xml')).map(fromEvents);
    const description = attempt?.ServerError?.Description ?? null;
    expect(description).toContain('\nTrace ID: ');
    expect(description).not.toContain('\r');
    expect(serverMessage(description)).toBe('AADSTS50155: Device authentication failed.');
  });

  it('the description as Entra ID sends it (CRLF) and as dsregcmd prints it (one line) give the same message', () => {
    const message = 'AADSTS50126: Error validating credentials due to invalid username or password.';
    const ids = ['Trace ID: 0d8a2f5e-1b7c-4e0f-9a31-6c2b7d4e5f01', 'Correlation ID: 9f9f9f9f-1111-4222-8333-444455556666', 'Timestamp: 2026-11-20 09:13:41Z'];
    expect(serverMessage([message, ...ids].join('\r\n'))).toBe(message);
    expect(serverMessage([message, ...ids].join(' '))).toBe(message);
    expect(serverMessage(message)).toBe(message);
  });

  it('no description, or one with nothing before its ids, is no message', () => {
    expect(serverMessage(null)).toBeNull();
    expect(serverMessage(undefined)).toBeNull();
    expect(serverMessage('')).toBeNull();
    expect(serverMessage('\r\nTrace ID: 0d8a2f5e-1b7c-4e0f-9a31-6c2b7d4e5f01')).toBeNull();
  });
});

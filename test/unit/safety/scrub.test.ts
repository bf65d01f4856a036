import { describe, expect, it } from 'vitest';
import { scrubDeep, scrubText } from '../../../src/safety/scrub.js';

const jwt = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFuYSJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtYW5kLW1vcmU';

describe('scrubbing what could be a credential', () => {
  it.each([
    ['a JWT (the PRT cookie, an access token)', `cookie ${jwt} end`],
    ['an OAuth refresh token in a form body', 'grant_type=refresh_token&refresh_token=0.ARwA6Wg4kZX3-very-long-opaque-value&client_id=29d9ed98'],
    ['an authorization code', 'https://login.microsoftonline.com/common/oauth2/nativeclient?code=0.AXoAqh7-AbCdEfGhIjKlMnOpQrStUvWxYz&state=1'],
    ['a JSON access token', '{"token_type":"Bearer","access_token":"abc.def.ghi","expires_in":3599}'],
    ['a SAML assertion', '<s:Body><saml:Assertion ID="_1" IssueInstant="2026"><saml:Subject>ana</saml:Subject></saml:Assertion></s:Body>'],
    ['an escaped SAML assertion in an event message', '&lt;saml:Assertion ID="_1"&gt;secret stuff&lt;/saml:Assertion&gt;'],
    ['a WS-Security password', '<o:UsernameToken><o:Username>ana@contoso.com</o:Username><o:Password Type="#PasswordText">Winter2026!</o:Password></o:UsernameToken>'],
    ['an Authorization header', 'Authorization: Bearer abcdefghijklmnop\r\nHost: x'],
    ['the PRT cookie header', 'x-ms-RefreshTokenCredential: {"refresh_token":"x"}'],
    ['a long encoded blob', `key ${'A'.repeat(300)} end`],
  ])('removes %s', (_what, text) => {
    const scrubbed = scrubText(text);
    expect(scrubbed).toContain('[removed by PrtTools]');
    for (const secret of [jwt, 'ARwA6Wg4kZX3', 'AXoAqh7', 'abc.def.ghi', 'ana</saml:Subject>', 'secret stuff', 'Winter2026!', 'abcdefghijklmnop', '"refresh_token":"x"', 'A'.repeat(300)]) {
      expect(scrubbed).not.toContain(secret);
    }
  });

  it('keeps what support needs: ids, UPNs, codes, URLs, short codes', () => {
    const text = [
      'Correlation ID: 4f8a2c61-d93e-4b07-a5c1-7e60b2d94f18 User Identity : maja.lindqvist@contoso.com',
      'Attempt Status : 0xc000006d  Server Error Code : invalid_grant  AADSTS50126: Error validating credentials',
      'Endpoint URI : https://login.microsoftonline.com/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13/oauth2/token',
      'Thumbprint : 7A0E4C9B2D18F63E5A90C7B1D24E8F06A3B5C92D  error code=0x80072ee7',
    ].join('\n');
    expect(scrubText(text)).toBe(text);
  });

  it('scrubs every string of a document', () => {
    expect(scrubDeep({ A: [{ B: `x ${jwt}` }], C: 3, D: null })).toEqual({ A: [{ B: 'x [removed by PrtTools]' }], C: 3, D: null });
  });
});

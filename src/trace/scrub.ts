/**
 * Removes what could be a credential from text the tool writes (reports, snapshots, the progress
 * log, JSON documents). dsregcmd prints no tokens, but event messages and server replies can echo
 * request bodies, cookies and SOAP envelopes: a JWT (the PRT cookie and access tokens are JWTs), an
 * OAuth code or refresh token, a SAML assertion, a WS-Security password, an Authorization header.
 * Identifiers (device, tenant, correlation ids, UPNs) are not secrets and stay: support needs them.
 */
const removed = '[removed by PrtTools]';

const rules: [RegExp, string | ((...groups: string[]) => string)][] = [
  // JWT / JWS / JWE: base64url header starting {"  (eyJ), two or more dot-separated parts.
  [/\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){0,3}/g, removed],
  // SAML assertions and encrypted data, raw or XML-escaped in an event message.
  [/<((?:[\w-]+:)?(?:Assertion|EncryptedAssertion|EncryptedData|BinarySecurityToken|RequestedProofToken))\b[\s\S]*?<\/\1\s*>/g, (_m, tag) => `<${tag}>${removed}</${tag}>`],
  [/&lt;((?:[\w-]+:)?(?:Assertion|EncryptedAssertion|EncryptedData|BinarySecurityToken|RequestedProofToken))\b[\s\S]*?&lt;\/\1\s*&gt;/g, (_m, tag) => `&lt;${tag}&gt;${removed}&lt;/${tag}&gt;`],
  // WS-Security UsernameToken password and similar elements.
  [/<((?:[\w-]+:)?(?:Password|Nonce|ClientSecret))\b([^>]*)>[^<]*<\/\1\s*>/gi, (_m, tag, attrs) => `<${tag}${attrs}>${removed}</${tag}>`],
  [/&lt;((?:[\w-]+:)?(?:Password|Nonce|ClientSecret))\b((?:(?!&gt;).)*)&gt;(?:(?!&lt;).)*&lt;\/\1\s*&gt;/gi, (_m, tag, attrs) => `&lt;${tag}${attrs}&gt;${removed}&lt;/${tag}&gt;`],
  // HTTP headers that carry credentials.
  [/\b(Authorization|Proxy-Authorization|Cookie|Set-Cookie|x-ms-RefreshTokenCredential|x-ms-DeviceCredential)(\s*[:=]\s*)[^\r\n]+/gi, (_m, name, sep) => `${name}${sep}${removed}`],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/g, `Bearer ${removed}`],
  // Form fields, query strings and JSON members that carry secrets.
  [
    /\b(access_token|refresh_token|id_token|prt|client_secret|client_assertion|assertion|password|passwd|pwd|request_nonce|session_key|code|grant_token)=([^&\s"'<;]+)/gi,
    (match, name, value) => (/^code$/i.test(name) && value.length < 16 ? match : `${name}=${removed}`),
  ],
  [
    /"(access_token|refresh_token|id_token|prt|client_secret|client_assertion|assertion|password|session_key|session_key_jwe|code|tgt_client_key|tgt)"(\s*:\s*)"[^"]*"/gi,
    (_m, name, sep) => `"${name}"${sep}"${removed}"`,
  ],
  // Anything that long and that dense is an encoded blob (key, token, ticket), not an identifier.
  [/[A-Za-z0-9+/_-]{200,}={0,2}/g, removed],
];

export function scrubText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of rules) {
    result = result.replace(pattern, replacement as never);
  }
  return result;
}

/** Scrubs every string inside a JSON-shaped value; returns a new value. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = scrubDeep(item);
    return copy as T;
  }
  return value;
}

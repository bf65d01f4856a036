/**
 * The one scrubber (DESIGN §8): removes what could be a credential from every value the tool
 * writes — status, error, explain, watch, the trace's documents, its bundle files and the AAD logs
 * it exports. dsregcmd prints no tokens, but event messages and server replies can echo request
 * bodies, cookies and SOAP envelopes: a JWT (the PRT cookie and access tokens are JWTs), a refresh
 * token, a SAML assertion, a WS-Security header, a password. It is applied to parsed structures,
 * one string value at a time, and to XML before any markup is taken away, so a SOAP password cannot
 * survive as bare text. The rules match only credential shapes: codes, ids, UPNs and times never
 * match (a test checks that a clean run loses none). A removed value says what it was.
 */
const removed = (what: string) => `[${what} removed]`;

type Rule = [RegExp, string | ((...groups: string[]) => string)];

/** Elements whose whole content is a credential, and what it is called once removed. */
const secretElements: [string, string][] = [
  ['Assertion|EncryptedAssertion', 'saml assertion'],
  ['Security', 'ws-security header'],
  ['UsernameToken', 'username token'],
  ['BinarySecurityToken|RequestedSecurityToken|RequestedProofToken|EncryptedData|EncryptedKey|BinarySecret', 'token'],
  ['Password|Passwd|ClientSecret', 'password'],
  ['Nonce', 'nonce'],
];

function elementRules(): Rule[] {
  const rules: Rule[] = [];
  for (const [names, what] of secretElements) {
    // Raw markup (a SOAP envelope), then the same markup escaped once inside an event's text.
    rules.push([
      new RegExp(`<((?:[\\w.-]+:)?(?:${names}))\\b([^>]*?)(?<!\\/)>[\\s\\S]*?<\\/\\1\\s*>`, 'gi'),
      (_m, tag, attrs) => `<${tag}${attrs}>${removed(what)}</${tag}>`,
    ]);
    rules.push([
      new RegExp(`&lt;((?:[\\w.-]+:)?(?:${names}))\\b((?:(?!&gt;).)*)&gt;[\\s\\S]*?&lt;\\/\\1\\s*&gt;`, 'gi'),
      (_m, tag, attrs) => `&lt;${tag}${attrs}&gt;${removed(what)}&lt;/${tag}&gt;`,
    ]);
  }
  return rules;
}

/** Field names whose value is a secret, in forms, query strings and `key: value` text. */
const secretFields = 'access_token|refresh_token|id_token|client_secret|client_assertion|assertion|password|passwd|pwd|request_nonce|session_key|session_key_jwe|grant_token|tgt_client_key';
/** Also secrets as JSON members and form fields, but too short a word to look for in free text. */
const secretMembers = `${secretFields}|prt|tgt`;
const fieldLabel = (name: string) => (/^(password|passwd|pwd)$/i.test(name) ? 'password' : /secret/i.test(name) ? 'secret' : 'token');
/** Not a value this scrubber already removed: scrubbing twice changes nothing. */
const notRemoved = '(?!\\[[\\w -]+ removed\\])';
/** A value after `=` or `:`: quoted, or up to the next separator. */
const fieldValue = `${notRemoved}("[^"\\r\\n]*"|'[^'\\r\\n]*'|[^\\s&"'<;,]+)`;

const rules: Rule[] = [
  ...elementRules(),
  // JWT / JWS / JWE: a base64url JSON header (`eyJ`), then two to four more dot-separated parts.
  [/\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){0,3}/g, removed('jwt')],
  // Entra ID refresh tokens and authorization codes (`0.AXEA…`, `1.AXoA…`), MSA refresh tokens (`M.C5_…`).
  [/\b[01]\.A[A-Za-z0-9_*.-]{40,}/g, removed('refresh token')],
  [/\bM\.[A-Z0-9]{1,4}_[A-Za-z0-9_!*$.-]{40,}/g, removed('refresh token')],
  // HTTP headers that carry credentials, whatever follows them on the line.
  [/\b(x-ms-RefreshTokenCredential|x-ms-DeviceCredential)(\s*[:=]\s*|"\s*:\s*)[^\r\n]+/gi, (_m, name, sep) => `${name}${sep}${removed('prt cookie')}`],
  [/\b(Authorization|Proxy-Authorization)(\s*[:=]\s*)[^\r\n]+/gi, (_m, name, sep) => `${name}${sep}${removed('credential')}`],
  [/\b(Cookie|Set-Cookie)(\s*:\s*)[^\r\n]+/gi, (_m, name, sep) => `${name}${sep}${removed('cookie')}`],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/g, `Bearer ${removed('token')}`],
  // JSON members (a reply quoted in a message). `code` only in OAuth's lower case: `Code` is ours.
  [new RegExp(`"(${secretMembers})"(\\s*:\\s*)"[^"]*"`, 'gi'), (_m, name, sep) => `"${name}"${sep}"${removed(fieldLabel(name))}"`],
  [/"(code)"(\s*:\s*)"[^"]{16,}"/g, (_m, name, sep) => `"${name}"${sep}"${removed('authorization code')}"`],
  // Forms, query strings, `Password: X`, `password = X`.
  [new RegExp(`\\b(${secretFields})(\\s*[:=]\\s*)${fieldValue}`, 'gi'), (_m, name, sep) => `${name}${sep}${removed(fieldLabel(name))}`],
  [new RegExp(`([?&](?:prt|tgt)=)${notRemoved}([^&\\s"'<]+)`, 'gi'), (_m, name) => `${name}${removed('token')}`],
  [/([?&]code=)([^&\s"'<]{16,})/g, (_m, name) => `${name}${removed('authorization code')}`],
  // Anything that long and that dense is an encoded blob (key, token, ticket), not an identifier.
  [/(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{200,}={0,2}/g, removed('encoded data')],
];

/**
 * Cheap first look: a value with none of these cannot hold anything the rules remove. Kept narrow
 * (no bare `token` or `security`: every AAD event says GetToken and carries `<Security UserID>`),
 * because every event of a gigabyte log passes through it.
 */
const secretSigns = [
  'eyJ[A-Za-z0-9_-]{6}',
  '[01]\\.A[\\w*.-]{40}',
  'M\\.[A-Z0-9]{1,4}_',
  'bearer\\s',
  '(?:authorization|cookie)\\s*[:=]',
  'x-ms-(?:refreshtokencredential|devicecredential)',
  'assertion',
  'wsse:|usernametoken|securitytoken|prooftoken|encrypted(?:data|key)|binarysecret',
  '(?:<|&lt;|:)(?:password|passwd|clientsecret|nonce)\\b',
  '(?:passw\\w*|pwd|secret|_token|session_key\\w*|_nonce|tgt_client_key)["\']?\\s*[:=]',
  '"(?:prt|tgt|code)"\\s*:',
  '[?&](?:prt|tgt|code)=',
].map((sign) => new RegExp(sign, 'i'));
/** Only from the start of a run (the lookbehind): otherwise every position of a long run rescans it. */
const longRun = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{200}/;

/** One alternation would be scanned character by character (10 MB/s); each sign alone is fast. */
export const mightHoldSecret = (text: string) => secretSigns.some((sign) => sign.test(text)) || (text.length >= 200 && longRun.test(text));

export function scrubText(text: string): string {
  if (!mightHoldSecret(text)) return text;
  let result = text;
  for (const [pattern, replacement] of rules) {
    result = result.replace(pattern, replacement as never);
  }
  return result;
}

/** Scrubs every string inside a JSON-shaped value (each value on its own); returns a new value. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return items.map((item) => scrubDeep(item)) as T;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = scrubDeep(item);
    return copy as T;
  }
  return value;
}

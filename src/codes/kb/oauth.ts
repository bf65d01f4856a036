import type { CodeEntry, SourceId } from '../types.js';
import { EV } from './evidence.js';

/**
 * OAuth 2.0 / OpenID Connect error strings, as dsregcmd shows them in `Server Error Code` and
 * event 1081 in its Error field. The AADSTS code in the description tells the precise reason.
 */
type Row = readonly [text: string, meaning: string, source: SourceId];

const ROWS: readonly Row[] = [
  ['invalid_request', 'The request is malformed: a parameter is missing, repeated or invalid.', 'oauth-rfc6749'],
  ['unauthorized_client', 'The client is not allowed to use this grant type or method.', 'oauth-rfc6749'],
  ['access_denied', 'The resource owner or the authorization server denied the request.', 'oauth-rfc6749'],
  ['unsupported_response_type', 'The server does not support this response type.', 'oauth-rfc6749'],
  ['invalid_scope', 'The scope asked for is invalid, unknown or malformed.', 'oauth-rfc6749'],
  ['server_error', 'The authorization server failed unexpectedly.', 'oauth-rfc6749'],
  ['temporarily_unavailable', 'The server is overloaded or in maintenance; retry later.', 'oauth-rfc6749'],
  ['invalid_client', 'Client authentication failed.', 'oauth-rfc6749'],
  ['invalid_grant', 'The grant (credentials, refresh token, code or assertion) was refused as invalid, expired or revoked.', 'oauth-rfc6749'],
  ['unsupported_grant_type', 'The server does not support this grant type.', 'oauth-rfc6749'],
  ['interaction_required', 'The request needs user interaction (for example MFA or consent).', 'oidc-core'],
  ['login_required', 'The user must sign in interactively.', 'oidc-core'],
  ['account_selection_required', 'The user must choose an account.', 'oidc-core'],
  ['consent_required', 'The user must give consent.', 'oidc-core'],
  ['invalid_request_uri', 'The request_uri is invalid.', 'oidc-core'],
  ['invalid_request_object', 'The request object is invalid.', 'oidc-core'],
  ['request_not_supported', 'The request parameter is not supported.', 'oidc-core'],
  ['request_uri_not_supported', 'The request_uri parameter is not supported.', 'oidc-core'],
  ['registration_not_supported', 'The registration parameter is not supported.', 'oidc-core'],
  ['authorization_pending', 'Device-code flow: the user has not finished yet; keep polling.', 'oauth-rfc8628'],
  ['slow_down', 'Device-code flow: poll less often.', 'oauth-rfc8628'],
  ['expired_token', 'Device-code flow: the device code expired.', 'oauth-rfc8628'],
  ['invalid_resource', 'Entra ID: the target resource does not exist or is not configured in the tenant.', 'entra-oauth-errors'],
];

const URLS: Partial<Record<SourceId, string>> = {
  'oauth-rfc6749': 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
  'oidc-core': 'https://openid.net/specs/openid-connect-core-1_0.html#AuthError',
  'oauth-rfc8628': 'https://www.rfc-editor.org/rfc/rfc8628#section-3.5',
  'entra-oauth-errors': 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes#handling-error-codes-in-your-application',
};

const NEXT_STEP = {
  Code: 'AADSTS',
  Kind: 'Catalog' as const,
  Why: 'The error string is only the class; the AADSTS number in the description (dsregcmd Server Error Description, event 1081) is the reason.',
};

export const OAUTH: readonly CodeEntry[] = ROWS.map(([text, meaning, source]) => ({
  Family: 'OAuth',
  Text: text,
  Name: text,
  Summary: meaning,
  Evidence: [EV.dsregServerError, EV.serverError1081],
  Related: [NEXT_STEP],
  DocUrl: URLS[source] ?? null,
  Source: source,
}));

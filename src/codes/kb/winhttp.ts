import type { CodeEntry, SourceId } from '../types.js';

/**
 * The ERROR_WINHTTP_* codes (WINHTTP_ERROR_BASE 12000 + n). Most come from the Error Messages page;
 * the rows marked `header` are only in winhttp.h. Meanings are ours.
 */
type Row = readonly [code: number, name: string, meaning: string, source?: 'header'];

const ROWS: readonly Row[] = [
  [12001, 'ERROR_WINHTTP_OUT_OF_HANDLES', 'Obsolete; no longer returned.'],
  [12002, 'ERROR_WINHTTP_TIMEOUT', 'The request timed out (also when TCP/IP itself times out).'],
  [12004, 'ERROR_WINHTTP_INTERNAL_ERROR', 'WinHTTP hit an internal error.'],
  [12005, 'ERROR_WINHTTP_INVALID_URL', 'The URL is invalid.'],
  [12006, 'ERROR_WINHTTP_UNRECOGNIZED_SCHEME', 'The URL scheme is neither http: nor https:.'],
  [12007, 'ERROR_WINHTTP_NAME_NOT_RESOLVED', 'The server name could not be resolved.'],
  [12009, 'ERROR_WINHTTP_INVALID_OPTION', 'An invalid option value was given to WinHttpQueryOption or WinHttpSetOption.'],
  [12011, 'ERROR_WINHTTP_OPTION_NOT_SETTABLE', 'The option can only be read, not set.'],
  [12012, 'ERROR_WINHTTP_SHUTDOWN', 'WinHTTP support is shutting down or being unloaded.'],
  [12015, 'ERROR_WINHTTP_LOGIN_FAILURE', 'The logon attempt failed; the request handle must be recreated before retrying.'],
  [12017, 'ERROR_WINHTTP_OPERATION_CANCELLED', 'The operation was cancelled, usually because its handle was closed first.'],
  [12018, 'ERROR_WINHTTP_INCORRECT_HANDLE_TYPE', 'The handle is of the wrong type for this operation.'],
  [12019, 'ERROR_WINHTTP_INCORRECT_HANDLE_STATE', 'The handle is not in a state that allows this operation.'],
  [12029, 'ERROR_WINHTTP_CANNOT_CONNECT', 'Connecting to the server failed.'],
  [12030, 'ERROR_WINHTTP_CONNECTION_ERROR', 'The connection was reset or closed, or the SSL/TLS protocol could not be agreed.'],
  [12032, 'ERROR_WINHTTP_RESEND_REQUEST', 'The call failed but may be retried on the same request handle.'],
  [12037, 'ERROR_WINHTTP_SECURE_CERT_DATE_INVALID', 'A certificate is outside its validity period (or the chain\'s periods do not nest).'],
  [12038, 'ERROR_WINHTTP_SECURE_CERT_CN_INVALID', 'The certificate\'s common name does not match the host.'],
  [12044, 'ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED', 'The server asks for a client certificate.'],
  [12045, 'ERROR_WINHTTP_SECURE_INVALID_CA', 'The certificate chain ends in a root that is not trusted.'],
  [12057, 'ERROR_WINHTTP_SECURE_CERT_REV_FAILED', 'Revocation could not be checked because the revocation server was offline.'],
  [12100, 'ERROR_WINHTTP_CANNOT_CALL_BEFORE_OPEN', 'WinHttpRequest: the operation needs Open to be called first.'],
  [12101, 'ERROR_WINHTTP_CANNOT_CALL_BEFORE_SEND', 'WinHttpRequest: the operation needs Send to be called first.'],
  [12102, 'ERROR_WINHTTP_CANNOT_CALL_AFTER_SEND', 'WinHttpRequest: the operation is not allowed after Send.'],
  [12103, 'ERROR_WINHTTP_CANNOT_CALL_AFTER_OPEN', 'WinHttpRequest: the option cannot be requested after Open.'],
  [12150, 'ERROR_WINHTTP_HEADER_NOT_FOUND', 'The requested header is not present.'],
  [12152, 'ERROR_WINHTTP_INVALID_SERVER_RESPONSE', 'Unparseable response from the server.'],
  [12153, 'ERROR_WINHTTP_INVALID_HEADER', 'The header is invalid.', 'header'],
  [12154, 'ERROR_WINHTTP_INVALID_QUERY_REQUEST', 'Obsolete; no longer returned.'],
  [12155, 'ERROR_WINHTTP_HEADER_ALREADY_EXISTS', 'Obsolete; no longer returned.'],
  [12156, 'ERROR_WINHTTP_REDIRECT_FAILED', 'A redirect failed: the scheme changed, or every redirect attempt failed (five by default).'],
  [12157, 'ERROR_WINHTTP_SECURE_CHANNEL_ERROR', 'A secure channel (Schannel, SEC_E_*/SEC_I_*) error occurred.'],
  [12166, 'ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT', 'The proxy auto-configuration (PAC) script failed while running.'],
  [12167, 'ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT', 'The PAC file could not be downloaded (server unreachable or 404).'],
  [12169, 'ERROR_WINHTTP_SECURE_INVALID_CERT', 'A certificate is invalid (wrong role, path length, critical extension, purpose or format).'],
  [12170, 'ERROR_WINHTTP_SECURE_CERT_REVOKED', 'A certificate has been revoked.'],
  [12172, 'ERROR_WINHTTP_NOT_INITIALIZED', 'Obsolete; no longer returned.'],
  [12175, 'ERROR_WINHTTP_SECURE_FAILURE', 'The server\'s SSL/TLS certificate has one or more errors.'],
  [12176, 'ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE', 'Unsupported script type.'],
  [12177, 'ERROR_WINHTTP_SCRIPT_EXECUTION_ERROR', 'Running a script failed.'],
  [12178, 'ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR', 'No proxy could be found for the URL.'],
  [12179, 'ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE', 'The certificate is not valid for the requested usage.'],
  [12180, 'ERROR_WINHTTP_AUTODETECTION_FAILED', 'The URL of the PAC file could not be discovered (WPAD).'],
  [12181, 'ERROR_WINHTTP_HEADER_COUNT_EXCEEDED', 'The response had more headers than WinHTTP accepts.'],
  [12182, 'ERROR_WINHTTP_HEADER_SIZE_OVERFLOW', 'The response headers exceed the size limit of the request handle.'],
  [12183, 'ERROR_WINHTTP_CHUNKED_ENCODING_HEADER_SIZE_OVERFLOW', 'Parsing chunked encoding overflowed.'],
  [12184, 'ERROR_WINHTTP_RESPONSE_DRAIN_OVERFLOW', 'The response exceeds an internal WinHTTP size limit.'],
  [12185, 'ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY', 'The client certificate has no private key (for example imported without it).'],
  [12186, 'ERROR_WINHTTP_CLIENT_CERT_NO_ACCESS_PRIVATE_KEY', 'The caller may not use the client certificate\'s private key.'],
  [12187, 'ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED_PROXY', 'The proxy asks for a client certificate.', 'header'],
  [12188, 'ERROR_WINHTTP_SECURE_FAILURE_PROXY', 'The proxy\'s SSL/TLS certificate has errors.', 'header'],
  [12189, 'ERROR_WINHTTP_RESERVED_189', 'Reserved value.', 'header'],
  [12190, 'ERROR_WINHTTP_HTTP_PROTOCOL_MISMATCH', 'The HTTP protocol version did not match what was expected.', 'header'],
  [12191, 'ERROR_WINHTTP_GLOBAL_CALLBACK_FAILED', 'A global callback failed.', 'header'],
  [12192, 'ERROR_WINHTTP_FEATURE_DISABLED', 'The feature is disabled.', 'header'],
];

/** The numbers WinHTTP owns (WINHTTP_ERROR_BASE + 1 … the last one published). */
export const WINHTTP_FIRST = 12001;
export const WINHTTP_LAST = 12192;

const DOC = 'https://learn.microsoft.com/windows/win32/winhttp/error-messages';

export const WINHTTP: readonly CodeEntry[] = ROWS.map(([code, name, meaning, from]) => {
  const source: SourceId = from === 'header' ? 'winhttp-header' : 'winhttp-error-messages';
  return { Family: 'WinHTTP', Value: code, Name: name, Summary: meaning, DocUrl: DOC, Source: source };
});

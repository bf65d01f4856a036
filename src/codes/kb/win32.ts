import type { CodeEntry } from '../types.js';

/**
 * Win32 error codes that the join and sign-in flows surface (bare, in HRESULT_FROM_WIN32 form, or
 * as the LDAP "data" value of AD binds). The WinHTTP range lives in `winhttp.ts`.
 */
type Row = readonly [code: number, name: string, meaning: string];

const ROWS: readonly Row[] = [
  [5, 'ERROR_ACCESS_DENIED', 'The caller was denied access.'],
  [32, 'ERROR_SHARING_VIOLATION', 'The file is in use by another process (in token broker logs: often a security product holding the broker\'s files).'],
  [13, 'ERROR_INVALID_DATA', 'Invalid data (as E_INVALIDDATA: a response that could not be parsed).'],
  [1312, 'ERROR_NO_SUCH_LOGON_SESSION', 'The logon session does not exist: from the token broker, the caller has no interactive sign-in of its own (a service, SYSTEM, a scheduled task, remoting); in join event 220, often AD replication.'],
  [1317, 'ERROR_NO_SUCH_USER', 'The account does not exist (in join event 220: often AD replication).'],
  [1323, 'ERROR_WRONG_PASSWORD', 'Password change failed: the current password given is wrong.'],
  [1326, 'ERROR_LOGON_FAILURE', 'Unknown user name or bad password.'],
  [1327, 'ERROR_ACCOUNT_RESTRICTION', 'An account restriction prevents the sign-in.'],
  [1328, 'ERROR_INVALID_LOGON_HOURS', 'The account may not sign in at this time.'],
  [1329, 'ERROR_INVALID_WORKSTATION', 'The account may not sign in to this computer.'],
  [1330, 'ERROR_PASSWORD_EXPIRED', 'The password has expired.'],
  [1331, 'ERROR_ACCOUNT_DISABLED', 'The account is disabled.'],
  [1355, 'ERROR_NO_SUCH_DOMAIN', 'The domain is unknown or unreachable.'],
  [1385, 'ERROR_LOGON_TYPE_NOT_GRANTED', 'The user lacks the right for this logon type on this computer.'],
  [1396, 'ERROR_WRONG_TARGET_NAME', 'The target account name (SPN) is wrong.'],
  [1398, 'ERROR_TIME_SKEW', 'The clocks of client and server differ too much.'],
  [1067, 'ERROR_PROCESS_ABORTED', 'The process ended unexpectedly (for the token broker: its plug-in was stopped, often by antivirus or AppLocker).'],
  [1630, 'ERROR_UNSUPPORTED_TYPE', 'Data of this type is not supported (for the token broker: a registry value of the wrong type).'],
  [1907, 'ERROR_PASSWORD_MUST_CHANGE', 'The password must be changed before signing in.'],
  [1909, 'ERROR_ACCOUNT_LOCKED_OUT', 'The account is locked out.'],
  // What an LDAP read of the directory (prt device's collector) fails with off the domain or without a DC.
  [8224, 'ERROR_DS_OPERATIONS_ERROR', 'The directory could not carry out the operation (often: the caller is not signed in to the domain).'],
  [8235, 'ERROR_DS_REFERRAL', 'The directory server referred the request to another server (another domain or forest).'],
  [8250, 'ERROR_DS_SERVER_DOWN', 'No directory server (domain controller) answered.'],
  [9003, 'DNS_ERROR_RCODE_NAME_ERROR', 'DNS has no such name: for a directory bind, no domain of that name can be found (not domain joined, or not on its network).'],
];

const DOC = 'https://learn.microsoft.com/openspecs/windows_protocols/ms-erref/18d8fbe8-a967-4f1c-ae50-99ca8e491d2d';

export const WIN32: readonly CodeEntry[] = ROWS.map(([code, name, meaning]) => ({
  Family: 'Win32', Value: code, Name: name, Summary: meaning, DocUrl: DOC, Source: 'ms-erref-win32',
}));

import type { CodeEntry } from '../types.js';

/**
 * NTSTATUS values admins meet in logon, Kerberos and network failures ([MS-ERREF] 2.3.1). The
 * PRT checklist's own statuses live in `checklist.ts` and merge with these. Meanings are ours.
 */
type Row = readonly [value: number, name: string, meaning: string, causes?: string[], solutions?: string[]];

const DC_TIME = 'Compare the device clock with a domain controller (`w32tm /stripchart /computer:<dc>`), and fix the time source.';

const ROWS: readonly Row[] = [
  [0xc0000001, 'STATUS_UNSUCCESSFUL', 'The operation failed without a more precise status.'],
  [0xc000000d, 'STATUS_INVALID_PARAMETER', 'A parameter given to a service or function was invalid.'],
  [0xc0000022, 'STATUS_ACCESS_DENIED', 'Access to an object was denied.'],
  // The checklist's statuses (richer entries in checklist.ts merge with these).
  [0xc000005f, 'STATUS_NO_SUCH_LOGON_SESSION', 'The logon session does not exist (in the PRT flow: realm discovery failed).'],
  [0xc000006a, 'STATUS_WRONG_PASSWORD', 'The password given is wrong.'],
  [0xc000006d, 'STATUS_LOGON_FAILURE', 'Logon failed: unknown user name or bad password (generic).'],
  [0xc00000be, 'STATUS_BAD_NETWORK_PATH', 'The network path cannot be found.'],
  [0xc00000c4, 'STATUS_UNEXPECTED_NETWORK_ERROR', 'An unexpected network error occurred.'],
  [0xc00000d0, 'STATUS_REQUEST_NOT_ACCEPTED', 'The remote side did not accept the request.'],
  [0xc000023c, 'STATUS_NETWORK_UNREACHABLE', 'The transport cannot reach the remote network.'],
  // Logon and account statuses.
  [0xc000005e, 'STATUS_NO_LOGON_SERVERS', 'No logon server (domain controller) was available to service the logon.',
    ['The device could not find or reach a domain controller (off the corporate network, VPN down, DNS or site issues).'],
    ['Check line of sight to a domain controller: `nltest /dsgetdc:<domain>`; connect the VPN; check DNS.']],
  [0xc0000064, 'STATUS_NO_SUCH_USER', 'The user account does not exist.',
    ['The user name is mistyped, or the account was deleted or has not replicated to this domain controller.'],
    ['Check the account name and its presence in Active Directory (and its replication).']],
  [0xc000006b, 'STATUS_ILL_FORMED_PASSWORD', 'The new password contains characters that are not allowed.'],
  [0xc000006c, 'STATUS_PASSWORD_RESTRICTION', 'The new password does not meet length, complexity or history rules.'],
  [0xc000006e, 'STATUS_ACCOUNT_RESTRICTION', 'An account restriction prevents the logon (for example a blank password or a policy limit).'],
  [0xc000006f, 'STATUS_INVALID_LOGON_HOURS', 'The account may not sign in at this time of day.',
    ['Logon hours are set on the account and now is outside them.'],
    ['Check the account\'s Logon Hours in Active Directory.']],
  [0xc0000070, 'STATUS_INVALID_WORKSTATION', 'The account may not sign in from this computer.',
    ['The account\'s "Log On To" list does not include this device.'],
    ['Check the account\'s allowed workstations (userWorkstations) in Active Directory.']],
  [0xc0000071, 'STATUS_PASSWORD_EXPIRED', 'The account\'s password has expired.',
    ['The password is older than the maximum password age.'],
    ['Have the user change the password (Ctrl+Alt+Del > Change a password) or reset it; on hybrid devices then wait for password sync.']],
  [0xc0000072, 'STATUS_ACCOUNT_DISABLED', 'The account is disabled.',
    ['An administrator disabled the account in Active Directory (or in Entra ID for cloud accounts).'],
    ['Enable the account if the user should have access.']],
  [0xc00000b5, 'STATUS_IO_TIMEOUT', 'An I/O operation timed out.'],
  [0xc00000bb, 'STATUS_NOT_SUPPORTED', 'This request is unsupported.'],
  [0xc00000da, 'STATUS_CANT_ACCESS_DOMAIN_INFO', 'Domain configuration information could not be read (domain controller unavailable or access denied).'],
  [0xc00000df, 'STATUS_NO_SUCH_DOMAIN', 'The domain is unknown or unreachable.'],
  [0xc00000e5, 'STATUS_INTERNAL_ERROR', 'Internal failure.'],
  [0xc000010b, 'STATUS_INVALID_LOGON_TYPE', 'The logon request has an invalid logon type.'],
  [0xc0000133, 'STATUS_TIME_DIFFERENCE_AT_DC', 'The clocks of the device and the domain controller differ too much.',
    ['Time skew between the device and the domain controller breaks Kerberos authentication.'],
    [DC_TIME]],
  [0xc0000155, 'STATUS_LOGON_NOT_GRANTED', 'The user has not been granted the requested logon type on this computer.'],
  [0xc000015b, 'STATUS_LOGON_TYPE_NOT_GRANTED', 'User rights do not grant the requested logon type on this computer.',
    ['A user rights assignment (for example "Allow log on locally") excludes the user, or a "Deny log on" right includes them.'],
    ['Check the user rights assignments applied by Group Policy (`gpresult /h`).']],
  [0xc000018b, 'STATUS_NO_TRUST_SAM_ACCOUNT', 'The domain controller has no computer account for this device\'s trust relationship.'],
  [0xc000018c, 'STATUS_TRUSTED_DOMAIN_FAILURE', 'The trust between the domains failed.'],
  [0xc000018d, 'STATUS_TRUSTED_RELATIONSHIP_FAILURE', 'The secure channel between this device and the domain failed.',
    ['The computer account password differs between device and domain (broken secure channel).'],
    ['Test and repair the secure channel: `Test-ComputerSecureChannel -Repair` (or rejoin the domain).']],
  [0xc0000192, 'STATUS_NETLOGON_NOT_STARTED', 'The Netlogon service is not running.'],
  [0xc0000193, 'STATUS_ACCOUNT_EXPIRED', 'The user account has expired.',
    ['The account\'s expiration date has passed.'],
    ['Extend or clear the account expiration date in Active Directory.']],
  [0xc0000224, 'STATUS_PASSWORD_MUST_CHANGE', 'The user must change the password before the first logon.',
    ['"User must change password at next logon" is set on the account.'],
    ['Have the user change the password at the sign-in screen (or clear the flag), then let it synchronize.']],
  [0xc0000225, 'STATUS_NOT_FOUND', 'No such object.'],
  [0xc0000233, 'STATUS_DOMAIN_CONTROLLER_NOT_FOUND', 'No domain controller could be found for the domain.'],
  [0xc0000234, 'STATUS_ACCOUNT_LOCKED_OUT', 'The account is locked out after too many failed logons.',
    ['Too many wrong passwords, often from an old password still used by a device, a service or a mapped drive.'],
    ['Unlock the account and find the source of the bad passwords (domain controller security events 4740/4625).']],
  [0xc0000236, 'STATUS_CONNECTION_REFUSED', 'The remote system refused the connection.'],
  [0xc000023d, 'STATUS_HOST_UNREACHABLE', 'The remote host cannot be reached.'],
  [0xc0000320, 'STATUS_PKINIT_FAILURE', 'Kerberos PKINIT (smart card or certificate logon) failed.'],
  [0xc0000380, 'STATUS_SMARTCARD_WRONG_PIN', 'A wrong smart card PIN was entered.'],
  [0xc0000381, 'STATUS_SMARTCARD_CARD_BLOCKED', 'The smart card is blocked.'],
  [0xc0000383, 'STATUS_SMARTCARD_NO_CARD', 'No smart card is present.'],
  [0xc0000388, 'STATUS_DOWNGRADE_DETECTED', 'A security downgrade was detected during authentication.'],
  [0xc000038c, 'STATUS_PKINIT_CLIENT_FAILURE', 'Kerberos PKINIT failed on the client side (smart card or certificate logon).'],
  [0xc000038d, 'STATUS_SMARTCARD_CERT_EXPIRED', 'The smart card certificate has expired.'],
  [0xc000040e, 'STATUS_KDC_CERT_EXPIRED', 'The domain controller (KDC) certificate has expired.'],
  [0xc000040f, 'STATUS_KDC_CERT_REVOKED', 'The domain controller (KDC) certificate was revoked.'],
  [0xc0000413, 'STATUS_AUTHENTICATION_FIREWALL_FAILED', 'Selective authentication of a trust does not allow this user on this computer.'],
  // Seen wrapped by HRESULT_FROM_NT in dsregcmd (`ERROR (0xd0020017)`).
  [0xc0020017, 'RPC_NT_SERVER_UNAVAILABLE', 'RPC server not reachable (unavailable).'],
];

const DOC = 'https://learn.microsoft.com/openspecs/windows_protocols/ms-erref/596a1078-e883-4972-9bbc-49e60bebca55';

export const NTSTATUS: readonly CodeEntry[] = ROWS.map(([value, name, meaning, causes, solutions]) => ({
  Family: 'NTSTATUS',
  Value: value,
  Name: name,
  Summary: meaning,
  ...(causes ? { Causes: causes } : {}),
  ...(solutions ? { Solutions: solutions } : {}),
  DocUrl: DOC,
  Source: 'ms-erref-ntstatus',
}));

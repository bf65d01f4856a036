import type { SourceId, SourceNote } from '../types.js';

/**
 * The public documents each table was built from. Facts (numbers, symbolic names) are taken from
 * them; every sentence in the tables is our own wording.
 */
export const SOURCES: Readonly<Record<SourceId, SourceNote>> = {
  'prt-checklist': {
    Id: 'prt-checklist',
    Title: 'Troubleshoot primary refresh token issues on Windows devices (Step 3), and the PRT part of the hybrid join troubleshooting article',
    Url: 'https://learn.microsoft.com/entra/identity/devices/troubleshoot-hybrid-join-windows-current#troubleshoot-post-join-authentication-issues',
    Note: 'All 20 codes of Step 3 (7 STATUS_ codes in 4 groups, 5 AAD_CLOUDAP_E_, WC_E_DTDPROHIBITED, 3 AADSTS, 4 ERROR_WINHTTP_) with causes, fixes and the events that hold the evidence.',
  },
  'aadsts-reference': {
    Id: 'aadsts-reference',
    Title: 'Microsoft Entra authentication and authorization error codes',
    Url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
    Note: 'Union of three published versions of the AADSTS table (2024-04 and later, 2025-02). Symbolic names as printed; entries without one keep Name=null.',
  },
  'winhttp-error-messages': {
    Id: 'winhttp-error-messages',
    Title: 'Error Messages (Winhttp.h)',
    Url: 'https://learn.microsoft.com/windows/win32/winhttp/error-messages',
    Note: '48 distinct ERROR_WINHTTP_* names; two of them are printed there without a number (12185, 12186: numbers from winhttp.h).',
  },
  'winhttp-header': {
    Id: 'winhttp-header',
    Title: 'winhttp.h, as published in the Windows SDK metadata (windows-sys crate, Win32::Networking::WinHttp)',
    Url: 'https://docs.rs/windows-sys/latest/windows_sys/Win32/Networking/WinHttp/index.html',
    Note: '55 ERROR_WINHTTP_* constants; 7 of them are not on the Error Messages page.',
  },
  'web-provider-error': {
    Id: 'web-provider-error',
    Title: 'WebProviderError.ErrorCode Property (Windows.Security.Authentication.Web.Core)',
    Url: 'https://learn.microsoft.com/uwp/api/windows.security.authentication.web.core.webprovidererror.errorcode',
    Note: 'The token broker / ADAL code tables: HTTP, INET, Internet, and ADAL groups (0x?AA1…0x?AAA).',
  },
  'esr-troubleshooting': {
    Id: 'esr-troubleshooting',
    Title: 'Troubleshooting Enterprise State Roaming settings in Microsoft Entra ID',
    Url: 'https://learn.microsoft.com/entra/identity/devices/enterprise-state-roaming-troubleshooting',
    Note: 'Only source found for 0xCAA5001C (event 1098, token broker operation failed); no symbolic name is published.',
  },
  'hybrid-join-troubleshooting': {
    Id: 'hybrid-join-troubleshooting',
    Title: 'Troubleshoot Microsoft Entra hybrid joined devices',
    Url: 'https://learn.microsoft.com/entra/identity/devices/troubleshoot-hybrid-join-windows-current',
    Note: 'Every code of the join-failure tables: DSREG_*, ERROR_ADAL_*, WININET_E_*, TPM and NTE codes, and the DRS server error strings.',
  },
  'ms-erref-ntstatus': {
    Id: 'ms-erref-ntstatus',
    Title: '[MS-ERREF] 2.3.1 NTSTATUS Values',
    Url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-erref/596a1078-e883-4972-9bbc-49e60bebca55',
    Note: 'A hand-picked set of logon, account and network statuses admins meet; values cross-checked against Wine include/ntstatus.h.',
  },
  'ms-erref-win32': {
    Id: 'ms-erref-win32',
    Title: '[MS-ERREF] 2.2 Win32 Error Codes',
    Url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-erref/18d8fbe8-a967-4f1c-ae50-99ca8e491d2d',
    Note: 'Only the Win32 logon/account codes that the PRT and join flows surface.',
  },
  'oauth-rfc6749': {
    Id: 'oauth-rfc6749',
    Title: 'RFC 6749 The OAuth 2.0 Authorization Framework, sections 4.1.2.1 and 5.2',
    Url: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
    Note: 'Error strings of the authorization and token endpoints.',
  },
  'oidc-core': {
    Id: 'oidc-core',
    Title: 'OpenID Connect Core 1.0, section 3.1.2.6',
    Url: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthError',
    Note: 'Error strings added by OpenID Connect.',
  },
  'oauth-rfc8628': {
    Id: 'oauth-rfc8628',
    Title: 'RFC 8628 OAuth 2.0 Device Authorization Grant, section 3.5',
    Url: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.5',
    Note: 'Device-code polling errors.',
  },
  'entra-oauth-errors': {
    Id: 'entra-oauth-errors',
    Title: 'Microsoft Entra authentication and authorization error codes: the error field',
    Url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes#handling-error-codes-in-your-application',
    Note: 'Entra-specific additions to the OAuth error strings (invalid_resource).',
  },
  'adfs-messages': {
    Id: 'adfs-messages',
    Title: 'AD FS MSIS messages quoted in Microsoft support articles and AD FS events',
    Url: 'https://learn.microsoft.com/troubleshoot/windows-server/active-directory/adfs-error-401-requested-resource-requires-authentication',
    Note: 'No public catalog of MSIS codes was found: only codes seen with their message in public AD FS event texts, support articles and Q&A (found with the search tool) are listed: MSIS0038, 3126, 3127, 3173, 5007, 5009, 7000, 7007, 7012, 7042, 7065, 7068, 7093, 7102, 7612, 9622, 9682.',
  },
  'wif-messages': {
    Id: 'wif-messages',
    Title: 'Windows Identity Foundation (System.IdentityModel) IDnnnn messages, as AD FS returns them in WS-Trust SOAP faults',
    Url: 'https://learn.microsoft.com/dotnet/api/system.identitymodel.tokens.securitytokenexception',
    Note: 'Microsoft publishes no table of the IDnnnn codes; each code listed here was found quoted with its message in public AD FS and WIF troubleshooting material (vendor guides, Q&A, code comments) through the search tool: ID3242, ID3082, ID4037, ID1038, ID4175.',
  },
  'tpm-error-codes': {
    Id: 'tpm-error-codes',
    Title: 'winerror.h TPM codes (TPM_E_*, TPM_20_E_*, TBS_E_*, TPM_E_PCP_*), as listed in COM Error Codes (TPM, PLA, FVE)',
    Url: 'https://learn.microsoft.com/windows/win32/com/com-error-codes-6',
    Note: 'Values and names cross-checked against the TPM table of google/go-attest (attest/pcp_windows.go) and the hybrid join article; Every TPM_E_*, TPM_20_E_* and TBS_E_* name is checked against the Windows SDK winerror.h by a unit test (mingw-w64 10 has no TPM_E_* definitions). TPM 2.0 codes are 0x80280000 plus the TPM_RC value of the TPM 2.0 specification, part 2.',
  },
  'nte-error-codes': {
    Id: 'nte-error-codes',
    Title: 'winerror.h NTE_* codes (CryptoAPI / CNG key storage)',
    Url: 'https://learn.microsoft.com/windows/win32/seccrypto/common-hresult-values',
    Note: 'Every NTE_* value is checked against the winerror.h of mingw-w64 and of the Windows SDK by a unit test that parses the headers.',
  },
  'mdm-aadj-errors': {
    Id: 'mdm-aadj-errors',
    Title: 'Azure AD integration with MDM: error codes (the DSREG_E_* codes shown during Entra join)',
    Url: 'https://learn.microsoft.com/windows/client-management/azure-active-directory-integration-with-mdm',
    Note: 'The error-code table of the page: 0x801c0001-0x801c0014 with their DSREG_E_* names and the message shown to the user.',
  },
  'entra-kerberos-hybrid-join': {
    Id: 'entra-kerberos-hybrid-join',
    Title: 'Microsoft Entra hybrid join using Microsoft Entra Kerberos: Kerberos errors',
    Url: 'https://learn.microsoft.com/entra/identity/devices/how-to-hybrid-join-using-microsoft-entra-kerberos',
    Note: 'The Kerberos error table of the page: DSREG_TOKEN_MISSING_ON_PREM_ID and three SEC_E_* codes (SEC_E values also checked against winerror.h).',
  },
  'aad-event-text': {
    Id: 'aad-event-text',
    Title: 'Message texts of real Microsoft-Windows-AAD/Operational events quoted in public troubleshooting notes',
    Url: 'https://learn.microsoft.com/uwp/api/windows.security.authentication.web.core.webprovidererror.errorcode',
    Note: 'Codes missing from the WebProviderError tables (the URL is that catalog, which does not list them) but seen with their message in real event text: 0xCAA5011E "A token task failed with an exception" (event 1098 AdditionalInformation); and the TPM status 0xC028008B shown with the TPM 2.0 message for TPM_RC_HANDLE. Found through the search tool in a public mirror of Microsoft support notes.',
  },
  'intune-windows-enrollment-errors': {
    Id: 'intune-windows-enrollment-errors',
    Title: 'Troubleshoot Windows device enrollment problems in Microsoft Intune',
    Url: 'https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-windows-enrollment-errors',
    Note: 'Causes and fixes of 0x80180003, 0x8018000a, 0x80180014, 0x80180026 and of event 76 with 0x8018002b (automatic enrolment). Names from the Windows SDK winerror.h (header oracle test); 0x80180026 also from MDM Registration Error Values (blocked by Group Policy or SetManagedExternally). Found with the search tool.',
  },
  'comanage-enrollment-errors': {
    Id: 'comanage-enrollment-errors',
    Title: 'Monitor co-management (Configuration Manager): the enrollment errors table',
    Url: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-monitor#enrollment-errors',
    Note: '0x80180018 (user licence in a state that blocks enrolment), 0x8018002b (automatic enrolment before the Entra configuration is applied; transient) and 0x80180005 (management server failure). The page names 0x8018002b MENROLL_E_MDM_NOT_CONFIGURED, but winerror.h gives that name to 0x80180031 and none to 0x8018002b, so the entry has no name; it spells 0x80180018 MENROLL_E_USERLICENSE where winerror.h has MENROLL_E_USER_LICENSE.',
  },
  'autopilot-profiles': {
    Id: 'autopilot-profiles',
    Title: 'Configure Windows Autopilot profiles: Allow pre-provisioned deployment',
    Url: 'https://learn.microsoft.com/autopilot/profiles',
    Note: 'Pre-provisioning started on a device whose profile does not allow it fails with 0x80180005; the co-management errors table adds the server-side reading of the same code.',
  },
};

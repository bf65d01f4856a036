/**
 * The capture `prt status --sample` shows: `dsregcmd /status` on a hybrid Azure AD joined
 * Windows 10 22H2 device (fictitious Contoso data) whose user's password no longer matches Entra ID.
 * AzureAdPrt is NO and the AcquirePrtDiagnostics block carries 0xc000006d with AADSTS50126; the
 * EnterprisePrt from AD FS is still there but was last renewed eight days before the capture's
 * Client Time (2026-11-20 09:14:03 UTC). Laid out like a real capture (right-aligned labels,
 * boxed sections, the closing aadjerrors line; trailing spaces dropped) so that the sample goes
 * through the same parser as a user's file.
 */
export const hybridWrongPasswordSample: string = `
+----------------------------------------------------------------------+
| Device State                                                         |
+----------------------------------------------------------------------+

             AzureAdJoined : YES
          EnterpriseJoined : NO
              DomainJoined : YES
                DomainName : CONTOSO
           Virtual Desktop : NOT SET
               Device Name : CTS-WS-0421.corp.contoso.com

+----------------------------------------------------------------------+
| Device Details                                                       |
+----------------------------------------------------------------------+

                  DeviceId : 3d7b5e09-c14a-4f82-9b6d-e0a2f58c1d73
                Thumbprint : 7A0E4C9B2D18F63E5A90C7B1D24E8F06A3B5C92D
 DeviceCertificateValidity : [ 2024-02-06 10:12:44.000 UTC -- 2034-02-06 10:42:44.000 UTC ]
            KeyContainerId : 9c2f61d8-0a5e-4b37-8d14-f7b3e20a6c95
               KeyProvider : Microsoft Platform Crypto Provider
              TpmProtected : YES
          DeviceAuthStatus : SUCCESS

+----------------------------------------------------------------------+
| Tenant Details                                                       |
+----------------------------------------------------------------------+

                TenantName : Contoso
                  TenantId : 5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13
               AuthCodeUrl : https://login.microsoftonline.com/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13/oauth2/authorize
            AccessTokenUrl : https://login.microsoftonline.com/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13/oauth2/token
                    MdmUrl : https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc
                 MdmTouUrl : https://portal.manage.microsoft.com/TermsofUse.aspx
          MdmComplianceUrl : https://portal.manage.microsoft.com/?portalAction=Compliance
               SettingsUrl :
            JoinSrvVersion : 2.0
                JoinSrvUrl : https://enterpriseregistration.windows.net/EnrollmentServer/device/
                 JoinSrvId : urn:ms-drs:enterpriseregistration.windows.net
             KeySrvVersion : 1.0
                 KeySrvUrl : https://enterpriseregistration.windows.net/EnrollmentServer/key/
                  KeySrvId : urn:ms-drs:enterpriseregistration.windows.net
        WebAuthNSrvVersion : 1.0
            WebAuthNSrvUrl : https://enterpriseregistration.windows.net/webauthn/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13/
             WebAuthNSrvId : urn:ms-drs:enterpriseregistration.windows.net
    DeviceManagementSrvVer : 1.0
    DeviceManagementSrvUrl : https://enterpriseregistration.windows.net/manage/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13/
     DeviceManagementSrvId : urn:ms-drs:enterpriseregistration.windows.net

+----------------------------------------------------------------------+
| User State                                                           |
+----------------------------------------------------------------------+

                    NgcSet : NO
           WorkplaceJoined : NO
             WamDefaultSet : YES
       WamDefaultAuthority : organizations
              WamDefaultId : https://login.microsoft.com
            WamDefaultGUID : {B16898C6-A148-4967-9171-64D755DA8520} (AzureAd)

+----------------------------------------------------------------------+
| SSO State                                                            |
+----------------------------------------------------------------------+

                AzureAdPrt : NO
       AzureAdPrtAuthority : https://login.microsoftonline.com/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13
     AcquirePrtDiagnostics : PRESENT
      Previous Prt Attempt : 2026-11-20 09:13:41.127 UTC
            Attempt Status : 0xc000006d
             User Identity : maja.lindqvist@contoso.com
           Credential Type : Password
            Correlation ID : 4f8a2c61-d93e-4b07-a5c1-7e60b2d94f18
              Endpoint URI : https://login.microsoftonline.com/5f3c9a21-7d4e-4b8a-9c61-2e0f8d4a7b13/oauth2/token
               HTTP Method : POST
                HTTP Error : 0x0
               HTTP status : 400
         Server Error Code : invalid_grant
  Server Error Description : AADSTS50126: Entra ID could not confirm the credentials: the user name or the password is wrong. Trace ID: c27e9b40-5a13-4d86-b0f2-19e4a7d63c00 Correlation ID: 4f8a2c61-d93e-4b07-a5c1-7e60b2d94f18 Timestamp: 2026-11-20 09:13:41Z
             EnterprisePrt : YES
   EnterprisePrtUpdateTime : 2026-11-12 07:41:19.000 UTC
   EnterprisePrtExpiryTime : 2026-11-26 07:41:18.000 UTC
    EnterprisePrtAuthority : https://sts.contoso.com:443/adfs

+----------------------------------------------------------------------+
| Diagnostic Data                                                      |
+----------------------------------------------------------------------+

        AadRecoveryEnabled : NO
    Executing Account Name : CONTOSO\\m.lindqvist, maja.lindqvist@contoso.com
               KeySignTest : PASSED
               Client Time : 2026-11-20 09:14:03.000 UTC

        DisplayNameUpdated : YES
          OsVersionUpdated : YES
           HostNameUpdated : YES

      Last HostName Update : NONE

+----------------------------------------------------------------------+
| IE Proxy Config for Current User                                     |
+----------------------------------------------------------------------+

      Auto Detect Settings : YES
    Auto-Configuration URL :
         Proxy Server List :
         Proxy Bypass List :

+----------------------------------------------------------------------+
| IE Proxy Config for System Account                                   |
+----------------------------------------------------------------------+

      Auto Detect Settings : NO
    Auto-Configuration URL :
         Proxy Server List :
         Proxy Bypass List :

+----------------------------------------------------------------------+
| WinHttp Default Proxy Config                                         |
+----------------------------------------------------------------------+

               Access Type : DIRECT

+----------------------------------------------------------------------+
| Ngc Prerequisite Check                                               |
+----------------------------------------------------------------------+

            IsDeviceJoined : YES
             IsUserAzureAD : YES
             PolicyEnabled : YES
          PostLogonEnabled : YES
            DeviceEligible : YES
        SessionIsNotRemote : YES
            CertEnrollment : none
              PreReqResult : WillProvision

For more information, please visit https://www.microsoft.com/aadjerrors
`;

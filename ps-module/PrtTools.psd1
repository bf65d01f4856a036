#
# Module manifest for PrtTools: Primary Refresh Token diagnostics for Entra ID joined devices.
# The cmdlets are thin wrappers around bin/prt.exe (bin/prt off Windows), which does the work.
# ModuleVersion is stamped by the build (npm run build); 0.0.0 means "a source checkout".
#
@{
    RootModule           = 'PrtTools.psm1'
    ModuleVersion        = '0.0.0'
    GUID                 = 'd38bd216-64b6-4264-97a7-f302a90157c2'
    Author               = 'PrtTools contributors'
    CompanyName          = 'PrtTools'
    Copyright            = '(c) PrtTools contributors. MIT License.'
    Description          = 'Diagnoses Primary Refresh Token (PRT) problems on Entra ID (Azure AD) joined and hybrid joined Windows devices: reads dsregcmd /status live or from captures users sent, and returns objects with the health of the PRT, findings and next steps.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('PrtTools.Format.ps1xml')
    TypesToProcess       = @('PrtTools.Types.ps1xml')

    # One entry per file in Public/.
    FunctionsToExport    = @(
        'Get-PrtStatus'
        'Get-PrtError'
        'Test-PrtHealth'
        'Get-PrtFleetSummary'
        'Start-PrtTrace'
        'Stop-PrtTrace'
        'Get-PrtTraceStatus'
        'Protect-PrtBundle'
        'Test-PrtConnectivity'
        'Get-PrtDeviceCheck'
        'Invoke-PrtDoctor'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('PRT', 'PrimaryRefreshToken', 'EntraID', 'AzureAD', 'dsregcmd', 'SSO', 'Troubleshooting', 'Diagnostics', 'Intune', 'Windows', 'Linux', 'PSEdition_Desktop', 'PSEdition_Core')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'Get-PrtStatus: the PRT health of a device, live or from dsregcmd /status captures, also on many devices (-ComputerName, -Session, -HostName). Get-PrtError -Code: explains error codes. Test-PrtHealth: $true/$false for scripts and Intune detection. Get-PrtFleetSummary: health counts and the most frequent codes of many devices. Packages: a zip and a nupkg per platform (the Linux nupkg is the prerelease -linux), prt.exe with its own version information, optional Authenticode signing, third-party notices, and an install/uninstall/detection kit for Intune and Configuration Manager in Examples.'
        }
    }
}

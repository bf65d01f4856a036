# Prints the module manifest's package metadata as JSON, for scripts/package/package.mjs (the
# nuspec) and scripts/build/version-info.mjs (the exe's CompanyName and copyright). Read by
# PowerShell itself: a .psd1 is PowerShell data, not something to parse with patterns.
# Usage: pwsh -NoProfile -File scripts/package/module-metadata.ps1 <path to .psd1>
param(
    [Parameter(Mandatory)]
    [string] $ManifestPath
)
$ErrorActionPreference = 'Stop'
$manifest = Import-PowerShellDataFile -LiteralPath $ManifestPath
$psData = @{}
if ($manifest.PrivateData -and $manifest.PrivateData.PSData) { $psData = $manifest.PrivateData.PSData }
[ordered]@{
    Name                     = [System.IO.Path]::GetFileNameWithoutExtension($ManifestPath)
    ModuleVersion            = $manifest.ModuleVersion
    Author                   = $manifest.Author
    CompanyName              = $manifest.CompanyName
    Copyright                = $manifest.Copyright
    Description              = $manifest.Description
    Tags                     = @($psData.Tags)
    LicenseUri               = $psData.LicenseUri
    ProjectUri               = $psData.ProjectUri
    IconUri                  = $psData.IconUri
    ReleaseNotes             = $psData.ReleaseNotes
    RequireLicenseAcceptance = [bool]$psData.RequireLicenseAcceptance
} | ConvertTo-Json -Compress

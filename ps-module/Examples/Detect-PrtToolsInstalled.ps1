<#
.SYNOPSIS
    Detection rule for the PrtTools Win32 app (Intune) or application (Configuration Manager):
    is this version of the module installed for all users?

.DESCRIPTION
    Installed means: <ModuleRoot>\PrtTools\<RequiredVersion>\PrtTools.psd1 says that version and
    the exe this system runs is in its bin folder. Then the script prints one line and exits 0,
    which both Intune and Configuration Manager read as "detected". Otherwise it prints nothing
    and exits 0: "not detected" (a non-zero exit would be a failed detection to ConfigMgr).

    The build writes the package's version into RequiredVersion: upload the copy from the
    package, since Intune and ConfigMgr run detection scripts without parameters. '0.0.0' (a
    source checkout) accepts any version.

.PARAMETER RequiredVersion
    The version that must be there.

.PARAMETER ModuleRoot
    The all-users module folder. Default: C:\Program Files\WindowsPowerShell\Modules on Windows
    (also when run as a 32-bit process), /usr/local/share/powershell/Modules elsewhere.
#>
[CmdletBinding()]
param(
    [string] $RequiredVersion = '0.0.0',

    [string] $ModuleRoot
)

$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
if (-not $ModuleRoot) {
    if ($onWindows) {
        $programFiles = $env:ProgramW6432
        if (-not $programFiles) { $programFiles = $env:ProgramFiles }
        $ModuleRoot = Join-Path -Path $programFiles -ChildPath 'WindowsPowerShell\Modules'
    } else {
        $ModuleRoot = '/usr/local/share/powershell/Modules'
    }
}
$exeName = if ($onWindows) { 'prt.exe' } else { 'prt' }

$moduleFolder = Join-Path -Path $ModuleRoot -ChildPath 'PrtTools'
$candidates = @()
if ($RequiredVersion -eq '0.0.0') {
    if (Test-Path -LiteralPath $moduleFolder) { $candidates = @(Get-ChildItem -LiteralPath $moduleFolder -Directory | ForEach-Object { $_.FullName }) }
} else {
    $candidates = @(Join-Path -Path $moduleFolder -ChildPath $RequiredVersion)
}

foreach ($folder in $candidates) {
    $manifestPath = Join-Path -Path $folder -ChildPath 'PrtTools.psd1'
    $exePath = Join-Path -Path (Join-Path -Path $folder -ChildPath 'bin') -ChildPath $exeName
    if (-not (Test-Path -LiteralPath $manifestPath) -or -not (Test-Path -LiteralPath $exePath)) { continue }
    try {
        $found = [string](Import-PowerShellDataFile -LiteralPath $manifestPath).ModuleVersion
    } catch {
        continue
    }
    if ($found -eq (Split-Path -Leaf $folder) -and ($RequiredVersion -eq '0.0.0' -or $found -eq $RequiredVersion)) {
        Write-Output "PrtTools $found is installed at $folder"
        exit 0
    }
}
exit 0

<#
.SYNOPSIS
    Removes the PrtTools module installed for all users by Install-PrtTools.ps1.

.DESCRIPTION
    Removes <ModuleRoot>\PrtTools\<version>\: the version this script is part of (its module's
    PrtTools.psd1), the one given with -Version, or every version with -AllVersions. The PrtTools
    folder goes too once it is empty. Nothing to remove is a success. Every step is appended to
    a log file; exit code 0 removed (or not there), 1 failed.

.PARAMETER Version
    The version to remove. Default: the version of the module this script belongs to.

.PARAMETER AllVersions
    Removes every installed version of PrtTools.

.PARAMETER ModuleRoot
    The all-users module folder. Default: C:\Program Files\WindowsPowerShell\Modules on Windows,
    /usr/local/share/powershell/Modules elsewhere.

.PARAMETER LogPath
    The log file. Default: %ProgramData%\PrtTools\Logs\Uninstall-PrtTools.log on Windows,
    /var/log/prttools/Uninstall-PrtTools.log elsewhere.

.EXAMPLE
    PS C:\> powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\PrtTools\Examples\Uninstall-PrtTools.ps1

    The Intune uninstall command: removes the version the Win32 app installed.
#>
[CmdletBinding(DefaultParameterSetName = 'One')]
param(
    [Parameter(ParameterSetName = 'One')]
    [version] $Version,

    [Parameter(ParameterSetName = 'All', Mandatory)]
    [switch] $AllVersions,

    [string] $ModuleRoot,

    [string] $LogPath
)

$ErrorActionPreference = 'Stop'
$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
$moduleName = 'PrtTools'

if (-not $ModuleRoot) {
    if ($onWindows) {
        # ProgramW6432 is the 64-bit Program Files, also seen from a 32-bit process (Intune's agent).
        $programFiles = $env:ProgramW6432
        if (-not $programFiles) { $programFiles = $env:ProgramFiles }
        $ModuleRoot = Join-Path -Path $programFiles -ChildPath 'WindowsPowerShell\Modules'
    } else {
        $ModuleRoot = '/usr/local/share/powershell/Modules'
    }
}
if (-not $LogPath) {
    if ($onWindows) {
        $LogPath = Join-Path -Path $env:ProgramData -ChildPath 'PrtTools\Logs\Uninstall-PrtTools.log'
    } else {
        $LogPath = '/var/log/prttools/Uninstall-PrtTools.log'
    }
}

function Write-UninstallLog {
    param([string] $Message)
    $logFolder = Split-Path -Parent $LogPath
    if ($logFolder -and -not (Test-Path -LiteralPath $logFolder)) {
        [void](New-Item -ItemType Directory -Path $logFolder -Force)
    }
    $line = '{0} {1}' -f [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture), $Message
    Add-Content -LiteralPath $LogPath -Value $line -Encoding UTF8
    Write-Verbose -Message $Message
}

try {
    Write-UninstallLog "Uninstall-PrtTools started by $([System.Environment]::UserName) on $([System.Environment]::MachineName): module root '$ModuleRoot'"
    $moduleFolder = Join-Path -Path $ModuleRoot -ChildPath $moduleName
    if (-not $AllVersions -and -not $Version) {
        $ownManifest = Join-Path -Path (Split-Path -Parent $PSScriptRoot) -ChildPath "$moduleName.psd1"
        if (-not (Test-Path -LiteralPath $ownManifest)) { throw "No -Version given and no $moduleName.psd1 next to this script's folder: say which version to remove, or -AllVersions." }
        $Version = [version](Import-PowerShellDataFile -LiteralPath $ownManifest).ModuleVersion
    }

    $targets = @()
    if (Test-Path -LiteralPath $moduleFolder) {
        foreach ($folder in Get-ChildItem -LiteralPath $moduleFolder -Directory -Force) {
            $installed = $null
            if (-not [version]::TryParse($folder.Name, [ref]$installed)) { continue }
            if ($AllVersions -or $installed -eq $Version) { $targets += $folder.FullName }
        }
    }
    if ($targets.Count -eq 0) {
        $what = if ($AllVersions) { 'no version' } else { "version $Version" }
        Write-UninstallLog "PrtTools $what is not installed under '$moduleFolder': nothing to remove"
    }
    foreach ($target in $targets) {
        Remove-Item -LiteralPath $target -Recurse -Force
        Write-UninstallLog "Removed '$target'"
    }
    if ((Test-Path -LiteralPath $moduleFolder) -and -not (Get-ChildItem -LiteralPath $moduleFolder -Force)) {
        Remove-Item -LiteralPath $moduleFolder -Force
        Write-UninstallLog "Removed the empty '$moduleFolder'"
    }
    Write-UninstallLog 'Uninstall-PrtTools finished: exit code 0'
    exit 0
} catch {
    $message = "Uninstall-PrtTools failed: $($_.Exception.Message)"
    try { Write-UninstallLog $message } catch { Write-Warning -Message "Could not write the log '$LogPath': $($_.Exception.Message)" }
    Write-Error -Message $message -ErrorAction Continue
    exit 1
}

<#
.SYNOPSIS
    Installs the PrtTools module for all users of this machine: for an Intune Win32 app, a
    Configuration Manager application, or by hand.

.DESCRIPTION
    Copies a PrtTools module (by default the one this script is part of: the folder above
    Examples) to <ModuleRoot>\PrtTools\<version>\, where Windows PowerShell 5.1 and PowerShell 7
    both find it. Run it again and nothing changes when that version is already there with the
    same files; a damaged or partial copy is replaced. The copy goes to a temporary folder next
    to the target first and is renamed into place, so a failure never leaves half a module.

    Every step is appended to a log file. The exit code is what Intune and Configuration Manager
    read: 0 installed (or already there), 1 failed (the log and the error say why).

    Intune's agent is a 32-bit process, so a plain "powershell.exe" install command runs 32-bit
    PowerShell, whose Program Files is "Program Files (x86)". This script installs into the 64-bit
    Program Files in either case.

.PARAMETER SourcePath
    The module to install: a folder holding PrtTools.psd1 (or a PrtTools subfolder), or a
    PrtTools-<version>-win-x64.zip. Default: the module this script belongs to.

.PARAMETER ModuleRoot
    The all-users module folder. Default: C:\Program Files\WindowsPowerShell\Modules on Windows,
    /usr/local/share/powershell/Modules elsewhere.

.PARAMETER RemoveOlderVersions
    Also removes every older version of PrtTools from ModuleRoot (newer ones stay).

.PARAMETER LogPath
    The log file. Default: %ProgramData%\PrtTools\Logs\Install-PrtTools.log on Windows,
    /var/log/prttools/Install-PrtTools.log elsewhere.

.EXAMPLE
    PS C:\> powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\PrtTools\Examples\Install-PrtTools.ps1 -RemoveOlderVersions

    The Intune install command, run from the folder the win-x64 zip was extracted to.
#>
[CmdletBinding()]
param(
    [string] $SourcePath,

    [string] $ModuleRoot,

    [switch] $RemoveOlderVersions,

    [string] $LogPath
)

$ErrorActionPreference = 'Stop'
$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
$moduleName = 'PrtTools'

if (-not $SourcePath) { $SourcePath = Split-Path -Parent $PSScriptRoot }
if (-not $ModuleRoot) {
    if ($onWindows) {
        # ProgramW6432 is the 64-bit Program Files, also seen from a 32-bit process.
        $programFiles = $env:ProgramW6432
        if (-not $programFiles) { $programFiles = $env:ProgramFiles }
        $ModuleRoot = Join-Path -Path $programFiles -ChildPath 'WindowsPowerShell\Modules'
    } else {
        $ModuleRoot = '/usr/local/share/powershell/Modules'
    }
}
if (-not $LogPath) {
    if ($onWindows) {
        $LogPath = Join-Path -Path $env:ProgramData -ChildPath 'PrtTools\Logs\Install-PrtTools.log'
    } else {
        $LogPath = '/var/log/prttools/Install-PrtTools.log'
    }
}

function Write-InstallLog {
    param([string] $Message)
    $logFolder = Split-Path -Parent $LogPath
    if ($logFolder -and -not (Test-Path -LiteralPath $logFolder)) {
        [void](New-Item -ItemType Directory -Path $logFolder -Force)
    }
    $line = '{0} {1}' -f [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture), $Message
    Add-Content -LiteralPath $LogPath -Value $line -Encoding UTF8
    Write-Verbose -Message $Message
}

# Relative path -> SHA-256 of every file under a folder: "the same files" means the same bytes.
function Get-FolderDigest {
    param([string] $Path)
    $digest = @{}
    $root = (Resolve-Path -LiteralPath $Path).ProviderPath.TrimEnd('\', '/')
    foreach ($file in Get-ChildItem -LiteralPath $root -Recurse -File -Force) {
        $relative = $file.FullName.Substring($root.Length + 1).Replace('\', '/')
        $digest[$relative] = (Get-FileHash -LiteralPath $file.FullName -Algorithm SHA256).Hash
    }
    return $digest
}

function Test-SameFolder {
    param([string] $Left, [string] $Right)
    $a = Get-FolderDigest -Path $Left
    $b = Get-FolderDigest -Path $Right
    if ($a.Count -ne $b.Count) { return $false }
    foreach ($key in $a.Keys) {
        if (-not $b.ContainsKey($key) -or $b[$key] -ne $a[$key]) { return $false }
    }
    return $true
}

$expanded = $null
try {
    Write-InstallLog "Install-PrtTools started by $([System.Environment]::UserName) on $([System.Environment]::MachineName): source '$SourcePath', module root '$ModuleRoot'"
    if (-not (Test-Path -LiteralPath $SourcePath)) { throw "The source '$SourcePath' does not exist." }

    $source = (Resolve-Path -LiteralPath $SourcePath).ProviderPath
    if ($source -like '*.zip') {
        $expanded = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('PrtTools-install-' + [guid]::NewGuid().ToString('N'))
        Expand-Archive -LiteralPath $source -DestinationPath $expanded
        $source = $expanded
    }
    if (-not (Test-Path -LiteralPath (Join-Path -Path $source -ChildPath "$moduleName.psd1"))) {
        $inner = Join-Path -Path $source -ChildPath $moduleName
        if (-not (Test-Path -LiteralPath (Join-Path -Path $inner -ChildPath "$moduleName.psd1"))) {
            throw "The source '$SourcePath' holds no $moduleName.psd1 (neither at its top nor in a $moduleName folder)."
        }
        $source = $inner
    }

    $manifest = Import-PowerShellDataFile -LiteralPath (Join-Path -Path $source -ChildPath "$moduleName.psd1")
    $version = [version]$manifest.ModuleVersion
    if ($version -eq [version]'0.0.0') { throw "The source '$source' is a source checkout (ModuleVersion 0.0.0): install a built package." }

    $moduleFolder = Join-Path -Path $ModuleRoot -ChildPath $moduleName
    $target = Join-Path -Path $moduleFolder -ChildPath $version.ToString()
    if ((Test-Path -LiteralPath $target) -and (Test-SameFolder -Left $source -Right $target)) {
        Write-InstallLog "PrtTools $version is already installed at '$target' with the same files: nothing to do"
    } else {
        [void](New-Item -ItemType Directory -Path $moduleFolder -Force)
        $partial = Join-Path -Path $moduleFolder -ChildPath ".$version.partial-$PID"
        Copy-Item -LiteralPath $source -Destination $partial -Recurse -Force
        if (Test-Path -LiteralPath $target) {
            Write-InstallLog "Replacing '$target': its files differ from the source"
            Remove-Item -LiteralPath $target -Recurse -Force
        }
        Rename-Item -LiteralPath $partial -NewName $version.ToString()
        if ($onWindows -and (Get-Command -Name Unblock-File -ErrorAction SilentlyContinue)) {
            # Files from a downloaded zip carry the internet zone mark: RemoteSigned would refuse them.
            Get-ChildItem -LiteralPath $target -Recurse -File | Unblock-File
        }
        Write-InstallLog "Installed PrtTools $version at '$target'"
    }

    if ($RemoveOlderVersions) {
        foreach ($folder in Get-ChildItem -LiteralPath $moduleFolder -Directory) {
            $other = $null
            if ([version]::TryParse($folder.Name, [ref]$other) -and $other -lt $version) {
                Remove-Item -LiteralPath $folder.FullName -Recurse -Force
                Write-InstallLog "Removed the older version $other from '$($folder.FullName)'"
            }
        }
    }
    Write-InstallLog 'Install-PrtTools finished: exit code 0'
    Write-Output "PrtTools $version is installed at $target"
    exit 0
} catch {
    $message = "Install-PrtTools failed: $($_.Exception.Message)"
    try { Write-InstallLog $message } catch { Write-Warning -Message "Could not write the log '$LogPath': $($_.Exception.Message)" }
    Write-Error -Message $message -ErrorAction Continue
    exit 1
} finally {
    if ($expanded -and (Test-Path -LiteralPath $expanded)) { Remove-Item -LiteralPath $expanded -Recurse -Force }
    # A copy that did not make it into place is removed, never left for the next run to trip on.
    if ($moduleFolder -and (Test-Path -LiteralPath $moduleFolder)) {
        Get-ChildItem -LiteralPath $moduleFolder -Directory -Force -Filter ".*.partial-$PID" | Remove-Item -Recurse -Force
    }
}

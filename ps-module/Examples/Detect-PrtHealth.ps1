<#
.SYNOPSIS
    Intune Remediations detection script: is the Primary Refresh Token (PRT) of the signed-in
    user healthy?

.DESCRIPTION
    Runs prt.exe status --detect from the installed PrtTools module and passes on what it says:
    one line of output, such as

        Missing AzureAdJoined AzureAdPrt=NO attempt=0xc000006d/invalid_grant finding=PrtMissing

    and its exit code: 0 when the PRT is healthy (or the device is not Entra ID joined, so none is
    expected), 1 when it is Missing, Expired or Stale, which Intune reads as "issue found". Any
    other exit code means that the detection itself failed; the line then says why (3: a capture
    could not be read, 4: prt.exe or dsregcmd is missing, or the script runs as SYSTEM).

    In Intune (Devices > Scripts and remediations): upload this file as the detection script and
    set "Run this script using the logged-on credentials" to Yes: the PRT belongs to the user's
    sign-in, and SYSTEM has none. Set "Run script in 64-bit PowerShell" to Yes. The PrtTools
    module must be installed on the devices (for all users, under
    C:\Program Files\WindowsPowerShell\Modules), for example by a Win32 app.

    The script uses Windows PowerShell 5.1 and nothing else; it takes about a second.

.PARAMETER PrtPath
    The prt executable to run instead of the one of the installed module (for tests and for
    trying it out).

.PARAMETER InputPath
    A dsregcmd /status capture to judge instead of this device (for tests and for trying it out).

.EXAMPLE
    PS C:\> powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\Detect-PrtHealth.ps1; $LASTEXITCODE

    Runs the detection as Intune does and shows its exit code.

.EXAMPLE
    PS C:\> .\Detect-PrtHealth.ps1 -InputPath .\status.txt

    Tries the detection on a capture a user sent.
#>
[CmdletBinding()]
param(
    [string] $PrtPath,

    [string] $InputPath
)

$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
$exeName = if ($onWindows) { 'prt.exe' } else { 'prt' }

# SYSTEM has no PRT: a detection run in its context would report every device as unhealthy.
if ($onWindows -and -not $InputPath) {
    $sid = $null
    try { $sid = [System.Security.Principal.WindowsIdentity]::GetCurrent().User.Value } catch { $sid = $null }
    if ($sid -eq 'S-1-5-18') {
        Write-Output 'NotRun: this detection runs as SYSTEM, which has no PRT; set "Run this script using the logged-on credentials" to Yes'
        exit 4
    }
}

if (-not $PrtPath) {
    # Next to this script when it runs from the module's Examples folder; else the newest
    # installed PrtTools (Intune runs a copy of the script from a folder of its own).
    $candidates = @(Join-Path (Split-Path -Parent $PSScriptRoot) (Join-Path 'bin' $exeName))
    $modules = @(Get-Module -ListAvailable -Name PrtTools | Sort-Object -Property Version -Descending)
    foreach ($module in $modules) { $candidates += Join-Path $module.ModuleBase (Join-Path 'bin' $exeName) }
    if ($onWindows -and $env:ProgramW6432) {
        # A 32-bit PowerShell does not see the 64-bit Program Files in its module path.
        $installed = Join-Path $env:ProgramW6432 'WindowsPowerShell\Modules\PrtTools'
        $versions = @(Get-ChildItem -Path (Join-Path $installed "*\bin\$exeName") -ErrorAction SilentlyContinue | ForEach-Object {
                $version = $null
                if ([version]::TryParse($_.Directory.Parent.Name, [ref]$version)) { [pscustomobject]@{ Version = $version; Path = $_.FullName } }
            })
        $candidates += @($versions | Sort-Object -Property Version -Descending | ForEach-Object { $_.Path })
        $candidates += Join-Path $installed "bin\$exeName"
    }
    $PrtPath = @($candidates | Where-Object { $_ -and (Test-Path -LiteralPath $_ -PathType Leaf) }) | Select-Object -First 1
    if (-not $PrtPath) {
        Write-Output "NotRun: $exeName was not found: install the PrtTools module for all users on this device"
        exit 4
    }
}
if (-not (Test-Path -LiteralPath $PrtPath -PathType Leaf)) {
    Write-Output "NotRun: $PrtPath does not exist"
    exit 4
}

$arguments = @('status', '--detect')
if ($InputPath) { $arguments += @('--input', $InputPath) }

# Run directly (no shell, no console input); stdout is the line, stderr says why it failed.
$startInfo = New-Object -TypeName System.Diagnostics.ProcessStartInfo
$startInfo.FileName = $PrtPath
$startInfo.Arguments = ($arguments | ForEach-Object { if ($_ -match '[\s"]') { '"' + ($_ -replace '"', '\"') + '"' } else { $_ } }) -join ' '
$startInfo.UseShellExecute = $false
$startInfo.CreateNoWindow = $true
$startInfo.RedirectStandardInput = $true
$startInfo.RedirectStandardOutput = $true
$startInfo.RedirectStandardError = $true
$utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
$startInfo.StandardOutputEncoding = $utf8
$startInfo.StandardErrorEncoding = $utf8
$process = New-Object -TypeName System.Diagnostics.Process
$process.StartInfo = $startInfo
try {
    [void]$process.Start()
} catch {
    Write-Output "NotRun: $PrtPath could not be started: $($_.Exception.Message)"
    exit 4
}
$process.StandardInput.Close()
$stderrTask = $process.StandardError.ReadToEndAsync()
$stdout = $process.StandardOutput.ReadToEnd()
$stderr = $stderrTask.GetAwaiter().GetResult()
$process.WaitForExit()
$exitCode = $process.ExitCode
$process.Dispose()

$line = ($stdout -split "`r?`n" | Where-Object { $_.Trim() } | Select-Object -First 1)
if ($exitCode -gt 1 -or -not $line) {
    $reason = ($stderr -split "`r?`n" | Where-Object { $_.Trim() } | Select-Object -First 1)
    if (-not $reason) { $reason = "prt exited with code $exitCode" }
    $line = 'NotRun: ' + ($reason -replace '^prt: ', '')
    if ($exitCode -le 1) { $exitCode = 4 }
}
Write-Output $line
exit $exitCode

# Dot-sourced by every *.Tests.ps1 (in BeforeAll, and in BeforeDiscovery where test cases need it).
# The tests import the module as built (dist/PrtTools, with the real Linux exe in bin/) unless
# PRTTOOLS_MODULE names another manifest.

$script:RepoRoot = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
$script:ModulePath = if ($env:PRTTOOLS_MODULE) { [System.IO.Path]::GetFullPath($env:PRTTOOLS_MODULE) } else { Join-Path $script:RepoRoot 'dist/PrtTools/PrtTools.psd1' }
$script:ModuleDir = Split-Path -Parent $script:ModulePath
$script:ModuleSourceDir = Join-Path $script:RepoRoot 'ps-module'
$script:FixtureDir = Join-Path $script:RepoRoot 'test/fixtures/dsregcmd'
$script:FakeExe = Join-Path $PSScriptRoot 'fakes/prt-fake'
$script:FakeDocument = Join-Path $PSScriptRoot 'fakes/status-document.json'
# The exe inside the module under test: what Get-PrtStatus runs when PRTTOOLS_EXE is not set.
$script:RealExe = Join-Path $script:ModuleDir $(if ($IsWindows) { 'bin/prt.exe' } else { 'bin/prt' })

function Import-PrtToolsUnderTest {
    # Always the real exe unless a test says otherwise with Use-FakePrt.
    Clear-FakePrt
    Get-Module -Name PrtTools | Remove-Module -Force
    Import-Module -Name $script:ModulePath -Force -ErrorAction Stop
}

function Get-Fixture {
    param([Parameter(Mandatory)][string] $Name)
    $path = Join-Path $script:FixtureDir $Name
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
        throw "Fixture '$Name' is missing: expected $path"
    }
    return $path
}

function Use-FakePrt {
    # Points the module at the fake exe; -Environment sets PRT_FAKE_* variables for it.
    param(
        [Parameter(Mandatory)][string] $Mode,
        [hashtable] $Environment = @{}
    )
    Clear-FakePrt
    if (-not $IsWindows) {
        # Git may lose the executable bit; the fake is useless without it.
        $fileMode = [System.IO.File]::GetUnixFileMode($script:FakeExe)
        [System.IO.File]::SetUnixFileMode($script:FakeExe, $fileMode -bor [System.IO.UnixFileMode]::UserExecute)
    }
    $env:PRTTOOLS_EXE = $script:FakeExe
    $env:PRT_FAKE_MODE = $Mode
    foreach ($name in $Environment.Keys) {
        Set-Item -Path "env:$name" -Value $Environment[$name]
    }
}

function Clear-FakePrt {
    foreach ($name in @('PRTTOOLS_EXE', 'PRT_FAKE_MODE', 'PRT_FAKE_ARGS_FILE', 'PRT_FAKE_DOCUMENT', 'PRT_FAKE_EXIT',
            'PRT_FAKE_ERROR_ID', 'PRT_FAKE_ERROR_MESSAGE', 'PRT_FAKE_ERROR_CATEGORY')) {
        Remove-Item -Path "env:$name" -ErrorAction SilentlyContinue
    }
}

function Invoke-RealPrt {
    # Runs the module's exe directly, to compare what the module made of it with what it said.
    # Returns ExitCode, the parsed stdout (Document) and the parsed stderr error (Error).
    param([Parameter(Mandatory)][string[]] $Argument)
    $stderrFile = [System.IO.Path]::GetTempFileName()
    try {
        $stdout = & $script:RealExe @Argument 2>$stderrFile
        $exitCode = $LASTEXITCODE
        $stderr = Get-Content -LiteralPath $stderrFile -Raw -Encoding utf8
    } finally {
        Remove-Item -LiteralPath $stderrFile -ErrorAction SilentlyContinue
    }
    $document = if ($exitCode -eq 0) { ($stdout -join "`n") | ConvertFrom-Json -DateKind String } else { $null }
    $errorObject = if ($exitCode -ne 0 -and $stderr) { ($stderr | ConvertFrom-Json).Error } else { $null }
    [pscustomobject]@{ ExitCode = $exitCode; Document = $document; Error = $errorObject; StandardError = $stderr }
}

function Get-DsregcmdTime {
    # The value of a `Name : 2026-11-20 09:14:03.000 UTC` line of a capture, as a UTC [datetime].
    param(
        [Parameter(Mandatory)][string] $Path,
        [Parameter(Mandatory)][string] $Name
    )
    $line = Get-Content -LiteralPath $Path | Where-Object { $_ -match "^\s*$([regex]::Escape($Name))\s*:\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?) UTC" } | Select-Object -First 1
    if (-not $line) { throw "No '$Name : <time> UTC' line in $Path" }
    $null = $line -match "(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?) UTC"
    return [datetime]::SpecifyKind([datetime]::Parse($Matches[1], [System.Globalization.CultureInfo]::InvariantCulture), [System.DateTimeKind]::Utc)
}

function ConvertTo-IsoUtc {
    param([Parameter(Mandatory)][datetime] $Time)
    return $Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [System.Globalization.CultureInfo]::InvariantCulture)
}

# --- Real PowerShell remoting over SSH (test/remoting/sshd-loopback.sh) ---------------------------
$script:SshLoopbackScript = Join-Path $script:RepoRoot 'test/remoting/sshd-loopback.sh'

function Get-SshLoopbackProblem {
    # Why this machine cannot run the SSH loopback ($null when it can). In CI a problem is a
    # failure, not a reason to skip: the suites then run and fail in Start-SshLoopback.
    if ($IsWindows) { return 'the SSH loopback runs on Linux only' }
    $reason = & bash $script:SshLoopbackScript check 2>&1
    if ($LASTEXITCODE -eq 0) { return $null }
    return (@($reason) -join ' ')
}

function Assert-SshLoopbackPossible {
    $problem = Get-SshLoopbackProblem
    if ($problem) { throw "The SSH loopback cannot run here: $problem" }
}

function Start-SshLoopback {
    # Starts the throwaway sshd with the built module on the "remote" side and returns where it
    # is, with the connection parameters for Invoke-Command/New-PSSession (Connection) and for
    # the cmdlets' own -HostName (SSHOption). Captures under Dir/captures are readable remotely.
    $json = & bash $script:SshLoopbackScript start $script:ModuleDir
    if ($LASTEXITCODE -ne 0) { throw "test/remoting/sshd-loopback.sh start failed (exit $LASTEXITCODE); see its messages above" }
    $loopback = ($json -join "`n") | ConvertFrom-Json
    # ssh must never ask anything: no TTY, no stdin in CI.
    $sshOption = @{
        BatchMode             = 'yes'
        StrictHostKeyChecking = 'accept-new'
        UserKnownHostsFile    = $loopback.KnownHostsFile
        GlobalKnownHostsFile  = '/dev/null'
        IdentitiesOnly        = 'yes'
        PasswordAuthentication = 'no'
        ConnectTimeout        = '20'
        LogLevel              = 'ERROR'
    }
    $captures = Join-Path $loopback.Dir 'captures'
    $null = New-Item -ItemType Directory -Path $captures
    foreach ($file in Get-ChildItem -LiteralPath $script:FixtureDir -File) {
        Copy-Item -LiteralPath $file.FullName -Destination $captures
    }
    $readable = [System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead, OtherRead'
    foreach ($file in Get-ChildItem -LiteralPath $captures -File) { [System.IO.File]::SetUnixFileMode($file.FullName, $readable) }
    [System.IO.File]::SetUnixFileMode($captures, ($readable -bor [System.IO.UnixFileMode]'UserExecute, GroupExecute, OtherExecute'))
    $loopback | Add-Member -NotePropertyName SSHOption -NotePropertyValue $sshOption
    $loopback | Add-Member -NotePropertyName CaptureDir -NotePropertyValue $captures
    $loopback | Add-Member -NotePropertyName Connection -NotePropertyValue @{
        HostName    = '127.0.0.1'
        Port        = [int]$loopback.Port
        UserName    = $loopback.UserName
        KeyFilePath = $loopback.KeyFilePath
        Options     = $sshOption
    }
    return $loopback
}

function Stop-SshLoopback {
    # Closes the given sessions, stops the sshd and removes its folder and its authorized key.
    param($Loopback, [object[]] $Session = @())
    foreach ($item in @($Session | Where-Object { $null -ne $_ })) {
        Remove-PSSession -Session $item -ErrorAction SilentlyContinue
    }
    if ($null -ne $Loopback) {
        & bash $script:SshLoopbackScript stop $Loopback.Dir
    }
}

function New-CountingPrt {
    # A stand-in prt in TestDrive that logs each call (one line of arguments) and hands it to the
    # real exe; `prt codes --names --json` prints -Names (the contract of the hidden command),
    # or with -NoCodes fails as a prt without that command does. Returns the script and the log.
    param([string[]] $Names = @(), [switch] $NoCodes, [string] $Folder = $TestDrive)
    $path = Join-Path $Folder 'prt-counting'
    $log = Join-Path $Folder 'prt-calls.log'
    $namesJson = ConvertTo-Json -InputObject @($Names) -Compress
    $codes = if ($NoCodes) {
        "if [ `"`$1`" = codes ]; then printf '%s\n' '{`"Error`":{`"Id`":`"Usage`",`"Message`":`"Command not found`",`"Category`":`"InvalidArgument`"}}' >&2; exit 2; fi"
    } else {
        "if [ `"`$1`" = codes ]; then printf '%s\n' '$namesJson'; exit 0; fi"
    }
    $text = @(
        '#!/usr/bin/env bash'
        "printf '%s\n' `"`$*`" >> '$log'"
        $codes
        "exec '$script:RealExe' `"`$@`""
    ) -join "`n"
    [System.IO.File]::WriteAllText($path, $text + "`n")
    [System.IO.File]::SetUnixFileMode($path, [System.IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
    if (Test-Path -LiteralPath $log) { Remove-Item -LiteralPath $log }
    [pscustomobject]@{ Path = $path; Log = $log }
}

function Get-PrtCall {
    # The calls a counting prt logged, one string of arguments each.
    param([Parameter(Mandatory)] $Counting)
    if (-not (Test-Path -LiteralPath $Counting.Log)) { return @() }
    @(Get-Content -LiteralPath $Counting.Log)
}

function Assert-WineReady {
    # prt.exe under Wine is part of the suite: a machine without it fails, naming what is missing.
    $missing = @()
    if (-not (Get-Command -Name wine -ErrorAction SilentlyContinue)) { $missing += 'wine' }
    if (-not (Get-Command -Name x86_64-w64-mingw32-gcc -ErrorAction SilentlyContinue)) { $missing += 'x86_64-w64-mingw32-gcc' }
    if (-not $env:WINEPREFIX -or -not (Test-Path -LiteralPath (Join-Path $env:WINEPREFIX '.prt-ok'))) { $missing += 'the Wine prefix ($WINEPREFIX/.prt-ok)' }
    if (-not (Test-Path -LiteralPath (Join-Path $script:ModuleDir 'bin/prt.exe'))) { $missing += 'bin/prt.exe in the module under test' }
    if ($missing) { throw "prt.exe cannot run under Wine here, missing: $($missing -join ', '). Run scripts/bootstrap.sh and the build." }
}

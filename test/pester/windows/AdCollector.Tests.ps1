# The LDAP collector prt.exe ships (src/device/ad-collector.ts), run for real in the Windows build
# of PowerShell under Wine (scripts/pester-windows.sh): there is no domain here, so each of its
# three parts (SCP, pwdLastSet, the computer object's userCertificate) must say it could not read
# the directory, with a reason, and the script must still end cleanly with one JSON document.
# The script is the one prt.exe itself writes: Get-PrtDeviceCheck runs prt.exe device in forced
# live mode, whose powershell.exe is the fake print-tool that copies the -File script aside.
BeforeAll {
    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT) { throw 'These tests run in Windows PowerShell under Wine: scripts/pester-windows.sh.' }
    foreach ($name in @('PRT_WIN_REPO', 'PRT_WIN_FAKES', 'PRTTOOLS_MODULE')) {
        if (-not [Environment]::GetEnvironmentVariable($name)) { throw "$name is not set: run scripts/pester-windows.sh" }
    }
    $script:Fixtures = Join-Path $env:PRT_WIN_REPO 'test\fixtures'
    Get-Module -Name PrtTools | Remove-Module -Force
    Import-Module -Name $env:PRTTOOLS_MODULE -Force -ErrorAction Stop
    $script:Touched = @('SystemRoot', 'PRT_FORCE_LIVE', 'PRT_SYSTEM32_DIR', 'FAKE_TOOL_LOG', 'FAKE_COPY_PS1', 'FAKE_OUTPUT_DSREGCMD',
        'FAKE_OUTPUT_POWERSHELL', 'FAKE_OUTPUT_WEVTUTIL', 'FAKE_EXIT_POWERSHELL')
    $script:Saved = @{}
    foreach ($name in $Touched) { $Saved[$name] = [Environment]::GetEnvironmentVariable($name) }

    # prt.exe in forced live mode runs every tool from the fakes' System32: dsregcmd, wevtutil and
    # powershell are the print-tool; certutil, tpmtool, reg, nltest, schtasks and w32tm are absent.
    $env:PRT_FORCE_LIVE = '1'
    $env:PRT_SYSTEM32_DIR = Join-Path $env:PRT_WIN_FAKES 'status\System32'
    $env:FAKE_OUTPUT_DSREGCMD = Join-Path $Fixtures 'dsregcmd\utf16le-bom-crlf.txt'
    $env:FAKE_TOOL_LOG = Join-Path $TestDrive 'calls.log'
    $env:FAKE_COPY_PS1 = Join-Path $TestDrive 'prt-device-ad.ps1'
    [System.IO.File]::WriteAllText($env:FAKE_TOOL_LOG, '')

    function Get-Check {
        param([object[]] $Checks, [string] $Id)
        $found = @($Checks | Where-Object Id -eq $Id)
        if ($found.Count -ne 1) { throw "expected one check $Id, found $($found.Count)" }
        $found[0]
    }

    # 1. prt.exe writes its collector and runs powershell.exe -File on it; the fake keeps a copy.
    $script:FirstChecks = @(Get-PrtDeviceCheck -ErrorAction Stop)
    $script:Calls = @(Get-Content -LiteralPath $env:FAKE_TOOL_LOG | Where-Object { $_ })

    # 2. The copy runs in a fresh Windows PowerShell host process (this one's exe), as Windows
    # PowerShell would run it: its own process, its exit code, its stdout and stderr.
    $script:HostExe = (Get-Process -Id $PID).Path
    $script:CollectorOut = Join-Path $TestDrive 'collector.out'
    $script:CollectorErr = Join-Path $TestDrive 'collector.err'
    $process = Start-Process -FilePath $HostExe -ArgumentList ('"' + $env:FAKE_COPY_PS1 + '"') -RedirectStandardOutput $CollectorOut -RedirectStandardError $CollectorErr -NoNewWindow -Wait -PassThru
    $script:CollectorExit = $process.ExitCode
    $script:CollectorText = [System.IO.File]::ReadAllText($CollectorOut)
    # Kept for the unit tests' fixture (test/fixtures/device/ad-collector-wine-no-domain.json).
    $saved = Join-Path $env:PRT_WIN_REPO 'test\.tmp\ad-collector-wine-no-domain.json'
    [System.IO.File]::WriteAllText($saved, $CollectorText.Trim() + "`n")
}

AfterAll {
    foreach ($name in $Touched) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'The AD collector prt.exe ships, in the Windows PowerShell host under Wine (no domain)' -Tag 'Windows' {
    It 'is run by prt.exe as powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File, from a temp folder of its own that is removed afterwards' {
        $call = @($Calls | Where-Object { $_ -like 'powershell *' })
        $call.Count | Should -Be 1
        # Pester's -Match leaves no $Matches here: the regex is asked directly.
        $match = [regex]::Match($call[0], '^powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File (.+\\prt-device-[^\\]+\\prt-device-ad\.ps1)$')
        $match.Success | Should -BeTrue -Because $call[0]
        $scriptPath = $match.Groups[1].Value
        Test-Path -LiteralPath $scriptPath | Should -BeFalse
        Test-Path -LiteralPath (Split-Path -Parent $scriptPath) | Should -BeFalse
        Test-Path -LiteralPath $env:FAKE_COPY_PS1 | Should -BeTrue
    }

    It 'uses nothing Windows PowerShell 5.1 lacks (the syntax tree walk of test/pester/Find-Ps7OnlySyntax.ps1)' {
        . (Join-Path $env:PRT_WIN_REPO 'test\pester\Find-Ps7OnlySyntax.ps1')
        $found = @(Find-Ps7OnlySyntax -Path $env:FAKE_COPY_PS1)
        $found.Count | Should -Be 0 -Because ($found | Out-String)
    }

    It 'ends cleanly: exit code 0, nothing on stderr, one line of JSON on stdout' {
        $CollectorExit | Should -Be 0
        [System.IO.File]::ReadAllText($CollectorErr).Trim() | Should -BeNullOrEmpty
        @($CollectorText.Trim() -split "`r?`n").Count | Should -Be 1
        { $CollectorText | ConvertFrom-Json } | Should -Not -Throw
    }

    It 'has the document''s exact shape: version 2 and the eight fields in order' {
        $document = $CollectorText | ConvertFrom-Json
        @($document.PSObject.Properties.Name) | Should -Be @('Version', 'Scp', 'ScpError', 'User', 'PasswordLastSet', 'PasswordError', 'Computer', 'ComputerError')
        $document.Version | Should -Be 2
        $CollectorText | Should -Match '^[\x00-\x7F]*$'
    }

    It 'says for each part, with a reason, that the directory could not be read, and invents no value' {
        $document = $CollectorText | ConvertFrom-Json
        $document.Scp | Should -BeNullOrEmpty
        $document.PasswordLastSet | Should -BeNullOrEmpty
        $document.Computer | Should -BeNullOrEmpty
        foreach ($reason in @($document.ScpError, $document.PasswordError, $document.ComputerError)) {
            $reason | Should -BeOfType [string]
            $reason.Trim().Length | Should -BeGreaterThan 5
        }
        # The user the host runs as is named, so a reason can say whose password it could not read.
        $document.User | Should -Not -BeNullOrEmpty
    }

    It 'prt.exe turns that output into Unknown checks that carry the collector''s reasons' {
        $env:FAKE_OUTPUT_POWERSHELL = $CollectorOut
        try {
            $checks = @(Get-PrtDeviceCheck -ErrorAction Stop)
        } finally {
            $env:FAKE_OUTPUT_POWERSHELL = $Saved['FAKE_OUTPUT_POWERSHELL']
        }
        $document = $CollectorText | ConvertFrom-Json
        $computer = Get-Check -Checks $checks -Id 'ComputerCertificateMissing'
        $computer.Result | Should -Be 'Unknown'
        # prt.exe may add the knowledge base's name after a hex code, inside the collector's own words.
        $computer.Reason | Should -BeLike ('*the computer object over LDAP: ' + $document.ComputerError.Trim().TrimEnd(')') + '*')
        (Get-Check -Checks $checks -Id 'PasswordChangedRecently').Reason | Should -BeLike ('*' + $document.PasswordError.Trim().TrimEnd(')') + '*')
        (Get-Check -Checks $checks -Id 'ScpMissing').Result | Should -Be 'Unknown'
    }

    It 'without the collector''s output prt.exe says so in every check that needs it' {
        (Get-Check -Checks $FirstChecks -Id 'ComputerCertificateMissing').Result | Should -Be 'Unknown'
        (Get-Check -Checks $FirstChecks -Id 'ComputerCertificateMissing').Reason | Should -BeLike "*the PowerShell LDAP collector: the collector's output is not JSON (empty)*"
    }

    It 'prt.exe reads the Windows PowerShell 5.1 shape (lists as {value, Count}) and finds hybrid join''s certificate' {
        $env:FAKE_OUTPUT_POWERSHELL = Join-Path $Fixtures 'device\ad-collector-ps51-shape.json'
        try {
            $checks = @(Get-PrtDeviceCheck -ErrorAction Stop)
        } finally {
            $env:FAKE_OUTPUT_POWERSHELL = $Saved['FAKE_OUTPUT_POWERSHELL']
        }
        $computer = Get-Check -Checks $checks -Id 'ComputerCertificateMissing'
        $computer.Result | Should -Be 'Pass'
        $computer.Evidence.PSObject.Properties['Count'].Value | Should -Be 2
        $computer.Evidence.MatchingSubject | Should -Be 'CN=e2c85a1b-9f47-4d03-b6e8-5a10d7c3f924'
        (Get-Check -Checks $checks -Id 'ScpTenantMismatch').Result | Should -Be 'Pass'
    }
}

Describe 'The TPM errors of the System log, read by prt.exe with wevtutil' -Tag 'Windows' {
    It 'queries System by full path with one XPath argument, bounded, newest first, and decodes the codes' {
        [System.IO.File]::WriteAllText($env:FAKE_TOOL_LOG, '')
        $env:FAKE_OUTPUT_WEVTUTIL = Join-Path $Fixtures 'device\wevtutil-system-tpm-events.xml'
        try {
            $checks = @(Get-PrtDeviceCheck -ErrorAction Stop)
        } finally {
            $env:FAKE_OUTPUT_WEVTUTIL = $Saved['FAKE_OUTPUT_WEVTUTIL']
        }
        $call = @(Get-Content -LiteralPath $env:FAKE_TOOL_LOG | Where-Object { $_ -like 'wevtutil *' })
        $call.Count | Should -Be 1
        # The fake logs its argv joined by spaces: the XPath (with its spaces and quotes) arrived as one piece between /q: and /c:.
        $call[0] | Should -Match "^wevtutil qe System /q:\*\[System\[Provider\[@Name='TPM' or @Name='Microsoft-Windows-TPM-WMI'\] and \(EventID=2 or .+ or EventID=1794\) and TimeCreated\[@SystemTime>='\d{4}-\d\d-\d\dT[\d:.]+Z'\]\]\] /c:50 /rd:true /f:RenderedXml$"
        $tpm = Get-Check -Checks $checks -Id 'TpmErrorsLogged'
        $tpm.Result | Should -Be 'Fail'
        $tpm.Evidence.PSObject.Properties['Count'].Value | Should -Be 3
        $tpm.Evidence.Codes | Should -Be '0x80280803 TPM_E_DEFEND_LOCK_RUNNING'
        $tpm.Evidence.Events | Should -Be '1026 Microsoft-Windows-TPM-WMI x2, 17 TPM'
    }
}

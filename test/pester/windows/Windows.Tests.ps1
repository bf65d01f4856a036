# The module's Windows code paths, run for real in a Windows build of PowerShell 7 under Wine
# (scripts/pester-windows.sh): the real prt.exe, Windows process and argument rules, UTF-16
# captures, %SystemRoot% and %ProgramData%, and fake system tools (test/pester/windows/fakes,
# test/fakes/win) that log how they were called. Wine is not Windows: the real dsregcmd, WMI,
# Task Scheduler and netsh are left to .github/workflows/windows.yml.
BeforeAll {
    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT) { throw 'These tests run in Windows PowerShell under Wine: scripts/pester-windows.sh.' }
    foreach ($name in @('PRT_WIN_REPO', 'PRT_WIN_FAKES', 'PRTTOOLS_MODULE')) {
        if (-not [Environment]::GetEnvironmentVariable($name)) { throw "$name is not set: run scripts/pester-windows.sh" }
    }
    $script:Repo = $env:PRT_WIN_REPO
    $script:Fakes = $env:PRT_WIN_FAKES
    $script:Fixtures = Join-Path $Repo 'test\fixtures'
    $script:Utf16Capture = Join-Path $Fixtures 'dsregcmd\utf16le-bom-crlf.txt'
    Get-Module -Name PrtTools | Remove-Module -Force
    Import-Module -Name $env:PRTTOOLS_MODULE -Force -ErrorAction Stop
    $script:Module = Get-Module -Name PrtTools
    $script:SavedEnvironment = @{}
    $script:Touched = @('SystemRoot', 'PATH', 'FAKE_TOOL_LOG', 'FAKE_STATE_DIR', 'FAKE_DSREGCMD_OUTPUT', 'FAKE_OUTPUT_DSREGCMD',
        'FAKE_OUTPUT_WEVTUTIL', 'FAKE_OUTPUT_WEVTUTIL_ANALYTIC', 'FAKE_OUTPUT_QUSER', 'FAKE_EXIT_QUSER', 'FAKE_OUTPUT_SCHTASKS',
        'FAKE_COPY_XML', 'FAKE_OUTPUT_WEVTUTIL_GL', 'PRT_STATE_DIR', 'PRT_RECORDER_SETTLE_MS', 'PRTTOOLS_EXE',
        'PRT_FORCE_LIVE', 'PRT_SYSTEM32_DIR')
    foreach ($name in $Touched) { $SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }

    function Restore-Environment {
        foreach ($name in $Touched) { [Environment]::SetEnvironmentVariable($name, $SavedEnvironment[$name]) }
        & $Module { $script:PrtUseArgumentString = $false }
    }
    function Use-FakeSystem {
        # %SystemRoot% points at a folder of fakes (the module runs System32\<tool>.exe from
        # there); PATH holds only what prt.exe itself looks up.
        param([ValidateSet('status', 'trace')][string] $Kind)
        $env:SystemRoot = Join-Path $Fakes $Kind
        # prt.exe runs its tools from System32 by full path, and under Wine a child process sees
        # Wine's own %SystemRoot%: forced live mode points prt.exe's System32 at the same fakes.
        $env:PRT_FORCE_LIVE = '1'
        $env:PRT_SYSTEM32_DIR = Join-Path $env:SystemRoot 'System32'
        $pathBin = if ($Kind -eq 'trace') { Join-Path $Fakes 'trace\System32' } else { Join-Path $Fakes 'pathbin' }
        $env:PATH = $pathBin + ';' + $SavedEnvironment['PATH']
        $env:FAKE_TOOL_LOG = Join-Path $TestDrive 'calls.log'
        [System.IO.File]::WriteAllText($env:FAKE_TOOL_LOG, '')
    }
    # Get-CimInstance fails under Wine (no mi.dll) with this exception, but the failed native
    # initialisation leaves the process hanging at the next assembly load (seen with Add-Type
    # and Get-Module -ListAvailable): the tests throw what it throws instead of calling it.
    $script:CimFailure = New-Object -TypeName System.TypeInitializationException -ArgumentList 'Microsoft.Management.Infrastructure.Native.ApplicationMethods', $null
    function Get-ToolCall { @(Get-Content -LiteralPath $env:FAKE_TOOL_LOG -Encoding utf8 | Where-Object { $_ }) }
    function Set-ArgumentPassing {
        param([string] $Way)
        $useString = $Way -eq 'ArgumentString'
        & $Module { param($value) $script:PrtUseArgumentString = $value } $useString
    }
}

AfterAll {
    Restore-Environment
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'The Windows host' -Tag 'Windows' {
    It 'is Windows and the module runs bin\prt.exe' {
        [System.Environment]::OSVersion.Platform | Should -Be ([System.PlatformID]::Win32NT)
        $exe = & $Module { Get-PrtExePath }
        $exe | Should -BeLike '*\bin\prt.exe'
        Test-Path -LiteralPath $exe | Should -BeTrue
    }

    It 'runs system tools from %SystemRoot%\System32 by full path, never from PATH' {
        $env:SystemRoot = 'C:\NoSuchWindows'
        try {
            & $Module { Get-PrtSystemToolPath -Name 'quser.exe' } | Should -Be 'C:\NoSuchWindows\System32\quser.exe'
            # A quser.exe on PATH is not run: the one under %SystemRoot% does not exist.
            $env:PATH = (Join-Path $Fakes 'status\System32') + ';' + $SavedEnvironment['PATH']
            { & $Module { Invoke-PrtSystemTool -Name 'quser.exe' -Argument @('/?') } } | Should -Throw '*C:\NoSuchWindows\System32\quser.exe does not exist*'
        } finally {
            Restore-Environment
        }
    }
}

Describe 'Help of the shipped module on Windows' -Tag 'Windows' {
    It 'Get-Help finds the MAML help (en-US\PrtTools-help.xml) and about_PrtTools' {
        $help = Get-Help -Name 'PrtTools\Get-PrtStatus' -Full
        # Comment help has no command details: verb and noun come from the MAML file.
        $help.details.verb | Should -Be 'Get'
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        @($help.parameters.parameter | Where-Object { $_.name -eq 'LiteralPath' }).Count | Should -Be 1
        Get-Help about_PrtTools | Out-String | Should -BeLike '*about_PrtTools*'
    }
}

Describe 'Get-PrtStatus live on Windows (<_>)' -Tag 'Windows' -ForEach @('ArgumentList', 'ArgumentString') {
    BeforeEach {
        Restore-Environment
        Set-ArgumentPassing $_
        Use-FakeSystem status
        $env:FAKE_OUTPUT_DSREGCMD = $Utf16Capture
    }
    AfterEach { Restore-Environment }

    It 'runs dsregcmd /status (UTF-16 output) through prt.exe and decodes the UTF-8 JSON' {
        $status = Get-PrtStatus -AsCurrentUser
        $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        $status.Source.Kind | Should -Be 'Live'
        $status.TenantName | Should -Be "Contoso B$([char]0xFC)rodienste GmbH"
        $status.Context | Should -Be 'CurrentProcess'
        $status.UserName | Should -Be ([System.Security.Principal.WindowsIdentity]::GetCurrent().Name)
        Get-ToolCall | Should -Be @('dsregcmd /status')
    }

    It 'reads hostile file names intact: spaces, Unicode, quotes in the folder name' {
        $folder = Join-Path $TestDrive "Jeanne's tickets [42] caf$([char]0xE9) $_"
        $null = New-Item -ItemType Directory -Path $folder
        $file = Join-Path $folder "status $([char]0x65E5)$([char]0x672C) B$([char]0xFC)ro.txt"
        Copy-Item -LiteralPath $Utf16Capture -Destination $file
        $status = Get-PrtStatus -LiteralPath $file
        $status.Source.Path | Should -Be $file
        $status.TenantName | Should -Be "Contoso B$([char]0xFC)rodienste GmbH"
    }
}

Describe 'Views, flat properties and pipeline binding on Windows' -Tag 'Windows' {
    BeforeEach {
        Restore-Environment
        Use-FakeSystem status
        $env:FAKE_OUTPUT_DSREGCMD = $Utf16Capture
    }
    AfterEach { Restore-Environment }

    It 'loads PrtTools.Types.ps1xml and PrtTools.Format.ps1xml: a live status has its flat properties and its table' {
        $status = Get-PrtStatus -AsCurrentUser
        $status.HealthRank | Should -BeOfType [int]
        $status.EvaluatedAtUtc | Should -Match '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$'
        $status.SourcePath | Should -BeNullOrEmpty
        $text = $status | Format-Table | Out-String -Width 120
        $text | Should -Match '(?m)^DeviceName\s+Health\s+AzureAdPrt\s+PrtAgeHours\s+FindingIds\s+SourceFile\s*$'
    }

    It 'names a capture''s file with its Windows path in SourceFile and SourcePath' {
        $status = Get-PrtStatus -LiteralPath $Utf16Capture
        $status.SourcePath | Should -Be $Utf16Capture
        $status.SourceFile | Should -Be 'utf16le-bom-crlf.txt'
        $csv = Join-Path $TestDrive 'status.csv'
        $status | Export-Csv -LiteralPath $csv -NoTypeInformation
        (Import-Csv -LiteralPath $csv).SourcePath | Should -Be $Utf16Capture
    }

    It 'binds -ComputerName from Get-ADComputer-shaped objects and FileInfo to -LiteralPath' {
        Mock -ModuleName PrtTools -CommandName Invoke-Command -MockWith { }
        [pscustomobject]@{ Name = 'PC1'; DNSHostName = 'pc1.corp.contoso.com' } | Get-PrtStatus
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter { (@($ComputerName) -join ',') -eq 'pc1.corp.contoso.com' }
        (Get-Item -LiteralPath $Utf16Capture | Get-PrtStatus).SourceFile | Should -Be 'utf16le-bom-crlf.txt'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly
    }
}

Describe 'Arguments reach prt.exe intact (<_>)' -Tag 'Windows' -ForEach @('ArgumentList', 'ArgumentString') {
    BeforeAll {
        $hostile = @('plain', 'with space', '', 'a"b', 'c:\p q\', 'c:\p q\\', 'x\\"y', "caf$([char]0xE9) $([char]0x65E5)", '-1073741715', "tab`there")
    }
    It 'a CommandLineToArgvW program gets every argument unchanged' {
        $startInfo = & $Module { param($arguments, $way) New-PrtProcessStartInfo -FilePath (Join-Path $env:PRT_WIN_FAKES 'bin\echo-args.exe') -Argument $arguments -UseArgumentString:($way -eq 'ArgumentString') } $hostile $_
        $process = [System.Diagnostics.Process]::Start($startInfo)
        $stdout = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        ($stdout | ConvertFrom-Json).Args | Should -Be $hostile
    }
    It 'prt.exe (Node''s argv) gets every argument unchanged' {
        $startInfo = & $Module { param($arguments, $way) New-PrtProcessStartInfo -FilePath (Get-PrtExePath) -Argument (@('explain', '--json', '--') + $arguments) -UseArgumentString:($way -eq 'ArgumentString') } $hostile $_
        $process = [System.Diagnostics.Process]::Start($startInfo)
        $stdout = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        @(($stdout | ConvertFrom-Json) | ForEach-Object { $_.Input }) | Should -Be $hostile
    }
    It 'a folder path with a trailing backslash and a space reaches prt.exe through Get-PrtError' {
        Set-ArgumentPassing $_
        try {
            $folder = Join-Path $TestDrive "events $_ caf$([char]0xE9)"
            $null = New-Item -ItemType Directory -Path $folder -Force
            Copy-Item -LiteralPath (Join-Path $Fixtures 'events\wrong-password-50126.analytic.xml') -Destination $folder
            $attempts = @(Get-PrtError -DsregcmdPath (Join-Path $Fixtures 'dsregcmd\missing-prt-0xc000006d-aadsts50126.txt') -EventPath ($folder + '\'))
            $attempts.Count | Should -BeGreaterThan 0
            $attempts[0].Status.Name | Should -Be 'STATUS_LOGON_FAILURE'
        } finally {
            Restore-Environment
        }
    }
}

Describe 'Get-PrtError live on Windows' -Tag 'Windows' {
    BeforeEach {
        Restore-Environment
        Use-FakeSystem status
        $env:FAKE_OUTPUT_DSREGCMD = Join-Path $Fixtures 'dsregcmd\missing-prt-0xc000006d-aadsts50126.txt'
        $env:FAKE_OUTPUT_WEVTUTIL = Join-Path $Fixtures 'events\wrong-password-50126.operational.xml'
        $env:FAKE_OUTPUT_WEVTUTIL_ANALYTIC = Join-Path $Fixtures 'events\wrong-password-50126.analytic.xml'
        $channelSettings = Join-Path $TestDrive 'wevtutil-gl.txt'
        [System.IO.File]::WriteAllText($channelSettings, "name: Microsoft-Windows-AAD/Analytic`r`nenabled: true`r`ntype: Analytic`r`n")
        $env:FAKE_OUTPUT_WEVTUTIL_GL = $channelSettings
    }
    AfterEach { Restore-Environment }

    It 'reads the AAD logs with wevtutil and dsregcmd, and returns the failed attempt decoded' {
        $attempts = @(Get-PrtError)
        $attempts.Count | Should -BeGreaterThan 0
        $attempts[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.Attempt'
        $attempts[0].Status.Name | Should -Be 'STATUS_LOGON_FAILURE'
        $calls = Get-ToolCall
        $calls | Should -Contain 'dsregcmd /status'
        @($calls | Where-Object { $_ -like 'wevtutil qe Microsoft-Windows-AAD/Operational *' }).Count | Should -Be 1
    }
}

Describe 'The signed-in user when WMI is broken' -Tag 'Windows' {
    BeforeAll {
        $me = [System.Security.Principal.WindowsIdentity]::GetCurrent().Name
        $quserTable = Join-Path $TestDrive 'quser.txt'
        $myName = @($me -split '\\')[-1]
        [System.IO.File]::WriteAllText($quserTable, " USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME`r`n other                 rdp-tcp#3           2  Active          5  12/6/2026 8:02 AM`r`n>$myName                  console             1  Active      none   12/6/2026 9:14 AM`r`n")
    }
    BeforeEach {
        Restore-Environment
        Use-FakeSystem status
        $env:FAKE_OUTPUT_DSREGCMD = $Utf16Capture
        Mock -ModuleName PrtTools Get-PrtConsoleUserFromCim { throw $CimFailure }
    }
    AfterEach { Restore-Environment }

    It 'finds the console user with the WTS API and says in a warning that WMI failed' {
        $status = Get-PrtStatus -WarningVariable warnings -WarningAction SilentlyContinue
        $status.Context | Should -Be 'CurrentProcess'
        $status.UserName | Should -Be $me
        ($warnings -join ' ') | Should -BeLike '*WMI does not work*found with the WTS session API*'
        Get-ToolCall | Should -Be @('dsregcmd /status')
    }

    It 'falls back to %SystemRoot%\System32\quser.exe when the WTS API fails too' {
        Mock -ModuleName PrtTools Get-PrtConsoleUserFromWts { throw 'WTS is not there' }
        $env:FAKE_OUTPUT_QUSER = $quserTable
        $status = Get-PrtStatus -WarningVariable warnings -WarningAction SilentlyContinue
        $status.Context | Should -Be 'CurrentProcess'
        ($warnings -join ' ') | Should -BeLike '*found with quser.exe*'
        Get-ToolCall | Should -Be @('quser', 'dsregcmd /status')
    }

    It 'reads this logon with a warning when no way tells who is signed in' {
        Mock -ModuleName PrtTools Get-PrtConsoleUserFromWts { throw 'WTS is not there' }
        Mock -ModuleName PrtTools Get-PrtConsoleUserFromExplorer { throw 'explorer.exe is not running' }
        $env:FAKE_EXIT_QUSER = '5'
        $status = Get-PrtStatus -WarningVariable warnings -WarningAction SilentlyContinue
        $status.Context | Should -Be 'CurrentProcess'
        ($warnings -join ' ') | Should -BeLike '*Cannot tell who is signed in*quser.exe exited with code 5*Reading the PRT of this process*'
    }
}

Describe 'The one-shot task with schtasks.exe when ScheduledTasks/CIM is unavailable' -Tag 'Windows' {
    BeforeEach {
        Restore-Environment
        Use-FakeSystem status
        $env:FAKE_OUTPUT_DSREGCMD = $Utf16Capture
        # Run as SYSTEM would: the signed-in user's PRT is read with the task.
        Mock -ModuleName PrtTools Get-PrtConsoleUserFromCim { throw $CimFailure }
        Mock -ModuleName PrtTools Get-PrtProcessIdentity { [pscustomobject]@{ UserName = 'NT AUTHORITY\SYSTEM'; SessionId = 0; IsSystem = $true } }
        $env:FAKE_COPY_XML = Join-Path $TestDrive 'task.xml'
        # /Query: the task ended with exit code 3 (what a prt that could not read dsregcmd returns).
        $queryOutput = Join-Path $TestDrive 'schtasks-query.csv'
        [System.IO.File]::WriteAllText($queryOutput, "`"VM`",`"\PrtTools\PrtTools-AsUser-x`",`"N/A`",`"Ready`",`"Interactive only`",`"12/6/2026 9:20:01 AM`",`"3`",`"SYSTEM`"`r`n")
        $env:FAKE_OUTPUT_SCHTASKS = $queryOutput
    }
    AfterEach { Restore-Environment }

    It 'creates the task from XML in a private folder under %ProgramData%, runs, follows and deletes it' {
        $null = Get-PrtStatus -ErrorVariable allErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        # -ErrorVariable also holds the errors caught inside (the WMI failure): only ours count.
        $failures = @($allErrors | Where-Object { $_.FullyQualifiedErrorId -like 'PrtTools.*' })
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.AsUserFailed,Get-PrtStatus'
        $failures[0].Exception.Message | Should -BeLike '*ended with exit code 3*'
        $calls = Get-ToolCall
        $calls.Count | Should -Be 5
        # (Should -Match does not set $Matches here.)
        $calls[0] -match '^schtasks /Create /TN \\PrtTools\\PrtTools-AsUser-([0-9a-f-]{36}) /XML (.+\\task\.xml) /F$' | Should -BeTrue
        $id = $Matches[1]
        $xmlPath = $Matches[2]
        $folder = Join-Path $env:ProgramData "PrtTools\AsUser\$id"
        $xmlPath | Should -Be (Join-Path $folder 'task.xml')
        $name = "\PrtTools\PrtTools-AsUser-$id"
        $calls[1..4] | Should -Be @("schtasks /Run /TN $name", "schtasks /Query /TN $name /V /FO CSV /NH", "schtasks /End /TN $name", "schtasks /Delete /TN $name /F")
        Test-Path -LiteralPath $folder | Should -BeFalse

        [xml]$task = [System.IO.File]::ReadAllText($env:FAKE_COPY_XML, [System.Text.Encoding]::Unicode)
        $task.Task.Principals.Principal.UserId | Should -Be ([System.Security.Principal.WindowsIdentity]::GetCurrent().Name)
        $task.Task.Principals.Principal.LogonType | Should -Be 'InteractiveToken'
        $task.Task.Principals.Principal.RunLevel | Should -Be 'LeastPrivilege'
        $task.Task.Actions.Exec.Command | Should -Be (& $Module { Get-PrtExePath })
        $task.Task.Actions.Exec.Arguments | Should -Be "status --json --output $folder\status.json"
    }

    It '-WhatIf creates nothing and runs nothing' {
        $result = @(Get-PrtStatus -WhatIf -WarningAction SilentlyContinue -ErrorVariable allErrors)
        $result.Count | Should -Be 0
        @($allErrors | Where-Object { $_.FullyQualifiedErrorId -like 'PrtTools.*' }).Count | Should -Be 0
        Get-ToolCall | Should -Be @()
    }
}

Describe 'Start-PrtTrace and Stop-PrtTrace on the live path' -Tag 'Windows' {
    BeforeEach {
        Restore-Environment
        Use-FakeSystem trace
        $env:FAKE_STATE_DIR = Join-Path $TestDrive 'fakestate'
        $null = New-Item -ItemType Directory -Path $env:FAKE_STATE_DIR -Force
        $env:FAKE_DSREGCMD_OUTPUT = Join-Path $Fixtures 'dsregcmd\hybrid-enterprise-prt.txt'
        $env:PRT_STATE_DIR = Join-Path $TestDrive 'state'
        $env:PRT_RECORDER_SETTLE_MS = '1500'
    }
    AfterEach { Restore-Environment }

    It 'start then stop issue the Windows commands in order and undo them all' {
        # ASCII: the fake tools log their ANSI argv (the Unicode paths are checked above).
        $out = Join-Path $TestDrive 'bundles 42'
        $null = New-Item -ItemType Directory -Path $out
        $session = Start-PrtTrace -NoWait -OutputPath $out
        $session.PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceSession'
        $bundle = Stop-PrtTrace
        $bundle.PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceBundle'
        $bundle.Outcome | Should -Be 'Completed'
        $path = $bundle.BundlePath
        $path | Should -BeLike "$out\PrtTrace-*"
        $calls = Get-ToolCall
        $calls | Should -Contain "netsh trace start scenario=InternetClient_dbg capture=yes persistent=yes report=disabled maxsize=1024 tracefile=$path\network\NetTrace.etl"
        $calls | Should -Contain 'wevtutil sl Microsoft-Windows-AAD/Analytic /e:true /q:true'
        $calls | Should -Contain 'netsh trace stop'
        $calls | Should -Contain 'wevtutil sl Microsoft-Windows-AAD/Analytic /e:false /q:true'
        @($calls | Where-Object { $_ -like 'TTD*' }).Count | Should -Be 0
        Test-Path -LiteralPath (Join-Path $env:FAKE_STATE_DIR 'netsh-trace') | Should -BeFalse
    }

    It 'records no lsass without -Force where no one can answer: ConsentRequired, nothing started' {
        { Start-PrtTrace -NoWait -IncludeLsassTrace -OutputPath (Join-Path $TestDrive 'refused') -ErrorAction Stop } |
            Should -Throw -ErrorId 'PrtTools.ConsentRequired,Start-PrtTrace'
        $calls = Get-ToolCall
        @($calls | Where-Object { $_ -like 'netsh trace start*' -or $_ -like 'TTD*' -or $_ -like 'wevtutil sl*' }).Count | Should -Be 0
    }
}

# Get-PrtStatus without -Path runs dsregcmd on the device. Off Windows that path is reached two
# ways, both with the module as built: the Linux exe in forced live mode (PRT_FORCE_LIVE=1) with
# a fake dsregcmd on PATH, and prt.exe itself under Wine with a fake dsregcmd.exe in PRT_SYSTEM32_DIR
# (DESIGN 6). Wine is not Windows: what only real Windows shows is not proven here.
BeforeDiscovery {
    # Paths as Windows PowerShell 5.1 would pass them on one command line (none exists).
    $windowsPaths = @(
        @{ Case = 'plain'; Value = 'Z:\cases\status.txt' }
        @{ Case = 'spaces'; Value = 'Z:\cases\Jeanne Martin\status 2.txt' }
        @{ Case = 'a quote inside'; Value = 'Z:\cases\say "hi".txt' }
        @{ Case = 'a trailing backslash after a space'; Value = 'Z:\cases\a folder\' }
        @{ Case = 'trailing backslashes without a space'; Value = 'Z:\cases\x\\' }
        @{ Case = 'backslashes before a quote'; Value = 'Z:\cases\a\\"b c' }
        @{ Case = 'a UNC path with a space'; Value = '\\server\share\x y\z.txt' }
        @{ Case = 'non-ASCII letters'; Value = "Z:\cases\caf$([char]0xE9) B$([char]0xFC)ro.txt" }
        @{ Case = 'a tab'; Value = "Z:\cases\a`tb.txt" }
    )
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $utf16 = Get-Fixture 'utf16le-bom-crlf.txt'
    $callLog = Join-Path $TestDrive 'calls.log'
    $savedPath = $env:PATH
    $liveVariables = @('PRT_FORCE_LIVE', 'PRT_TOOL_TIMEOUT_MS', 'FAKE_TOOL_LOG', 'FAKE_DSREGCMD_OUTPUT', 'FAKE_DSREGCMD_MODE', 'WINEPATH', 'PRT_SYSTEM32_DIR', 'PRT_EXE', 'PRT_COMMAND_LINE_FILE')

    function Clear-LiveEnvironment {
        foreach ($name in $liveVariables) { Remove-Item -Path "env:$name" -ErrorAction SilentlyContinue }
        $env:PATH = $savedPath
        Clear-FakePrt
    }
    function ConvertTo-WinePath {
        # Wine maps the Unix root to drive Z:.
        param([string] $Path)
        'Z:' + $Path.Replace('/', '\')
    }
}

AfterAll {
    Clear-LiveEnvironment
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Get-PrtStatus live, the Linux exe in forced live mode' -Skip:$IsWindows {
    BeforeEach {
        Clear-LiveEnvironment
        $env:PRT_FORCE_LIVE = '1'
        $env:PATH = (Join-Path $RepoRoot 'test/fakes/bin') + [System.IO.Path]::PathSeparator + $savedPath
        $env:FAKE_TOOL_LOG = $callLog
        $env:FAKE_DSREGCMD_OUTPUT = $utf16
        [System.IO.File]::WriteAllText($callLog, '')
    }
    AfterEach { Clear-LiveEnvironment }

    It 'runs dsregcmd /status once and returns the device''s status' {
        $status = Get-PrtStatus
        $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        $status.Source.Kind | Should -Be 'Live'
        $status.TenantName | Should -Be "Contoso B$([char]0xFC)rodienste GmbH"
        Get-Content -LiteralPath $callLog | Should -Be @('dsregcmd /status')
    }

    It 'reports a failing dsregcmd with the exe''s message, ResourceUnavailable' {
        $env:FAKE_DSREGCMD_MODE = 'fail'
        $results = @(Get-PrtStatus -ErrorVariable errors -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 0
        $errors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.ToolFailed,Get-PrtStatus'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $errors[0].Exception.Message | Should -BeLike '*exited with code 87*'
    }

    It 'reports a hanging dsregcmd as OperationTimeout' {
        $env:FAKE_DSREGCMD_MODE = 'hang'
        $env:PRT_TOOL_TIMEOUT_MS = '1000'
        $null = Get-PrtStatus -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
    }
}

Describe 'Get-PrtStatus with prt.exe under Wine' -Skip:$IsWindows {
    BeforeAll {
        Assert-WineReady
        $fakeBin = Join-Path $TestDrive 'winbin'
        $null = New-Item -ItemType Directory -Path $fakeBin
        & x86_64-w64-mingw32-gcc -O2 -o (Join-Path $fakeBin 'dsregcmd.exe') (Join-Path $RepoRoot 'test/fakes/win/fake-tool.c')
        if ($LASTEXITCODE -ne 0) { throw 'cannot build the fake dsregcmd.exe' }
        $runner = Join-Path $TestDrive 'run-command-line.exe'
        & x86_64-w64-mingw32-gcc -O2 -o $runner (Join-Path $PSScriptRoot 'wine/run-command-line.c')
        if ($LASTEXITCODE -ne 0) { throw 'cannot build run-command-line.exe' }
        $wrapper = Join-Path $PSScriptRoot 'wine/prt-under-wine'
        if (-not $IsWindows) {
            $fileMode = [System.IO.File]::GetUnixFileMode($wrapper)
            [System.IO.File]::SetUnixFileMode($wrapper, $fileMode -bor [System.IO.UnixFileMode]::UserExecute)
        }

        function Use-WindowsExe {
            Clear-LiveEnvironment
            $env:PRTTOOLS_EXE = $wrapper
            $env:PRT_EXE = Join-Path $ModuleDir 'bin/prt.exe'
        }
    }
    AfterEach { Clear-LiveEnvironment }

    It 'reads a UTF-16 capture to the same status as the Linux exe' {
        $linux = Get-PrtStatus -Path $utf16
        Use-WindowsExe
        $windows = Get-PrtStatus -Path $utf16
        $windows.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        ($windows | ConvertTo-Json -Depth 6) | Should -Be ($linux | ConvertTo-Json -Depth 6)
    }

    It 'gets a file name with spaces and non-ASCII letters through to prt.exe' {
        $odd = Join-Path $TestDrive "ticket 42 caf$([char]0xE9) status.txt"
        Copy-Item -LiteralPath $utf16 -Destination $odd
        Use-WindowsExe
        $status = Get-PrtStatus -Path $odd
        $status.Source.Path | Should -Be $odd
        $status.Health | Should -Be 'Healthy'
    }

    It 'reports a file that is not dsregcmd output exactly as the Linux exe does' {
        $notDsregcmd = Get-Fixture 'not-dsregcmd.txt'
        $null = Get-PrtStatus -Path $notDsregcmd -ErrorVariable linuxErrors -ErrorAction SilentlyContinue
        Use-WindowsExe
        $null = Get-PrtStatus -Path $notDsregcmd -ErrorVariable windowsErrors -ErrorAction SilentlyContinue
        $windowsErrors[0].FullyQualifiedErrorId | Should -Be $linuxErrors[0].FullyQualifiedErrorId
        $windowsErrors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $windowsErrors[0].Exception.Message | Should -Be $linuxErrors[0].Exception.Message
    }

    It 'runs dsregcmd.exe from the system folder without -Path and returns the device''s status' {
        Use-WindowsExe
        # prt.exe runs system tools from System32 by full path; in forced live mode the fakes' folder stands in for it.
        $env:PRT_FORCE_LIVE = '1'
        $env:PRT_SYSTEM32_DIR = ConvertTo-WinePath $fakeBin
        $env:FAKE_TOOL_LOG = ConvertTo-WinePath $callLog
        $env:FAKE_DSREGCMD_OUTPUT = ConvertTo-WinePath $utf16
        [System.IO.File]::WriteAllText($callLog, '')
        $status = Get-PrtStatus
        $status.Source.Kind | Should -Be 'Live'
        $status.JoinType | Should -Be 'HybridAzureAdJoined'
        $status.TenantName | Should -Be "Contoso B$([char]0xFC)rodienste GmbH"
        Get-Content -LiteralPath $callLog | Should -Be @('dsregcmd /status')
    }

    It 'reports a missing dsregcmd.exe as NotInstalled' {
        Use-WindowsExe
        $null = Get-PrtStatus -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].CategoryInfo.Category | Should -Be 'NotInstalled'
        $errors[0].Exception.Message | Should -BeLike '*dsregcmd*'
    }

    Context 'Windows PowerShell 5.1''s one command line, split by prt.exe' {
        # .NET Framework has no ArgumentList: the module quotes the arguments into one string,
        # and CreateProcess hands it to prt.exe, whose C runtime splits it (here: Wine's).
        It 'gets a path with <Case> through unchanged' -ForEach $windowsPaths {
            $startInfo = InModuleScope PrtTools -Parameters @{ Argument = @('status', '--input', $Value, '--json') } {
                param($Argument)
                New-PrtProcessStartInfo -FilePath 'prt.exe' -Argument $Argument -UseArgumentString
            }
            # What .NET Framework's Process.Start builds: the quoted file name, then Arguments.
            $commandLine = '"' + (ConvertTo-WinePath (Join-Path $ModuleDir 'bin/prt.exe')) + '" ' + $startInfo.Arguments
            $commandFile = Join-Path $TestDrive 'command-line.txt'
            [System.IO.File]::WriteAllText($commandFile, $commandLine, (New-Object System.Text.UTF8Encoding $false))
            Clear-LiveEnvironment
            $env:PRT_EXE = $runner
            $env:PRT_COMMAND_LINE_FILE = ConvertTo-WinePath $commandFile
            $stderr = & bash (Join-Path $RepoRoot 'scripts/lib/run-prt-exe.sh') 2>&1 | ForEach-Object { "$_" }
            $LASTEXITCODE | Should -Be 3 -Because "prt.exe says the file does not exist: $stderr"
            $message = (($stderr -join "`n") | ConvertFrom-Json).Error.Message
            $message.Contains('`' + $Value + '`') | Should -BeTrue -Because "prt.exe must name the path exactly; it said: $message"
        }
    }
}

# How the module runs the exe and reads its answers (DESIGN 4), for what the real exe cannot be
# made to do on demand: crash, print garbage, flood stderr, wait on stdin, echo its arguments.
# These use the fake exe (fakes/prt-fake) through PRTTOOLS_EXE; everything else uses the real one.
BeforeDiscovery {
    . $PSScriptRoot/TestHelpers.ps1
    $hardArguments = @(
        @{ Case = 'a plain word'; Value = 'status' }
        @{ Case = 'spaces'; Value = 'C:\Users\Jeanne Martin\Desktop\status 2.txt' }
        @{ Case = 'an empty string'; Value = '' }
        @{ Case = 'a quote inside'; Value = 'say "hi" now' }
        @{ Case = 'a quote alone'; Value = '"' }
        @{ Case = 'a backslash before a quote'; Value = 'a\"b' }
        @{ Case = 'backslashes before a quote'; Value = 'a\\\"b c' }
        @{ Case = 'a trailing backslash and a space'; Value = 'C:\Program Files\' }
        @{ Case = 'trailing backslashes without a space'; Value = 'C:\temp\\' }
        @{ Case = 'backslashes not before a quote'; Value = '\\server\share\x y\z' }
        @{ Case = 'a tab'; Value = "a`tb" }
        @{ Case = 'non-ASCII letters'; Value = "Sant$([char]0xE9) B$([char]0xFC)ro" }
        @{ Case = 'a dash first'; Value = '--not-an-option' }
    )
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $healthy = Get-Fixture 'healthy-aadj.txt'
    $argsFile = Join-Path $TestDrive 'args.bin'

    function Get-FakeArgument {
        # What the fake received, one string per argument (it writes them NUL-separated).
        $text = [System.IO.File]::ReadAllText($argsFile, [System.Text.Encoding]::UTF8)
        Remove-Item -LiteralPath $argsFile
        if ($text.Length -gt 0) { $text.Substring(0, $text.Length - 1).Split([char]0) }
    }
}

AfterAll {
    Clear-FakePrt
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'The arguments the module passes' {
    AfterEach { Clear-FakePrt }

    BeforeEach {
        Use-FakePrt -Mode 'echo-args' -Environment @{ PRT_FAKE_ARGS_FILE = $argsFile }
    }

    It 'are status --json without -Path' {
        $null = Get-PrtStatus
        Get-FakeArgument | Should -Be @('status', '--json')
    }

    It 'are status --sample --json for -Sample' {
        $null = Get-PrtStatus -Sample
        Get-FakeArgument | Should -Be @('status', '--sample', '--json')
    }

    It 'are status --input, the full path and --json for -Path' {
        $null = Get-PrtStatus -Path $healthy
        Get-FakeArgument | Should -Be @('status', '--input', $healthy, '--json')
    }

    It 'add --now as ISO 8601 UTC with milliseconds' {
        $null = Get-PrtStatus -Path $healthy -Now '2026-11-20T10:14:03.5+01:00'
        Get-FakeArgument | Should -Be @('status', '--input', $healthy, '--now', '2026-11-20T09:14:03.500Z', '--json')
    }

    It 'turn a UTC -Now into the same instant' {
        $null = Get-PrtStatus -Sample -Now ([datetime]::SpecifyKind([datetime]'2026-01-02T03:04:05', 'Utc'))
        Get-FakeArgument | Should -Be @('status', '--sample', '--now', '2026-01-02T03:04:05.000Z', '--json')
    }
}

Describe 'One command line for Windows PowerShell 5.1 (ProcessStartInfo.Arguments)' {
    AfterEach { Clear-FakePrt }

    # .NET splits Arguments by the MSVCRT rules on every OS, so the quoting is tested here as it
    # will be parsed by prt.exe on Windows.
    BeforeEach {
        Use-FakePrt -Mode 'echo-args' -Environment @{ PRT_FAKE_ARGS_FILE = $argsFile }
    }

    BeforeAll {
        function Invoke-FakeWith {
            param([string[]] $Argument, [switch] $UseArgumentString)
            $startInfo = InModuleScope PrtTools -Parameters @{ Exe = $FakeExe; Argument = $Argument; UseArgumentString = [bool]$UseArgumentString } {
                param($Exe, $Argument, $UseArgumentString)
                New-PrtProcessStartInfo -FilePath $Exe -Argument $Argument -UseArgumentString:$UseArgumentString
            }
            $process = [System.Diagnostics.Process]::Start($startInfo)
            $process.StandardInput.Close()
            $null = $process.StandardOutput.ReadToEnd()
            $process.WaitForExit()
            Get-FakeArgument
        }
    }

    It 'keeps <Case> one argument, unchanged' -ForEach $hardArguments {
        Invoke-FakeWith -Argument @('before', $Value, 'after') -UseArgumentString | Should -Be @('before', $Value, 'after')
    }

    It 'keeps all of them apart in one command line' -ForEach @(@{ All = @($hardArguments.Value) }) {
        Invoke-FakeWith -Argument $All -UseArgumentString | Should -Be $All
    }

    It 'quotes only what needs it' {
        InModuleScope PrtTools { ConvertTo-PrtCommandLine -Argument @('status', '--input', 'C:\a b\c.txt', '--json') } |
            Should -Be 'status --input "C:\a b\c.txt" --json'
    }

    It 'doubles backslashes only before a quote' {
        InModuleScope PrtTools { ConvertTo-PrtCommandLine -Argument @('a\"b', 'C:\x y\', '\\s\x') } |
            Should -Be '"a\\\"b" "C:\x y\\" \\s\x'
    }

    It 'is not needed on PowerShell 7, which has ArgumentList: <Case>' -ForEach $hardArguments {
        Invoke-FakeWith -Argument @('before', $Value, 'after') | Should -Be @('before', $Value, 'after')
    }
}

Describe 'Reading the exe''s answer' {
    AfterEach { Clear-FakePrt }

    It 'decodes stdout as UTF-8' {
        Use-FakePrt -Mode 'document' -Environment @{ PRT_FAKE_DOCUMENT = $FakeDocument }
        (Get-PrtStatus -Sample).TenantName | Should -Be "R$([char]0xE9)pertoire par d$([char]0xE9)faut"
    }

    It 'decodes stderr as UTF-8' {
        Use-FakePrt -Mode 'error' -Environment @{ PRT_FAKE_EXIT = '3'; PRT_FAKE_ERROR_ID = 'Bad'; PRT_FAKE_ERROR_MESSAGE = "caf$([char]0xE9).txt is not dsregcmd output"; PRT_FAKE_ERROR_CATEGORY = 'InvalidData' }
        $null = Get-PrtStatus -Sample -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].Exception.Message | Should -Be "caf$([char]0xE9).txt is not dsregcmd output"
    }

    It 'does not hang when the exe writes a lot on stderr before stdout' {
        # A reader that drained stdout first would wait forever: run it in a job with a timeout.
        Use-FakePrt -Mode 'noisy'
        $job = Start-Job -ScriptBlock { param($ModulePath) Import-Module $ModulePath; Get-PrtStatus -Sample } -ArgumentList $ModulePath
        $finished = Wait-Job -Job $job -Timeout 60
        $result = if ($finished) { Receive-Job -Job $job } else { Stop-Job -Job $job }
        Remove-Job -Job $job -Force
        $finished | Should -Not -BeNullOrEmpty -Because 'the call must not deadlock'
        $result.Ok | Should -BeTrue
    }

    It 'closes the exe''s stdin, so a prompt can never wait for a user' {
        Use-FakePrt -Mode 'stdin'
        $job = Start-Job -ScriptBlock { param($ModulePath) Import-Module $ModulePath; Get-PrtStatus -Sample } -ArgumentList $ModulePath
        $finished = Wait-Job -Job $job -Timeout 60
        $result = if ($finished) { Receive-Job -Job $job } else { Stop-Job -Job $job }
        Remove-Job -Job $job -Force
        $finished | Should -Not -BeNullOrEmpty -Because 'the exe read stdin to its end'
        $result.Ok | Should -BeTrue
    }
}

Describe 'Converting the document' {
    AfterEach { Clear-FakePrt }

    BeforeAll {
        Use-FakePrt -Mode 'document' -Environment @{ PRT_FAKE_DOCUMENT = $FakeDocument }
        $status = Get-PrtStatus -Sample
    }

    It 'turns a time with an offset into UTC' {
        # "2026-11-20T14:10:00+01:00"
        $status.CaptureTime.Kind | Should -Be 'Utc'
        $status.CaptureTime | Should -Be ([datetime]::SpecifyKind([datetime]'2026-11-20T13:10:00', 'Utc'))
    }

    It 'makes a whole-number PrtAgeHours a [double] too' {
        $status.PrtAgeHours | Should -BeOfType [double]
        $status.PrtAgeHours | Should -Be 5
    }

    It 'leaves a field value that looks like a time a [string], as Windows PowerShell 5.1 does' {
        $field = @($status.Sections)[0].Fields | Where-Object Name -eq 'Odd'
        $field.Value | Should -BeOfType [string]
        $field.Value | Should -Be '2026-11-20T09:14:03.000Z'
    }

    It 'turns <Value> (<Kind>) into <Expected> UTC' -ForEach @(
        @{ Kind = 'String'; Value = '2026-11-20T09:14:03.000Z'; Expected = '2026-11-20T09:14:03.0000000Z' }
        @{ Kind = 'String'; Value = '2026-11-20T10:14:03.250+01:00'; Expected = '2026-11-20T09:14:03.2500000Z' }
        @{ Kind = 'String'; Value = '2026-11-20T09:14:03'; Expected = '2026-11-20T09:14:03.0000000Z' }
        @{ Kind = 'DateTime'; Value = [datetime]::SpecifyKind([datetime]'2026-11-20T09:14:03', 'Utc'); Expected = '2026-11-20T09:14:03.0000000Z' }
        @{ Kind = 'DateTime'; Value = [datetime]::SpecifyKind([datetime]'2026-11-20T09:14:03', 'Unspecified'); Expected = '2026-11-20T09:14:03.0000000Z' }
        @{ Kind = 'DateTime'; Value = [datetimeoffset]::Parse('2026-11-20T10:14:03+01:00', [cultureinfo]::InvariantCulture).LocalDateTime; Expected = '2026-11-20T09:14:03.0000000Z' }
    ) {
        $converted = InModuleScope PrtTools -Parameters @{ Value = $Value } { param($Value) ConvertTo-PrtDateTime -Value $Value }
        $converted | Should -BeOfType [datetime]
        $converted.Kind | Should -Be 'Utc'
        $converted.ToString('o', [cultureinfo]::InvariantCulture) | Should -Be $Expected
    }

    It 'leaves an unreadable time as it is, and reports no error' {
        $result = InModuleScope PrtTools { ConvertTo-PrtDateTime -Value 'UNKNOWN' -ErrorVariable parseErrors; @($parseErrors).Count }
        $result | Should -Be @('UNKNOWN', 0)
    }
}

Describe 'Exe failures outside the contract' {
    AfterEach { Clear-FakePrt }

    It 'reports a crash (exit 70, a stack trace) as PrtTools.InternalError with the trace' {
        Use-FakePrt -Mode 'crash'
        $results = @(Get-PrtStatus -Sample -ErrorVariable errors -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 0
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.InternalError,Get-PrtStatus'
        $errors[0].CategoryInfo.Category | Should -Be 'NotSpecified'
        $errors[0].Exception.Message | Should -BeLike '*exit code 70*bug*'
        $errors[0].Exception.Message | Should -BeLike "*TypeError: Cannot read properties of undefined (reading 'Fields')*"
    }

    It 'reports output that is not JSON as PrtTools.InvalidJson, InvalidResult' {
        Use-FakePrt -Mode 'not-json'
        $null = Get-PrtStatus -Sample -ErrorVariable errors -ErrorAction SilentlyContinue
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.InvalidJson,Get-PrtStatus'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $errors[0].Exception.Message | Should -BeLike '*PrtTools says hello*'
    }

    It 'reports no output at all as PrtTools.InvalidJson' {
        Use-FakePrt -Mode 'empty'
        $null = Get-PrtStatus -Sample -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.InvalidJson,Get-PrtStatus'
        $errors[0].Exception.Message | Should -BeLike '*printed nothing*'
    }

    It 'reports JSON cut short as PrtTools.InvalidJson' {
        Use-FakePrt -Mode 'cut-json'
        $results = @(Get-PrtStatus -Sample -ErrorVariable errors -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 0
        # The parser's own error comes first; the module's says what it means.
        $errors[-1].FullyQualifiedErrorId | Should -Be 'PrtTools.InvalidJson,Get-PrtStatus'
        $errors[-1].Exception.InnerException | Should -Not -BeNullOrEmpty
    }

    It 'throws them with -ErrorAction Stop' {
        Use-FakePrt -Mode 'crash'
        { Get-PrtStatus -Sample -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.InternalError,Get-PrtStatus'
    }
}

Describe 'The category of a contract error' {
    AfterEach { Clear-FakePrt }

    It 'is the exe''s Category <Category> when it names one' -ForEach @(
        @{ Category = 'InvalidArgument'; Exit = 2 }
        @{ Category = 'InvalidData'; Exit = 3 }
        @{ Category = 'PermissionDenied'; Exit = 3 }
        @{ Category = 'ResourceUnavailable'; Exit = 4 }
        @{ Category = 'NotInstalled'; Exit = 4 }
        @{ Category = 'OperationTimeout'; Exit = 4 }
        @{ Category = 'OperationStopped'; Exit = 5 }
        @{ Category = 'NotImplemented'; Exit = 4 }
    ) {
        Use-FakePrt -Mode 'error' -Environment @{ PRT_FAKE_EXIT = "$Exit"; PRT_FAKE_ERROR_ID = 'Some'; PRT_FAKE_ERROR_MESSAGE = 'went wrong'; PRT_FAKE_ERROR_CATEGORY = $Category }
        $null = Get-PrtStatus -Sample -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].CategoryInfo.Category | Should -Be $Category
        $errors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.Some,Get-PrtStatus'
        $errors[0].Exception.Message | Should -Be 'went wrong'
    }

    It 'follows the exit code <Exit> when the Category is unknown' -ForEach @(
        @{ Exit = 2; Expected = 'InvalidArgument' }
        @{ Exit = 3; Expected = 'InvalidData' }
        @{ Exit = 4; Expected = 'ResourceUnavailable' }
        @{ Exit = 5; Expected = 'OperationStopped' }
        @{ Exit = 9; Expected = 'NotSpecified' }
    ) {
        Use-FakePrt -Mode 'error' -Environment @{ PRT_FAKE_EXIT = "$Exit"; PRT_FAKE_ERROR_CATEGORY = 'SomethingNew' }
        $null = Get-PrtStatus -Sample -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].CategoryInfo.Category | Should -Be $Expected
    }
}

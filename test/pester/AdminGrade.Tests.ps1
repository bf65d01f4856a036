# Issue 13, part 2: what an admin's scripts need from the module (consent, preferences, -Since,
# pipelines, batches, -LiteralPath). Runs in `pwsh -NonInteractive` (scripts/pester.sh): no
# prompt can be shown here, which is what the consent tests rely on.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $env:PRT_STATE_DIR = Join-Path $TestDrive 'state'
    $env:PRT_SIM_SPEED = '400'
    $pwsh = if ($env:PWSH) { $env:PWSH } else { (Get-Command -Name pwsh -CommandType Application | Select-Object -First 1).Source }
    $missingPrt = Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt'
    $events = Join-Path $RepoRoot 'test/fixtures/events/wrong-password-50126.analytic.xml'
}

AfterAll {
    Remove-Item -Path 'env:PRT_STATE_DIR', 'env:PRT_SIM_SPEED' -ErrorAction SilentlyContinue
    Clear-FakePrt
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Consent: no answer is no (item 1)' {
    BeforeEach {
        $counting = New-CountingPrt
        $env:PRTTOOLS_EXE = $counting.Path
    }
    AfterEach {
        Clear-FakePrt
        $null = Stop-PrtTrace -Simulate healthy -ErrorAction SilentlyContinue
    }

    It 'this host cannot prompt (the premise of these tests)' {
        { $Host.UI.PromptForChoice('x', 'y', [System.Management.Automation.Host.ChoiceDescription[]]@('&Yes', '&No'), 0) } | Should -Throw
    }

    It 'Start-PrtTrace -IncludeLsassTrace without -Force stops with ConsentRequired and starts nothing' {
        { Start-PrtTrace -Simulate healthy -IncludeLsassTrace -NoWait -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.ConsentRequired,Start-PrtTrace'
        $calls = @(Get-PrtCall -Counting $counting)
        $calls.Count | Should -Be 1
        $calls[0] | Should -BeLike 'trace start --dry-run *'
        $calls -join "`n" | Should -Not -BeLike '*--yes*'
        (Get-PrtTraceStatus -Simulate healthy).Active | Should -BeFalse
    }

    It 'Start-PrtTrace -IncludeLsassTrace -Force records lsass (with --yes)' {
        $session = Start-PrtTrace -Simulate healthy -IncludeLsassTrace -Force -NoWait
        $session.PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceSession'
        @(Get-PrtCall -Counting $counting) | Where-Object { $_ -like 'trace start --lsass-trace*' } | Should -BeLike '*--yes*'
    }

    It 'Start-PrtTrace -Confirm where nobody can answer starts nothing' {
        { Start-PrtTrace -Simulate healthy -NoWait -Confirm -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.ConsentRequired,Start-PrtTrace'
        @(Get-PrtCall -Counting $counting | Where-Object { $_ -notlike 'trace start --dry-run*' }).Count | Should -Be 0
    }

    It 'Stop-PrtTrace -Confirm where nobody can answer stops nothing' {
        $null = Start-PrtTrace -Simulate healthy -NoWait
        { Stop-PrtTrace -Simulate healthy -Confirm -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.ConsentRequired,Stop-PrtTrace'
        @(Get-PrtCall -Counting $counting | Where-Object { $_ -like 'trace stop*' }).Count | Should -Be 0
        (Get-PrtTraceStatus -Simulate healthy).Active | Should -BeTrue
    }
}

Describe 'The caller''s preferences (item 2)' {
    It '-WhatIf shows the trace''s steps and no "Set variable" step' {
        $command = "`$env:PRT_STATE_DIR = '$($env:PRT_STATE_DIR)'; Import-Module '$ModulePath'; Start-PrtTrace -Simulate healthy -WhatIf"
        $output = (& $pwsh -NoProfile -NonInteractive -Command $command 2>&1 | Out-String)
        $output | Should -Match 'What if:'
        $output | Should -Not -Match 'Set variable'
    }

    It 'carries $VerbosePreference from the calling function' {
        function Invoke-Chatty { $VerbosePreference = 'Continue'; Get-PrtStatus -Sample 4>&1 }
        $verbose = @(Invoke-Chatty | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose.Count | Should -BeGreaterThan 0
        @(Get-PrtStatus -Sample 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
    }
}

Describe 'Get-PrtError -Since (item 3)' {
    BeforeEach {
        $counting = New-CountingPrt
        $env:PRTTOOLS_EXE = $counting.Path
    }
    AfterEach { Clear-FakePrt }

    It 'takes a <Case>' -ForEach @(
        @{ Case = '[timespan] from New-TimeSpan'; Value = { New-TimeSpan -Days 3 }; Expected = { [datetime]::UtcNow.AddDays(-3) } }
        @{ Case = '[datetime] from Get-Date'; Value = { (Get-Date).AddHours(-2) }; Expected = { [datetime]::UtcNow.AddHours(-2) } }
    ) {
        $since = & $Value
        $null = Get-PrtError -DsregcmdPath $missingPrt -EventPath $events -Since $since -ErrorAction SilentlyContinue
        $call = @(Get-PrtCall -Counting $counting)[0]
        $call -match '--since (\S+)' | Should -BeTrue
        $sent = [datetime]::Parse($Matches[1], [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind).ToUniversalTime()
        [Math]::Abs(($sent - (& $Expected)).TotalMinutes) | Should -BeLessThan 2
    }
}

Describe 'Pipelines admins write (item 4)' {
    It 'Get-PrtStatus | Get-PrtError explains the status''s diagnostics' {
        $status = Get-PrtStatus -Path $missingPrt
        $found = @($status | Get-PrtError)
        $found.Count | Should -Be @($status.Diagnostics | Where-Object { $_.AttemptStatus }).Count
        $found[0].Input | Should -Be @($status.Diagnostics)[0].AttemptStatus
        $found[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.ErrorInfo'
    }

    It 'Get-PrtError -EventPath ... | Get-PrtError explains each attempt''s status' {
        $attempts = @(Get-PrtError -DsregcmdPath $missingPrt -EventPath $events)
        $found = @($attempts | Get-PrtError)
        $found.Count | Should -Be @($attempts | Where-Object { $_.Status }).Count
        $found[0].Name | Should -Be 'STATUS_LOGON_FAILURE'
    }

    It 'an ErrorInfo piped back is explained by its Input, never by its 16-bit Code field' {
        $info = Get-PrtError -Code '0xc000006d'
        $info.Code | Should -BeOfType [int]
        $again = @($info | Get-PrtError -ErrorVariable errors)
        @($errors).Count | Should -Be 0
        $again.Input | Should -Be '0xc000006d'
        $again.Name | Should -Be 'STATUS_LOGON_FAILURE'
    }

    It 'a deserialized status (remoting) works the same' {
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-PrtStatus -Path $missingPrt), 5))
        @($copy | Get-PrtError)[0].Name | Should -Be 'STATUS_LOGON_FAILURE'
    }
}

Describe 'Batch: many captures, few starts of prt (item 5)' {
    BeforeAll {
        $folder = Join-Path $TestDrive 'captures'
        $null = New-Item -ItemType Directory -Path $folder
        $names = @('stale-prt.txt', 'healthy-aadj.txt', 'expired-prt.txt', 'utf16le-bom-crlf.txt', 'not-dsregcmd.txt', 'missing-prt-0xc000006d-aadsts50126.txt')
        foreach ($name in $names) { Copy-Item -LiteralPath (Get-Fixture $name) -Destination (Join-Path $folder $name) }
    }
    BeforeEach {
        $counting = New-CountingPrt
        $env:PRTTOOLS_EXE = $counting.Path
    }
    AfterEach { Clear-FakePrt }

    It 'Get-ChildItem | Get-PrtStatus starts prt once, in order, and names the bad file in its error' {
        $files = @(Get-ChildItem -LiteralPath $folder -Filter *.txt | Sort-Object Name)
        $statuses = @($files | Get-PrtStatus -ErrorVariable errors -ErrorAction SilentlyContinue)
        $calls = @(Get-PrtCall -Counting $counting)
        $calls.Count | Should -Be 1
        ([regex]::Matches($calls[0], '--input')).Count | Should -Be $files.Count
        $statuses.Count | Should -Be ($files.Count - 1)
        $statuses.Source.Path | Should -Be @($files | Where-Object Name -ne 'not-dsregcmd.txt' | ForEach-Object FullName)
        $prtErrors = @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'PrtTools.*' })
        $prtErrors.Count | Should -Be 1
        $prtErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotDsregcmdOutput,Get-PrtStatus'
        $prtErrors[0].TargetObject | Should -Be (Join-Path $folder 'not-dsregcmd.txt')
    }

    It 'gives the same statuses as one file at a time' {
        $one = Get-PrtStatus -Path (Join-Path $folder 'stale-prt.txt')
        $many = @(Get-PrtStatus -Path (Join-Path $folder 'stale-prt.txt'), (Join-Path $folder 'healthy-aadj.txt'))
        ($many[0] | ConvertTo-Json -Depth 6) | Should -Be ($one | ConvertTo-Json -Depth 6)
    }

    It 'prt status keeps every repeated --input (it kept only the last)' {
        $result = Invoke-RealPrt -Argument @('status', '--json', '--input', (Join-Path $folder 'stale-prt.txt'), '--input', (Join-Path $folder 'healthy-aadj.txt'))
        $result.ExitCode | Should -Be 0
        @($result.Document).Count | Should -Be 2
        @($result.Document)[0].Source.Path | Should -Be (Join-Path $folder 'stale-prt.txt')
    }
}

Describe 'Conventions (item 13)' {
    It '-LiteralPath takes [brackets] literally and binds Get-ChildItem''s PSPath' {
        $odd = Join-Path $TestDrive 'ticket[1].txt'
        Copy-Item -LiteralPath (Get-Fixture 'stale-prt.txt') -Destination $odd
        (Get-PrtStatus -LiteralPath $odd).Source.Path | Should -Be $odd
        (Get-Item -LiteralPath $odd | Get-PrtStatus).Source.Path | Should -Be $odd
        (Get-Command Get-PrtStatus).Parameters['LiteralPath'].Aliases | Should -Contain 'PSPath'
    }

    It 'no cmdlet writes with Write-Host' {
        $hits = @(Get-ChildItem -LiteralPath (Join-Path $ModuleSourceDir 'Public'), (Join-Path $ModuleSourceDir 'Private') -Filter *.ps1 |
                Select-String -Pattern '\bWrite-Host\b')
        $hits | Should -BeNullOrEmpty
    }
}

Describe 'Messages in PowerShell terms; documented error ids are the real ones (item 7)' {
    AfterEach { $null = Stop-PrtTrace -Simulate healthy -ErrorAction SilentlyContinue }

    It 'a second trace is refused with Stop-PrtTrace in the message, not `prt trace stop`' {
        $first = Start-PrtTrace -Simulate healthy -NoWait
        $first.NextStep | Should -BeLike '*Stop-PrtTrace*'
        $first.NextStep | Should -Not -BeLike '*prt trace*'
        $null = Start-PrtTrace -Simulate healthy -NoWait -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].Exception.Message | Should -BeLike '*Stop-PrtTrace*'
        $refused[0].Exception.Message | Should -Not -BeLike '*`prt trace stop`*'
    }

    It 'the text turns prt''s commands and options into cmdlets and parameters' {
        & (Get-Module PrtTools) { ConvertTo-PrtCmdletText -Text 'run `prt explain 0xc000006d`, `prt status` or --sample; `prt trace stop` (Stop-PrtTrace)' } |
            Should -Be 'run Get-PrtError -Code 0xc000006d, Get-PrtStatus or -Sample; Stop-PrtTrace'
    }

    It 'a code argument holding two codes is refused in PowerShell terms, naming both' {
        $null = Get-PrtError -Code '0xc000006d or 0x80070005' -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotACode,Get-PrtError'
        $refused[0].Exception.Message | Should -Be '"0xc000006d or 0x80070005" holds more than one code (0xc000006d, 0x80070005): give one code per argument, or the whole text with -Text.'
    }

    It 'a code pasted with its label is explained (Error: 0x80070520)' {
        (Get-PrtError -Code 'Error: 0x80070520').Name | Should -Be 'HRESULT_FROM_WIN32(ERROR_NO_SUCH_LOGON_SESSION)'
    }

    It 'every ErrorId Get-PrtError -Code writes is one its help names (<Value>)' -ForEach @(
        @{ Value = 'bogus!' }
        @{ Value = 'STATUS_NO_SUCH_THING_AT_ALL' }
        @{ Value = '0x1ffffffff' }
    ) {
        $null = Get-PrtError -Code $Value -ErrorVariable failures -ErrorAction SilentlyContinue
        $id = ($failures[0].FullyQualifiedErrorId -split ',')[0]
        $id | Should -BeLike 'PrtTools.*'
        (Get-Help Get-PrtError).Description.Text | Should -BeLike "*$id*"
    }
}

Describe 'Get-PrtFleetSummary on real-world input (item 11)' {
    BeforeAll {
        $stale = Get-PrtStatus -Path (Get-Fixture 'stale-prt.txt')
        $missing = Get-PrtStatus -Path $missingPrt
    }

    It 'counts a device given twice once' {
        $summary = $stale, $stale, $missing | Get-PrtFleetSummary
        $summary.DeviceCount | Should -Be 2
    }

    It 'names a capture without a device name by its file' {
        $nameless = $missing.PSObject.Copy()
        $nameless.DeviceName = $null
        $summary = $nameless | Get-PrtFleetSummary
        @($summary.Health)[0].Devices | Should -Be @('missing-prt-0xc000006d-aadsts50126.txt')
    }

    It 'says what went wrong with rows of Import-Csv (no Diagnostics) and how to keep statuses' {
        $csv = Join-Path $TestDrive 'fleet.csv'
        $stale | Export-Csv -LiteralPath $csv -NoTypeInformation
        $null = Import-Csv -LiteralPath $csv | Get-PrtFleetSummary -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotAStatus,Get-PrtFleetSummary'
        $failures[0].Exception.Message | Should -BeLike '*Export-Clixml*'
    }
}

Describe 'Test-PrtHealth with several paths (item 12)' {
    It 'says which path each answer is about, and a capture it cannot read is an error naming it' {
        $paths = @((Get-Fixture 'stale-prt.txt'), (Get-Fixture 'healthy-aadj.txt'), (Get-Fixture 'not-dsregcmd.txt'))
        $results = @(Test-PrtHealth -Path $paths -Now '2026-11-20T12:00:00Z' -ErrorVariable failures -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 2
        $results[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.HealthTest'
        $results.Path | Should -Be @($paths[0], $paths[1])
        $results[0].Healthy | Should -BeOfType [bool]
        $prtFailures = @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'PrtTools.*' })
        $prtFailures.Count | Should -Be 1
        $prtFailures[0].TargetObject | Should -Be $paths[2]
    }

    It 'one path still answers $true or $false' {
        Test-PrtHealth -Path (Get-Fixture 'healthy-aadj.txt') -Now '2026-11-20T12:00:00Z' | Should -BeOfType [bool]
    }
}

Describe 'Help and the shipped module (item 14)' {
    It 'has an about_PrtTools topic' {
        Get-Help about_PrtTools | Out-String | Should -BeLike '*No answer is no*'
    }

    It 'ships one joined PrtTools.psm1 built from the one-function-per-file sources' {
        if ([System.IO.Path]::GetFullPath($ModuleDir) -eq [System.IO.Path]::GetFullPath($ModuleSourceDir)) { return }
        Join-Path $ModuleDir 'Public' | Should -Not -Exist
        $joined = Get-Content -LiteralPath (Join-Path $ModuleDir 'PrtTools.psm1') -Raw
        foreach ($file in Get-ChildItem -LiteralPath (Join-Path $ModuleSourceDir 'Public'), (Join-Path $ModuleSourceDir 'Private') -Filter *.ps1) {
            $joined | Should -BeLike "*# --- $($file.Directory.Name)/$($file.Name)*"
        }
    }
}

Describe 'Remoting conventions (item 13)' {
    It '-ComputerName has the CN alias' {
        (Get-Command Get-PrtStatus).Parameters['ComputerName'].Aliases | Should -Contain 'CN'
        (Get-Command Get-PrtError).Parameters['ComputerName'].Aliases | Should -Contain 'CN'
    }

    It '-ComputerName where WinRM cannot connect is PrtTools.DeviceUnreachable for each device' {
        $null = Get-PrtStatus -CN 'pc1.invalid', 'pc2.invalid' -Sample -ErrorVariable failures -ErrorAction SilentlyContinue
        $prtFailures = @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'PrtTools.*' })
        $prtFailures.FullyQualifiedErrorId | Should -Be @('PrtTools.DeviceUnreachable,Get-PrtStatus', 'PrtTools.DeviceUnreachable,Get-PrtStatus')
        $prtFailures.TargetObject | Should -Be @('pc1.invalid', 'pc2.invalid')
        $prtFailures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
    }
}

Describe 'A bad event file among good ones (item 13)' {
    It 'reads the others and names the bad file as the TargetObject of its error' {
        $folder = Join-Path $TestDrive 'events'
        $null = New-Item -ItemType Directory -Path $folder
        Copy-Item -LiteralPath $events -Destination $folder
        $bad = Join-Path $folder 'bad.xml'
        Copy-Item -LiteralPath (Join-Path $RepoRoot 'test/fixtures/events/truncated.xml') -Destination $bad
        $attempts = @(Get-PrtError -DsregcmdPath $missingPrt -EventPath $folder -ErrorVariable failures -ErrorAction SilentlyContinue)
        $attempts.Count | Should -BeGreaterThan 0
        $prtFailures = @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'PrtTools.*' })
        $prtFailures.Count | Should -BeGreaterThan 0
        $prtFailures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.UnreadableEvents,Get-PrtError'
        $prtFailures[0].TargetObject | Should -Be $bad
    }
}

Describe '-Simulate on the cmdlets that read a device (item 8)' {
    It 'Get-PrtStatus -Simulate <_> reads the simulated device' -ForEach @('healthy', 'hybrid-wrong-password') {
        $status = Get-PrtStatus -Simulate $_
        $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        $status.DeviceName | Should -Not -BeNullOrEmpty
    }

    It 'Get-PrtError -Simulate diagnoses the simulated device' {
        $null = @(Get-PrtError -Simulate hybrid-wrong-password -ErrorVariable failures)
        @($failures).Count | Should -Be 0
    }

    It 'completes the scenario names for <_>' -ForEach @('Get-PrtStatus', 'Get-PrtError', 'Start-PrtTrace') {
        $line = "$_ -Simulate hyb"
        $names = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText)
        $names | Should -Contain 'hybrid-wrong-password'
    }
}

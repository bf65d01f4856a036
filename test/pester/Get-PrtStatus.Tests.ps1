# Get-PrtStatus against the real exe (bin/prt of the built module) and the fixtures in
# test/fixtures/dsregcmd: objects, types, pipeline input, -Now, -Sample and errors.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $healthy = Get-Fixture 'healthy-aadj.txt'
    $stale = Get-Fixture 'stale-prt.txt'
    $missingPrt = Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt'
    $notDsregcmd = Get-Fixture 'not-dsregcmd.txt'
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Get-PrtStatus -Path' {
    BeforeAll {
        $status = Get-PrtStatus -Path $missingPrt
        $raw = (Invoke-RealPrt -Argument @('status', '--input', $missingPrt, '--json')).Document
    }

    It 'returns one PrtTools.Status for a capture' {
        @($status).Count | Should -Be 1
        $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
    }

    It 'names the nested objects too: <Property> is <TypeName>' -ForEach @(
        @{ Property = 'Findings'; TypeName = 'PrtTools.Finding' }
        @{ Property = 'Diagnostics'; TypeName = 'PrtTools.PrtDiagnostics' }
        @{ Property = 'Sections'; TypeName = 'PrtTools.DsregSection' }
        @{ Property = 'Source'; TypeName = 'PrtTools.StatusSource' }
    ) {
        $items = @($status.$Property)
        $items.Count | Should -BeGreaterThan 0
        foreach ($item in $items) { $item.PSObject.TypeNames[0] | Should -Be $TypeName }
    }

    It 'names the fields of each section PrtTools.DsregField' {
        $fields = @($status.Sections | ForEach-Object { $_.Fields })
        $fields.Count | Should -BeGreaterThan 10
        @($fields | Where-Object { $_.PSObject.TypeNames[0] -ne 'PrtTools.DsregField' }).Count | Should -Be 0
        $fields[0].Line | Should -BeOfType [int]
    }

    It 'names work accounts PrtTools.WorkAccount' {
        $registered = Get-PrtStatus -Path (Get-Fixture 'registered-two-work-accounts.txt')
        @($registered.WorkAccounts).Count | Should -Be 2
        foreach ($account in $registered.WorkAccounts) { $account.PSObject.TypeNames[0] | Should -Be 'PrtTools.WorkAccount' }
    }

    It 'keeps every property of the exe''s JSON, in its order' {
        # Its own properties; PrtTools.Types.ps1xml adds flat ones after them (Views.Tests.ps1).
        @($status.PSObject.Properties | Where-Object { $_.MemberType -eq 'NoteProperty' } | ForEach-Object { $_.Name }) | Should -Be $raw.PSObject.Properties.Name
    }

    It 'keeps <_> a [bool]' -ForEach @('AzureAdPrt', 'AzureAdJoined', 'EnterpriseJoined', 'DomainJoined') {
        $status.$_ | Should -BeOfType [bool]
        $status.$_ | Should -Be $raw.$_
    }

    It 'keeps a null of the exe $null' {
        $nulls = @($raw.PSObject.Properties | Where-Object { $null -eq $_.Value } | ForEach-Object { $_.Name })
        $nulls.Count | Should -BeGreaterThan 0 -Because 'a capture without a PRT has null times'
        foreach ($name in $nulls) { $status.$name | Should -BeNullOrEmpty -Because "$name is null in the JSON" }
        $status.AzureAdPrtUpdateTime | Should -Be $null
    }

    It 'makes <Name> a UTC [datetime] with the capture''s value' -ForEach @(
        @{ Name = 'AzureAdPrtUpdateTime'; Line = 'AzureAdPrtUpdateTime' }
        @{ Name = 'AzureAdPrtExpiryTime'; Line = 'AzureAdPrtExpiryTime' }
        @{ Name = 'CaptureTime'; Line = 'Client Time' }
    ) {
        $fromHealthy = Get-PrtStatus -Path $healthy
        $fromHealthy.$Name | Should -BeOfType [datetime]
        $fromHealthy.$Name.Kind | Should -Be 'Utc'
        $fromHealthy.$Name | Should -Be (Get-DsregcmdTime -Path $healthy -Name $Line)
    }

    It 'makes PreviousPrtAttempt of the diagnostics a UTC [datetime] with the capture''s value' {
        $attempt = @($status.Diagnostics)[0]
        $attempt.PreviousPrtAttempt | Should -BeOfType [datetime]
        $attempt.PreviousPrtAttempt.Kind | Should -Be 'Utc'
        $attempt.PreviousPrtAttempt | Should -Be (Get-DsregcmdTime -Path $missingPrt -Name 'Previous Prt Attempt')
        $attempt.PreviousPrtAttempt.Millisecond | Should -Be (Get-DsregcmdTime -Path $missingPrt -Name 'Previous Prt Attempt').Millisecond
    }

    It 'makes EvaluatedAt a UTC [datetime]: the capture''s Client Time when no -Now is given' {
        $status.EvaluatedAt | Should -BeOfType [datetime]
        $status.EvaluatedAt.Kind | Should -Be 'Utc'
        $status.ClockSource | Should -Be 'CaptureClientTime'
        $status.EvaluatedAt | Should -Be (Get-DsregcmdTime -Path $missingPrt -Name 'Client Time')
    }

    It 'gives PrtAgeHours as a [double] that matches the times' {
        $fromHealthy = Get-PrtStatus -Path $healthy
        $fromHealthy.PrtAgeHours | Should -BeOfType [double]
        $expected = [Math]::Round(($fromHealthy.EvaluatedAt - $fromHealthy.AzureAdPrtUpdateTime).TotalHours, 1)
        $fromHealthy.PrtAgeHours | Should -Be $expected
    }

    It 'gives HttpStatus of the diagnostics as an [int]' {
        @($status.Diagnostics)[0].HttpStatus | Should -BeOfType [int]
        @($status.Diagnostics)[0].HttpStatus | Should -Be 400
    }

    It 'reports the failed attempt behind a missing PRT' {
        $status.Health | Should -Be 'Missing'
        $status.AzureAdPrt | Should -BeFalse
        @($status.Diagnostics)[0].AttemptStatus | Should -Be '0xc000006d'
        @($status.Diagnostics)[0].ServerErrorDescription | Should -Match 'AADSTS50126'
        $status.Findings.Id | Should -Contain 'PrtMissing'
    }

    It 'says where the status came from' {
        $status.Source.Kind | Should -Be 'File'
        $status.Source.Path | Should -Be $missingPrt
    }

    It 'reads a UTF-16 capture and returns its non-ASCII text intact' {
        $utf16 = Get-PrtStatus -Path (Get-Fixture 'utf16le-bom-crlf.txt')
        $utf16.Source.Encoding | Should -Be 'utf-16le'
        $utf16.TenantName | Should -Be "Contoso B$([char]0xFC)rodienste GmbH"
    }

    It 'reads an OEM code page capture and returns its non-ASCII text intact' {
        (Get-PrtStatus -Path (Get-Fixture 'oem-850.txt')).TenantName | Should -Be "Clinique Sant$([char]0xE9) Contoso"
    }

    It 'resolves a path relative to the current PowerShell location' {
        Push-Location -LiteralPath (Split-Path -Parent $healthy)
        try {
            $relative = Get-PrtStatus -Path './healthy-aadj.txt'
        } finally {
            Pop-Location
        }
        $relative.Source.Path | Should -Be $healthy
    }

    It 'takes a file name with spaces, quotes, brackets and non-ASCII letters literally' {
        # Windows forbids " in file names; elsewhere it is one more character to get through.
        $quote = if ($IsWindows) { '' } else { '"' }
        $odd = Join-Path $TestDrive "Jeanne's ticket [42] ${quote}urgent${quote} caf$([char]0xE9) status.txt"
        Copy-Item -LiteralPath $healthy -Destination $odd
        $result = Get-PrtStatus -Path $odd
        $result.Source.Path | Should -Be $odd
        $result.Health | Should -Be 'Healthy'
    }

    It 'expands wildcards, one object per file' {
        $folder = Join-Path $TestDrive 'wild'
        $null = New-Item -ItemType Directory -Path $folder
        Copy-Item -LiteralPath $healthy, $stale -Destination $folder
        $results = @(Get-PrtStatus -Path (Join-Path $folder '*.txt'))
        $results.Count | Should -Be 2
        @($results.Source.Path | Sort-Object) | Should -Be @((Join-Path $folder 'healthy-aadj.txt'), (Join-Path $folder 'stale-prt.txt'))
    }

    It 'takes the path as the first positional argument' {
        (Get-PrtStatus $healthy).Source.Path | Should -Be $healthy
    }

    It 'takes several paths in one call' {
        $results = @(Get-PrtStatus -Path $healthy, $stale)
        $results.Health | Should -Be @('Healthy', 'Stale')
    }
}

Describe 'Get-PrtStatus from the pipeline' {
    BeforeAll {
        $folder = Join-Path $TestDrive 'captures'
        $null = New-Item -ItemType Directory -Path $folder
        $names = @('healthy-aadj.txt', 'stale-prt.txt', 'missing-prt-0xc000006d-aadsts50126.txt')
        foreach ($name in $names) { Copy-Item -LiteralPath (Get-Fixture $name) -Destination $folder }
    }

    It 'returns one object per file from Get-ChildItem' {
        $files = @(Get-ChildItem -LiteralPath $folder -Filter '*.txt' | Sort-Object Name)
        $results = @($files | Get-PrtStatus)
        $results.Count | Should -Be 3
        $results.Source.Path | Should -Be $files.FullName
    }

    It 'takes path strings by value' {
        $results = @($names | ForEach-Object { Join-Path $folder $_ } | Get-PrtStatus)
        $results.Health | Should -Be @('Healthy', 'Stale', 'Missing')
    }

    It 'takes objects with a FullName property' {
        $result = [pscustomobject]@{ FullName = (Join-Path $folder 'stale-prt.txt') } | Get-PrtStatus
        $result.Health | Should -Be 'Stale'
    }

    It 'takes objects with a PSPath property' {
        $item = Get-Item -LiteralPath (Join-Path $folder 'stale-prt.txt')
        $result = [pscustomobject]@{ PSPath = $item.PSPath } | Get-PrtStatus
        $result.Source.Path | Should -Be $item.FullName
    }

    It 'passes -Now to every file' {
        $now = [datetime]::SpecifyKind([datetime]'2026-05-14T12:00:00', 'Utc')
        $results = @(Get-ChildItem -LiteralPath $folder -Filter '*.txt' | Get-PrtStatus -Now $now)
        @($results | Where-Object { $_.EvaluatedAt -ne $now }).Count | Should -Be 0
    }
}

Describe 'Get-PrtStatus -Now' {
    BeforeAll {
        $updated = Get-DsregcmdTime -Path $stale -Name 'AzureAdPrtUpdateTime'
        $expires = Get-DsregcmdTime -Path $stale -Name 'AzureAdPrtExpiryTime'
    }

    It 'judges the capture as of -Now' {
        $status = Get-PrtStatus -Path $stale -Now $updated.AddHours(1)
        $status.EvaluatedAt | Should -Be $updated.AddHours(1)
        $status.ClockSource | Should -Be 'Now'
    }

    It 'finds a PRT renewed 1 hour before -Now Healthy' {
        (Get-PrtStatus -Path $stale -Now $updated.AddHours(1)).Health | Should -Be 'Healthy'
    }

    It 'finds the same PRT Stale 5 hours later' {
        $status = Get-PrtStatus -Path $stale -Now $updated.AddHours(5)
        $status.Health | Should -Be 'Stale'
        $status.PrtAgeHours | Should -Be 5
        $status.Findings.Id | Should -Contain 'PrtStale'
    }

    It 'finds the same PRT Expired after its expiry time' {
        (Get-PrtStatus -Path $stale -Now $expires.AddHours(1)).Health | Should -Be 'Expired'
    }

    It 'reads a -Now string with an offset as the instant it names' {
        # 09:03:55+02:00 is 07:03:55 UTC, the update time itself: whatever the machine's time zone.
        $text = $updated.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss", [cultureinfo]::InvariantCulture) + '+02:00'
        $status = Get-PrtStatus -Path $stale -Now $text
        $status.EvaluatedAt | Should -Be $updated
        $status.PrtAgeHours | Should -Be 0
    }

    It 'keeps the milliseconds of -Now' {
        $now = $updated.AddHours(1).AddMilliseconds(250)
        (Get-PrtStatus -Path $stale -Now $now).EvaluatedAt | Should -Be $now
    }
}

Describe 'Get-PrtStatus -Sample' {
    BeforeAll {
        $sample = Get-PrtStatus -Sample
    }

    It 'returns the built-in failing hybrid joined device' {
        $sample.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        $sample.JoinType | Should -Be 'HybridAzureAdJoined'
        $sample.Health | Should -Not -Be 'Healthy'
        @($sample.Findings).Count | Should -BeGreaterThan 0
    }

    It 'says it is the sample' {
        $sample.Source.Kind | Should -Be 'Sample'
        $sample.Source.Path | Should -BeNullOrEmpty
    }

    It 'has typed diagnostics' {
        @($sample.Diagnostics)[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.PrtDiagnostics'
        @($sample.Diagnostics)[0].PreviousPrtAttempt.Kind | Should -Be 'Utc'
    }
}

Describe 'Get-PrtStatus without -Path off Windows' -Skip:$IsWindows {
    BeforeAll {
        $exe = Invoke-RealPrt -Argument @('status', '--json')
        $results = @(Get-PrtStatus -ErrorVariable liveErrors -ErrorAction SilentlyContinue)
    }

    It 'returns nothing' {
        $results.Count | Should -Be 0
    }

    It 'writes one error with the exe''s message' {
        $exe.ExitCode | Should -Be 4
        @($liveErrors).Count | Should -Be 1
        # The module says prt's options as its own parameters (--input -> -Path).
        $liveErrors[0].Exception.Message | Should -Be (& (Get-Module PrtTools) { param($text) ConvertTo-PrtCmdletText -Text $text } $exe.Error.Message)
    }

    It 'names the error PrtTools. and the exe''s Id, with the category NotInstalled' {
        $liveErrors[0].FullyQualifiedErrorId | Should -Be "PrtTools.$($exe.Error.Id),Get-PrtStatus"
        $liveErrors[0].CategoryInfo.Category | Should -Be 'NotInstalled'
    }
}

Describe 'Get-PrtStatus errors' {
    BeforeAll {
        $missingFile = Join-Path $TestDrive 'no-such-capture.txt'
        $notDsregcmdError = (Invoke-RealPrt -Argument @('status', '--input', $notDsregcmd, '--json')).Error
    }

    Context 'a file that does not exist' {
        BeforeAll {
            $results = @(Get-PrtStatus -Path $missingFile -ErrorVariable errors -ErrorAction SilentlyContinue)
        }

        It 'returns nothing and writes one error' {
            $results.Count | Should -Be 0
            @($errors).Count | Should -Be 1
        }

        It 'names the file in the message and as the target' {
            $errors[0].Exception.Message | Should -BeLike "*$missingFile*"
            $errors[0].TargetObject | Should -Be $missingFile
        }

        It 'is PrtTools.FileNotFound, ObjectNotFound' {
            $errors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.FileNotFound,Get-PrtStatus'
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'is reported for a wildcard that matches nothing' {
            $null = Get-PrtStatus -Path (Join-Path $TestDrive 'nothing-*.txt') -ErrorVariable wildErrors -ErrorAction SilentlyContinue
            $wildErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.FileNotFound,Get-PrtStatus'
        }
    }

    Context 'a file that is not dsregcmd output' {
        BeforeAll {
            $results = @(Get-PrtStatus -Path $notDsregcmd -ErrorVariable errors -ErrorAction SilentlyContinue)
        }

        It 'returns nothing and writes one error' {
            $results.Count | Should -Be 0
            @($errors).Count | Should -Be 1
        }

        It 'carries the exe''s message' {
            $notDsregcmdError.Message | Should -Not -BeNullOrEmpty
            $errors[0].Exception.Message | Should -Be $notDsregcmdError.Message
        }

        It 'is PrtTools. and the exe''s Id, InvalidData, with the file as the target' {
            $errors[0].FullyQualifiedErrorId | Should -Be "PrtTools.$($notDsregcmdError.Id),Get-PrtStatus"
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $errors[0].Exception | Should -BeOfType [System.IO.InvalidDataException]
            $errors[0].TargetObject | Should -Be $notDsregcmd
        }

        It 'is InvalidData for <_> too' -ForEach @('empty.txt', 'truncated.txt') {
            $null = Get-PrtStatus -Path (Get-Fixture $_) -ErrorVariable badErrors -ErrorAction SilentlyContinue
            $badErrors[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $badErrors[0].FullyQualifiedErrorId | Should -BeLike 'PrtTools.*,Get-PrtStatus'
        }
    }

    Context 'several files, some bad' {
        BeforeAll {
            $paths = @($healthy, $notDsregcmd, $missingFile, $stale)
        }

        It 'with -ErrorAction SilentlyContinue returns the good ones and collects an error per bad one' {
            $results = @($paths | Get-PrtStatus -ErrorAction SilentlyContinue -ErrorVariable errors)
            $results.Health | Should -Be @('Healthy', 'Stale')
            $errors.FullyQualifiedErrorId | Should -Be @("PrtTools.$($notDsregcmdError.Id),Get-PrtStatus", 'PrtTools.FileNotFound,Get-PrtStatus')
        }

        It 'by default writes the errors and goes on' {
            # Pester runs tests under 'Stop'; an admin's console has 'Continue'.
            $ErrorActionPreference = 'Continue'
            $results = @($paths | Get-PrtStatus -ErrorVariable errors 2>$null)
            $results.Count | Should -Be 2
            @($errors).Count | Should -Be 2
        }

        It 'with -ErrorAction Stop throws at the first bad file' {
            { $paths | Get-PrtStatus -ErrorAction Stop } | Should -Throw -ErrorId "PrtTools.$($notDsregcmdError.Id),Get-PrtStatus" -ExceptionType ([System.IO.InvalidDataException])
        }

        It 'with -ErrorAction Stop has returned the files before the bad one' {
            $collected = [System.Collections.Generic.List[object]]::new()
            try { $paths | Get-PrtStatus -ErrorAction Stop | ForEach-Object { $collected.Add($_) } } catch { $caught = $_ }
            $collected.Count | Should -Be 1
            $caught.TargetObject | Should -Be $notDsregcmd
        }

        It 'stops under $ErrorActionPreference = ''Stop'' set in the calling function' {
            # Script modules do not see a caller's preference variables by themselves.
            function Invoke-AdminScript { param($Paths) $ErrorActionPreference = 'Stop'; $Paths | Get-PrtStatus }
            { Invoke-AdminScript -Paths $paths } | Should -Throw -ErrorId "PrtTools.$($notDsregcmdError.Id),Get-PrtStatus"
        }

        It 'goes on under $ErrorActionPreference = ''SilentlyContinue'' set in the calling function' {
            function Invoke-QuietAdminScript { param($Paths) $ErrorActionPreference = 'SilentlyContinue'; $Paths | Get-PrtStatus }
            @(Invoke-QuietAdminScript -Paths $paths).Count | Should -Be 2
        }

        It 'lets -ErrorAction win over the caller''s preference' {
            function Invoke-LenientAdminScript { param($Paths) $ErrorActionPreference = 'Stop'; $Paths | Get-PrtStatus -ErrorAction SilentlyContinue }
            @(Invoke-LenientAdminScript -Paths $paths).Count | Should -Be 2
        }

        It 'can be caught by try/catch on the exception type' {
            $caughtType = $null
            try { Get-PrtStatus -Path $notDsregcmd -ErrorAction Stop } catch [System.IO.InvalidDataException] { $caughtType = 'InvalidData' }
            $caughtType | Should -Be 'InvalidData'
        }
    }

    Context 'a path that is not a file system path' {
        It 'is rejected as InvalidArgument' {
            $null = Get-PrtStatus -Path 'Env:\PATH' -ErrorVariable envErrors -ErrorAction SilentlyContinue
            $envErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotAFileSystemPath,Get-PrtStatus'
            $envErrors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
    }

    Context 'the exe is missing' {
        AfterEach { Clear-FakePrt }

        It 'throws a terminating PrtTools.ExeNotFound, NotInstalled, even with -ErrorAction SilentlyContinue' {
            $env:PRTTOOLS_EXE = Join-Path $TestDrive 'bin/prt'
            $thrown = { Get-PrtStatus -Path $healthy -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'PrtTools.ExeNotFound,Get-PrtStatus' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'NotInstalled'
            $thrown.Exception.Message | Should -BeLike '*Reinstall*'
        }

        It 'throws a terminating PrtTools.ExeNotStarted when the exe cannot be started' -Skip:$IsWindows {
            $notExecutable = Join-Path $TestDrive 'prt-not-executable'
            Set-Content -LiteralPath $notExecutable -Value 'not a program'
            $env:PRTTOOLS_EXE = $notExecutable
            { Get-PrtStatus -Path $healthy } | Should -Throw -ErrorId 'PrtTools.ExeNotStarted,Get-PrtStatus'
        }
    }
}

Describe 'Get-PrtStatus on real partial captures (issue 10)' {
    BeforeAll {
        $realDir = Join-Path $PSScriptRoot '../fixtures/real/dsregcmd'
        $deviceStateOnly = Get-PrtStatus -Path (Join-Path $realDir 'partial-device-state-only-hybrid-hybridadfs.txt')
        $preJoin = Get-PrtStatus -Path (Join-Path $realDir 'pre-join-join-directoryerror-0x801c03f2.txt')
        $ssoOnly = Get-PrtStatus -Path (Join-Path $realDir 'partial-sso-only-missing-0xc000006d-aadsts50126.txt')
    }

    It 'gives AzureAdPrt as $null, not $false, when the capture does not show it' {
        $deviceStateOnly.PSObject.Properties['AzureAdPrt'] | Should -Not -BeNullOrEmpty
        $null -eq $deviceStateOnly.AzureAdPrt | Should -BeTrue
        $deviceStateOnly.Health | Should -Be 'Unknown'
        $deviceStateOnly.Findings.Id | Should -Contain 'PartialCapture'
        $deviceStateOnly.Findings.Id | Should -Not -Contain 'PrtMissing'
    }

    It 'gives AzureAdPrt as a [bool] when the capture shows it, and a join type it cannot see as Unknown' {
        $ssoOnly.AzureAdPrt | Should -BeOfType [bool]
        $ssoOnly.AzureAdPrt | Should -BeFalse
        $ssoOnly.Health | Should -Be 'Missing'
        $ssoOnly.JoinType | Should -Be 'Unknown'
        $ssoOnly.JoinTypeEvidence | Should -Be 'None'
    }

    It 'types the join diagnostics: PrtTools.JoinDiagnostics with PrtTools.JoinTest and PrtTools.DecodedCode' {
        $preJoin.JoinTypeEvidence | Should -Be 'Inferred'
        $preJoin.JoinDiagnostics.PSObject.TypeNames[0] | Should -Be 'PrtTools.JoinDiagnostics'
        foreach ($test in $preJoin.JoinDiagnostics.Tests) { $test.PSObject.TypeNames[0] | Should -Be 'PrtTools.JoinTest' }
        $codes = @($preJoin.JoinDiagnostics.Codes)
        $codes.Count | Should -BeGreaterThan 0
        foreach ($code in $codes) { $code.PSObject.TypeNames[0] | Should -Be 'PrtTools.DecodedCode' }
        $codes.Code | Should -Contain '0x801c03f2'
        $preJoin.JoinDiagnostics.PreviousRegistration | Should -BeOfType [datetime]
        $preJoin.JoinDiagnostics.HttpsStatus | Should -BeOfType [int]
        $preJoin.Findings.Id | Should -Contain 'JoinFailed'
    }

    It 'keeps the JSON contract PascalCase, new properties included' {
        $names = @($deviceStateOnly.PSObject.Properties.Name) + @($preJoin.JoinDiagnostics.PSObject.Properties.Name) + @($preJoin.JoinDiagnostics.Codes[0].PSObject.Properties.Name)
        foreach ($name in $names) { $name | Should -MatchExactly '^[A-Z][A-Za-z0-9]*$' }
        $deviceStateOnly.PSObject.Properties.Name | Should -Contain 'JoinTypeEvidence'
        $deviceStateOnly.PSObject.Properties.Name | Should -Contain 'JoinDiagnostics'
    }
}

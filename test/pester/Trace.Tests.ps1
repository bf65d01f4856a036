# Start-PrtTrace, Stop-PrtTrace and Get-PrtTraceStatus against the simulated device of the real
# exe (bin/prt of the built module): the plan with -WhatIf, -NoWait then Stop-PrtTrace, the guided
# run, object types, and the errors (not elevated, nothing to stop).
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    # Every simulated trace goes to this test run's own state folder, with time compressed.
    $env:PRT_STATE_DIR = Join-Path $TestDrive 'state'
    $env:PRT_SIM_SPEED = '400'
    $notElevated = Join-Path $TestDrive 'not-elevated.json'
    Set-Content -LiteralPath $notElevated -Value '{ "Extends": "healthy", "Name": "not-elevated", "Environment": { "Elevated": false } }'
    # The pinned pwsh (scripts/tools.env); this process may be dotnet running pwsh.dll.
    $pwsh = if ($env:PWSH) { $env:PWSH } else { (Get-Command -Name pwsh -CommandType Application | Select-Object -First 1).Source }
}

AfterAll {
    Remove-Item -Path 'env:PRT_STATE_DIR', 'env:PRT_SIM_SPEED' -ErrorAction SilentlyContinue
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Start-PrtTrace -WhatIf' {
    BeforeAll {
        # What-if lines go to the host, not to a stream: run it in a pwsh of its own and read its output.
        $command = "`$env:PRT_STATE_DIR = '$($env:PRT_STATE_DIR)'; Import-Module '$ModulePath'; Start-PrtTrace -Simulate hybrid-wrong-password -IncludeLsassTrace -WhatIf"
        # The console wraps long lines: join them again.
        $output = (& $pwsh -NoProfile -NonInteractive -Command $command 2>&1 | Out-String) -replace '\r?\n', ''
    }

    It 'prints each step with its command and its undo' {
        $output | Should -Match 'What if: .*Network trace \(netsh\): netsh trace start scenario=InternetClient_dbg capture=yes persistent=yes'
        $output | Should -Match 'undone by: netsh trace stop'
        $output | Should -Match 'AAD Analytic log: wevtutil gl Microsoft-Windows-AAD/Analytic'
        $output | Should -Match 'Time travel trace of lsass: tasklist /m lsasrv.dll'
    }

    It 'names the target device' {
        $output | Should -Match 'on target "simulated device \(hybrid-wrong-password\)"'
    }

    It 'changes nothing: no trace runs afterwards' {
        (Get-PrtTraceStatus -Simulate hybrid-wrong-password).Active | Should -BeFalse
        Join-Path $env:PRT_STATE_DIR 'simulated/traces' | Should -Not -Exist
    }

    It 'returns nothing' {
        @(Start-PrtTrace -Simulate healthy -WhatIf 6>$null).Count | Should -Be 0
    }
}

Describe 'Start-PrtTrace -NoWait, then Stop-PrtTrace' {
    BeforeAll {
        $session = Start-PrtTrace -Simulate stale-fixed-by-unlock -NoWait
        $status = Get-PrtTraceStatus -Simulate stale-fixed-by-unlock
        Start-Sleep -Milliseconds 500
        $bundle = Stop-PrtTrace -Simulate stale-fixed-by-unlock
        $after = Get-PrtTraceStatus -Simulate stale-fixed-by-unlock
    }

    It 'returns a running PrtTools.TraceSession at once' {
        $session.PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceSession'
        $session.State | Should -Be 'Running'
        $session.Mode | Should -Be 'Detached'
        $session.Scenario | Should -Be 'stale-fixed-by-unlock'
        $session.NextStep | Should -Match 'Stop-PrtTrace'
    }

    It 'gives the session a UTC [datetime] start and typed steps' {
        $session.StartedAt | Should -BeOfType [datetime]
        $session.StartedAt.Kind | Should -Be 'Utc'
        @($session.Steps)[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceStep'
        @($session.Steps | Where-Object { $_.Id -eq 'NetworkTrace' }).Status | Should -Be 'Done'
    }

    It 'is seen by Get-PrtTraceStatus while it runs, and gone after the stop' {
        $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceStatus'
        $status.Active | Should -BeTrue
        $status.Interrupted | Should -BeFalse
        $status.Session.PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceSession'
        $after.Active | Should -BeFalse
    }

    It 'stops with a PrtTools.TraceBundle whose folder and zip exist' {
        $bundle.PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceBundle'
        $bundle.Outcome | Should -Be 'Completed'
        $bundle.BundlePath | Should -Exist
        $bundle.ZipPath | Should -Exist
        $bundle.StoppedAt | Should -BeOfType [datetime]
    }

    It 'types the nested objects: <Property> is <TypeName>' -ForEach @(
        @{ Property = 'Files'; TypeName = 'PrtTools.TraceFile' }
        @{ Property = 'Steps'; TypeName = 'PrtTools.TraceStep' }
        @{ Property = 'StatusBefore'; TypeName = 'PrtTools.Status' }
        @{ Property = 'StatusAfter'; TypeName = 'PrtTools.Status' }
        @{ Property = 'Diagnosis'; TypeName = 'PrtTools.TraceDiagnosis' }
    ) {
        $items = @($bundle.$Property)
        $items.Count | Should -BeGreaterThan 0
        foreach ($item in $items) { $item.PSObject.TypeNames[0] | Should -Be $TypeName }
    }

    It 'gives file sizes as [long] and the SHA-256 of each file' {
        $report = @($bundle.Files | Where-Object { $_.Path -eq 'report.json' })[0]
        $report.Bytes | Should -BeOfType [long]
        $report.Sha256 | Should -Be (Get-FileHash -LiteralPath (Join-Path $bundle.BundlePath 'report.json') -Algorithm SHA256).Hash.ToLowerInvariant()
    }

    It 'shows the PRT renewed by the unlock' {
        $bundle.StatusBefore.Health | Should -Be 'Stale'
        $bundle.StatusAfter.Health | Should -Be 'Healthy'
    }

    It 'has a list view with the outcome and the diagnosis' {
        $text = $bundle | Format-List | Out-String
        $text | Should -Match 'Outcome\s+: Completed'
        $text | Should -Match 'Diagnosis\s+: '
        ($session | Format-List | Out-String) | Should -Match 'NextStep\s+: '
    }

    It 'survives serialization as Deserialized.PrtTools.TraceBundle (remoting)' {
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($bundle, 3))
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.TraceBundle'
        ($copy | Format-List | Out-String) | Should -Match 'Outcome\s+: Completed'
    }
}

Describe 'Start-PrtTrace -Wait (guided, without a console)' {
    BeforeAll {
        $bundle = Start-PrtTrace -Simulate hybrid-wrong-password -Wait -TimeoutSeconds 120
    }

    It 'watches the repro to the failed attempt and returns the bundle' {
        $bundle.PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceBundle'
        $bundle.Repro.Outcome | Should -Be 'AttemptFailed'
        $bundle.Repro.AttemptStatus | Should -Be '0xc000006d'
        $bundle.Diagnosis.Summary | Should -Match '0xc000006d'
    }

    It 'leaves no trace running' {
        (Get-PrtTraceStatus -Simulate hybrid-wrong-password).Active | Should -BeFalse
    }
}

Describe 'Start-PrtTrace without -NoWait where no one can answer' {
    It 'returns the running session at once, as -NoWait does' {
        $session = Start-PrtTrace -Simulate healthy
        try {
            $session.PSObject.TypeNames[0] | Should -Be 'PrtTools.TraceSession'
        } finally {
            $null = Stop-PrtTrace -Simulate healthy
        }
    }
}

Describe 'Start-PrtTrace -IncludeLsassTrace -Force' {
    It 'records lsass, keeps the newest recording and warns that it holds credentials' {
        $bundle = Start-PrtTrace -Simulate healthy -IncludeLsassTrace -Force -Wait -TimeoutSeconds 60
        @($bundle.Files | Where-Object { $_.Path -like 'lsass/*.run' }).Path | Should -Be @('lsass/lsass02.run')
        ($bundle.Warnings -join ' ') | Should -Match 'credentials'
    }
}

Describe 'Trace errors' {
    It 'not elevated: no session, one PrtTools.NotElevated error, PermissionDenied' {
        $result = @(Start-PrtTrace -Simulate $notElevated -NoWait -ErrorVariable traceErrors -ErrorAction SilentlyContinue)
        $result.Count | Should -Be 0
        @($traceErrors).Count | Should -Be 1
        $traceErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotElevated,Start-PrtTrace'
        $traceErrors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $traceErrors[0].Exception.Message | Should -Match 'Run as administrator'
    }

    It 'stopping when nothing runs is PrtTools.NoTraceSession' {
        { Stop-PrtTrace -Simulate healthy -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.NoTraceSession,Stop-PrtTrace'
    }

    It 'an unknown scenario is PrtTools.UnknownScenario, InvalidArgument' {
        $null = Start-PrtTrace -Simulate 'hybird' -NoWait -ErrorVariable scenarioErrors -ErrorAction SilentlyContinue
        $scenarioErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.UnknownScenario,Start-PrtTrace'
        $scenarioErrors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'a second start while one runs is PrtTools.TraceAlreadyRunning' {
        $null = Start-PrtTrace -Simulate healthy -NoWait
        try {
            { Start-PrtTrace -Simulate healthy -NoWait -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.TraceAlreadyRunning,Start-PrtTrace'
        } finally {
            $null = Stop-PrtTrace -Simulate healthy
        }
    }
}

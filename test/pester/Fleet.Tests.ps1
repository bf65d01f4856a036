# Many devices: Get-PrtStatus and Get-PrtError with -Session and -HostName against several
# loopback "devices" of a throwaway sshd (test/remoting/sshd-loopback.sh): 127.0.0.1 and 127.0.0.2
# with PrtTools, a session whose side has no PrtTools, and 127.0.0.3 where nothing listens.
# -ComputerName (WinRM) cannot run here: its plumbing is checked with Invoke-Command mocked.
# Then Get-PrtFleetSummary on the statuses of many devices.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
}

AfterAll {
    Clear-FakePrt
    Get-Module -Name PrtTools | Remove-Module -Force
}

# A machine that cannot run the loopback fails these tests with the reason: never a silent skip.
Describe 'Fan-out over SSH' {
    BeforeAll {
        Assert-SshLoopbackPossible
        $loopback = $null
        $sessions = @()
        $loopback = Start-SshLoopback
        $port = $loopback.Port
        # Three "devices", connected at once: two with PrtTools, one (localhost, another
        # subsystem of the same sshd) without.
        # User and port go into HostName (user@host:port): PowerShell 7.6 may read separate
        # UserName and Port keys before HostName, which then resets them to root and 22 (the
        # keys of a hashtable come in no fixed order).
        $user = $loopback.UserName
        $ssh = @{ KeyFilePath = $loopback.KeyFilePath; Options = $loopback.SSHOption; ConnectingTimeout = 60000 }
        $sessions = @(New-PSSession -ErrorAction Stop -SSHConnection @(
                ($ssh + @{ HostName = "$user@127.0.0.1:$port" })
                ($ssh + @{ HostName = "$user@127.0.0.2:$port" })
                ($ssh + @{ HostName = "$user@localhost:$port"; Subsystem = $loopback.SubsystemWithoutModule })
            ))
        if ($sessions.Count -ne 3) { throw "Expected 3 sessions to the loopback sshd, got $($sessions.Count)" }
        $withModule1 = $sessions | Where-Object { $_.ComputerName -eq '127.0.0.1' }
        $withModule2 = $sessions | Where-Object { $_.ComputerName -eq '127.0.0.2' }
        $withoutModule = $sessions | Where-Object { $_.ComputerName -eq 'localhost' }
        $withModule = @($withModule1, $withModule2)
        $capture = Join-Path $loopback.CaptureDir 'missing-prt-0xc000006d-aadsts50126.txt'
        $hostParameters = @{ UserName = $loopback.UserName; KeyFilePath = $loopback.KeyFilePath; SSHOption = $loopback.SSHOption }
    }

    AfterAll {
        Stop-SshLoopback -Loopback $loopback -Session $sessions
    }

    Context 'Get-PrtStatus -Session with one device that has no PrtTools' {
        BeforeAll {
            $results = @(Get-PrtStatus -Session $sessions -Path $capture -ErrorVariable fanErrors -ErrorAction SilentlyContinue)
        }

        It 'returns one status per device that has the module, with PSComputerName' {
            $results.Count | Should -Be 2
            @($results.PSComputerName | Sort-Object) | Should -Be @('127.0.0.1', '127.0.0.2')
            foreach ($status in $results) {
                $status.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Status'
                $status.Health | Should -Be 'Missing'
                $status.Source.Path | Should -Be $capture
            }
        }

        It 'writes one PrtTools.ModuleNotInstalled error that names the device without the module' {
            @($fanErrors).Count | Should -Be 1
            $fanErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.ModuleNotInstalled,Get-PrtStatus'
            $fanErrors[0].CategoryInfo.Category | Should -Be 'NotInstalled'
            $fanErrors[0].TargetObject | Should -Be 'localhost'
            $fanErrors[0].OriginInfo.PSComputerName | Should -Be 'localhost'
            $fanErrors[0].Exception.Message | Should -Match '^localhost: '
            $fanErrors[0].Exception.Message | Should -Match 'PrtTools module is not installed'
        }

        It 'gives the same results one device at a time (-ThrottleLimit 1)' {
            $throttled = @(Get-PrtStatus -Session $withModule -Sample -ThrottleLimit 1)
            @($throttled.PSComputerName | Sort-Object) | Should -Be @('127.0.0.1', '127.0.0.2')
        }

        It 'sends -Now to the devices' {
            $now = [datetime]::new(2026, 11, 25, 12, 0, 0, [System.DateTimeKind]::Utc)
            $judged = @(Get-PrtStatus -Session $withModule1 -Sample -Now $now)
            $judged[0].EvaluatedAt | Should -Be $now
        }

        It 'reads the paths piped in on the devices, with one Invoke-Command' {
            $piped = @($capture, $capture | Get-PrtStatus -Session $withModule1)
            $piped.Count | Should -Be 2
        }

        It 'names the device in an error of the cmdlet there (a missing file)' {
            $null = Get-PrtStatus -Session $withModule -Path '/nonexistent/status.txt' -ErrorVariable missingErrors -ErrorAction SilentlyContinue
            @($missingErrors).Count | Should -Be 2
            foreach ($record in $missingErrors) {
                $record.FullyQualifiedErrorId | Should -Be 'PrtTools.FileNotFound,Get-PrtStatus'
                $record.Exception.Message | Should -Match "^$([regex]::Escape($record.TargetObject)): Cannot find the file"
            }
            @($missingErrors.TargetObject | Sort-Object) | Should -Be @('127.0.0.1', '127.0.0.2')
        }

        It 'stops at the first failing device with -ErrorAction Stop' {
            { Get-PrtStatus -Session $withoutModule -Sample -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.ModuleNotInstalled,Get-PrtStatus'
        }
    }

    Context 'Get-PrtStatus -HostName with one device that cannot be reached' {
        BeforeAll {
            $targets = "127.0.0.1:$port", "127.0.0.2:$port", "127.0.0.3:$port"
            $results = @(Get-PrtStatus -HostName $targets @hostParameters -Sample -ErrorVariable fanErrors -ErrorAction SilentlyContinue)
        }

        It 'returns the status of each reachable device, with PSComputerName' {
            $results.Count | Should -Be 2
            @($results.PSComputerName | Sort-Object) | Should -Be @('127.0.0.1', '127.0.0.2')
            $results[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Status'
        }

        It 'writes one PrtTools.DeviceUnreachable error that names the device' {
            @($fanErrors).Count | Should -Be 1 -Because ($fanErrors | Out-String)
            $fanErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.DeviceUnreachable,Get-PrtStatus' -Because ($fanErrors[0].Exception.InnerException | Format-List * -Force | Out-String)
            $fanErrors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            $fanErrors[0].TargetObject | Should -Be '127.0.0.3'
            $fanErrors[0].Exception.Message | Should -Match '^Cannot connect to 127\.0\.0\.3: [^\[]'
        }

        It 'shows the results with our table' {
            $text = $results | Format-Table | Out-String -Width 200
            $text | Should -Match 'DeviceName\s+Health\s+AzureAdPrt'
        }
    }

    Context 'Get-PrtError over several devices' {
        It 'explains codes on each device with -Session and names the device of each result' {
            $infos = @(Get-PrtError -Session $withModule -Code '0xc000006d' -ErrorAction SilentlyContinue)
            $infos.Count | Should -Be 2
            @($infos.PSComputerName | Sort-Object) | Should -Be @('127.0.0.1', '127.0.0.2')
            $infos[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.ErrorInfo'
        }

        It 'diagnoses each device by itself, and the device without PrtTools is an error that never stops the rest' {
            $attempts = @(Get-PrtError -Session $sessions -DsregcmdPath $capture -ErrorVariable deviceErrors -ErrorAction SilentlyContinue)
            @($deviceErrors | Where-Object { $_.FullyQualifiedErrorId -eq 'PrtTools.ModuleNotInstalled,Get-PrtError' }).TargetObject | Should -Be 'localhost'
            foreach ($device in '127.0.0.1', '127.0.0.2') {
                $answers = @($attempts | Where-Object { $_.PSComputerName -eq $device })
                $answers.Count | Should -BeGreaterThan 0 -Because "$device must answer"
                $answers[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Attempt'
            }
        }

    }

    # The cmdlets added with the probe and the device checks go through the same remoting plumbing;
    # these run them for real over SSH, each on a simulated device of its own kind.
    Context 'Invoke-PrtDoctor, Get-PrtDeviceCheck and Test-PrtConnectivity over SSH' {
        It 'Invoke-PrtDoctor -Session: one verdict per device, its ranked causes kept, and the device without PrtTools an error' {
            $local = Invoke-PrtDoctor -Simulate proxy-auth-required
            $verdicts = @(Invoke-PrtDoctor -Session $sessions -Simulate proxy-auth-required -ErrorVariable doctorErrors -ErrorAction SilentlyContinue)
            $verdicts.Count | Should -Be 2
            @($verdicts.PSComputerName | Sort-Object) | Should -Be @('127.0.0.1', '127.0.0.2')
            foreach ($verdict in $verdicts) {
                $verdict.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Doctor'
                @($verdict.Causes)[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.DoctorCause'
                @($verdict.Causes).Id | Should -Be @($local.Causes).Id
                $verdict.ObservedAt | Should -BeOfType [datetime]
            }
            @($doctorErrors).FullyQualifiedErrorId | Should -Be 'PrtTools.ModuleNotInstalled,Invoke-PrtDoctor'
            @($doctorErrors).TargetObject | Should -Be 'localhost'
        }

        It 'Get-PrtDeviceCheck -HostName: every check of each reachable device, and the unreachable one an error' {
            $local = @(Get-PrtDeviceCheck -Simulate tpm-locked-out)
            $targets = "127.0.0.1:$port", "127.0.0.3:$port"
            $checks = @(Get-PrtDeviceCheck -HostName $targets @hostParameters -Simulate tpm-locked-out -ErrorVariable checkErrors -ErrorAction SilentlyContinue)
            $checks.Count | Should -Be $local.Count
            $checks[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.DeviceCheck'
            @($checks.PSComputerName | Sort-Object -Unique) | Should -Be '127.0.0.1'
            @($checks | ForEach-Object { "$($_.Id)=$($_.Result)" }) | Should -Be @($local | ForEach-Object { "$($_.Id)=$($_.Result)" })
            ($checks | Where-Object Id -EQ 'TpmLockedOut').Result | Should -Be 'Fail'
            @($checkErrors).FullyQualifiedErrorId | Should -Be 'PrtTools.DeviceUnreachable,Get-PrtDeviceCheck'
            @($checkErrors).TargetObject | Should -Be '127.0.0.3'
        }

        It 'Test-PrtConnectivity -Session: the probe''s findings come back as they are here' {
            $local = Test-PrtConnectivity -Simulate proxy-auth-required
            $results = @(Test-PrtConnectivity -Session $withModule1 -Simulate proxy-auth-required)
            $results.Count | Should -Be 1
            $results[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.ProbeResult'
            $results[0].PSComputerName | Should -Be '127.0.0.1'
            @($results[0].Findings).Count | Should -BeGreaterThan 0
            @($results[0].Findings).Id | Should -Be @($local.Findings).Id
            @($results[0].Runs).Count | Should -Be @($local.Runs).Count
        }
    }

    Context 'Test-PrtHealth on several devices over SSH' {
        It 'answers once per device, naming it, judged as here; the device without PrtTools is an error' {
            $results = @(Test-PrtHealth -Session $sessions -Path $capture -ErrorVariable healthErrors -ErrorAction SilentlyContinue)
            $results.Count | Should -Be 2
            @($results.ComputerName | Sort-Object) | Should -Be @('127.0.0.1', '127.0.0.2')
            foreach ($answer in $results) {
                $answer.PSObject.TypeNames[0] | Should -Be 'PrtTools.HealthTest#Device'
                $answer.PSObject.TypeNames | Should -Contain 'PrtTools.HealthTest'
                $answer.Healthy | Should -BeOfType [bool]
                $answer.Healthy | Should -Be (Test-PrtHealth -Path $capture)
                $answer.Health | Should -Be 'Missing'
                $answer.Path | Should -Be $capture
            }
            @($healthErrors).FullyQualifiedErrorId | Should -Be 'PrtTools.ModuleNotInstalled,Test-PrtHealth'
            @($healthErrors).TargetObject | Should -Be 'localhost'
        }

        It 'a healthy simulated device over -HostName is $true, the unreachable one an error; -Detailed gives the status' {
            $targets = "127.0.0.1:$port", "127.0.0.3:$port"
            $results = @(Test-PrtHealth -HostName $targets @hostParameters -Simulate healthy -ErrorVariable hostErrors -ErrorAction SilentlyContinue)
            $results.Count | Should -Be 1
            $results[0].ComputerName | Should -Be '127.0.0.1'
            $results[0].Healthy | Should -BeTrue
            $results[0].Health | Should -Be (Get-PrtStatus -Simulate healthy).Health
            @($hostErrors).FullyQualifiedErrorId | Should -Be 'PrtTools.DeviceUnreachable,Test-PrtHealth'
            $detailed = @(Test-PrtHealth -Session $withModule1 -Simulate stale-fixed-by-unlock -Detailed)
            $detailed.Count | Should -Be 1
            $detailed[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Status'
            $detailed[0].Health | Should -Be 'Stale'
        }

        It 'shows the device first in its table' {
            $text = Test-PrtHealth -Session $withModule1 -Sample | Out-String -Width 120
            $text | Should -Match '(?m)^ComputerName\s+Healthy\s+Health\s+UserName'
            $text | Should -Match '(?m)^127\.0\.0\.1\s+False\s+Missing'
        }
    }

    Context 'Get-PrtFleetSummary on statuses from several devices' {
        It 'names the devices of live statuses by PSComputerName' {
            $summary = Get-PrtStatus -Session $sessions -Sample -ErrorAction SilentlyContinue | Get-PrtFleetSummary
            $summary.DeviceCount | Should -Be 2
            $summary.Missing | Should -Be 2
            $summary.Codes[0].Devices | Should -Be @('127.0.0.1', '127.0.0.2')
        }

        It 'names the devices of captures by their DeviceName, wherever they were read' {
            $summary = Get-PrtStatus -Session $withModule1 -Path $capture | Get-PrtFleetSummary
            $summary.Codes[0].Devices | Should -Be @((Get-PrtStatus -Path (Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt')).DeviceName)
        }
    }
}

Describe 'Connection parameters' {
    It 'refuses -<First> together with -<Second>' -ForEach @(
        @{ First = 'ComputerName'; Second = 'HostName' }
        @{ First = 'HostName'; Second = 'ComputerName' }
    ) {
        $parameters = @{ $First = 'pc1'; $Second = 'pc2' }
        # Get-PrtStatus and Get-PrtError have a parameter set per target: the binder refuses the pair.
        { Get-PrtStatus @parameters } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        { Get-PrtError -Code '12002' @parameters } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'refuses -<Name> without the target it goes with' -ForEach @(
        @{ Name = 'ThrottleLimit'; Value = 4 }
        @{ Name = 'KeyFilePath'; Value = '/tmp/key' }
        @{ Name = 'UserName'; Value = 'admin' }
    ) {
        $parameters = @{ $Name = $Value }
        # Refused by the binder now: the remoting options are only in their target's parameter sets.
        { Get-PrtError -Code '12002' @parameters } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'refuses -Credential with -HostName (SSH uses keys)' {
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'admin', (ConvertTo-SecureString -String 'x' -AsPlainText -Force)
        { Get-PrtStatus -HostName 'pc1' -Credential $credential } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        { Get-PrtError -Code '12002' -HostName 'pc1' -Credential $credential } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }
}

Describe 'Get-PrtStatus -ComputerName (WinRM, with Invoke-Command mocked)' {
    BeforeAll {
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\admin', (ConvertTo-SecureString -String 'x' -AsPlainText -Force)
        Mock -ModuleName PrtTools -CommandName Invoke-Command -MockWith {
            # What WinRM hands back: a deserialized status from PC1 and a transport error for PC2.
            $status = [pscustomobject]@{ DeviceName = 'PC1'; Health = 'Healthy'; PSComputerName = 'PC1' }
            $status.PSObject.TypeNames.Insert(0, 'Deserialized.PrtTools.Status')
            $status
            $exception = New-Object -TypeName System.Management.Automation.Remoting.PSRemotingTransportException -ArgumentList 'WinRM cannot complete the operation.'
            Write-Error -ErrorRecord (New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList $exception, 'WinRMOperationTimeout,PSSessionStateBroken', 'OpenError', 'PC2') -ErrorAction Continue
        }
        $results = @(Get-PrtStatus -ComputerName 'PC1', 'PC2' -Credential $credential -ThrottleLimit 50 -ErrorVariable winrmErrors -ErrorAction SilentlyContinue)
    }

    It 'runs Invoke-Command once with the computers, the credential and the throttle limit' {
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -Scope Describe -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'PC1,PC2' -and $Credential.UserName -eq 'CONTOSO\admin' -and $ThrottleLimit -eq 50 -and $ArgumentList[0] -eq 'Get-PrtStatus'
        }
    }

    It 'passes what comes back through' {
        $results.Count | Should -Be 1
        $results[0].PSComputerName | Should -Be 'PC1'
    }

    It 'turns a transport failure into PrtTools.DeviceUnreachable naming the computer' {
        @($winrmErrors).Count | Should -Be 1
        $winrmErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.DeviceUnreachable,Get-PrtStatus'
        $winrmErrors[0].TargetObject | Should -Be 'PC2'
        $winrmErrors[0].OriginInfo.PSComputerName | Should -Be 'PC2'
    }
}

Describe 'Test-PrtHealth -ComputerName (WinRM, with Invoke-Command mocked)' {
    BeforeAll {
        Mock -ModuleName PrtTools -CommandName Invoke-Command -MockWith {
            foreach ($name in @($ComputerName)) {
                $status = [pscustomobject]@{ DeviceName = $name; Health = if ($name -eq 'PC1') { 'Stale' } else { 'Healthy' }; UserName = 'CONTOSO\ann'; PSComputerName = $name }
                $status.PSObject.TypeNames.Insert(0, 'Deserialized.PrtTools.Status')
                $status
            }
        }
        # Get-ADComputer's shape: the devices come by DNSHostName, each once.
        $computers = @(
            [pscustomobject]@{ Name = 'PC1'; DNSHostName = 'PC1' }
            [pscustomobject]@{ Name = 'PC2'; DNSHostName = 'PC2' }
            [pscustomobject]@{ Name = 'PC1'; DNSHostName = 'PC1' }
        )
        $results = @($computers | Test-PrtHealth -Now '2026-11-20T12:00:00Z' -ThrottleLimit 8)
    }

    It 'reads every device in one Invoke-Command of Get-PrtStatus, each once, with -Now' {
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -Scope Describe -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'PC1,PC2' -and $ThrottleLimit -eq 8 -and $ArgumentList[0] -eq 'Get-PrtStatus' -and $ArgumentList[1].Now -eq [datetime]'2026-11-20T12:00:00Z'
        }
    }

    It 'judges each status by the rule of prt status --detect' {
        @($results | ForEach-Object { "$($_.ComputerName)=$($_.Healthy)" }) | Should -Be @('PC1=False', 'PC2=True')
        $results[0].UserName | Should -Be 'CONTOSO\ann'
    }
}

Describe 'Get-PrtFleetSummary' {
    BeforeAll {
        $captures = 'missing-prt-0xc000006d-aadsts50126.txt', 'stale-prt.txt', 'refresh-diagnostics.txt', 'healthy-aadj.txt',
        'hybrid-enterprise-diag-msis.txt', 'domain-joined-only.txt', 'expired-prt.txt'
        $statuses = @(Get-PrtStatus -Path ($captures | ForEach-Object { Get-Fixture $_ }))
        # A second device with the same failure, spelled as another build of dsregcmd might.
        $twin = Get-PrtStatus -Path (Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt')
        $twin.DeviceName = 'PC-TWIN'
        @($twin.Diagnostics)[0].AttemptStatus = '-1073741715'
        $counting = New-CountingPrt
        $env:PRTTOOLS_EXE = $counting.Path
        $summary = @($statuses) + $twin | Get-PrtFleetSummary
        Clear-FakePrt
        $byCode = @{}
        foreach ($code in $summary.Codes) { $byCode[$code.Code] = $code }
    }

    It 'returns one PrtTools.FleetSummary' {
        @($summary).Count | Should -Be 1
        $summary.PSObject.TypeNames[0] | Should -Be 'PrtTools.FleetSummary'
        $summary.DeviceCount | Should -Be 8
    }

    It 'counts the devices per health' {
        $expected = @{}
        foreach ($status in @($statuses) + $twin) { $expected[$status.Health] = 1 + [int]$expected[$status.Health] }
        foreach ($health in $summary.Health) { $health.Count | Should -Be $expected[$health.Health] -Because $health.Health }
        $summary.Missing | Should -Be $expected['Missing']
        $summary.Healthy | Should -Be $expected['Healthy']
        $summary.Unhealthy | Should -Be ($summary.Missing + $summary.Expired + $summary.Stale)
        $summary.Health[0].Health | Should -Be 'Missing'
        $summary.Health[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.FleetHealth'
    }

    It 'counts two spellings of one code as one code on two devices, most frequent first' {
        $top = $summary.Codes[0]
        $top.PSObject.TypeNames[0] | Should -Be 'PrtTools.FleetCode'
        $top.Name | Should -Be 'STATUS_LOGON_FAILURE'
        $top.Count | Should -BeGreaterOrEqual 2
        $top.Devices | Should -Contain 'PC-TWIN'
        $top.SeenAs | Should -Contain 'AttemptStatus'
        @($summary.Codes | Where-Object { $_.Name -eq 'STATUS_LOGON_FAILURE' }).Count | Should -Be 1
    }

    It 'gives each code its one-line meaning' {
        foreach ($code in $summary.Codes) { $code.Summary | Should -Not -BeNullOrEmpty -Because $code.Code }
    }

    It 'takes the server''s codes too: the error code and the AADSTS code of its description' {
        $byCode.Keys | Should -Contain 'invalid_grant'
        $byCode.Keys | Should -Contain 'AADSTS50126'
        $byCode['AADSTS50126'].SeenAs | Should -Be @('ServerErrorDescription')
        $byCode['AADSTS50126'].Count | Should -Be 2
    }

    It 'explains all the codes with one call of prt' {
        $calls = @(Get-PrtCall -Counting $counting)
        @($calls | Where-Object { $_ -like 'explain *' }).Count | Should -Be 1
    }

    It 'counts the findings with their devices' {
        $missing = @($summary.Findings | Where-Object { $_.Id -eq 'PrtMissing' })
        $missing.Count | Should -Be 1
        $missing[0].Count | Should -Be 2
        $missing[0].Devices | Should -Contain 'PC-TWIN'
        $missing[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.FleetFinding'
    }

    It 'is shown as a list with the health counts, the top codes and the findings' {
        $text = $summary | Out-String -Width 300
        $text | Should -Match 'DeviceCount\s+: 8'
        $text | Should -Match 'Health\s+: Missing 2, '
        $text | Should -Match '\d x 0xc000006d STATUS_LOGON_FAILURE: .+\[.*PC-TWIN.*\]'
        $text | Should -Match 'Findings\s+: '
    }

    It 'shows its codes as a table of Count, Code, Name and Devices (Summary stays on the object)' {
        $text = $summary.Codes | Format-Table | Out-String -Width 300
        $text | Should -Match '(?m)^Count\s+Code\s+Name\s+Devices\s*$'
    }

    It 'gives each finding the one line of its id, not the first device''s message' {
        $stale = @($statuses | Where-Object { @($_.Findings | ForEach-Object { $_.Id }) -contains 'PrtStale' })
        $stale.Count | Should -BeGreaterOrEqual 2
        $messages = @($stale | ForEach-Object { ($_.Findings | Where-Object { $_.Id -eq 'PrtStale' }).Message } | Select-Object -Unique)
        $messages.Count | Should -BeGreaterOrEqual 2 -Because 'each device says its own age'
        $line = ($summary.Findings | Where-Object { $_.Id -eq 'PrtStale' }).Title
        $line | Should -Be (@($stale[0].Findings | Where-Object { $_.Id -eq 'PrtStale' })[0].Title)
        $line | Should -Not -BeNullOrEmpty
        $messages | Should -Not -Contain $line
        $summary.Findings[0].PSObject.Properties.Name | Should -Not -Contain 'Message'
    }

    It 'survives serialization with its view' {
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($summary, 2))
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.FleetSummary'
        ($copy | Out-String -Width 300) | Should -Be ($summary | Out-String -Width 300)
    }

    Context 'a capture that does not show the PRT' {
        BeforeAll {
            $partial = Get-PrtStatus -Path (Join-Path $PSScriptRoot '../fixtures/real/dsregcmd/partial-user-state-only-ngc-set.txt')
            $withUnknown = @($statuses) + $partial | Get-PrtFleetSummary
        }

        It 'counts it as Unknown, neither healthy nor unhealthy' {
            $partial.Health | Should -Be 'Unknown'
            $withUnknown.Unknown | Should -Be 1
            $withUnknown.Unhealthy | Should -Be ($withUnknown.Missing + $withUnknown.Expired + $withUnknown.Stale)
            $withUnknown.Healthy | Should -Be (@($statuses | Where-Object { $_.Health -eq 'Healthy' }).Count)
            @($withUnknown.Health | ForEach-Object { $_.Health }) | Should -Be @('Missing', 'Expired', 'Stale', 'Unknown', 'Healthy', 'NotApplicable')
            ($withUnknown | Out-String -Width 300) | Should -Match 'Unknown\s+: 1'
        }

        It 'names it by its file when it names no device' {
            $partial.DeviceName | Should -BeNullOrEmpty
            ($withUnknown.Health | Where-Object { $_.Health -eq 'Unknown' }).Devices | Should -Be @('partial-user-state-only-ngc-set.txt')
        }
    }

    It 'writes PrtTools.NotAStatus for an object that is not a status and sums up the rest' {
        $mixed = @('not a status', $statuses[0]) | Get-PrtFleetSummary -ErrorVariable notStatus -ErrorAction SilentlyContinue
        $mixed.DeviceCount | Should -Be 1
        $notStatus[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotAStatus,Get-PrtFleetSummary'
    }

    It 'sums up nothing to zero devices and no codes, without running prt' {
        $counting = New-CountingPrt
        $env:PRTTOOLS_EXE = $counting.Path
        try {
            $empty = Get-PrtFleetSummary -InputObject @()
        } finally {
            Clear-FakePrt
        }
        $empty.DeviceCount | Should -Be 0
        @($empty.Codes).Count | Should -Be 0
        @(Get-PrtCall -Counting $counting).Count | Should -Be 0
    }
}

# Real PowerShell remoting: Invoke-Command and New-PSSession over SSH to a throwaway sshd on the
# loopback (test/remoting/sshd-loopback.sh), where the remote user prtremote has the built module
# on its PSModulePath. What comes back is what an admin gets from a device: Deserialized.PrtTools.*
# objects with PSComputerName, shown with our views because the module is imported here too.
BeforeDiscovery {
    . $PSScriptRoot/TestHelpers.ps1
    $loopbackProblem = Get-SshLoopbackProblem
    # Skipped only on a developer machine that cannot run it; CI must run it.
    $skipRemoting = [bool]$loopbackProblem -and -not $env:CI
    if ($skipRemoting) { Write-Warning "Remoting tests skipped: $loopbackProblem" }
}

Describe 'PowerShell remoting over SSH' -Skip:$skipRemoting {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        Import-PrtToolsUnderTest
        $loopback = $null
        $session = $null
        $loopback = Start-SshLoopback
        $connection = $loopback.Connection
        $remoteCapture = Join-Path $loopback.CaptureDir 'missing-prt-0xc000006d-aadsts50126.txt'
        $localCapture = Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt'
        $session = New-PSSession @connection -Name 'PrtTools loopback'
    }

    AfterAll {
        Stop-SshLoopback -Loopback $loopback -Session $session
        Get-Module -Name PrtTools | Remove-Module -Force
    }

    Describe 'Invoke-Command -HostName over SSH' {
        BeforeAll {
            $results = @(Invoke-Command @connection -ScriptBlock {
                    Get-PrtStatus -Sample
                    [pscustomobject]@{ UserName = [System.Environment]::UserName; HostName = $Host.Name; Interactive = [System.Environment]::UserInteractive }
                })
            $status = $results[0]
            $whoami = $results[1]
        }

        It 'runs on the other side as the remote user, in a remote host' {
            $whoami.UserName | Should -Be $loopback.UserName
            $whoami.HostName | Should -Be 'ServerRemoteHost'
        }

        It 'imports PrtTools there by name and returns a Deserialized.PrtTools.Status' {
            $status.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Status'
            $status.DeviceName | Should -Be (Get-PrtStatus -Sample).DeviceName
        }

        It 'sets PSComputerName to the host it ran on' {
            $status.PSComputerName | Should -Be '127.0.0.1'
        }

        It 'is shown with our table on this side, as the original is' {
            ($status | Format-Table | Out-String -Width 200) | Should -Be (Get-PrtStatus -Sample | Format-Table | Out-String -Width 200)
        }
    }

    Describe 'Get-PrtStatus -Path in a PSSession over SSH' {
        BeforeAll {
            $original = Get-PrtStatus -Path $localCapture
            $copy = Invoke-Command -Session $session -ScriptBlock { param($Path) Get-PrtStatus -Path $Path } -ArgumentList $remoteCapture
        }

        It 'comes back as a Deserialized.PrtTools.Status with PSComputerName' {
            $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Status'
            $copy.PSComputerName | Should -Be '127.0.0.1'
        }

        It 'keeps <_>' -ForEach @('DeviceName', 'DeviceId', 'TenantId', 'JoinType', 'Health', 'AzureAdPrt', 'EnterprisePrt', 'ClockSource') {
            $copy.$_ | Should -Be $original.$_
        }

        It 'keeps its times as UTC [datetime] values' {
            $copy.EvaluatedAt | Should -BeOfType [datetime]
            $copy.EvaluatedAt.Kind | Should -Be 'Utc'
            $copy.EvaluatedAt | Should -Be $original.EvaluatedAt
            $copy.EnterprisePrtUpdateTime | Should -Be $original.EnterprisePrtUpdateTime
            @($copy.Diagnostics)[0].PreviousPrtAttempt | Should -BeOfType [datetime]
            @($copy.Diagnostics)[0].PreviousPrtAttempt | Should -Be @($original.Diagnostics)[0].PreviousPrtAttempt
        }

        It 'keeps its nested findings, diagnostics and sections with their type names' {
            @($copy.Findings)[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Finding'
            @($copy.Findings).Id | Should -Be @($original.Findings).Id
            @($copy.Diagnostics)[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.PrtDiagnostics'
            @($copy.Diagnostics)[0].AttemptStatus | Should -Be @($original.Diagnostics)[0].AttemptStatus
            @($copy.Diagnostics)[0].HttpStatus | Should -BeOfType [int]
            @(@($copy.Sections)[0].Fields)[0].Name | Should -Be @(@($original.Sections)[0].Fields)[0].Name
        }

        It 'reads the path on the remote side' {
            $copy.Source.Path | Should -Be $remoteCapture
        }

        It 'is shown with the same table and list as the original' {
            ($copy | Format-Table | Out-String -Width 200) | Should -Be ($original | Format-Table | Out-String -Width 200)
            ($copy | Format-List | Out-String -Width 200) | Should -Be ($original | Format-List | Out-String -Width 200)
        }

        It 'brings a remote error back with its ErrorId and the device' {
            $null = Invoke-Command -Session $session -ScriptBlock { Get-PrtStatus -Path '/nonexistent/status.txt' } -ErrorVariable remoteErrors -ErrorAction SilentlyContinue
            @($remoteErrors).Count | Should -Be 1
            $remoteErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.FileNotFound,Get-PrtStatus'
            $remoteErrors[0].OriginInfo.PSComputerName | Should -Be '127.0.0.1'
        }
    }

    Describe 'Get-PrtError -Code in a PSSession over SSH' {
        BeforeAll {
            $original = @(Get-PrtError -Code '0xc000006d', 'AADSTS50126')
            $copies = @(Invoke-Command -Session $session -ScriptBlock { Get-PrtError -Code '0xc000006d', 'bogus!', 'AADSTS50126' } -ErrorVariable remoteErrors -ErrorAction SilentlyContinue)
        }

        It 'comes back as Deserialized.PrtTools.ErrorInfo objects with PSComputerName' {
            $copies.Count | Should -Be 2
            foreach ($copy in $copies) {
                $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.ErrorInfo'
                $copy.PSComputerName | Should -Be '127.0.0.1'
            }
        }

        It 'keeps the values, causes, evidence and related codes' {
            $copies.Name | Should -Be $original.Name
            $copies[0].Unsigned | Should -Be $original[0].Unsigned
            @($copies[0].Causes) | Should -Be @($original[0].Causes)
            @($copies[0].Evidence)[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.ErrorEvidence'
            @($copies[0].Evidence).EventId | Should -Be @($original[0].Evidence).EventId
            @($copies[0].Related).Code | Should -Be @($original[0].Related).Code
        }

        It 'brings the error for the input that is not a code, naming it' {
            @($remoteErrors).Count | Should -Be 1
            $remoteErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotACode,Get-PrtError'
            $remoteErrors[0].TargetObject | Should -Be 'bogus!'
        }

        It 'is shown with the same table and list as the original' {
            ($copies | Format-Table | Out-String -Width 200) | Should -Be ($original | Format-Table | Out-String -Width 200)
            ($copies[0] | Format-List | Out-String -Width 200) | Should -Be ($original[0] | Format-List | Out-String -Width 200)
        }
    }

    Describe 'What crosses the SSH connection' {
        It 'holds no terminal escape codes: <Name>' -ForEach @(
            @{ Name = 'the views rendered remotely'; Script = { Get-PrtStatus -Sample | Out-String -Width 200; Get-PrtError -Code '0xc000006d' | Format-List | Out-String -Width 200 } }
            @{ Name = 'the human output of prt itself'; Script = { $exe = Join-Path (Get-Module -Name PrtTools -ListAvailable)[0].ModuleBase 'bin/prt'; & $exe status --sample 2>&1 | Out-String } }
            @{ Name = 'the objects'' strings'; Script = { Get-PrtStatus -Sample | ConvertTo-Json -Depth 6 } }
        ) {
            $text = (Invoke-Command -Session $session -ScriptBlock $Script) -join "`n"
            $text.Length | Should -BeGreaterThan 100
            $text | Should -Not -Match "`e"
        }

        It 'works in a session that imported the module by path, where it is not on PSModulePath' {
            $bare = New-PSSession @connection -Subsystem $loopback.SubsystemWithoutModule
            try {
                $copy = Invoke-Command -Session $bare -ScriptBlock {
                    param($ModulePath)
                    if (Get-Module -ListAvailable -Name PrtTools) { throw 'PrtTools should not be on PSModulePath here' }
                    Import-Module -Name $ModulePath -ErrorAction Stop
                    Get-PrtStatus -Sample
                } -ArgumentList (Join-Path $loopback.ModuleDir 'PrtTools.psd1')
            } finally {
                Remove-PSSession -Session $bare
            }
            $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Status'
        }
    }
}

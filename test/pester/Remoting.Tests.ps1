# Real PowerShell remoting: Invoke-Command and New-PSSession over SSH to a throwaway sshd on the
# loopback (test/remoting/sshd-loopback.sh), where the remote user prtremote has the built module
# on its PSModulePath. What comes back is what an admin gets from a device: Deserialized.PrtTools.*
# objects with PSComputerName, shown with our views because the module is imported here too.
# A machine that cannot run the loopback fails these tests with the reason: never a silent skip.
Describe 'PowerShell remoting over SSH' {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        Assert-SshLoopbackPossible
        Import-PrtToolsUnderTest
        $loopback = $null
        $session = $null
        $loopback = Start-SshLoopback
        $connection = $loopback.Connection
        $remoteCapture = Join-Path $loopback.CaptureDir 'missing-prt-0xc000006d-aadsts50126.txt'
        $localCapture = Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt'
        $session = New-PSSession @connection -Name 'PrtTools loopback'

        function ConvertTo-ComparableList {
            # Format-List text with the label column's width and wrapping taken out.
            param([string] $Text)
            (($Text -split "`r?`n" | ForEach-Object { ($_ -replace '^(\w+)\s+: ', '$1 : ').Trim() } | Where-Object { $_ }) -join ' ')
        }

        function Assert-RemoteList {
            # Format-List of remote objects is our list plus a PSComputerName line (which widens
            # the label column).
            param($Remote, $Local, [string] $RemotePath, [string] $LocalPath)
            $remoteText = $Remote | Format-List | Out-String -Width 5000
            if ($RemotePath) { $remoteText = $remoteText.Replace($RemotePath, $LocalPath) }
            $remoteText | Should -Match '(?m)^PSComputerName\s+: 127\.0\.0\.1\s*$'
            $remoteText = $remoteText -replace '(?m)^PSComputerName\s+: .*$', ''
            ConvertTo-ComparableList -Text $remoteText | Should -Be (ConvertTo-ComparableList -Text ($Local | Format-List | Out-String -Width 5000))
        }

        function Assert-RemoteTable {
            # Format-Table of remote objects is our table plus the PSComputerName column that
            # PowerShell adds to everything that came over remoting.
            param($Remote, $Local)
            # Wide enough that no cell wraps for want of room on either side.
            $remoteLines = @(($Remote | Format-Table | Out-String -Width 400) -split "`r?`n" | Where-Object { $_.Trim() })
            $localLines = @(($Local | Format-Table | Out-String -Width 400) -split "`r?`n" | Where-Object { $_.Trim() })
            $remoteLines.Count | Should -Be $localLines.Count
            $remoteLines[0] | Should -Match '\sPSComputerName\s*$'
            for ($i = 0; $i -lt $localLines.Count; $i++) {
                if ($i -eq 1) { continue }
                $remoteLine = ($remoteLines[$i] -replace '\s+', ' ').Trim()
                $localLine = ($localLines[$i] -replace '\s+', ' ').Trim()
                # A row's second line (a status's next finding id) has no PSComputerName.
                if ($i -gt 1 -and $localLines[$i] -match '^\s' -and $remoteLines[$i] -match '^\s') {
                    $remoteLine | Should -Be $localLine
                    continue
                }
                # The extra column may cut the last one short with an ellipsis.
                $cut = $remoteLine.IndexOf([char]0x2026)
                if ($cut -ge 0) {
                    $localLine.StartsWith($remoteLine.Substring(0, $cut)) | Should -BeTrue -Because "'$remoteLine' should start like '$localLine'"
                } else {
                    $remoteLine | Should -BeLike "$localLine *"
                }
                if ($i -gt 1) { $remoteLine | Should -Match ' 127\.0\.0\.1$' }
            }
        }
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

        It 'is shown with our table on this side, as the original is, with PSComputerName' {
            Assert-RemoteTable -Remote $status -Local (Get-PrtStatus -Sample)
            ($status | Format-Table | Out-String -Width 250) | Should -Match '127\.0\.0\.1'
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
            Assert-RemoteTable -Remote $copy -Local $original
            # The same list, but for the capture's path, which is the remote one.
            Assert-RemoteList -Remote $copy -Local $original -RemotePath $remoteCapture -LocalPath $localCapture
        }

        It 'brings a remote error back with its ErrorId and the device' {
            $null = Invoke-Command -Session $session -ScriptBlock { Get-PrtStatus -Path '/nonexistent/status.txt' } -ErrorVariable remoteErrors -ErrorAction SilentlyContinue
            @($remoteErrors).Count | Should -Be 1
            $remoteErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.FileNotFound,Get-PrtStatus'
            $remoteErrors[0].OriginInfo.PSComputerName | Should -Be '127.0.0.1'
        }

        It 'reads the signed-in user''s PRT in a remote session, which off Windows fails clearly: it needs a scheduled task' {
            $null = Invoke-Command -Session $session -ScriptBlock { Get-PrtStatus } -ErrorVariable remoteErrors -ErrorAction SilentlyContinue -WarningVariable remoteWarnings -WarningAction SilentlyContinue
            @($remoteErrors).Count | Should -Be 1
            $remoteErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotWindows,Get-PrtStatus'
            $remoteErrors[0].CategoryInfo.Category | Should -Be 'NotImplemented'
            [string]$remoteErrors[0] | Should -Match 'needs Windows'
            $remoteErrors[0].OriginInfo.PSComputerName | Should -Be '127.0.0.1'
            @($remoteWarnings).Count | Should -Be 0
        }

        It 'warns with -AsCurrentUser that a live read in a remote session is not the signed-in user''s PRT' {
            $null = Invoke-Command -Session $session -ScriptBlock { Get-PrtStatus -AsCurrentUser } -WarningVariable remoteWarnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
            @($remoteWarnings).Count | Should -Be 1
            [string]$remoteWarnings[0] | Should -Match 'remote session'
            [string]$remoteWarnings[0] | Should -Match 'never holds a PRT'
        }

        It 'does not warn when it reads a capture in a remote session' {
            $null = Invoke-Command -Session $session -ScriptBlock { param($Path) Get-PrtStatus -Path $Path } -ArgumentList $remoteCapture -WarningVariable captureWarnings -WarningAction SilentlyContinue
            @($captureWarnings).Count | Should -Be 0
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
            Assert-RemoteTable -Remote $copies -Local $original
            Assert-RemoteList -Remote $copies[0] -Local $original[0]
        }
    }

    Describe 'Start-PrtTrace -NoWait and Stop-PrtTrace in a PSSession over SSH (simulated device)' {
        BeforeAll {
            $trace = @(Invoke-Command -Session $session -ScriptBlock {
                    # A state folder of this test's own, writable by the remote user.
                    $env:PRT_STATE_DIR = Join-Path ([System.IO.Path]::GetTempPath()) ('prttools-remote-' + [guid]::NewGuid())
                    $env:PRT_SIM_SPEED = '400'
                    try {
                        Start-PrtTrace -Simulate stale-fixed-by-unlock -NoWait
                        $bundle = Stop-PrtTrace -Simulate stale-fixed-by-unlock
                        $bundle
                        # What the admin sees of the bundle, rendered on the remote side.
                        $bundle | Out-String -Width 200
                    } finally {
                        Remove-Item -LiteralPath $env:PRT_STATE_DIR -Recurse -Force -ErrorAction SilentlyContinue
                    }
                })
        }

        It 'returns the session and the bundle as Deserialized.PrtTools.* objects with PSComputerName' {
            $trace[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.TraceSession'
            $trace[1].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.TraceBundle'
            $trace[0].PSComputerName | Should -Be '127.0.0.1'
            $trace[1].PSComputerName | Should -Be '127.0.0.1'
        }

        It 'keeps the dates and the nested steps' {
            $trace[0].StartedAt | Should -BeOfType [datetime]
            $trace[1].StartedAt | Should -Be $trace[0].StartedAt
            $trace[1].StoppedAt | Should -BeGreaterThan $trace[1].StartedAt
            @($trace[1].Steps).Count | Should -BeGreaterThan 2
            @($trace[1].Steps)[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.TraceStep'
            $trace[1].Outcome | Should -Be 'Completed'
        }

        It 'neither prompts nor draws: the run completes without a console and nothing holds escape codes' {
            $trace[2] | Should -BeOfType [string]
            $trace[2] | Should -Match 'Outcome\s+: Completed'
            ($trace | Out-String -Width 200) | Should -Not -Match "`e"
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

# Start-PrtTrace typed at a console shows the exe's live dashboard and still returns the bundle:
# pwsh runs in a real terminal (tmux), imports the module as built, and the screen is read at each
# phase. The exe draws on the console's stderr and reads its keys from the console's stdin while
# the module reads the JSON on stdout (Invoke-PrtExe -Console). What a Windows console adds
# (conhost, Windows Terminal, Windows PowerShell 5.1) is verified by reasoning only.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $socket = "prt-module-dashboard-$PID"
    $work = Join-Path $TestDrive 'dashboard'
    $null = New-Item -ItemType Directory -Path $work -Force
    # The pinned pwsh (scripts/tools.env); this process may be dotnet running pwsh.dll.
    $pwsh = if ($env:PWSH) { $env:PWSH } else { (Get-Command -Name pwsh -CommandType Application | Select-Object -First 1).Source }
    if (-not (Get-Command -Name tmux -CommandType Application -ErrorAction SilentlyContinue)) { throw 'tmux is not installed' }
    $script:sessions = 0

    # Starts pwsh in a new 100x30 tmux session running $Script after importing the module; the
    # pane stays open after pwsh ends and shows "EXIT <code>".
    function Start-PwshInTmux {
        param([Parameter(Mandatory)][string[]] $Script, [string] $Speed = '20')
        $script:sessions++
        $name = "m$($script:sessions)"
        $state = Join-Path $work "state-$name"
        $file = Join-Path $work "$name.ps1"
        $prelude = @(
            "`$env:PRT_STATE_DIR = '$state'"
            "`$env:PRT_SIM_SPEED = '$Speed'"
            "Import-Module '$ModulePath'"
        )
        Set-Content -LiteralPath $file -Value (@($prelude) + $Script)
        $shell = "env -u CI -u NO_COLOR -u PRTTOOLS_EXE TERM=xterm-256color '$pwsh' -NoProfile -NoLogo -File '$file'; echo `"EXIT `$?`"; sleep 600"
        & tmux @('-L', $socket, 'new-session', '-d', '-s', $name, '-x', '100', '-y', '30', $shell)
        if ($LASTEXITCODE -ne 0) { throw "tmux could not start session $name" }
        return $name
    }

    function Get-Screen {
        param([Parameter(Mandatory)][string] $Name)
        return (& tmux @('-L', $socket, 'capture-pane', '-p', '-t', $Name)) -join "`n"
    }

    # Polls the screen until it matches $Pattern (a regex); returns that screen or throws with the last one.
    function Wait-Screen {
        param([Parameter(Mandatory)][string] $Name, [Parameter(Mandatory)][string] $Pattern, [int] $TimeoutSeconds = 60)
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        $text = ''
        while ([DateTime]::UtcNow -lt $deadline) {
            $text = Get-Screen -Name $Name
            if ($text -match $Pattern) { return $text }
            Start-Sleep -Milliseconds 150
        }
        throw "the screen never matched '$Pattern' within $TimeoutSeconds s; last screen:`n$text"
    }

    # With PRT_DASHBOARD_CAPTURES set, the screens read are written there (for the issue's notes).
    $script:captures = New-Object -TypeName System.Collections.Generic.List[string]
    function Save-Screen {
        param([string] $Title, [string] $Text)
        $script:captures.Add("--- $Title`n$($Text.TrimEnd())`n")
    }
}

AfterAll {
    & tmux @('-L', $socket, 'kill-server') 2>$null
    if ($env:PRT_DASHBOARD_CAPTURES) { Set-Content -LiteralPath $env:PRT_DASHBOARD_CAPTURES -Value ($script:captures -join "`n") }
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Start-PrtTrace at a console (pwsh in tmux)' {
    Context 'a guided hybrid repro with a wrong password' {
        BeforeAll {
            $name = Start-PwshInTmux -Script @(
                "`$b = Start-PrtTrace -Simulate hybrid-wrong-password -OutputPath '$(Join-Path $work 'out-hybrid')'"
                "'TYPE=' + `$b.PSObject.TypeNames[0]"
                "'OUTCOME=' + `$b.Repro.Outcome"
                "'STATUS=' + `$b.Repro.AttemptStatus"
                "'ZIP=' + [System.IO.File]::Exists(`$b.ZipPath)"
            )
            $lock = Wait-Screen -Name $name -Pattern 'LOCK the device now \(Windows\+L\)\. Stay locked: \d:\d\d left'
            Save-Screen -Title 'Start-PrtTrace hybrid-wrong-password: lock prompt' -Text $lock
            $failed = Wait-Screen -Name $name -Pattern '0xc000006d STATUS_LOGON_FAILURE'
            Save-Screen -Title 'Start-PrtTrace hybrid-wrong-password: attempt failed, decoded' -Text $failed
            $done = Wait-Screen -Name $name -Pattern 'EXIT \d+'
            Save-Screen -Title 'Start-PrtTrace hybrid-wrong-password: the returned object' -Text $done
        }

        It 'draws the dashboard on the console: title, PRT panel, lock prompt and keys' {
            $lock | Should -Match 'PrtTools · guided trace on a simulated device \(hybrid-wrong-password\)'
            $lock | Should -Match 'AzureAdPrt NO · MISSING'
            $lock | Should -Match 's stop watching and collect now · Ctrl\+C cancel safely'
        }

        It 'shows the failed attempt decoded while the cmdlet still runs' {
            $failed | Should -Match 'AADSTS50126 InvalidUserNameOrPassword'
            $failed | Should -Not -Match 'TYPE='
        }

        It 'returns a PrtTools.TraceBundle read from the JSON on stdout' {
            $done | Should -Match '(?m)^TYPE=PrtTools\.TraceBundle$'
            $done | Should -Match '(?m)^OUTCOME=AttemptFailed$'
            $done | Should -Match '(?m)^STATUS=0xc000006d$'
            $done | Should -Match '(?m)^ZIP=True$'
            $done | Should -Match '(?m)^EXIT 0$'
        }

        It 'leaves the last frame on the screen, not JSON' {
            $done | Should -Match 'Done \(Completed\)\. The bundle is ready\.'
            $done | Should -Not -Match '"BundlePath"'
        }
    }

    Context 'Ctrl+C during the repro' {
        BeforeAll {
            $name = Start-PwshInTmux -Speed '2' -Script @(
                "`$b = Start-PrtTrace -Simulate healthy -OutputPath '$(Join-Path $work 'out-cancel')' -ErrorVariable traceErrors -ErrorAction SilentlyContinue"
                "'RESULT=' + @(`$b).Count"
                "'ERRORID=' + `$traceErrors[0].FullyQualifiedErrorId"
                "'CATEGORY=' + `$traceErrors[0].CategoryInfo.Category"
                "'ACTIVE=' + (Get-PrtTraceStatus -Simulate healthy).Active"
            )
            $null = Wait-Screen -Name $name -Pattern 'LOCK the device \(Windows\+L\), then UNLOCK'
            & tmux @('-L', $socket, 'send-keys', '-t', $name, 'C-c')
            $done = Wait-Screen -Name $name -Pattern 'EXIT \d+'
            Save-Screen -Title 'Start-PrtTrace healthy: Ctrl+C' -Text $done
        }

        It 'reaches the exe as a key (raw mode): it undoes every change and the cmdlet reports the interruption' {
            $done | Should -Match '(?m)^RESULT=0$'
            $done | Should -Match '(?m)^ERRORID=PrtTools\.ExeFailed,Start-PrtTrace$'
            $done | Should -Match '(?m)^CATEGORY=OperationStopped$'
            $done | Should -Match '(?m)^ACTIVE=False$'
            $done | Should -Match '(?m)^EXIT 0$'
        }
    }

    Context 'the exe fails after the checks passed (netsh trace start fails)' {
        BeforeAll {
            $netshFails = Join-Path $work 'netsh-fails.json'
            Set-Content -LiteralPath $netshFails -Value '{ "Extends": "healthy", "Name": "netsh-fails", "Faults": { "StartNetworkTrace": "Fail" } }'
            $name = Start-PwshInTmux -Script @(
                "`$b = Start-PrtTrace -Simulate '$netshFails' -OutputPath '$(Join-Path $work 'out-fails')' -ErrorVariable traceErrors -ErrorAction SilentlyContinue"
                "'RESULT=' + @(`$b).Count"
                "'ERRORID=' + `$traceErrors[0].FullyQualifiedErrorId"
                "'CATEGORY=' + `$traceErrors[0].CategoryInfo.Category"
                "'MESSAGE=' + `$traceErrors[0].Exception.Message"
            )
            $done = Wait-Screen -Name $name -Pattern 'EXIT \d+'
            Save-Screen -Title 'Start-PrtTrace when netsh fails: the error' -Text $done
        }

        It 'leaves the exe''s own message on the console' {
            $done | Should -Match '"Id":"ToolFailed"'
        }

        It 'writes one ErrorRecord by exit code that points to that message, and returns nothing' {
            $done | Should -Match '(?m)^RESULT=0$'
            $done | Should -Match '(?m)^ERRORID=PrtTools\.ExeFailed,Start-PrtTrace$'
            $done | Should -Match '(?m)^CATEGORY=ResourceUnavailable$'
            $done | Should -Match 'MESSAGE=prt failed \(exit code 4\); its own message is on the console above'
        }
    }

    Context 'a check fails (a trace already runs)' {
        BeforeAll {
            $name = Start-PwshInTmux -Script @(
                "`$null = Start-PrtTrace -Simulate healthy -NoWait"
                "`$b = Start-PrtTrace -Simulate healthy -ErrorVariable traceErrors -ErrorAction SilentlyContinue"
                "'ERRORID=' + `$traceErrors[0].FullyQualifiedErrorId"
                "`$null = Stop-PrtTrace -Simulate healthy"
            )
            $done = Wait-Screen -Name $name -Pattern 'EXIT \d+'
        }

        It 'keeps the exe''s own error record: stderr is read, no dashboard is drawn' {
            $done | Should -Match '(?m)^ERRORID=PrtTools\.TraceAlreadyRunning,Start-PrtTrace$'
            $done | Should -Not -Match 'PrtTools · guided trace'
        }
    }
}

Describe 'Invoke-PrtExe -Console' {
    It 'redirects stdout only: stdin and stderr stay the console''s, in the console''s window' {
        InModuleScope PrtTools {
            $startInfo = New-PrtProcessStartInfo -FilePath 'prt' -Argument @('trace', 'run', '--json') -Console
            $startInfo.RedirectStandardOutput | Should -BeTrue
            $startInfo.RedirectStandardError | Should -BeFalse
            $startInfo.RedirectStandardInput | Should -BeFalse
            $startInfo.UseShellExecute | Should -BeFalse
            $startInfo.CreateNoWindow | Should -BeFalse
        }
    }

    It 'without -Console still redirects all three streams, with no window' {
        InModuleScope PrtTools {
            $startInfo = New-PrtProcessStartInfo -FilePath 'prt' -Argument @('status', '--json')
            $startInfo.RedirectStandardError | Should -BeTrue
            $startInfo.RedirectStandardInput | Should -BeTrue
            $startInfo.CreateNoWindow | Should -BeTrue
        }
    }
}

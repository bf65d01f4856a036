# Whose PRT does a live Get-PrtStatus read? In the signed-in user's own session, this process's;
# from a remote session or SYSTEM, the signed-in user's, through a one-shot scheduled task. The
# ScheduledTasks cmdlets, WMI and ACLs exist only on Windows: they are stubbed here and mocked, so
# these tests prove the module's logic and its calls, not Task Scheduler itself.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest

    # Mock needs a command to replace: off Windows, global stubs with the parameters we use.
    $stubs = @{
        'New-ScheduledTaskAction'      = { param([string] $Execute, [string] $Argument, [string] $WorkingDirectory) }
        'New-ScheduledTaskPrincipal'   = { param([string] $UserId, [string] $LogonType, [string] $RunLevel, [string] $Password) }
        'New-ScheduledTaskSettingsSet' = { param([timespan] $ExecutionTimeLimit, [switch] $AllowStartIfOnBatteries, [switch] $DontStopIfGoingOnBatteries, [string] $MultipleInstances) }
        'Register-ScheduledTask'       = { [CmdletBinding()] param([string] $TaskName, [string] $TaskPath, [object] $Action, [object] $Principal, [object] $Settings, [string] $User, [string] $Password, [switch] $Force) }
        'Start-ScheduledTask'          = { [CmdletBinding()] param([string] $TaskName, [string] $TaskPath) }
        'Stop-ScheduledTask'           = { [CmdletBinding()] param([string] $TaskName, [string] $TaskPath) }
        'Unregister-ScheduledTask'     = { [CmdletBinding(SupportsShouldProcess)] param([string] $TaskName, [string] $TaskPath) }
        'Get-ScheduledTaskInfo'        = { [CmdletBinding()] param([string] $TaskName, [string] $TaskPath) }
    }
    $createdStubs = @()
    foreach ($name in $stubs.Keys) {
        if (-not (Get-Command -Name $name -ErrorAction SilentlyContinue)) {
            Set-Item -Path "function:global:$name" -Value $stubs[$name]
            $createdStubs += $name
        }
    }

    $signedInUser = 'AzureAD\JeanneMartin'
    $exe = 'C:\Program Files\WindowsPowerShell\Modules\PrtTools\0.1.0\bin\prt.exe'
    $asUserRoot = Join-Path $TestDrive 'AsUser'
    $fakeDocument = $FakeDocument
    $expected = Get-Content -LiteralPath $FakeDocument -Raw | ConvertFrom-Json

    function Use-TaskMocks {
        # Not in the user's context, on Windows, with a user signed in; the task "runs" prt, which
        # writes its document where --output says, and ends with exit code 0.
        Mock -ModuleName PrtTools -CommandName Test-PrtUserContext -MockWith { $false }
        Mock -ModuleName PrtTools -CommandName Test-PrtWindows -MockWith { $true }
        Mock -ModuleName PrtTools -CommandName Get-PrtInteractiveUser -MockWith { $signedInUser }
        Mock -ModuleName PrtTools -CommandName Get-PrtAsUserRoot -MockWith { $asUserRoot }
        Mock -ModuleName PrtTools -CommandName Set-PrtAsUserFolderAcl
        Mock -ModuleName PrtTools -CommandName Get-PrtExePath -MockWith { $exe }
        Mock -ModuleName PrtTools -CommandName Invoke-PrtExe
        Mock -ModuleName PrtTools -CommandName New-ScheduledTaskAction -MockWith { [pscustomobject]@{ Execute = $Execute; Arguments = $Argument; WorkingDirectory = $WorkingDirectory } }
        Mock -ModuleName PrtTools -CommandName New-ScheduledTaskPrincipal -MockWith { [pscustomobject]@{ UserId = $UserId; LogonType = $LogonType; RunLevel = $RunLevel } }
        Mock -ModuleName PrtTools -CommandName New-ScheduledTaskSettingsSet -MockWith { [pscustomobject]@{ ExecutionTimeLimit = $ExecutionTimeLimit } }
        Mock -ModuleName PrtTools -CommandName Register-ScheduledTask -MockWith { $registered.Add([pscustomobject]@{ TaskName = $TaskName; TaskPath = $TaskPath; Action = $Action; Principal = $Principal }) }
        Mock -ModuleName PrtTools -CommandName Start-ScheduledTask -MockWith {
            $output = [regex]::Match($registered[0].Action.Arguments, '--output (.+)$').Groups[1].Value
            Copy-Item -LiteralPath $fakeDocument -Destination $output
        }
        Mock -ModuleName PrtTools -CommandName Get-ScheduledTaskInfo -MockWith { [pscustomobject]@{ LastTaskResult = 0 } }
        Mock -ModuleName PrtTools -CommandName Stop-ScheduledTask
        Mock -ModuleName PrtTools -CommandName Unregister-ScheduledTask
        Mock -ModuleName PrtTools -CommandName Start-Sleep
    }

    function Get-WrittenError {
        # What a command writes on its error stream. Not -ErrorVariable: that also collects the
        # errors the module caught and turned into its own (PowerShell adds every one).
        param([scriptblock] $ScriptBlock)
        @(& $ScriptBlock 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }

    function Get-AsUserFolder {
        @(Get-ChildItem -LiteralPath $asUserRoot -Force -ErrorAction SilentlyContinue)
    }
}

AfterAll {
    foreach ($name in $createdStubs) { Remove-Item -Path "function:global:$name" -ErrorAction SilentlyContinue }
    Clear-FakePrt
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Get-PrtStatus in the signed-in user''s own session' {
    BeforeEach {
        $registered = [System.Collections.Generic.List[object]]::new()
        Use-TaskMocks
        Mock -ModuleName PrtTools -CommandName Test-PrtUserContext -MockWith { $true }
        Mock -ModuleName PrtTools -CommandName Get-PrtProcessIdentity -MockWith { [pscustomobject]@{ UserName = $signedInUser; SessionId = 1; IsSystem = $false } }
        Mock -ModuleName PrtTools -CommandName Invoke-PrtExe -MockWith { Get-Content -LiteralPath $fakeDocument -Raw | ConvertFrom-Json }
        $status = Get-PrtStatus -WarningVariable warnings
    }

    It 'runs the exe directly, once, and no scheduled task' {
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-PrtExe -Times 1 -Exactly -ParameterFilter { ($Argument -join ' ') -eq 'status' }
        Should -Invoke -ModuleName PrtTools -CommandName Register-ScheduledTask -Times 0 -Exactly
    }

    It 'says the status is this process''s, with its user' {
        $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        $status.Context | Should -Be 'CurrentProcess'
        $status.UserName | Should -Be $signedInUser
        $status.DeviceName | Should -Be $expected.DeviceName
    }

    It 'does not warn' {
        @($warnings).Count | Should -Be 0
    }
}

Describe 'Get-PrtStatus from a remote session or SYSTEM, with a user signed in' {
    BeforeEach {
        $registered = [System.Collections.Generic.List[object]]::new()
        Use-TaskMocks
    }

    It 'registers exactly one task, in \PrtTools\, for the signed-in user with an interactive logon and no password' {
        $null = Get-PrtStatus
        Should -Invoke -ModuleName PrtTools -CommandName Register-ScheduledTask -Times 1 -Exactly -ParameterFilter {
            $TaskPath -eq '\PrtTools\' -and $TaskName -like 'PrtTools-AsUser-*' -and -not $User -and -not $Password
        }
        Should -Invoke -ModuleName PrtTools -CommandName New-ScheduledTaskPrincipal -Times 1 -Exactly -ParameterFilter {
            $UserId -eq 'AzureAD\JeanneMartin' -and $LogonType -eq 'Interactive' -and $RunLevel -eq 'Limited' -and -not $Password
        }
        $registered[0].Principal.UserId | Should -Be $signedInUser
    }

    It 'runs prt.exe itself with status --json --output and a file in its own folder, no shell' {
        $null = Get-PrtStatus
        $action = $registered[0].Action
        $action.Execute | Should -Be $exe
        $action.Arguments | Should -Match '^status --json --output (.+)$'
        $output = [regex]::Match($action.Arguments, '--output (.+)$').Groups[1].Value
        $folder = Split-Path -Parent $output
        Split-Path -Leaf $output | Should -Be 'status.json'
        Split-Path -Parent $folder | Should -Be $asUserRoot
        Split-Path -Leaf $folder | Should -Match '^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$'
        $action.WorkingDirectory | Should -Be $folder
        $registered[0].TaskName | Should -Be ('PrtTools-AsUser-' + (Split-Path -Leaf $folder))
        # The module's exe, not a shell that is handed a command line.
        Split-Path -Leaf $action.Execute | Should -Be 'prt.exe'
    }

    It 'gives the folder to Administrators, SYSTEM and the signed-in user' {
        $null = Get-PrtStatus
        Should -Invoke -ModuleName PrtTools -CommandName Set-PrtAsUserFolderAcl -Times 1 -Exactly -ParameterFilter { $UserName -eq 'AzureAD\JeanneMartin' -and (Split-Path -Parent $Path) -eq $asUserRoot }
    }

    It 'starts the task and returns the status it wrote, as the signed-in user''s' {
        $status = Get-PrtStatus
        Should -Invoke -ModuleName PrtTools -CommandName Start-ScheduledTask -Times 1 -Exactly -ParameterFilter { $TaskPath -eq '\PrtTools\' -and $TaskName -like 'PrtTools-AsUser-*' }
        $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        $status.Context | Should -Be 'InteractiveUser'
        $status.UserName | Should -Be $signedInUser
        $status.DeviceName | Should -Be $expected.DeviceName
        $status.Health | Should -Be $expected.Health
        $status.EvaluatedAt | Should -BeOfType [datetime]
    }

    It 'says whose status it is in the list view''s Source line' {
        $text = Get-PrtStatus | Format-List | Out-String -Width 300
        $text | Should -Match ('(?m)^Source\s+: .+, as ' + [regex]::Escape($signedInUser) + ' \(InteractiveUser\)\s*$')
    }

    It 'never runs the exe in this session' {
        $null = Get-PrtStatus
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-PrtExe -Times 0 -Exactly
    }

    It 'passes -Now on to prt' {
        $null = Get-PrtStatus -Now ([datetime]'2026-11-20T09:00:00Z').ToUniversalTime()
        $registered[0].Action.Arguments | Should -Match '^status --now 2026-11-20T09:00:00\.000Z --json --output '
    }

    It 'removes the task and its folder afterwards' {
        $null = Get-PrtStatus
        Should -Invoke -ModuleName PrtTools -CommandName Unregister-ScheduledTask -Times 1 -Exactly -ParameterFilter { $TaskPath -eq '\PrtTools\' -and $TaskName -eq $registered[0].TaskName }
        Get-AsUserFolder | Should -BeNullOrEmpty
    }
}

Describe 'Get-PrtStatus as the signed-in user, when it goes wrong' {
    BeforeEach {
        $registered = [System.Collections.Generic.List[object]]::new()
        Use-TaskMocks
    }

    It 'writes PrtTools.AsUserFailed with prt''s exit code when the task ends without a status, and cleans up' {
        Mock -ModuleName PrtTools -CommandName Start-ScheduledTask
        Mock -ModuleName PrtTools -CommandName Get-ScheduledTaskInfo -MockWith { [pscustomobject]@{ LastTaskResult = 4 } }
        $written = @(Get-PrtStatus -ErrorAction Continue 2>&1)
        @($written).Count | Should -Be 1
        $failures = $written
        $failures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.AsUserFailed,Get-PrtStatus'
        $failures[0].Exception.Message | Should -Match 'exit code 4'
        $failures[0].Exception.Message | Should -Match ([regex]::Escape($signedInUser))
        Should -Invoke -ModuleName PrtTools -CommandName Unregister-ScheduledTask -Times 1 -Exactly
        Get-AsUserFolder | Should -BeNullOrEmpty
    }

    It 'shows a Task Scheduler failure as its HRESULT' {
        Mock -ModuleName PrtTools -CommandName Start-ScheduledTask
        Mock -ModuleName PrtTools -CommandName Get-ScheduledTaskInfo -MockWith { [pscustomobject]@{ LastTaskResult = [uint32]2147942405 } }
        $failures = Get-WrittenError { Get-PrtStatus -ErrorAction Continue }
        $failures[0].Exception.Message | Should -Match 'result 0x80070005'
    }

    It 'writes PrtTools.AsUserTimedOut when the task does not finish in time, and stops and removes it' {
        InModuleScope PrtTools { $script:PrtAsUserTimeoutSeconds = 0 }
        try {
            Mock -ModuleName PrtTools -CommandName Start-ScheduledTask
            Mock -ModuleName PrtTools -CommandName Get-ScheduledTaskInfo -MockWith { [pscustomobject]@{ LastTaskResult = 0x41301 } }
            $failures = Get-WrittenError { Get-PrtStatus -ErrorAction Continue }
        } finally {
            InModuleScope PrtTools { $script:PrtAsUserTimeoutSeconds = 90 }
        }
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.AsUserTimedOut,Get-PrtStatus'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        Should -Invoke -ModuleName PrtTools -CommandName Stop-ScheduledTask -Times 1 -Exactly
        Should -Invoke -ModuleName PrtTools -CommandName Unregister-ScheduledTask -Times 1 -Exactly
        Get-AsUserFolder | Should -BeNullOrEmpty
    }

    It 'waits while the task runs and reads the status once it is there' {
        Mock -ModuleName PrtTools -CommandName Start-ScheduledTask
        # Running for two polls, then prt has written its document and ended.
        $polls = [System.Collections.Generic.List[int]]::new()
        Mock -ModuleName PrtTools -CommandName Get-ScheduledTaskInfo -MockWith {
            $polls.Add(1)
            if ($polls.Count -eq 3) { Copy-Item -LiteralPath $fakeDocument -Destination (Join-Path $registered[0].Action.WorkingDirectory 'status.json') }
            [pscustomobject]@{ LastTaskResult = $(if ($polls.Count -ge 3) { 0 } else { 0x41301 }) }
        }
        $status = Get-PrtStatus
        $status.Context | Should -Be 'InteractiveUser'
        Should -Invoke -ModuleName PrtTools -CommandName Start-Sleep -Times 2 -Exactly
    }

    It 'writes PrtTools.AsUserFailed, saying it needs elevation, when the task cannot be registered, and removes the folder' {
        Mock -ModuleName PrtTools -CommandName Register-ScheduledTask -MockWith { throw [System.UnauthorizedAccessException]::new('Access is denied.') }
        $failures = Get-WrittenError { Get-PrtStatus -ErrorAction Continue }
        $failures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.AsUserFailed,Get-PrtStatus'
        $failures[0].Exception.Message | Should -Match 'Access is denied'
        $failures[0].Exception.Message | Should -Match 'elevated'
        Should -Invoke -ModuleName PrtTools -CommandName Start-ScheduledTask -Times 0 -Exactly
        Should -Invoke -ModuleName PrtTools -CommandName Unregister-ScheduledTask -Times 0 -Exactly
        Get-AsUserFolder | Should -BeNullOrEmpty
    }

    It 'removes the task when it cannot be started' {
        Mock -ModuleName PrtTools -CommandName Start-ScheduledTask -MockWith { throw 'The user account does not have permission to run this task.' }
        $failures = Get-WrittenError { Get-PrtStatus -ErrorAction Continue }
        $failures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.AsUserFailed,Get-PrtStatus'
        Should -Invoke -ModuleName PrtTools -CommandName Unregister-ScheduledTask -Times 1 -Exactly
        Get-AsUserFolder | Should -BeNullOrEmpty
    }

    It 'writes PrtTools.InvalidJson when the status file is not JSON, and cleans up' {
        Mock -ModuleName PrtTools -CommandName Start-ScheduledTask -MockWith {
            Set-Content -LiteralPath (Join-Path $registered[0].Action.WorkingDirectory 'status.json') -Value 'not json'
        }
        $failures = Get-WrittenError { Get-PrtStatus -ErrorAction Continue }
        $failures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.InvalidJson,Get-PrtStatus'
        Should -Invoke -ModuleName PrtTools -CommandName Unregister-ScheduledTask -Times 1 -Exactly
        Get-AsUserFolder | Should -BeNullOrEmpty
    }

    It 'warns, naming the task, when the task cannot be removed' {
        Mock -ModuleName PrtTools -CommandName Unregister-ScheduledTask -MockWith { throw 'The system cannot find the file specified.' }
        $status = Get-PrtStatus -WarningVariable warnings -WarningAction SilentlyContinue
        $status.Context | Should -Be 'InteractiveUser'
        @($warnings).Count | Should -Be 1
        [string]$warnings[0] | Should -Match ([regex]::Escape('\PrtTools\' + $registered[0].TaskName))
    }

    It 'stops at a pipeline stop with -ErrorAction Stop, still cleaning up' {
        Mock -ModuleName PrtTools -CommandName Start-ScheduledTask
        Mock -ModuleName PrtTools -CommandName Get-ScheduledTaskInfo -MockWith { [pscustomobject]@{ LastTaskResult = 3 } }
        { Get-PrtStatus -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.AsUserFailed,Get-PrtStatus'
        Should -Invoke -ModuleName PrtTools -CommandName Unregister-ScheduledTask -Times 1 -Exactly
        Get-AsUserFolder | Should -BeNullOrEmpty
    }
}

Describe 'Get-PrtStatus with nobody signed in' {
    BeforeEach {
        $registered = [System.Collections.Generic.List[object]]::new()
        Use-TaskMocks
        Mock -ModuleName PrtTools -CommandName Get-PrtInteractiveUser -MockWith { $null }
        $status = Get-PrtStatus -ErrorVariable failures -ErrorAction SilentlyContinue
    }

    It 'returns no status, so that nothing reads as "PRT missing"' {
        $status | Should -BeNullOrEmpty
    }

    It 'writes the non-terminating error PrtTools.NoInteractiveUser (ResourceUnavailable) that says so' {
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NoInteractiveUser,Get-PrtStatus'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failures[0].Exception.Message | Should -Match 'Nobody is signed in'
        $failures[0].TargetObject | Should -Be ([System.Environment]::MachineName)
    }

    It 'creates no task and no folder' {
        Should -Invoke -ModuleName PrtTools -CommandName Register-ScheduledTask -Times 0 -Exactly
        Get-AsUserFolder | Should -BeNullOrEmpty
    }
}

Describe 'Get-PrtStatus -AsCurrentUser' {
    BeforeEach {
        $registered = [System.Collections.Generic.List[object]]::new()
        Use-TaskMocks
        Mock -ModuleName PrtTools -CommandName Get-PrtProcessIdentity -MockWith { [pscustomobject]@{ UserName = 'CONTOSO\admin'; SessionId = 0; IsSystem = $false } }
        Mock -ModuleName PrtTools -CommandName Invoke-PrtExe -MockWith { Get-Content -LiteralPath $fakeDocument -Raw | ConvertFrom-Json }
    }

    It 'runs the exe directly in a remote session, with a warning, as this process''s status' {
        Mock -ModuleName PrtTools -CommandName Test-PrtRemoteSession -MockWith { $true }
        $status = Get-PrtStatus -AsCurrentUser -WarningVariable warnings -WarningAction SilentlyContinue
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-PrtExe -Times 1 -Exactly
        Should -Invoke -ModuleName PrtTools -CommandName Register-ScheduledTask -Times 0 -Exactly
        $status.Context | Should -Be 'CurrentProcess'
        $status.UserName | Should -Be 'CONTOSO\admin'
        @($warnings).Count | Should -Be 1
        [string]$warnings[0] | Should -Match 'remote session'
        [string]$warnings[0] | Should -Match 'never holds a PRT'
    }

    It 'does not warn outside a remote session' {
        Mock -ModuleName PrtTools -CommandName Test-PrtRemoteSession -MockWith { $false }
        $null = Get-PrtStatus -AsCurrentUser -WarningVariable warnings
        @($warnings).Count | Should -Be 0
    }

    It 'cannot be combined with -Path' {
        { Get-PrtStatus -AsCurrentUser -Path (Get-Fixture 'healthy-aadj.txt') } | Should -Throw -ErrorId 'AmbiguousParameterSet,Get-PrtStatus'
    }
}

Describe 'Get-PrtStatus outside the user''s context off Windows' -Skip:$IsWindows {
    BeforeEach {
        Mock -ModuleName PrtTools -CommandName Test-PrtUserContext -MockWith { $false }
        Mock -ModuleName PrtTools -CommandName Invoke-PrtExe
    }

    It 'writes PrtTools.NotWindows: reading as the signed-in user needs Windows' {
        $status = Get-PrtStatus -ErrorVariable failures -ErrorAction SilentlyContinue
        $status | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotWindows,Get-PrtStatus'
        $failures[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failures[0].Exception.Message | Should -Match 'needs Windows'
        $failures[0].Exception.Message | Should -Match '-AsCurrentUser'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-PrtExe -Times 0 -Exactly
    }
}

Describe 'Test-PrtUserContext' {
    BeforeEach {
        Mock -ModuleName PrtTools -CommandName Test-PrtRemoteSession -MockWith { $false }
        Mock -ModuleName PrtTools -CommandName Test-PrtWindows -MockWith { $true }
        Mock -ModuleName PrtTools -CommandName Get-PrtInteractiveUser -MockWith { 'AzureAD\JeanneMartin' }
        Mock -ModuleName PrtTools -CommandName Get-PrtProcessIdentity -MockWith { [pscustomobject]@{ UserName = 'AzureAD\JeanneMartin'; SessionId = 1; IsSystem = $false } }
    }

    It 'is true for the console user in their own session, whatever the case of the name' {
        Mock -ModuleName PrtTools -CommandName Get-PrtProcessIdentity -MockWith { [pscustomobject]@{ UserName = 'AZUREAD\jeannemartin'; SessionId = 1; IsSystem = $false } }
        InModuleScope PrtTools { Test-PrtUserContext } | Should -BeTrue
    }

    It 'is false in a remote session' {
        Mock -ModuleName PrtTools -CommandName Test-PrtRemoteSession -MockWith { $true }
        InModuleScope PrtTools { Test-PrtUserContext } | Should -BeFalse
    }

    It 'is false in session 0 (services, scheduled tasks without a desktop)' {
        Mock -ModuleName PrtTools -CommandName Get-PrtProcessIdentity -MockWith { [pscustomobject]@{ UserName = 'AzureAD\JeanneMartin'; SessionId = 0; IsSystem = $false } }
        InModuleScope PrtTools { Test-PrtUserContext } | Should -BeFalse
    }

    It 'is false as SYSTEM' {
        Mock -ModuleName PrtTools -CommandName Get-PrtProcessIdentity -MockWith { [pscustomobject]@{ UserName = 'NT AUTHORITY\SYSTEM'; SessionId = 1; IsSystem = $true } }
        InModuleScope PrtTools { Test-PrtUserContext } | Should -BeFalse
    }

    It 'is false for another account in the user''s desktop (run as a different user)' {
        Mock -ModuleName PrtTools -CommandName Get-PrtProcessIdentity -MockWith { [pscustomobject]@{ UserName = 'CONTOSO\helpdesk'; SessionId = 1; IsSystem = $false } }
        InModuleScope PrtTools { Test-PrtUserContext } | Should -BeFalse
    }

    It 'takes a desktop session as the user''s own when no console user is known (Remote Desktop)' {
        Mock -ModuleName PrtTools -CommandName Get-PrtInteractiveUser -MockWith { $null }
        InModuleScope PrtTools { Test-PrtUserContext } | Should -BeTrue
    }

    It 'is true off Windows outside a remote session' {
        Mock -ModuleName PrtTools -CommandName Test-PrtWindows -MockWith { $false }
        InModuleScope PrtTools { Test-PrtUserContext } | Should -BeTrue
    }
}

Describe 'Get-PrtInteractiveUser' {
    It 'is $null off Windows' -Skip:$IsWindows {
        InModuleScope PrtTools { Get-PrtInteractiveUser } | Should -BeNullOrEmpty
    }
}

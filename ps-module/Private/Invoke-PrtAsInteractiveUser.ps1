# Reads what prt sees as the signed-in user, from a context that is not theirs (a remote session,
# SYSTEM): a one-shot scheduled task runs prt.exe as that user (Interactive logon: their existing
# session, no password) and writes its JSON document to a private folder; the task and the folder
# are removed whatever happens. Windows only; every OS call is a command Pester can mock.

# How long the task may take before we give up (dsregcmd itself is bounded by prt at 60 s).
$script:PrtAsUserTimeoutSeconds = 90
$script:PrtAsUserPollMilliseconds = 250
# LastTaskResult while the task has not finished: SCHED_S_TASK_READY, _RUNNING, _HAS_NOT_RUN, _QUEUED.
$script:PrtTaskPendingResult = @(0x41300, 0x41301, 0x41303, 0x41325)

function Get-PrtAsUserRoot {
    <#
    .SYNOPSIS
        The folder under which each run as the user gets a private folder of its own.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    Join-Path -Path $env:ProgramData -ChildPath 'PrtTools\AsUser'
}

function Set-PrtAsUserFolderAcl {
    <#
    .SYNOPSIS
        Makes a folder private to Administrators and SYSTEM (full control) and the user prt runs
        as (modify: to write the document), inheriting nothing from above. By SID, so that it
        works in every system language.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [string] $UserName
    )

    $account = New-Object -TypeName System.Security.Principal.NTAccount -ArgumentList $UserName
    $userSid = $account.Translate([System.Security.Principal.SecurityIdentifier]).Value
    $acl = New-Object -TypeName System.Security.AccessControl.DirectorySecurity
    $acl.SetAccessRuleProtection($true, $false)
    $inheritance = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
    $propagation = [System.Security.AccessControl.PropagationFlags]::None
    # BUILTIN\Administrators, LocalSystem, the user.
    $grants = @(@('S-1-5-32-544', 'FullControl'), @('S-1-5-18', 'FullControl'), @($userSid, 'Modify'))
    foreach ($grant in $grants) {
        $sid = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList $grant[0]
        $rights = [System.Security.AccessControl.FileSystemRights]$grant[1]
        $rule = New-Object -TypeName System.Security.AccessControl.FileSystemAccessRule -ArgumentList $sid, $rights, $inheritance, $propagation, ([System.Security.AccessControl.AccessControlType]::Allow)
        $acl.AddAccessRule($rule)
    }
    Set-Acl -LiteralPath $Path -AclObject $acl -WhatIf:$false -Confirm:$false -ErrorAction Stop
}

function Get-PrtTaskResultText {
    <#
    .SYNOPSIS
        A task's LastTaskResult in words: prt's exit codes (DESIGN 4), else the HRESULT in hex.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)][long] $Result)

    switch ($Result) {
        2 { return 'exit code 2: a usage error' }
        3 { return 'exit code 3: dsregcmd printed something prt cannot read' }
        4 { return 'exit code 4: dsregcmd is missing, failed or hung' }
        5 { return 'exit code 5: it was interrupted' }
    }
    if ($Result -ge 0 -and $Result -lt 256) { return "exit code $Result" }
    return ('result 0x{0:X8}' -f ($Result -band 0xFFFFFFFFL))
}

function New-PrtTaskXml {
    <#
    .SYNOPSIS
        The Task Scheduler XML of the one-shot task (for schtasks.exe /Create /XML): run the exe
        once as the user in their existing session (InteractiveToken: no password), not elevated.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)][string] $UserName,
        [Parameter(Mandatory)][string] $Execute,
        [Parameter(Mandatory)][AllowEmptyString()][string] $Argument,
        [Parameter(Mandatory)][string] $WorkingDirectory,
        [Parameter(Mandatory)][int] $TimeLimitSeconds
    )
    $e = { param($text) [System.Security.SecurityElement]::Escape($text) }
    @(
        '<?xml version="1.0" encoding="UTF-16"?>'
        '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">'
        '  <RegistrationInfo><Description>PrtTools: reads the signed-in user''s PRT status once; removed right afterwards.</Description></RegistrationInfo>'
        '  <Triggers />'
        "  <Principals><Principal id=`"Author`"><UserId>$(& $e $UserName)</UserId><LogonType>InteractiveToken</LogonType><RunLevel>LeastPrivilege</RunLevel></Principal></Principals>"
        "  <Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy><DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries><StopIfGoingOnBatteries>false</StopIfGoingOnBatteries><AllowStartOnDemand>true</AllowStartOnDemand><Enabled>true</Enabled><ExecutionTimeLimit>PT$($TimeLimitSeconds)S</ExecutionTimeLimit></Settings>"
        "  <Actions Context=`"Author`"><Exec><Command>$(& $e $Execute)</Command><Arguments>$(& $e $Argument)</Arguments><WorkingDirectory>$(& $e $WorkingDirectory)</WorkingDirectory></Exec></Actions>"
        '</Task>'
    ) -join "`r`n"
}

function Test-PrtScheduledTasksModule {
    <#
    .SYNOPSIS
        Whether the ScheduledTasks cmdlets can be used (the module is there; it needs CIM).
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    $null -ne (Get-Command -Name 'Register-ScheduledTask' -ErrorAction Ignore)
}

function Invoke-PrtSchtasks {
    <#
    .SYNOPSIS
        Runs %SystemRoot%\System32\schtasks.exe; throws with its message when it fails.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string[]] $Argument)
    $result = Invoke-PrtSystemTool -Name 'schtasks.exe' -Argument $Argument
    if ($result.ExitCode -ne 0) {
        $message = ($result.ErrorOutput + ' ' + $result.Output).Trim()
        throw "schtasks.exe $($Argument[0]) failed with exit code $($result.ExitCode): $message"
    }
    $result.Output
}

function Get-PrtSchtasksLastResult {
    <#
    .SYNOPSIS
        The Last Result of a task from schtasks.exe /Query /V /FO CSV (the 7th column; the column
        headers are localized, their order is not).
    #>
    [CmdletBinding()]
    [OutputType([long])]
    param([Parameter(Mandatory)][string] $FullName)
    $output = Invoke-PrtSchtasks -Argument @('/Query', '/TN', $FullName, '/V', '/FO', 'CSV', '/NH')
    $line = @($output -split '\r?\n' | Where-Object { $_.Trim() })[0]
    $row = ConvertFrom-Csv -InputObject $line -Header @(1..12 | ForEach-Object { "C$_" })
    $value = 0L
    if (-not [long]::TryParse([string]$row.C7, [ref]$value)) {
        throw "schtasks.exe /Query printed no Last Result for ${FullName}: $line"
    }
    $value
}

function Invoke-PrtAsInteractiveUser {
    <#
    .SYNOPSIS
        Runs prt once as the user signed in at the console and returns UserName and the parsed
        JSON Document; on failure writes an ErrorRecord through the cmdlet and returns nothing.
    .DESCRIPTION
        Errors: PrtTools.NotWindows (NotImplemented) off Windows, PrtTools.NoInteractiveUser
        (ResourceUnavailable) when nobody is signed in, PrtTools.AsUserFailed when the task cannot
        be created or prt fails in it, PrtTools.AsUserTimedOut when it does not finish in time.
    .PARAMETER Argument
        The prt command and its options, e.g. 'status', '--now', '...'; --json and --output are
        added.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string[]] $Argument,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [AllowNull()]
        [object] $TargetObject
    )

    $device = [System.Environment]::MachineName
    if (-not (Test-PrtWindows)) {
        $Cmdlet.WriteError((New-PrtErrorRecord -Id 'NotWindows' -Category NotImplemented -TargetObject $TargetObject `
                    -Message "This runs outside the signed-in user's session on $device (a remote session), where dsregcmd reports this session's own logon, never the user's PRT. Reading the signed-in user's PRT runs prt as that user with a scheduled task, which needs Windows. Use -AsCurrentUser to read this session anyway, or -Path with a capture the user took."))
        return
    }
    $user = Get-PrtInteractiveUser
    if (-not $user) {
        $Cmdlet.WriteError((New-PrtErrorRecord -Id 'NoInteractiveUser' -Category ResourceUnavailable -TargetObject $TargetObject `
                    -Message "Nobody is signed in on $device, so there is no user's PRT to read: a PRT belongs to a signed-in user's session, and a missing one now says nothing about the user's sign-in. Run this again while the user is signed in, or use -AsCurrentUser to read the device's join state as this session sees it."))
        return
    }

    $exePath = Get-PrtExePath
    $id = [guid]::NewGuid().ToString()
    $folder = Join-Path -Path (Get-PrtAsUserRoot) -ChildPath $id
    $file = Join-Path -Path $folder -ChildPath 'status.json'
    $taskName = "PrtTools-AsUser-$id"
    $taskPath = '\PrtTools\'
    $task = @{ TaskName = $taskName; TaskPath = $taskPath }
    $registered = $false
    $failure = $null
    $document = $null
    $fullName = "$taskPath$taskName"
    # Without the ScheduledTasks module, or with a WMI it cannot use, schtasks.exe does it.
    $useSchtasks = -not (Test-PrtScheduledTasksModule)
    $commandLine = ConvertTo-PrtCommandLine -Argument (@($Argument) + @('--json', '--output', $file))
    $action = "Run $exePath as $user, the signed-in user, with the one-shot scheduled task $fullName (removed afterwards)"
    if (-not (Test-PrtShouldProcess -Cmdlet $Cmdlet -Target $device -Action $action)) { return }
    try {
        try {
            $null = New-Item -ItemType Directory -Path $folder -Force -WhatIf:$false -Confirm:$false -ErrorAction Stop
            Set-PrtAsUserFolderAcl -Path $folder -UserName $user
            $timeLimit = 2 * $script:PrtAsUserTimeoutSeconds
            if (-not $useSchtasks) {
                try {
                    # The exe itself with an argument string (what a task action takes): no shell.
                    $taskAction = New-ScheduledTaskAction -Execute $exePath -Argument $commandLine -WorkingDirectory $folder
                    $principal = New-ScheduledTaskPrincipal -UserId $user -LogonType Interactive -RunLevel Limited
                    $settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit (New-TimeSpan -Seconds $timeLimit) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -MultipleInstances IgnoreNew
                    Write-Verbose -Message (ConvertTo-PrtSafeText -Value "Creating the scheduled task $fullName (ScheduledTasks module): $exePath $commandLine as $user")
                    $null = Register-ScheduledTask @task -Action $taskAction -Principal $principal -Settings $settings -Force -ErrorAction Stop
                } catch {
                    # The module's cmdlets are CIM classes: a broken WMI breaks them, schtasks.exe
                    # not. Any other failure (access denied) is the answer.
                    if (-not (Test-PrtCimFailure -Exception $_.Exception)) { throw }
                    Write-Verbose -Message (ConvertTo-PrtSafeText -Value "The ScheduledTasks module failed ($($_.Exception.Message)); using schtasks.exe")
                    $useSchtasks = $true
                }
            }
            if ($useSchtasks) {
                $xmlPath = Join-Path -Path $folder -ChildPath 'task.xml'
                $xml = New-PrtTaskXml -UserName $user -Execute $exePath -Argument $commandLine -WorkingDirectory $folder -TimeLimitSeconds $timeLimit
                # schtasks.exe reads task XML as UTF-16.
                [System.IO.File]::WriteAllText($xmlPath, $xml, [System.Text.Encoding]::Unicode)
                Write-Verbose -Message (ConvertTo-PrtSafeText -Value "Creating the scheduled task $fullName (schtasks.exe /XML): $exePath $commandLine as $user")
                $null = Invoke-PrtSchtasks -Argument @('/Create', '/TN', $fullName, '/XML', $xmlPath, '/F')
                $registered = $true
                $null = Invoke-PrtSchtasks -Argument @('/Run', '/TN', $fullName)
            } else {
                $registered = $true
                Start-ScheduledTask @task -ErrorAction Stop
            }
        } catch {
            $failure = New-PrtErrorRecord -Id 'AsUserFailed' -Category ResourceUnavailable -TargetObject $TargetObject -InnerException $_.Exception `
                -Message "Could not run prt as $user, the signed-in user, with a scheduled task on ${device}: $($_.Exception.Message) Creating a task for another user needs an elevated (administrator) session."
        }

        if (-not $failure) {
            $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
            try {
                while ($true) {
                    if ($useSchtasks) {
                        $result = Get-PrtSchtasksLastResult -FullName $fullName
                    } else {
                        $result = [long](Get-ScheduledTaskInfo @task -ErrorAction Stop).LastTaskResult
                    }
                    # prt renames the finished document into place before it exits: when the task
                    # has ended with it, the file is there.
                    if ([System.IO.File]::Exists($file)) { break }
                    if ($script:PrtTaskPendingResult -notcontains $result) {
                        $failure = New-PrtErrorRecord -Id 'AsUserFailed' -Category ResourceUnavailable -TargetObject $TargetObject `
                            -Message ("prt, run as $user by a scheduled task on $device, ended with {0} and wrote no status. Check that {1} can be read and run by that user (install PrtTools for all users), and try -AsCurrentUser for this session's own view." -f (Get-PrtTaskResultText -Result $result), $exePath)
                        break
                    }
                    if ($stopwatch.Elapsed.TotalSeconds -ge $script:PrtAsUserTimeoutSeconds) {
                        $failure = New-PrtErrorRecord -Id 'AsUserTimedOut' -Category OperationTimeout -TargetObject $TargetObject `
                            -Message "prt, run as $user by a scheduled task on $device, did not finish within $($script:PrtAsUserTimeoutSeconds) seconds; the task was stopped and removed. Try again, or read a capture the user takes (dsregcmd /status > status.txt, then -Path)."
                        break
                    }
                    Start-Sleep -Milliseconds $script:PrtAsUserPollMilliseconds
                }
            } catch {
                $failure = New-PrtErrorRecord -Id 'AsUserFailed' -Category ResourceUnavailable -TargetObject $TargetObject -InnerException $_.Exception `
                    -Message "Could not follow the scheduled task that runs prt as $user on ${device}: $($_.Exception.Message)"
            }
        }

        if (-not $failure) {
            $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
            $text = [System.IO.File]::ReadAllText($file, $utf8)
            # As in Invoke-PrtExe: 7.5+ would turn ISO strings into dates; ConvertTo-PrtObject does.
            $jsonParameters = @{ InputObject = $text; ErrorAction = 'Stop' }
            if (Test-PrtJsonDateKind) { $jsonParameters['DateKind'] = 'String' }
            $parseError = $null
            # Only what can be a JSON object is parsed: a caught parse error still shows in -ErrorVariable.
            if ($text.TrimStart().StartsWith('{')) {
                try {
                    $document = ConvertTo-PrtSafeText -Value (ConvertFrom-Json @jsonParameters)
                } catch {
                    $parseError = $_.Exception
                }
            }
            if ($null -eq $document) {
                $failure = New-PrtErrorRecord -Id 'InvalidJson' -Category InvalidResult -TargetObject $TargetObject -InnerException $parseError `
                    -Message "prt, run as $user, wrote a status file that is not one JSON document; this is a bug in PrtTools, please report it"
            }
        }
    } finally {
        if ($registered) {
            Write-Verbose -Message "Removing the scheduled task $fullName"
            # A task still running (timed out, Ctrl+C) is stopped first; removing it must not fail silently.
            try {
                if ($useSchtasks) {
                    $null = Invoke-PrtSystemTool -Name 'schtasks.exe' -Argument @('/End', '/TN', $fullName)
                    $null = Invoke-PrtSchtasks -Argument @('/Delete', '/TN', $fullName, '/F')
                } else {
                    Stop-ScheduledTask @task -ErrorAction SilentlyContinue
                    Unregister-ScheduledTask @task -Confirm:$false -WhatIf:$false -ErrorAction Stop
                }
            } catch {
                Write-Warning -Message (ConvertTo-PrtSafeText -Value "The scheduled task $fullName could not be removed: $($_.Exception.Message) Remove it with: schtasks.exe /Delete /TN '$fullName' /F")
            }
        }
        Write-Verbose -Message "Removing the folder $folder"
        Remove-Item -LiteralPath $folder -Recurse -Force -WhatIf:$false -Confirm:$false -ErrorAction SilentlyContinue
    }

    if ($failure) {
        $Cmdlet.WriteError($failure)
        return
    }
    return [pscustomobject]@{ UserName = $user; Document = $document }
}

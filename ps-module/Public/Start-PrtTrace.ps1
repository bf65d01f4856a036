function Start-PrtTrace {
    <#
    .SYNOPSIS
        Collects every log and trace of a PRT problem around a lock and unlock: a guided,
        crash-safe repro (Step 4 of the PRT troubleshooting checklist).

    .DESCRIPTION
        Start-PrtTrace checks first (elevation, free disk space, no other network trace running,
        TTD and LSA protection for the lsass trace), takes a dsregcmd /status snapshot, enables the
        Microsoft-Windows-AAD/Analytic log (it is put back as it was afterwards), starts a network
        trace (netsh trace, scenario InternetClient_dbg), and optionally runs Microsoft's Auth
        scripts and a time travel trace of lsass. Every change is written to a state file before
        it is made, so that Stop-PrtTrace, or the next Start-PrtTrace, undoes whatever a run that
        was killed left behind.

        In a console it then guides the repro on a live dashboard drawn in the console: it asks
        the user to lock the device (on hybrid joined devices, to stay locked at least 60 seconds)
        and to unlock it, shows the PRT and the AAD attempts as they happen, each error decoded,
        watches until the PRT is renewed or an attempt fails, and stops everything: it returns a
        PrtTools.TraceBundle with the bundle folder, its zip, the status before and after and the
        diagnosis. The S key stops watching and collects now; Ctrl+C stops the trace and undoes
        every change.

        With -NoWait, or where no one can answer (Invoke-Command, a scheduled task), it returns
        the running PrtTools.TraceSession at once; Stop-PrtTrace collects the bundle later.

        The bundle folder is readable by Administrators and SYSTEM only. Run it elevated.

    .PARAMETER OutputPath
        Folder that receives the bundle folder and its zip. Default: the traces folder under
        %ProgramData%\PrtTools.

    .PARAMETER NoNetworkTrace
        Leaves the network trace (netsh trace) out, for example when another one must keep
        running: Windows runs only one at a time.

    .PARAMETER AuthScriptsPath
        Folder of Microsoft's Auth scripts (start-auth.ps1 and stop-auth.ps1, from
        https://aka.ms/authscripts): they are run around the repro and their authlogs moved into
        the bundle. They take their own network trace.

    .PARAMETER IncludeLsassTrace
        Also records lsass with Time Travel Debugging (TTD.exe). The recording holds credentials:
        you are asked to confirm unless -Force is given. TTD cannot leave lsass once attached:
        restart the device after the trace.

    .PARAMETER LockWorkstation
        Locks the workstation for the user once the traces run, instead of asking them to lock
        it. Works only in the interactive session of the user.

    .PARAMETER HybridWaitSeconds
        How long the user stays locked on hybrid joined devices, as the instructions say. The PRT
        task needs at least 60 seconds (the default).

    .PARAMETER TimeoutSeconds
        How long the guided repro watches for the PRT attempt before it collects anyway.
        Default: 600.

    .PARAMETER NoWait
        Returns the running PrtTools.TraceSession at once, without guiding the repro.

    .PARAMETER Wait
        Watches and collects even where no console is (Invoke-Command): someone else locks and
        unlocks the device, or -LockWorkstation does.

    .PARAMETER Force
        Confirms the lsass trace without asking. Needed for -IncludeLsassTrace wherever no one
        can answer the question (a non-interactive PowerShell, Invoke-Command): there, no answer
        is no, and the cmdlet stops with PrtTools.ConsentRequired before changing anything.

    .PARAMETER Redact
        Also writes a redacted copy of the bundle (and its zip) to share: names, ids, SIDs and
        addresses replaced by stable pseudonyms. The map back to the real values is written beside
        the copy, never inside it; binary traces are left out of the copy. The object returned
        describes the copy.

    .PARAMETER KeepRawEvents
        Exports the AAD logs as they are, without removing tokens, cookies or passwords that
        servers echoed into them. Warned about and recorded in the bundle's manifest.

    .PARAMETER Simulate
        Runs against a simulated device instead of this one: a built-in scenario (healthy,
        hybrid-wrong-password, network-unreachable, stale-fixed-by-unlock, ws-trust-dtd) or a
        scenario file. Works on any OS; time is compressed, so the repro takes seconds.

    .OUTPUTS
        PrtTools.TraceBundle. The collected bundle (guided, and with -Wait).

        PrtTools.TraceSession. The running trace (with -NoWait, or without a console).

    .EXAMPLE
        PS C:\> Start-PrtTrace

        Guides the repro on this device and returns the bundle with its diagnosis.

    .EXAMPLE
        PS C:\> Start-PrtTrace -WhatIf

        Shows every step and the command it would run, and how each is undone. Changes nothing.

    .EXAMPLE
        PS C:\> Invoke-Command -ComputerName PC042 { Start-PrtTrace -NoWait }
        PS C:\> # the user locks, waits a minute, unlocks
        PS C:\> Invoke-Command -ComputerName PC042 { Stop-PrtTrace }

        Traces a remote device: start, let the user reproduce, collect.

    .EXAMPLE
        PS C:\> Start-PrtTrace -Simulate hybrid-wrong-password | Format-List

        Watches the whole repro and its diagnosis on a simulated hybrid joined device whose user
        changed the password.

    .LINK
        Stop-PrtTrace

    .LINK
        Get-PrtTraceStatus
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'Guided')]
    [OutputType('PrtTools.TraceBundle', ParameterSetName = 'Guided')]
    [OutputType('PrtTools.TraceSession', ParameterSetName = 'NoWait')]
    param(
        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $OutputPath,

        [Parameter()]
        [switch] $NoNetworkTrace,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $AuthScriptsPath,

        [Parameter()]
        [switch] $IncludeLsassTrace,

        [Parameter()]
        [switch] $LockWorkstation,

        [Parameter()]
        [ValidateRange(0, 3600)]
        [int] $HybridWaitSeconds = 60,

        [Parameter(ParameterSetName = 'Guided')]
        [ValidateRange(0, 86400)]
        [int] $TimeoutSeconds = 600,

        [Parameter(Mandatory, ParameterSetName = 'NoWait')]
        [switch] $NoWait,

        [Parameter(ParameterSetName = 'Guided')]
        [switch] $Wait,

        [Parameter()]
        [switch] $Force,

        [Parameter()]
        [switch] $Redact,

        [Parameter()]
        [switch] $KeepRawEvents,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $Simulate
    )

    Use-PrtCallerPreference -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters

    $simulateArgument = Get-PrtSimulateArgument -Cmdlet $PSCmdlet -Simulate $Simulate
    $target = if ($Simulate) { "simulated device ($Simulate)" } else { [System.Environment]::MachineName }
    $traceArgument = New-Object -TypeName System.Collections.Generic.List[string]
    if ($OutputPath) {
        $traceArgument.Add('--output')
        $traceArgument.Add($PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath))
    }
    if ($NoNetworkTrace) { $traceArgument.Add('--no-network-trace') }
    if ($AuthScriptsPath) {
        $traceArgument.Add('--auth-scripts')
        $traceArgument.Add($PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($AuthScriptsPath))
    }
    if ($IncludeLsassTrace) { $traceArgument.Add('--lsass-trace') }
    if ($LockWorkstation) { $traceArgument.Add('--lock') }
    if ($Redact) { $traceArgument.Add('--redact') }
    if ($KeepRawEvents) { $traceArgument.Add('--keep-raw-events') }
    $traceArgument.Add('--hybrid-wait')
    $traceArgument.Add([string]$HybridWaitSeconds)
    $common = @($traceArgument.ToArray()) + $simulateArgument

    # The plan: every step, its command and its undo. -WhatIf shows it; nothing changes.
    $plan = Invoke-PrtExe -Argument (@('trace', 'start', '--dry-run') + $common) -Cmdlet $PSCmdlet -TargetObject $target
    if ($null -eq $plan) { return }
    $steps = @($plan.Steps | Where-Object { $_.Enabled })
    if ($WhatIfPreference) {
        foreach ($step in $steps) {
            $action = "$($step.Title): $($step.Action)"
            if ($step.Undo) { $action += " (undone by: $($step.Undo))" }
            [void](Test-PrtShouldProcess -Cmdlet $PSCmdlet -Target $target -Action $action)
        }
        foreach ($check in @($plan.Checks | Where-Object { -not $_.Passed })) {
            Write-Warning -Message "The check '$($check.Check)' would fail: $($check.Message)"
        }
        return
    }
    $titles = @($steps | ForEach-Object { $_.Title }) -join ', '
    # No answer is no (DESIGN 8): a prompt nobody can see never counts as yes.
    if (-not (Test-PrtShouldProcess -Cmdlet $PSCmdlet -Target $target -Action "Start a PRT trace: $titles")) {
        if ($script:PrtConsentUnanswerable) {
            $PSCmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'ConsentRequired' -Category PermissionDenied -TargetObject $target `
                        -Message 'Start-PrtTrace -Confirm needs someone to answer, and this PowerShell cannot ask (non-interactive or remote). Nothing was started. Run it without -Confirm.'))
        }
        return
    }

    if ($IncludeLsassTrace) {
        $warning = 'The lsass trace records the memory of the Local Security Authority: passwords, tokens and keys of everyone signed in. The bundle is kept for Administrators and SYSTEM only; share it only with the engineer who needs it and delete it afterwards. TTD cannot detach from lsass: restart the device when the trace is done.'
        if (-not $Force -and -not (Test-PrtShouldProcess -Query -Cmdlet $PSCmdlet -Target 'Record lsass with Time Travel Debugging?' -Action $warning)) {
            if ($script:PrtConsentUnanswerable) {
                $PSCmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'ConsentRequired' -Category PermissionDenied -TargetObject $target `
                            -Message 'Recording lsass needs consent, and this PowerShell cannot ask (non-interactive or remote): nothing was started. Add -Force to record lsass without being asked, or leave out -IncludeLsassTrace.'))
            }
            return
        }
        $common = $common + '--yes'
    }

    $remote = Test-PrtRemoteSession
    $console = [System.Environment]::UserInteractive -and -not $remote -and -not [System.Console]::IsInputRedirected

    # A person at a console: `prt trace run` draws its dashboard on the console and reads its keys
    # there, and hands the bundle back as JSON on stdout. Not where stderr is redirected or the
    # host has no console (the ISE), and not when a check already failed: then `prt trace start`
    # below fails with the exe's own error, which the module can read only with stderr redirected.
    $failedChecks = @($plan.Checks | Where-Object { -not $_.Passed })
    $dashboard = $PSCmdlet.ParameterSetName -eq 'Guided' -and $console -and -not [System.Console]::IsErrorRedirected -and
        $Host.Name -ne 'Windows PowerShell ISE Host' -and $failedChecks.Count -eq 0
    if ($dashboard) {
        $runArgument = @('trace', 'run') + $common + @('--timeout', [string]$TimeoutSeconds)
        $bundle = Invoke-PrtExe -Argument $runArgument -Cmdlet $PSCmdlet -TargetObject $target -Console
        if ($null -ne $bundle) { ConvertTo-PrtObject -InputObject $bundle -TypeName 'PrtTools.TraceBundle' }
        return
    }

    $session = Invoke-PrtExe -Argument (@('trace', 'start') + $common) -Cmdlet $PSCmdlet -TargetObject $target
    if ($null -eq $session) { return }
    $session = ConvertTo-PrtObject -InputObject $session -TypeName 'PrtTools.TraceSession'
    if ($null -ne $session.PSObject.Properties['NextStep']) { $session.NextStep = ConvertTo-PrtCmdletText -Text $session.NextStep }

    # No one to guide (remoting, a service, input redirected): return the running session.
    if ($PSCmdlet.ParameterSetName -eq 'NoWait' -or (-not $Wait -and -not $console)) {
        return $session
    }

    # Guidance for the person at the console: the information stream, shown unless the caller
    # asked otherwise with -InformationAction (6>$null also hides it).
    $guidance = @{ InformationAction = 'Continue'; Tags = 'PrtTools.Guidance' }
    if ($PSBoundParameters.ContainsKey('InformationAction')) { $guidance['InformationAction'] = $InformationPreference }
    Write-Information -MessageData $session.NextStep @guidance
    Write-Information -MessageData 'Start-PrtTrace watches for the PRT attempt; Ctrl+C stops the trace and collects what there is.' @guidance
    $bundle = $null
    $deadline = [System.DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    try {
        while ($true) {
            $left = [int][Math]::Ceiling(($deadline - [System.DateTime]::UtcNow).TotalSeconds)
            if ($left -le 0) { break }
            $slice = [Math]::Min(15, $left)
            $seen = Invoke-PrtExe -Argument (@('trace', 'watch', '--timeout', [string]$slice) + $simulateArgument) -Cmdlet $PSCmdlet -TargetObject $target
            if ($null -eq $seen) { break }
            $percent = [int][Math]::Min(100, 100 * ($TimeoutSeconds - $left + $slice) / [Math]::Max(1, $TimeoutSeconds))
            Write-Progress -Activity 'PRT trace: waiting for the lock and unlock' -Status $seen.Detail -PercentComplete $percent -SecondsRemaining ([Math]::Max(0, $left - $slice))
            if ($seen.Outcome -eq 'PrtRenewed' -or $seen.Outcome -eq 'AttemptFailed') {
                Write-Information -MessageData "$($seen.Outcome): $($seen.Detail)" @guidance
                break
            }
        }
    } finally {
        Write-Progress -Activity 'PRT trace: waiting for the lock and unlock' -Completed
        # Also after Ctrl+C: the trace is stopped, the device restored, the bundle collected.
        $bundle = Invoke-PrtExe -Argument (@('trace', 'stop') + $simulateArgument) -Cmdlet $PSCmdlet -TargetObject $target
    }
    if ($null -ne $bundle) { ConvertTo-PrtObject -InputObject $bundle -TypeName 'PrtTools.TraceBundle' }
}

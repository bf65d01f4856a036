function Stop-PrtTrace {
    <#
    .SYNOPSIS
        Stops the PRT trace, restores the device and collects the bundle.

    .DESCRIPTION
        Stop-PrtTrace stops what the trace started (the lsass recorder, the Auth scripts, the
        network trace), puts the Microsoft-Windows-AAD/Analytic log back as it was, exports both
        AAD logs, takes the second dsregcmd /status snapshot and writes the report, the manifest
        (every file with its size and SHA-256) and the zip. It returns a PrtTools.TraceBundle:
        the paths, the files, the status before and after and the diagnosis.

        It is also the clean-up after a trace whose prt was killed: every undo that the state
        file lists is issued. An undo that fails is kept for the next Stop-PrtTrace, and the
        error says how to do it by hand.

    .PARAMETER Simulate
        Stops the trace of a simulated device (see Start-PrtTrace -Simulate).

    .OUTPUTS
        PrtTools.TraceBundle.

    .EXAMPLE
        PS C:\> Start-PrtTrace -NoWait
        PS C:\> # the user locks, waits a minute, unlocks
        PS C:\> Stop-PrtTrace | Format-List

        Collects the bundle of a trace started earlier.

    .EXAMPLE
        PS C:\> (Stop-PrtTrace).Files | Sort-Object Bytes -Descending | Select-Object -First 3

        Collects the bundle and lists its three largest files.

    .LINK
        Start-PrtTrace
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Low')]
    [OutputType('PrtTools.TraceBundle')]
    param(
        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $Simulate
    )

    Use-PrtCallerPreference -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
    $simulateArgument = Get-PrtSimulateArgument -Cmdlet $PSCmdlet -Simulate $Simulate
    $target = if ($Simulate) { "simulated device ($Simulate)" } else { [System.Environment]::MachineName }
    # No answer is no: with -Confirm where nobody can answer, nothing is stopped.
    if (-not (Test-PrtShouldProcess -Cmdlet $PSCmdlet -Target $target -Action 'Stop the PRT trace, restore the device and collect the bundle')) {
        if ($script:PrtConsentUnanswerable) {
            $PSCmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'ConsentRequired' -Category PermissionDenied -TargetObject $target `
                        -Message 'Stop-PrtTrace -Confirm needs someone to answer, and this PowerShell cannot ask (non-interactive or remote): the trace still runs. Run Stop-PrtTrace without -Confirm.'))
        }
        return
    }
    $bundle = Invoke-PrtExe -Argument (@('trace', 'stop') + $simulateArgument) -Cmdlet $PSCmdlet -TargetObject $target
    if ($null -ne $bundle) { ConvertTo-PrtObject -InputObject $bundle -TypeName 'PrtTools.TraceBundle' }
}

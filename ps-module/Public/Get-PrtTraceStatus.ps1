function Get-PrtTraceStatus {
    <#
    .SYNOPSIS
        Tells whether a PRT trace is running on this device, and what it has changed.

    .DESCRIPTION
        Get-PrtTraceStatus reads the trace state file and returns a PrtTools.TraceStatus: Active
        when a trace runs, Interrupted when the prt that ran it was killed (Stop-PrtTrace then
        undoes what it left), Busy when another prt works on it right now, and the session with
        each step and whether it was undone. It changes nothing.

    .PARAMETER Simulate
        Reads the trace of a simulated device (see Start-PrtTrace -Simulate).

    .OUTPUTS
        PrtTools.TraceStatus.

    .EXAMPLE
        PS C:\> Get-PrtTraceStatus

        Shows whether a trace runs on this device.

    .EXAMPLE
        PS C:\> if ((Get-PrtTraceStatus).Interrupted) { Stop-PrtTrace }

        Cleans up after a trace that was interrupted.

    .LINK
        Start-PrtTrace
    #>
    [CmdletBinding()]
    [OutputType('PrtTools.TraceStatus')]
    param(
        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $Simulate
    )

    $simulateArgument = Get-PrtSimulateArgument -Cmdlet $PSCmdlet -Simulate $Simulate
    $status = Invoke-PrtExe -Argument (@('trace', 'status') + $simulateArgument) -Cmdlet $PSCmdlet -TargetObject ([System.Environment]::MachineName)
    if ($null -ne $status) { ConvertTo-PrtObject -InputObject $status -TypeName 'PrtTools.TraceStatus' }
}

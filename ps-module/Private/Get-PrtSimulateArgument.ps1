function Get-PrtSimulateArgument {
    <#
    .SYNOPSIS
        The exe's `--simulate` arguments for a -Simulate value: a scenario file by its full path
        (the exe does not share PowerShell's current location), a built-in scenario by its name.
        Nothing when -Simulate was not given.
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [AllowEmptyString()]
        [AllowNull()]
        [string] $Simulate
    )

    if (-not $Simulate) { return , @() }
    $scenarioPath = $Cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Simulate)
    $scenario = if (Test-Path -LiteralPath $scenarioPath -PathType Leaf) { $scenarioPath } else { $Simulate }
    return , @('--simulate', $scenario)
}

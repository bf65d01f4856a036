function Use-PrtCallerPreference {
    <#
    .SYNOPSIS
        Gives a public cmdlet its caller's $ErrorActionPreference. A script module sees only the
        global one, so 'Stop' set in an admin's function would not stop the cmdlet; an explicit
        -ErrorAction still wins.
    .PARAMETER Cmdlet
        The calling cmdlet's $PSCmdlet: its SessionState is the caller's.
    .PARAMETER BoundParameters
        The calling cmdlet's $PSBoundParameters.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [System.Collections.IDictionary] $BoundParameters
    )

    if ($BoundParameters.ContainsKey('ErrorAction')) { return }
    $callerPreference = $Cmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference')
    # Scope 1 is the calling cmdlet's own scope.
    if ($null -ne $callerPreference) { Set-Variable -Name ErrorActionPreference -Value $callerPreference -Scope 1 }
}

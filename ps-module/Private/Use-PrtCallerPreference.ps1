# A script module sees the global preference variables, not those of the function that called
# the cmdlet: 'Stop' or 'Continue' set in an admin's script would not reach the cmdlet. Each
# preference comes from the caller unless its common parameter was given explicitly.
$script:PrtCallerPreference = [ordered]@{
    ErrorActionPreference       = 'ErrorAction'
    WarningPreference           = 'WarningAction'
    InformationPreference       = 'InformationAction'
    VerbosePreference           = 'Verbose'
    DebugPreference             = 'Debug'
    WhatIfPreference            = 'WhatIf'
    ConfirmPreference           = 'Confirm'
    ProgressPreference          = $null
}

function Use-PrtCallerPreference {
    <#
    .SYNOPSIS
        Gives a public cmdlet its caller's preference variables ($ErrorActionPreference,
        $VerbosePreference, $WarningPreference, $InformationPreference, $DebugPreference,
        $WhatIfPreference, $ConfirmPreference, $ProgressPreference); an explicit common parameter
        (-ErrorAction, -Verbose, -WhatIf...) still wins.
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

    foreach ($name in $script:PrtCallerPreference.Keys) {
        $parameter = $script:PrtCallerPreference[$name]
        if ($null -ne $parameter -and $BoundParameters.ContainsKey($parameter)) { continue }
        $callerValue = $Cmdlet.SessionState.PSVariable.GetValue($name)
        if ($null -eq $callerValue) { continue }
        # Scope 1 is the calling cmdlet's own scope. -WhatIf/-Confirm:$false: setting a variable
        # is no change to the device, never a "What if" line or a prompt.
        Set-Variable -Name $name -Value $callerValue -Scope 1 -WhatIf:$false -Confirm:$false
    }
}

function Test-PrtStatusHealthy {
    <#
    .SYNOPSIS
        The rule of prt status --detect: only Missing, Expired and Stale mean the user's sign-in
        is hurt; Healthy and NotApplicable (no PRT expected) are fine.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param([Parameter(Mandatory)] $Status)
    @('Missing', 'Expired', 'Stale') -notcontains $Status.Health
}

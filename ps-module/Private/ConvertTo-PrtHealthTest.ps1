function ConvertTo-PrtHealthTest {
    <#
    .SYNOPSIS
        Test-PrtHealth's answer for one status that must say what it is about: Path, Healthy and
        Health (by the rule of prt status --detect); with -Device also ComputerName and UserName,
        and the table that shows the device first (PrtTools.HealthTest#Device).
    #>
    [CmdletBinding()]
    [OutputType('PrtTools.HealthTest')]
    param(
        [Parameter(Mandatory)] $Status,
        [switch] $Device
    )

    # A status from another device may lack UserName (a capture read there) or Source (an older PrtTools).
    $source = $Status.PSObject.Properties['Source']
    $answer = [ordered]@{ PSTypeName = 'PrtTools.HealthTest' }
    if ($Device) {
        $user = $Status.PSObject.Properties['UserName']
        $answer['ComputerName'] = [string]$Status.PSComputerName
        $answer['UserName'] = if ($null -ne $user) { [string]$user.Value } else { '' }
    }
    $answer['Path'] = if ($null -ne $source -and $null -ne $source.Value) { [string]$source.Value.Path } else { '' }
    $answer['Healthy'] = Test-PrtStatusHealthy -Status $Status
    $answer['Health'] = $Status.Health
    $result = [pscustomobject]$answer
    # Its own table; still a PrtTools.HealthTest for scripts.
    if ($Device) { $result.PSObject.TypeNames.Insert(0, 'PrtTools.HealthTest#Device') }
    $result
}

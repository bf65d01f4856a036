function Get-PrtObjectKind {
    <#
    .SYNOPSIS
        'Status', 'Attempt', 'ErrorInfo'... for a PrtTools object (also a Deserialized one from
        remoting), $null for anything else.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([AllowNull()][object] $InputObject)

    if ($null -eq $InputObject) { return $null }
    foreach ($name in @($InputObject.PSObject.TypeNames)) {
        if ($name -match '^(Deserialized\.)?PrtTools\.(\w+)$') { return $Matches[2] }
    }
    return $null
}

function Test-PrtCimFailure {
    <#
    .SYNOPSIS
        True when an exception says that WMI (CIM) itself does not work: the infrastructure could
        not load or answered with an error other than access denied. Then the module takes another
        way (schtasks.exe); access denied stays an error.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param([AllowNull()][System.Exception] $Exception)

    $current = $Exception
    while ($null -ne $current) {
        $typeName = $current.GetType().FullName
        if ($typeName -eq 'System.TypeInitializationException' -or $typeName -eq 'System.DllNotFoundException') { return $true }
        if ($typeName -eq 'Microsoft.Management.Infrastructure.CimException') {
            return [string]$current.NativeErrorCode -ne 'AccessDenied'
        }
        $current = $current.InnerException
    }
    return $false
}

function Get-PrtInteractiveUser {
    <#
    .SYNOPSIS
        The user signed in at this device's console (DOMAIN\user, e.g. AzureAD\JeanneMartin), or
        $null when nobody is. Off Windows there is no such user: $null.
    .DESCRIPTION
        Win32_ComputerSystem.UserName names the console session's user, also while the screen is
        locked. A user signed in only over Remote Desktop is not named there.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if (-not (Test-PrtWindows)) { return $null }
    # A broken WMI is an error, never "nobody is signed in": -ErrorAction Stop lets it surface.
    $name = (Get-CimInstance -ClassName Win32_ComputerSystem -Verbose:$false -ErrorAction Stop).UserName
    if ([string]::IsNullOrWhiteSpace($name)) { return $null }
    return [string]$name
}

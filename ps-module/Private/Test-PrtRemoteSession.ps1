function Test-PrtRemoteSession {
    <#
    .SYNOPSIS
        True when this runs in a remote session (Invoke-Command, Enter-PSSession), where there is
        no signed-in user's desktop: no PRT to read live and no console to guide.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    # PSSenderInfo exists only in remote sessions; under strict mode it cannot be read when unset.
    $null -ne (Get-Variable -Name PSSenderInfo -Scope Global -ValueOnly -ErrorAction Ignore)
}

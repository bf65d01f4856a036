function Resolve-PrtInputPath {
    <#
    .SYNOPSIS
        The file system paths a -Path value stands for: relative to the current PowerShell
        location, PSPath from Get-ChildItem, or a wildcard. Writes a non-terminating error through
        the cmdlet and returns nothing when there is no such file.
    .DESCRIPTION
        A path that exists as written is taken literally, so that names with [ ] (common in
        ticket attachments) are not read as wildcards; only a path that does not exist is expanded.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        # -LiteralPath: never expanded as a wildcard.
        [switch] $NoWildcard
    )

    # On Linux and macOS a backslash is an ordinary character of a file name, but PowerShell's
    # path resolution turns it into a separator: a file named as written is taken as written.
    if ([System.IO.Path]::DirectorySeparatorChar -eq '/' -and $Path.Contains('\')) {
        $asWritten = $Path
        if (-not [System.IO.Path]::IsPathRooted($Path)) {
            $asWritten = [System.IO.Path]::Combine($Cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath, $Path)
        }
        if ([System.IO.File]::Exists($asWritten) -or [System.IO.Directory]::Exists($asWritten)) {
            return $asWritten
        }
    }

    $provider = $null
    $drive = $null
    try {
        $literal = $Cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path, [ref]$provider, [ref]$drive)
    } catch {
        $Cmdlet.WriteError((New-PrtErrorRecord -Id 'InvalidPath' -Category InvalidArgument -TargetObject $Path -InnerException $_.Exception `
                    -Message "Cannot read '$Path': $($_.Exception.Message)"))
        return
    }
    if ($provider.Name -ne 'FileSystem') {
        $Cmdlet.WriteError((New-PrtErrorRecord -Id 'NotAFileSystemPath' -Category InvalidArgument -TargetObject $Path `
                    -Message "Cannot read '$Path': it is a $($provider.Name) path; give the path of a dsregcmd /status capture file."))
        return
    }
    if ([System.IO.File]::Exists($literal) -or [System.IO.Directory]::Exists($literal)) {
        return $literal
    }

    if (-not $NoWildcard -and [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($Path)) {
        $resolved = @()
        try {
            $resolved = @($Cmdlet.GetResolvedProviderPathFromPSPath($Path, [ref]$provider))
        } catch [System.Management.Automation.ItemNotFoundException] {
            $resolved = @()
        }
        if ($resolved.Count -gt 0) {
            return $resolved
        }
        $Cmdlet.WriteError((New-PrtErrorRecord -Id 'FileNotFound' -Category ObjectNotFound -TargetObject $literal `
                    -Message "Cannot find a file that matches '$Path'."))
        return
    }

    $Cmdlet.WriteError((New-PrtErrorRecord -Id 'FileNotFound' -Category ObjectNotFound -TargetObject $literal `
                -Message "Cannot find the file '$literal': it does not exist."))
}

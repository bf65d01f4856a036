function New-PrtRemoteCollector {
    <#
    .SYNOPSIS
        What a cmdlet with the remoting parameter sets gathers over its process calls (targets and
        paths, also from the pipeline) before it runs on all devices at once in end. Kind stays
        $null while the cmdlet works on this device.
    .DESCRIPTION
        The pattern, for any cmdlet that can run on other devices:
          begin:   $remote = New-PrtRemoteCollector
          process: if (Add-PrtRemoteInput -Collector $remote -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet) { return }
          end:     if ($remote.Kind) { Invoke-PrtRemoteCommand -CommandName ... -Parameter @{ ...what to do there... } `
                       -Kind $remote.Kind -BoundParameters $remote.Connection -Cmdlet $PSCmdlet }
        with parameter sets named ComputerName (-ComputerName mandatory, from the pipeline by
        property name, aliases CN and DNSHostName; -Credential, -ThrottleLimit), Session (-Session
        mandatory; -ThrottleLimit) and HostName (-HostName mandatory; -UserName, -KeyFilePath,
        -SSHOption), as Get-PrtStatus has them; a set named <Target>Path (SessionPath) takes paths
        from the pipeline for that target, one named <Target>Code (ComputerNameCode, Get-PrtError)
        codes, which the cmdlet collects itself.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param()
    $comparer = [System.StringComparer]::OrdinalIgnoreCase
    @{
        Kind         = $null
        Targets      = New-Object -TypeName System.Collections.Generic.List[object]
        SeenTargets  = New-Object -TypeName 'System.Collections.Generic.HashSet[string]' -ArgumentList $comparer
        Paths        = New-Object -TypeName System.Collections.Generic.List[string]
        LiteralPaths = New-Object -TypeName System.Collections.Generic.List[string]
        # What Invoke-PrtRemoteCommand takes as -BoundParameters: the targets and their options.
        Connection   = @{}
    }
}

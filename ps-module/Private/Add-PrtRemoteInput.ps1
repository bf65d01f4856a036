function Add-PrtRemoteInput {
    <#
    .SYNOPSIS
        In a cmdlet's process block: $false when it works on this device; else adds this call's
        targets (each device once) and paths to the collector and returns $true, and the cmdlet
        returns (it runs on the devices in end). See New-PrtRemoteCollector for the pattern.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $Collector,

        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet
    )

    # A remoting set is named by its target, or starts with it when what to do there comes from
    # the pipeline (SessionPath: -Session with piped paths; ComputerNameCode: piped codes).
    $setName = $Cmdlet.ParameterSetName
    $kind = @($script:PrtRemoteTargetKinds | Where-Object { $setName -eq $_ -or $setName.StartsWith($_ + 'Path') -or $setName.StartsWith($_ + 'Code') })
    if ($kind.Count -eq 0) { return $false }
    $kind = $kind[0]
    $firstCall = -not $Collector.Kind
    if ($firstCall) {
        # Once: what this PowerShell can do (-HostName needs 7) and the options of the target.
        $null = Get-PrtRemoteTarget -BoundParameters $BoundParameters -Cmdlet $Cmdlet
        $Collector.Kind = $kind
        $Collector.Connection[$kind] = $Collector.Targets
        foreach ($name in $script:PrtRemoteOptionTargets.Keys) {
            if ($BoundParameters.ContainsKey($name)) { $Collector.Connection[$name] = $BoundParameters[$name] }
        }
    }
    # In a remoting set what to read there is optional, so the binder cannot keep these apart.
    $what = @('Path', 'LiteralPath', 'Sample', 'Simulate' | Where-Object { $BoundParameters.ContainsKey($_) })
    if ($what.Count -gt 1) {
        $Cmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'ConflictingParameters' -Category InvalidArgument -TargetObject ($what -join ', ') `
                    -Message ('Use one of -Path, -LiteralPath, -Sample and -Simulate, not ' + (($what | ForEach-Object { "-$_" }) -join ' and ') + '.')))
    }
    foreach ($target in @($BoundParameters[$kind])) {
        if ($null -eq $target) { continue }
        $key = if ($target -is [System.Management.Automation.Runspaces.PSSession]) { [string]$target.InstanceId } else { [string]$target }
        if ($Collector.SeenTargets.Add($key)) { $Collector.Targets.Add($target) }
    }
    # Paths come from the pipeline only in a <Target>Path set, each as given (a path piped twice is
    # read twice, as on this device); elsewhere they are the command line's, taken once.
    if ($firstCall -or $setName -ne $kind) {
        if ($BoundParameters.ContainsKey('Path')) { $Collector.Paths.AddRange([string[]]@($BoundParameters['Path'])) }
        if ($BoundParameters.ContainsKey('LiteralPath')) { $Collector.LiteralPaths.AddRange([string[]]@($BoundParameters['LiteralPath'])) }
    }
    return $true
}

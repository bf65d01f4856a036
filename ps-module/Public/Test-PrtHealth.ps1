function Test-PrtHealth {
    <#
    .SYNOPSIS
        Tells whether the Primary Refresh Token (PRT) of a device is healthy: $true or $false.

    .DESCRIPTION
        Test-PrtHealth reads the PRT status like Get-PrtStatus and returns $false when the PRT is
        Missing, Expired or Stale (not renewed for more than 4 hours), $true otherwise: Healthy,
        and NotApplicable on devices that are not Entra ID joined, where no PRT is expected. This
        is the rule of prt status --detect, the detection mode for Intune Remediations (see
        Examples/Detect-PrtHealth.ps1 in the module folder).

        Run it as the signed-in user: the PRT belongs to the user's sign-in, and SYSTEM or a
        remote session has none.

        With -Detailed it returns the PrtTools.Status object instead, for the reason. When the
        status cannot be read (for example a file that is not dsregcmd output) it writes an
        error and returns nothing, neither $true nor $false.

    .PARAMETER Path
        One or more dsregcmd /status captures to test instead of this device: one result each.
        Wildcards are allowed; files can be piped in from Get-ChildItem.

    .PARAMETER Sample
        Tests the built-in sample device (a hybrid joined device without a PRT). A shortcut kept
        for scripts; -Simulate takes any scenario.

    .PARAMETER Simulate
        Tests a simulated device instead of this one: a built-in scenario (Tab completes the
        names) or a scenario file, as for Get-PrtStatus -Simulate. Works on any OS: a way to try
        a detection script before it goes to devices.

    .PARAMETER Now
        The moment to judge the PRT's age and expiry against, instead of the capture's own time
        or the clock.

    .PARAMETER Detailed
        Returns the PrtTools.Status object rather than $true or $false.

    .INPUTS
        System.String. Paths of dsregcmd /status captures.

        System.IO.FileInfo. Files from Get-ChildItem.

    .OUTPUTS
        System.Boolean. $true when the PRT is healthy (or not expected), $false otherwise.

        PrtTools.HealthTest. With several paths: Path, Healthy and Health for each readable
        file. A file that cannot be read is an error naming it, never a missing answer.

        PrtTools.Status. With -Detailed.

    .EXAMPLE
        PS C:\> if (-not (Test-PrtHealth)) { Get-PrtStatus | Format-List }

        Shows the details only when the PRT of the signed-in user has a problem.

    .EXAMPLE
        PS C:\> Get-ChildItem .\captures\*.txt | Where-Object { -not (Test-PrtHealth -Path $_.FullName) }

        Lists the captures whose PRT is missing, expired or stale.

    .EXAMPLE
        PS C:\> Test-PrtHealth -Simulate network-unreachable

        Tries the answer on a simulated device whose PRT cannot be renewed: $false.

    .EXAMPLE
        PS C:\> Test-PrtHealth -Path .\status.txt -Detailed | Select-Object Health, Findings

        Tests a capture and shows why it is or is not healthy.

    .LINK
        Get-PrtStatus
    #>
    [CmdletBinding(DefaultParameterSetName = 'Live')]
    [OutputType([bool])]
    [OutputType('PrtTools.HealthTest')]
    [OutputType('PrtTools.Status')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Path', ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName', 'PSPath')]
        [ValidateNotNullOrEmpty()]
        [string[]] $Path,

        [Parameter(Mandatory, ParameterSetName = 'Sample')]
        [switch] $Sample,

        [Parameter(Mandatory, ParameterSetName = 'Simulate')]
        [ValidateNotNullOrEmpty()]
        [string] $Simulate,

        [Parameter()]
        [datetime] $Now,

        [Parameter()]
        [switch] $Detailed
    )

    begin {
        Use-PrtCallerPreference -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $statusParameters = @{}
        if ($PSBoundParameters.ContainsKey('Now')) { $statusParameters['Now'] = $Now }
        if ($PSCmdlet.ParameterSetName -eq 'Sample') { $statusParameters['Sample'] = $true }
        if ($PSCmdlet.ParameterSetName -eq 'Simulate') { $statusParameters['Simulate'] = $Simulate }
        # Paths are collected and read together in end: one start of prt, and the answer for
        # several files says which file each one is about.
        $paths = New-Object -TypeName System.Collections.Generic.List[string]
    }

    process {
        if ($PSCmdlet.ParameterSetName -eq 'Path') {
            $paths.AddRange([string[]]$Path)
            return
        }
        foreach ($status in @(Get-PrtStatus @statusParameters)) {
            if ($Detailed) { $status } else { Test-PrtStatusHealthy -Status $status }
        }
    }

    end {
        if ($paths.Count -eq 0) { return }
        $statuses = @(Get-PrtStatus @statusParameters -Path $paths.ToArray())
        $several = $paths.Count -gt 1 -or $statuses.Count -gt 1
        foreach ($status in $statuses) {
            if ($Detailed) {
                $status
            } elseif ($several) {
                [pscustomobject]@{
                    PSTypeName = 'PrtTools.HealthTest'
                    Path       = [string]$status.Source.Path
                    Healthy    = Test-PrtStatusHealthy -Status $status
                    Health     = $status.Health
                }
            } else {
                Test-PrtStatusHealthy -Status $status
            }
        }
    }
}

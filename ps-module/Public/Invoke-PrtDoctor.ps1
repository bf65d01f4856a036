function Invoke-PrtDoctor {
    <#
    .SYNOPSIS
        Puts the PRT status, the failing attempts, the network probe and the device checks
        together into one ranked verdict.

    .DESCRIPTION
        Invoke-PrtDoctor runs prt doctor and returns one PrtTools.Doctor: Verdict (the first
        cause in one line), Causes (ranked, the first being the verdict; each with Id,
        Confidence, Summary, Evidence - the chain that supports it, symptom first - Against and
        NextStep), Missing (what was not read and would sharpen the verdict), and the whole
        evidence: Status, Diagnosis, Probe and Device.

        Without a path it reads this device. With -Path (a prt trace bundle folder or zip, which
        may hold device.json and probe.json) or -DsregcmdPath and -EventPath it judges only what
        the files show. When the evidence is too thin, the first cause is NotEnoughEvidence with
        what to collect: the doctor never calls a device healthy from missing data.

        With -ComputerName, -Session or -HostName it runs on those devices with Invoke-Command
        (PrtTools must be installed on each) and adds PSComputerName.

    .PARAMETER Path
        A bundle folder or zip written by Start-PrtTrace / prt trace.

    .PARAMETER DsregcmdPath
        A saved dsregcmd /status output.

    .PARAMETER EventPath
        AAD event logs (XML, Event Viewer text, .evtx on Windows) or folders of them.

    .PARAMETER Simulate
        Judges a simulated device instead of this one. Works on any OS.

    .PARAMETER Now
        The moment to judge times against, instead of the capture's own time or the clock.

    .PARAMETER Redact
        Replaces names, ids and thumbprints with stable pseudonyms: a verdict to share.

    .PARAMETER ComputerName
        Runs on these devices over WinRM (Invoke-Command); PrtTools must be installed on each.
        Takes objects from the pipeline by property name: ComputerName, CN or DNSHostName (what
        Get-ADComputer returns). Every device runs once, in one Invoke-Command.

    .PARAMETER Credential
        The account for -ComputerName.

    .PARAMETER Session
        Runs in these PSSessions (WinRM or SSH).

    .PARAMETER HostName
        Runs on these devices over SSH (PowerShell 7): host, user@host or user@host:port.

    .PARAMETER UserName
        The user for -HostName.

    .PARAMETER KeyFilePath
        The SSH private key for -HostName.

    .PARAMETER SSHOption
        SSH options for -HostName (PowerShell 7.3 or later).

    .PARAMETER ThrottleLimit
        How many devices of -ComputerName or -Session to run on at once.

    .INPUTS
        System.IO.FileInfo. Bundles from Get-ChildItem (bound by FullName).

        Objects with a ComputerName, CN or DNSHostName property (Get-ADComputer): the devices to
        read over WinRM.

    .OUTPUTS
        PrtTools.Doctor.

    .EXAMPLE
        PS C:\> Invoke-PrtDoctor

        The verdict for this device: the most likely cause of a PRT failure, its evidence and the
        next step.

    .EXAMPLE
        PS C:\> Invoke-PrtDoctor -Path .\PrtTrace-CTS-WS-0512-20261120-093012.zip | Select-Object -ExpandProperty Causes

        Every cause a bundle a user sent points to, most likely first.

    .EXAMPLE
        PS C:\> Invoke-PrtDoctor -ComputerName (Get-Content .\devices.txt) | Group-Object { $_.Causes[0].Id }

        The verdicts of many devices, grouped by cause.

    .EXAMPLE
        PS C:\> Get-ADComputer -Filter * -SearchBase 'OU=Clients,DC=corp,DC=contoso,DC=com' | Invoke-PrtDoctor -ThrottleLimit 64

        The verdict of every computer of an OU, over WinRM by DNSHostName.

    .LINK
        Get-PrtDeviceCheck
    #>
    # Parameter sets: this device (Live, Bundle, Files, Simulate) and one set per remoting target
    # (ComputerName, Session, HostName), each with only the connection options it takes, so the
    # binder refuses -Credential with -HostName. In a remoting set what to read there is optional.
    [CmdletBinding(DefaultParameterSetName = 'Live')]
    [OutputType('PrtTools.Doctor')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Bundle', ValueFromPipelineByPropertyName)]
        [Parameter(Position = 0, ParameterSetName = 'ComputerName')]
        [Parameter(Position = 0, ParameterSetName = 'Session')]
        [Parameter(Position = 0, ParameterSetName = 'HostName')]
        [Alias('FullName', 'BundlePath')]
        [ValidateNotNullOrEmpty()]
        [string] $Path,

        [Parameter(ParameterSetName = 'Files')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string] $DsregcmdPath,

        [Parameter(ParameterSetName = 'Files')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string[]] $EventPath,

        [Parameter(Mandatory, ParameterSetName = 'Simulate')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string] $Simulate,

        [Parameter()]
        [datetime] $Now,

        [Parameter()]
        [switch] $Redact,

        # From the pipeline by property name: objects with a ComputerName, CN or DNSHostName
        # (Get-ADComputer's output) are examined on those computers.
        [Parameter(Mandatory, ParameterSetName = 'ComputerName', ValueFromPipelineByPropertyName)]
        [Alias('CN', 'DNSHostName')]
        [ValidateNotNullOrEmpty()]
        [string[]] $ComputerName,

        [Parameter(ParameterSetName = 'ComputerName')]
        [System.Management.Automation.PSCredential] $Credential,

        [Parameter(Mandatory, ParameterSetName = 'Session')]
        [ValidateNotNullOrEmpty()]
        [System.Management.Automation.Runspaces.PSSession[]] $Session,

        [Parameter(Mandatory, ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string[]] $HostName,

        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string] $UserName,

        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string] $KeyFilePath,

        [Parameter(ParameterSetName = 'HostName')]
        [hashtable] $SSHOption,

        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [ValidateRange(1, 2147483647)]
        [int] $ThrottleLimit
    )

    begin {
        Use-PrtCallerPreference -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        # Other devices: targets (also from the pipeline) are collected in process and all devices
        # run in one Invoke-Command in end, so -ThrottleLimit applies to the whole list.
        $remote = New-PrtRemoteCollector
    }

    process {
        if (Add-PrtRemoteInput -Collector $remote -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet) {
            # Here the binder keeps a bundle, files and a scenario apart; there they share a set.
            $files = @('DsregcmdPath', 'EventPath' | Where-Object { $PSBoundParameters.ContainsKey($_) })
            $other = @('Path', 'Simulate' | Where-Object { $PSBoundParameters.ContainsKey($_) })
            if ($files.Count -gt 0 -and $other.Count -gt 0) {
                $PSCmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'ConflictingParameters' -Category InvalidArgument -TargetObject (($files + $other) -join ', ') `
                            -Message ('-' + $other[0] + ' does not go with ' + (($files | ForEach-Object { "-$_" }) -join ' and ') + ': use a bundle, the capture and event files, or a scenario.')))
            }
            return
        }

        $arguments = @('doctor')
        $target = [System.Environment]::MachineName
        if ($PSBoundParameters.ContainsKey('DsregcmdPath')) {
            $files = @(Resolve-PrtInputPath -Path $DsregcmdPath -Cmdlet $PSCmdlet)
            if ($files.Count -eq 0) { return }
            $arguments += @('--input', $files[0])
        }
        foreach ($item in @($EventPath | Where-Object { $_ })) {
            $files = @(Resolve-PrtInputPath -Path $item -Cmdlet $PSCmdlet)
            if ($files.Count -eq 0) { return }
            foreach ($file in $files) { $arguments += @('--events', $file) }
        }
        if ($PSBoundParameters.ContainsKey('Now')) {
            $arguments += @('--now', $Now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [System.Globalization.CultureInfo]::InvariantCulture))
        }
        if ($Redact) { $arguments += '--redact' }
        if ($Simulate) {
            $arguments += Get-PrtSimulateArgument -Cmdlet $PSCmdlet -Simulate $Simulate
            $target = "simulated device ($Simulate)"
        }
        if ($PSCmdlet.ParameterSetName -eq 'Bundle') {
            # A folder or a zip: resolved here, passed after -- so a name starting with a dash stays a path.
            $resolved = @()
            if (Test-Path -Path $Path) { $resolved = @(Resolve-Path -Path $Path) }
            if ($resolved.Count -eq 0) {
                $PSCmdlet.WriteError((New-PrtErrorRecord -Id 'FileNotFound' -Category ObjectNotFound -TargetObject $Path -Message "The bundle '$Path' does not exist."))
                return
            }
            $target = $resolved[0].ProviderPath
            $arguments += @('--', $target)
        }
        $report = Invoke-PrtExe -Argument $arguments -Cmdlet $PSCmdlet -TargetObject $target
        if ($null -ne $report) { ConvertTo-PrtObject -InputObject $report -TypeName 'PrtTools.Doctor' }
    }

    end {
        if (-not $remote.Kind) { return }
        $parameters = @{}
        foreach ($name in 'Path', 'DsregcmdPath', 'EventPath', 'Simulate', 'Now') {
            if ($PSBoundParameters.ContainsKey($name)) { $parameters[$name] = $PSBoundParameters[$name] }
        }
        if ($Redact) { $parameters['Redact'] = $true }
        Invoke-PrtRemoteCommand -CommandName 'Invoke-PrtDoctor' -Parameter $parameters -Kind $remote.Kind -BoundParameters $remote.Connection -Cmdlet $PSCmdlet
    }
}

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

    .LINK
        Get-PrtDeviceCheck
    #>
    [CmdletBinding(DefaultParameterSetName = 'Live')]
    [OutputType('PrtTools.Doctor')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Bundle', ValueFromPipelineByPropertyName)]
        [Alias('FullName', 'BundlePath')]
        [ValidateNotNullOrEmpty()]
        [string] $Path,

        [Parameter(ParameterSetName = 'Files')]
        [ValidateNotNullOrEmpty()]
        [string] $DsregcmdPath,

        [Parameter(ParameterSetName = 'Files')]
        [ValidateNotNullOrEmpty()]
        [string[]] $EventPath,

        [Parameter(Mandatory, ParameterSetName = 'Simulate')]
        [ValidateNotNullOrEmpty()]
        [string] $Simulate,

        [Parameter()]
        [datetime] $Now,

        [Parameter()]
        [switch] $Redact,

        [Alias('CN')]
        [ValidateNotNullOrEmpty()]
        [string[]] $ComputerName,

        [System.Management.Automation.PSCredential] $Credential,

        [ValidateNotNullOrEmpty()]
        [System.Management.Automation.Runspaces.PSSession[]] $Session,

        [ValidateNotNullOrEmpty()]
        [string[]] $HostName,

        [ValidateNotNullOrEmpty()]
        [string] $UserName,

        [ValidateNotNullOrEmpty()]
        [string] $KeyFilePath,

        [hashtable] $SSHOption,

        [ValidateRange(1, 2147483647)]
        [int] $ThrottleLimit
    )

    process {
        Use-PrtCallerPreference -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $remoteKind = Get-PrtRemoteTarget -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet
        if ($remoteKind) {
            $parameters = @{}
            foreach ($name in 'Path', 'DsregcmdPath', 'EventPath', 'Simulate', 'Now') {
                if ($PSBoundParameters.ContainsKey($name)) { $parameters[$name] = $PSBoundParameters[$name] }
            }
            if ($Redact) { $parameters['Redact'] = $true }
            Invoke-PrtRemoteCommand -CommandName 'Invoke-PrtDoctor' -Parameter $parameters -Kind $remoteKind -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet
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
}

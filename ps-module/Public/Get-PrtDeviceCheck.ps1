function Get-PrtDeviceCheck {
    <#
    .SYNOPSIS
        Checks what the PRT rests on: the device certificate, the TPM, the service connection
        point, the join task, the user and the clock.

    .DESCRIPTION
        Get-PrtDeviceCheck runs prt device: it reads the device with the tools Windows ships
        (certutil -store My, tpmtool getdeviceinformation, reg query of CDJ\AAD, nltest
        /dsgetdc:, schtasks /query of Automatic-Device-Join, w32tm /query /status, wevtutil for
        the TPM errors of the System log of the last 7 days), a Windows PowerShell LDAP script
        (the SCP, the password age, the userCertificate of this computer's AD object) and
        dsregcmd /status, and returns one PrtTools.DeviceCheck per check: Id, Area, Result
        (Pass, Warn, Fail, NotApplicable, or Unknown with the Reason a read failed), Summary,
        Evidence and NextStep. Run it elevated: the certificate store and the TPM need it.

        With -ComputerName, -Session or -HostName it runs on those devices with Invoke-Command
        (PrtTools must be installed on each) and adds PSComputerName.

    .PARAMETER Simulate
        Checks a simulated device instead of this one (tpm-locked-out, device-cert-expired,
        scp-wrong-tenant, join-task-disabled...). Works on any OS.

    .PARAMETER Now
        The moment to judge the certificate's expiry against, instead of the clock.

    .PARAMETER Redact
        Replaces names, ids and thumbprints with stable pseudonyms: checks to share.

    .PARAMETER ComputerName
        Checks these devices over WinRM (Invoke-Command); PrtTools must be installed on each.
        Takes objects from the pipeline by property name: ComputerName, CN or DNSHostName (what
        Get-ADComputer returns). Every device runs once, in one Invoke-Command.

    .PARAMETER Credential
        The account for -ComputerName.

    .PARAMETER Session
        Checks the devices of these PSSessions (WinRM or SSH).

    .PARAMETER HostName
        Checks these devices over SSH (PowerShell 7): host, user@host or user@host:port.

    .PARAMETER UserName
        The user for -HostName.

    .PARAMETER KeyFilePath
        The SSH private key for -HostName.

    .PARAMETER SSHOption
        SSH options for -HostName (PowerShell 7.3 or later).

    .PARAMETER ThrottleLimit
        How many devices of -ComputerName or -Session to check at once.

    .INPUTS
        Objects with a ComputerName, CN or DNSHostName property (Get-ADComputer): the devices to
        read over WinRM.

    .OUTPUTS
        PrtTools.DeviceCheck. One per check.

    .EXAMPLE
        PS C:\> Get-PrtDeviceCheck | Where-Object Result -in 'Fail', 'Warn'

        Lists what is wrong on this device, with the next step for each.

    .EXAMPLE
        PS C:\> Get-PrtDeviceCheck -ComputerName PC042, PC043 | Where-Object Id -eq 'DeviceCertExpired' | Format-Table PSComputerName, Result, Summary

        Compares the device certificates of two devices.

    .EXAMPLE
        PS C:\> Get-PrtDeviceCheck -Simulate tpm-locked-out

        Shows the checks of a simulated device whose TPM is in lockout.

    .LINK
        Invoke-PrtDoctor
    #>
    # Parameter sets: this device (Live, Simulate) and one set per remoting target (ComputerName,
    # Session, HostName), each with only the connection options it takes, so the binder refuses
    # -Credential with -HostName. In a remoting set -Simulate is optional.
    [CmdletBinding(DefaultParameterSetName = 'Live')]
    [OutputType('PrtTools.DeviceCheck')]
    param(
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
        # (Get-ADComputer's output) are read on those computers.
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
        $null = Add-PrtRemoteInput -Collector $remote -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet
    }

    end {
        if ($remote.Kind) {
            $parameters = @{}
            if ($Simulate) { $parameters['Simulate'] = $Simulate }
            if ($PSBoundParameters.ContainsKey('Now')) { $parameters['Now'] = $Now }
            if ($Redact) { $parameters['Redact'] = $true }
            Invoke-PrtRemoteCommand -CommandName 'Get-PrtDeviceCheck' -Parameter $parameters -Kind $remote.Kind -BoundParameters $remote.Connection -Cmdlet $PSCmdlet
            return
        }

        $arguments = @('device')
        if ($PSBoundParameters.ContainsKey('Now')) {
            $arguments += @('--now', $Now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [System.Globalization.CultureInfo]::InvariantCulture))
        }
        if ($Redact) { $arguments += '--redact' }
        $target = [System.Environment]::MachineName
        if ($Simulate) {
            $arguments += Get-PrtSimulateArgument -Cmdlet $PSCmdlet -Simulate $Simulate
            $target = "simulated device ($Simulate)"
        }
        $report = Invoke-PrtExe -Argument $arguments -Cmdlet $PSCmdlet -TargetObject $target
        if ($null -eq $report) { return }
        foreach ($check in @($report.Checks)) {
            $object = ConvertTo-PrtObject -InputObject $check -TypeName 'PrtTools.DeviceCheck'
            # When it was judged: every check of one run shares it.
            Add-Member -InputObject $object -NotePropertyName 'ObservedAt' -NotePropertyValue ([datetime]::Parse([string]$report.ObservedAt, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind)) -Force
            $object
        }
    }
}

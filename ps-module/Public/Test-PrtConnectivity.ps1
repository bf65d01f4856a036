function Test-PrtConnectivity {
    <#
    .SYNOPSIS
        Tests the network the way the PRT request travels it: route, DNS, TCP, TLS, HTTP, clock
        and the federation server.

    .DESCRIPTION
        Test-PrtConnectivity runs prt probe. The CloudAP plug-in asks Entra ID for the Primary
        Refresh Token as SYSTEM, through WinHTTP: a device whose browser works can still fail
        with 0xc000023c, 12029 or 0xcaa82efd. The probe follows the route WinHTTP would take
        (the static WinHTTP proxy and its bypass list, else WPAD and its PAC file, run in a
        sandbox, else direct) to the Entra ID and device registration endpoints of the device's
        cloud (public, US Government or China, read from dsregcmd /status) and times each stage.
        It records the root of each TLS chain (an inspecting proxy shows up as a root Microsoft
        does not use), compares this computer's clock with the servers' Date, and for a federated
        user reads the federation server's metadata (MEX): its WS-Trust endpoints and whether it
        carries a DTD.

        It returns one PrtTools.ProbeResult: the runs (SYSTEM's route, and the user's unless
        -AsSystem), each endpoint with its route, stages, HTTP status and TLS root, and Findings
        with an Id (ProxyAuthRequired, TlsInspected, ClockSkew, MexHasDtd, ...), a message with
        the figures, the next step and the codes each finding can explain. A difference between
        SYSTEM and the user is itself a finding (ContextsDiffer). Findings are not errors.

        Only the cloud's public endpoints and the federation host the realm document names are
        contacted; no credential is sent. The realm lookup carries the user principal name,
        which -Redact hides in the result. The SYSTEM run follows SYSTEM's settings from this
        process; it does not start a task as SYSTEM.

        With -ComputerName, -Session or -HostName it runs on those devices with Invoke-Command
        (PrtTools must be installed on each) and returns one result per device with
        PSComputerName.

    .PARAMETER AsSystem
        Only SYSTEM's route (WinHTTP), the one the PRT request takes. Without it the user's own
        proxy settings (WinINet) are probed too, side by side.

    .PARAMETER UserPrincipalName
        The user whose domain to check for federation. Default: the user dsregcmd names.

    .PARAMETER TenantId
        The tenant for the device registration discovery. Default: the tenant dsregcmd names.

    .PARAMETER Simulate
        Probes a simulated device instead of this one (no network at all): a built-in scenario
        such as proxy-auth-required, tls-inspection, clock-skew or federated-mex-dtd, or a
        scenario file.

    .PARAMETER Redact
        Replaces the user, tenant and host names with stable pseudonyms: a result to share.

    .PARAMETER ComputerName
        Probes from these devices over WinRM (Invoke-Command); PrtTools must be installed on each.
        Takes objects from the pipeline by property name: ComputerName, CN or DNSHostName (what
        Get-ADComputer returns). Every device runs once, in one Invoke-Command.

    .PARAMETER Credential
        The account for -ComputerName.

    .PARAMETER Session
        Probes in these PSSessions.

    .PARAMETER HostName
        Probes from these devices over SSH (PowerShell 7).

    .PARAMETER UserName
        The user for -HostName.

    .PARAMETER KeyFilePath
        The SSH private key for -HostName.

    .PARAMETER SSHOption
        SSH options for -HostName (PowerShell 7.3 or later).

    .PARAMETER ThrottleLimit
        How many devices of -ComputerName or -Session to probe at once.

    .INPUTS
        Objects with a ComputerName, CN or DNSHostName property (Get-ADComputer): the devices to
        read over WinRM.

    .OUTPUTS
        PrtTools.ProbeResult. One per device.

    .EXAMPLE
        PS C:\> Test-PrtConnectivity

        Probes SYSTEM's and the user's routes to Entra ID from this device and lists the findings.

    .EXAMPLE
        PS C:\> (Test-PrtConnectivity -AsSystem).Findings | Format-List Id, Message, NextStep, RelatedCodes

        Shows what blocks the PRT request on SYSTEM's route, what to do, and which codes it explains.

    .EXAMPLE
        PS C:\> Test-PrtConnectivity -ComputerName PC042, PC043 | Format-Table PSComputerName, Findings

        Probes two devices over WinRM.

    .EXAMPLE
        PS C:\> Test-PrtConnectivity -Simulate proxy-auth-required

        Shows what the probe reports on a simulated device behind a proxy that wants authentication.

    .LINK
        Get-PrtError
    #>
    # Parameter sets: this device (Live, Simulate) and one set per remoting target (ComputerName,
    # Session, HostName), each with only the connection options it takes, so the binder refuses
    # -Credential with -HostName. In a remoting set -Simulate is optional.
    [CmdletBinding(DefaultParameterSetName = 'Live')]
    [OutputType('PrtTools.ProbeResult')]
    param(
        [Parameter()]
        [switch] $AsSystem,

        [Parameter()]
        [ValidatePattern('^[^@\s]+@[^@\s]+\.[^@\s]+$')]
        [string] $UserPrincipalName,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $TenantId,

        [Parameter(Mandatory, ParameterSetName = 'Simulate')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string] $Simulate,

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
            foreach ($name in @('UserPrincipalName', 'TenantId', 'Simulate')) {
                if ($PSBoundParameters.ContainsKey($name)) { $parameters[$name] = $PSBoundParameters[$name] }
            }
            # Switches as [bool]: a SwitchParameter does not survive remoting.
            if ($AsSystem) { $parameters['AsSystem'] = $true }
            if ($Redact) { $parameters['Redact'] = $true }
            Invoke-PrtRemoteCommand -CommandName 'Test-PrtConnectivity' -Parameter $parameters -Kind $remote.Kind -BoundParameters $remote.Connection -Cmdlet $PSCmdlet
            return
        }

        $context = 'both'
        if ($AsSystem) { $context = 'system' }
        $arguments = @('probe', '--as', $context)
        if ($Redact) { $arguments += '--redact' }
        if ($PSBoundParameters.ContainsKey('TenantId')) { $arguments += @('--tenant', $TenantId) }
        if ($PSBoundParameters.ContainsKey('UserPrincipalName')) { $arguments += @('--upn', $UserPrincipalName) }
        $target = [System.Environment]::MachineName
        if ($PSCmdlet.ParameterSetName -eq 'Simulate') {
            $arguments += Get-PrtSimulateArgument -Cmdlet $PSCmdlet -Simulate $Simulate
            $target = "simulated device ($Simulate)"
        }
        $document = Invoke-PrtExe -Argument $arguments -Cmdlet $PSCmdlet -TargetObject $target
        if ($null -ne $document) { ConvertTo-PrtObject -InputObject $document -TypeName 'PrtTools.ProbeResult' }
    }
}

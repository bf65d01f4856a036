# Many devices at once: a cmdlet called with -ComputerName (WinRM), -Session (any PSSession, SSH
# ones too) or -HostName (SSH, PowerShell 7) runs itself on each device with Invoke-Command. The
# module must be installed on the devices: it is imported there by name, never copied over.

# What runs on each device: import PrtTools (unless the session has it already), run the command.
# Kept to Windows PowerShell 5.1 syntax: the device may have nothing newer.
$script:PrtRemoteScript = {
    param([string] $CommandName, [System.Collections.IDictionary] $Parameter)

    $computer = [System.Environment]::MachineName
    $module = Get-Module -Name PrtTools
    if ($null -eq $module) {
        try {
            $module = Import-Module -Name PrtTools -PassThru -ErrorAction Stop
        } catch {
            if ($_.FullyQualifiedErrorId -notlike 'Modules_ModuleNotFound*') { throw }
            $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList ("The PrtTools module is not installed on ${computer}: install it there (Install-Module -Name PrtTools, or copy the PrtTools folder into a folder of `$env:PSModulePath) and run the command again.")
            throw (New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList $exception, 'PrtTools.ModuleNotInstalled', ([System.Management.Automation.ErrorCategory]::NotInstalled), $computer)
        }
    }
    $module = @($module)[0]
    $command = $null
    if (-not $module.ExportedCommands.TryGetValue($CommandName, [ref]$command)) {
        $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList ("PrtTools $($module.Version) on $computer has no $CommandName yet: update the module there.")
        throw (New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList $exception, 'PrtTools.ModuleTooOld', ([System.Management.Automation.ErrorCategory]::NotInstalled), $computer)
    }
    $arguments = @{}
    if ($null -ne $Parameter) {
        foreach ($key in $Parameter.Keys) { $arguments[$key] = $Parameter[$key] }
    }
    & $command @arguments
}

# The connection parameters the public cmdlets share, and the target each one goes with.
$script:PrtRemoteTargetKinds = @('ComputerName', 'Session', 'HostName')
$script:PrtRemoteOptionTargets = [ordered]@{
    Credential    = @('ComputerName')
    ThrottleLimit = @('ComputerName', 'Session')
    UserName      = @('HostName')
    KeyFilePath   = @('HostName')
    SSHOption     = @('HostName')
}

function Get-PrtRemoteTarget {
    <#
    .SYNOPSIS
        'ComputerName', 'Session' or 'HostName' when the cmdlet was asked to run on other
        devices, $null for this one. Stops the cmdlet when the connection parameters do not fit
        together or this PowerShell cannot do what they ask.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet
    )

    $kinds = @($script:PrtRemoteTargetKinds | Where-Object { $BoundParameters.ContainsKey($_) })
    if ($kinds.Count -gt 1) {
        $Cmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'ConflictingParameters' -Category InvalidArgument -TargetObject ($kinds -join ', ') `
                    -Message ("Use one of -ComputerName, -Session and -HostName, not " + (($kinds | ForEach-Object { "-$_" }) -join ' and ') + '.')))
    }
    $kind = if ($kinds.Count -eq 1) { $kinds[0] } else { $null }
    foreach ($name in $script:PrtRemoteOptionTargets.Keys) {
        $targets = $script:PrtRemoteOptionTargets[$name]
        if ($BoundParameters.ContainsKey($name) -and $targets -notcontains $kind) {
            $Cmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'ConflictingParameters' -Category InvalidArgument -TargetObject $name `
                        -Message ("-$name goes with " + (($targets | ForEach-Object { "-$_" }) -join ' or ') + '.')))
        }
    }
    if ($kind -eq 'HostName') {
        $invokeParameters = (Get-Command -Name Invoke-Command).Parameters
        if (-not $invokeParameters.ContainsKey('HostName')) {
            $Cmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'SshRemotingNotSupported' -Category NotImplemented -TargetObject 'HostName' `
                        -Message '-HostName (PowerShell remoting over SSH) needs PowerShell 7; in Windows PowerShell use -ComputerName, or -Session with sessions you opened.'))
        }
        if ($BoundParameters.ContainsKey('SSHOption') -and -not $invokeParameters.ContainsKey('Options')) {
            $Cmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'SshRemotingNotSupported' -Category NotImplemented -TargetObject 'SSHOption' `
                        -Message '-SSHOption needs PowerShell 7.3 or later.'))
        }
    }
    return $kind
}

function ConvertTo-PrtRemoteErrorRecord {
    <#
    .SYNOPSIS
        An error of one device, as a record that names the device (TargetObject, message and
        OriginInfo.PSComputerName): PrtTools.DeviceUnreachable when there was no connection,
        the remote PrtTools.<Id> when the cmdlet failed there, PrtTools.RemoteCommandFailed else.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.ErrorRecord] $ErrorRecord
    )

    $origin = $null
    if ($ErrorRecord -is [System.Management.Automation.Runspaces.RemotingErrorRecord]) {
        $origin = $ErrorRecord.OriginInfo
    }
    $device = $null
    if ($null -ne $origin -and $origin.PSComputerName) {
        $device = $origin.PSComputerName
    } elseif ($ErrorRecord.TargetObject -is [string] -and $ErrorRecord.TargetObject) {
        $device = $ErrorRecord.TargetObject
    } elseif ($ErrorRecord.TargetObject -is [System.Management.Automation.Runspaces.PSSession]) {
        $device = $ErrorRecord.TargetObject.ComputerName
    } elseif ($ErrorRecord.CategoryInfo.TargetName) {
        $device = $ErrorRecord.CategoryInfo.TargetName
    } else {
        $device = 'an unknown device'
    }

    $message = $ErrorRecord.Exception.Message
    if ($null -ne $ErrorRecord.ErrorDetails -and $ErrorRecord.ErrorDetails.Message) {
        $message = $ErrorRecord.ErrorDetails.Message
    }
    # SSH errors start with "[host] ": the device goes in front of the message once.
    $message = $message -replace ('^\[' + [regex]::Escape($device) + '\]\s*'), ''
    $category = $ErrorRecord.CategoryInfo.Category
    $fullId = [string]$ErrorRecord.FullyQualifiedErrorId
    # No connection: a transport exception, at the top or wrapped (SSH), or a session that broke
    # while opening.
    $unreachable = $fullId -match '^(PSSessionStateBroken|PSSessionOpenFailed)' -or $fullId -match ',PSSessionStateBroken$'
    $exception = $ErrorRecord.Exception
    while ($null -ne $exception -and -not $unreachable) {
        $unreachable = $exception -is [System.Management.Automation.Remoting.PSRemotingTransportException]
        $exception = $exception.InnerException
    }
    if ($unreachable) {
        $id = 'DeviceUnreachable'
        $category = [System.Management.Automation.ErrorCategory]::ConnectionError
        $message = "Cannot connect to ${device}: $message"
    } elseif ($fullId -like 'PrtTools.*') {
        $id = ($fullId -split ',')[0].Substring('PrtTools.'.Length)
        $message = "${device}: $message"
    } else {
        $id = 'RemoteCommandFailed'
        $message = "${device}: $message"
    }

    $record = New-PrtErrorRecord -Id $id -Message $message -Category $category -TargetObject $device -InnerException $ErrorRecord.Exception
    if ($null -eq $origin) {
        $origin = New-Object -TypeName System.Management.Automation.Remoting.OriginInfo -ArgumentList $device, ([guid]::Empty)
    }
    return New-Object -TypeName System.Management.Automation.Runspaces.RemotingErrorRecord -ArgumentList $record, $origin
}

function Invoke-PrtRemoteCommand {
    <#
    .SYNOPSIS
        Runs a PrtTools cmdlet on every device named by the caller's -ComputerName, -Session or
        -HostName, and streams back what it returns (Deserialized.PrtTools.* objects with
        PSComputerName) and, as errors that name the device, what went wrong where.
    .DESCRIPTION
        One device that cannot be reached, lacks the module or fails never stops the others.
    .PARAMETER CommandName
        The cmdlet to run there, e.g. Get-PrtStatus.
    .PARAMETER Parameter
        Its parameters (switches as [bool]: a SwitchParameter does not survive remoting).
    .PARAMETER Kind
        What Get-PrtRemoteTarget returned.
    .PARAMETER BoundParameters
        $PSBoundParameters of the public cmdlet: the connection parameters are taken from it.
    .PARAMETER Cmdlet
        $PSCmdlet of the public cmdlet: errors are written through it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $CommandName,

        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [hashtable] $Parameter,

        [Parameter(Mandatory)]
        [ValidateSet('ComputerName', 'Session', 'HostName')]
        [string] $Kind,

        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet
    )

    # Errors come back through 2>&1 below, one by one: Continue keeps the caller's 'Stop' from
    # ending the fan-out inside Invoke-Command; WriteError then applies it per record.
    $invoke = @{
        ScriptBlock  = $script:PrtRemoteScript
        ArgumentList = @($CommandName, $Parameter)
        ErrorAction  = 'Continue'
    }
    switch ($Kind) {
        'ComputerName' {
            $invoke['ComputerName'] = $BoundParameters['ComputerName']
            if ($BoundParameters.ContainsKey('Credential')) { $invoke['Credential'] = $BoundParameters['Credential'] }
        }
        'Session' {
            $invoke['Session'] = $BoundParameters['Session']
        }
        'HostName' {
            $invoke['HostName'] = $BoundParameters['HostName']
            if ($BoundParameters.ContainsKey('UserName')) { $invoke['UserName'] = $BoundParameters['UserName'] }
            if ($BoundParameters.ContainsKey('KeyFilePath')) { $invoke['KeyFilePath'] = $BoundParameters['KeyFilePath'] }
            if ($BoundParameters.ContainsKey('SSHOption')) { $invoke['Options'] = $BoundParameters['SSHOption'] }
        }
    }
    if ($BoundParameters.ContainsKey('ThrottleLimit')) { $invoke['ThrottleLimit'] = $BoundParameters['ThrottleLimit'] }
    Write-Verbose -Message ("Running {0} on {1} device(s) ({2})" -f $CommandName, @($BoundParameters[$Kind]).Count, $Kind)

    try {
        Invoke-Command @invoke 2>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) {
                $Cmdlet.WriteError((ConvertTo-PrtRemoteErrorRecord -ErrorRecord $_))
            } else {
                $_
            }
        }
    } catch {
        # No remoting at all here (no WSMan client library on Linux and macOS, a missing
        # transport): every device is unreachable, each named in an error of its own.
        $failure = $_
        $noTransport = $false
        $exception = $failure.Exception
        while ($null -ne $exception -and -not $noTransport) {
            $noTransport = $exception -is [System.DllNotFoundException] -or
                $exception -is [System.Management.Automation.Remoting.PSRemotingTransportException] -or
                $exception -is [System.Management.Automation.Remoting.PSRemotingDataStructureException]
            $exception = $exception.InnerException
        }
        if (-not $noTransport) { throw }
        foreach ($target in @($BoundParameters[$Kind])) {
            $device = if ($target -is [System.Management.Automation.Runspaces.PSSession]) { $target.ComputerName } else { [string]$target }
            $Cmdlet.WriteError((New-PrtErrorRecord -Id 'DeviceUnreachable' -Category ConnectionError -TargetObject $device -InnerException $failure.Exception `
                        -Message "Cannot connect to ${device}: $($failure.Exception.Message)"))
        }
    }
}

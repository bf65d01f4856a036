function Get-PrtError {
    <#
    .SYNOPSIS
        Explains PRT error codes: what a code is, what usually causes it, what to do, and where
        to look next.

    .DESCRIPTION
        Get-PrtError -Code explains codes from dsregcmd /status, the AAD event logs or a support
        ticket, in any spelling: hex (0xc000006d), signed or unsigned decimal (-1073741715,
        3221225581), AADSTS50126 or 50126, 0xCAA5001C, MSIS codes, WinHTTP codes (12002,
        0x80072EE2) and symbolic names (STATUS_LOGON_FAILURE, invalid_grant). Quote hex codes
        ('0xc000006d'): unquoted, PowerShell reads them as numbers and passes the decimal
        spelling, which is explained the same way but shown so in Input. It returns one
        PrtTools.ErrorInfo object per code, in the order given: the code's family, name and
        spellings, a one-line summary, the likely causes, the solutions, the evidence to collect
        (which event ID in which channel), and related codes, such as the server error that
        usually stands behind a device-side status.

        An input that is not a code is a non-terminating error (ErrorId PrtTools.NotACode) that
        names it; the other codes are still explained. Codes can be piped in, also as the
        AttemptStatus of the Diagnostics of Get-PrtStatus, and are explained with one call of
        prt however many there are. Press Tab after -Code to complete symbolic names.

        Without -Code, Get-PrtError diagnoses the device from its AAD event logs and dsregcmd
        /status (or from -DsregcmdPath and -EventPath files) and returns one PrtTools.Attempt per
        attempt to get or renew the PRT, with its code and the evidence. With a prt that lacks
        the error command it stops with the error PrtTools.NotImplemented.

        With -ComputerName, -Session or -HostName it runs on those devices (the PrtTools module
        must be installed there) and returns their results with PSComputerName.

    .PARAMETER Code
        One or more codes in any spelling. Accepts input from the pipeline, also by property
        name: Code, or AttemptStatus (the Diagnostics of Get-PrtStatus).

    .PARAMETER DsregcmdPath
        Device diagnosis: a dsregcmd /status capture to read instead of running dsregcmd.

    .PARAMETER EventPath
        Device diagnosis: event files (XML exported from Event Viewer or wevtutil) or folders of
        them to read instead of the device's event logs.

    .PARAMETER Since
        Device diagnosis: how far back to look; a duration such as '2h' or '3d', an ISO 8601
        time, a [datetime] or a [timespan] (that long before now).

    .PARAMETER ComputerName
        Runs the command on these devices over WinRM (Invoke-Command); PrtTools must be installed
        on each. One result per device, with PSComputerName; a device that cannot be reached is
        an error naming it and does not stop the others.

    .PARAMETER Credential
        The account for -ComputerName.

    .PARAMETER Session
        Runs the command in these PSSessions (WinRM or SSH); PrtTools must be installed on each
        device, or already imported in the session.

    .PARAMETER HostName
        Runs the command on these devices over SSH (PowerShell 7): host, user@host or
        user@host:port.

    .PARAMETER UserName
        The user for -HostName.

    .PARAMETER KeyFilePath
        The SSH private key for -HostName.

    .PARAMETER SSHOption
        SSH options for -HostName, as for Invoke-Command -Options (PowerShell 7.3 or later),
        for example @{ StrictHostKeyChecking = 'accept-new' }.

    .PARAMETER ThrottleLimit
        How many devices of -ComputerName or -Session to work on at once (Invoke-Command's
        default is 32).

    .INPUTS
        System.String. Codes.

        Objects with a Code or AttemptStatus property, such as the Diagnostics of a
        PrtTools.Status.

    .OUTPUTS
        PrtTools.ErrorInfo. One per code.

    .EXAMPLE
        PS C:\> Get-PrtError -Code '0xc000006d', 'AADSTS50126'

        Explains an NTSTATUS code and the Entra ID server error behind it.

    .EXAMPLE
        PS C:\> Get-PrtError -Code STATUS_LOGON_FAILURE | Format-List

        Shows everything about a code: summary, causes, solutions, evidence and related codes.

    .EXAMPLE
        PS C:\> (Get-PrtStatus).Diagnostics | Get-PrtError

        Explains the status of the last failed attempt to get or renew this device's PRT.

    .EXAMPLE
        PS C:\> Get-Content .\codes-from-tickets.txt | Get-PrtError -ErrorAction SilentlyContinue | Sort-Object Family | Format-Table

        Explains every code of a list with one call of prt, leaving out lines that are not codes.

    .LINK
        Get-PrtStatus
    #>
    [CmdletBinding(DefaultParameterSetName = 'Device')]
    [OutputType('PrtTools.ErrorInfo', ParameterSetName = 'Code')]
    [OutputType('PrtTools.Attempt', ParameterSetName = 'Device')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Code', ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('AttemptStatus')]
        [AllowNull()]
        [AllowEmptyString()]
        [AllowEmptyCollection()]
        [string[]] $Code,

        [Parameter(ParameterSetName = 'Device')]
        [ValidateNotNullOrEmpty()]
        [string] $DsregcmdPath,

        [Parameter(ParameterSetName = 'Device')]
        [ValidateNotNullOrEmpty()]
        [string[]] $EventPath,

        [Parameter(ParameterSetName = 'Device')]
        [ValidateNotNullOrEmpty()]
        [object] $Since,

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

    begin {
        Use-PrtCallerPreference -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $remoteKind = Get-PrtRemoteTarget -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet
        # Codes from the pipeline are explained together in end: one exe call, not one per code.
        $codes = New-Object -TypeName System.Collections.Generic.List[string]
        # -Code '' / $null / @() typed by a person is a mistake (the exe's exit 3); an empty status
        # coming down the pipeline (a diagnostics block without one) is not.
        if ($PSCmdlet.ParameterSetName -eq 'Code' -and $PSBoundParameters.ContainsKey('Code')) {
            $given = @($Code | Where-Object { $null -ne $_ -and $_.Trim() })
            if ($given.Count -eq 0) {
                $PSCmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'EmptyInput' -Category InvalidArgument -TargetObject $Code `
                            -Message 'Get-PrtError -Code was given nothing to explain: give a code such as 0xc000006d, AADSTS50126, 12002 or STATUS_LOGON_FAILURE.'))
            }
        }
    }

    process {
        if ($PSCmdlet.ParameterSetName -ne 'Code') { return }
        foreach ($item in $Code) {
            # A diagnostics block without an attempt status has nothing to explain.
            if ($null -eq $item -or -not $item.Trim()) { continue }
            $codes.Add($item.Trim())
        }
    }

    end {
        if ($PSCmdlet.ParameterSetName -eq 'Code') {
            if ($codes.Count -eq 0) { return }
            if ($remoteKind) {
                Invoke-PrtRemoteCommand -CommandName 'Get-PrtError' -Parameter @{ Code = $codes.ToArray() } -Kind $remoteKind -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet
                return
            }
            foreach ($item in @(Invoke-PrtExplain -Code $codes.ToArray() -Cmdlet $PSCmdlet)) {
                $failure = $item.PSObject.Properties['Error']
                if ($null -ne $failure -and $null -ne $failure.Value) {
                    $id = if ($failure.Value.Id) { [string]$failure.Value.Id } else { 'NotACode' }
                    $PSCmdlet.WriteError((New-PrtErrorRecord -Id $id -Category InvalidArgument -TargetObject $item.Input -Message ([string]$failure.Value.Message)))
                    continue
                }
                ConvertTo-PrtObject -InputObject $item -TypeName 'PrtTools.ErrorInfo'
            }
            return
        }

        # Device diagnosis (prt error).
        $sinceArgument = $null
        if ($PSBoundParameters.ContainsKey('Since')) {
            $value = $Since
            if ($value -is [System.Management.Automation.PSObject]) { $value = $value.BaseObject }
            if ($value -is [timespan]) { $value = [datetime]::UtcNow - $value }
            if ($value -is [datetime]) {
                $sinceArgument = $value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [System.Globalization.CultureInfo]::InvariantCulture)
            } else {
                $sinceArgument = [string]$value
            }
        }
        if ($remoteKind) {
            $parameters = @{}
            if ($PSBoundParameters.ContainsKey('DsregcmdPath')) { $parameters['DsregcmdPath'] = $DsregcmdPath }
            if ($PSBoundParameters.ContainsKey('EventPath')) { $parameters['EventPath'] = $EventPath }
            if ($null -ne $sinceArgument) { $parameters['Since'] = $sinceArgument }
            Invoke-PrtRemoteCommand -CommandName 'Get-PrtError' -Parameter $parameters -Kind $remoteKind -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet
            return
        }

        $arguments = @('error')
        if ($PSBoundParameters.ContainsKey('DsregcmdPath')) {
            $files = @(Resolve-PrtInputPath -Path $DsregcmdPath -Cmdlet $PSCmdlet)
            if ($files.Count -eq 0) { return }
            $arguments += @('--dsregcmd', $files[0])
        }
        foreach ($path in @($EventPath | Where-Object { $_ })) {
            $files = @(Resolve-PrtInputPath -Path $path -Cmdlet $PSCmdlet)
            if ($files.Count -eq 0) { return }
            foreach ($file in $files) { $arguments += @('--events', $file) }
        }
        if ($null -ne $sinceArgument) { $arguments += @('--since', $sinceArgument) }

        $result = Invoke-PrtExe -Argument $arguments -Cmdlet $PSCmdlet -TargetObject ([System.Environment]::MachineName) -AsResult
        if ($null -ne $result.ErrorRecord) {
            # A prt without the 'error' command says so as a usage error.
            if ($result.ExitCode -eq 2 -and $result.ErrorRecord.Exception.Message -match 'Command not found') {
                $PSCmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'NotImplemented' -Category NotImplemented -TargetObject ([System.Environment]::MachineName) `
                            -Message 'Diagnosing the device (Get-PrtError without -Code) needs a prt that has the error command, which this version of PrtTools does not have yet. Explain a code with Get-PrtError -Code, or see the last attempt with (Get-PrtStatus).Diagnostics | Get-PrtError.'))
            }
            $PSCmdlet.WriteError($result.ErrorRecord)
            return
        }
        $attempts = $result.Document.PSObject.Properties['Attempts']
        if ($null -ne $attempts) {
            foreach ($attempt in @($attempts.Value)) {
                ConvertTo-PrtObject -InputObject $attempt -TypeName 'PrtTools.Attempt'
            }
        }
    }
}

# Tab completion of -Code. Registered here, in the module's scope, so that the completer can call
# the module's private functions (an [ArgumentCompleter()] script block runs in the caller's).
Register-ArgumentCompleter -CommandName 'Get-PrtError' -ParameterName 'Code' -ScriptBlock {
    param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
    Get-PrtCodeCompletion -WordToComplete $wordToComplete
}

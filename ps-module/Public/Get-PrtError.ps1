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

        An input that is not a code is a non-terminating error that names it; the other codes are
        still explained. Its ErrorId is PrtTools.NotACode (not a code in any spelling),
        PrtTools.UnknownCodeName (written like a symbolic name, but not one PrtTools knows),
        PrtTools.OutOfRange (a number too large for a code) or PrtTools.EmptyInput. Codes can be piped in, also as the
        AttemptStatus of the Diagnostics of Get-PrtStatus, and are explained with one call of
        prt however many there are. Press Tab after -Code to complete symbolic names.

        Without -Code, Get-PrtError diagnoses the device from its AAD event logs and dsregcmd
        /status (or from -DsregcmdPath and -EventPath files) and returns one PrtTools.Attempt per
        attempt to get or renew the PRT, with its code and the evidence. An event file that
        cannot be read in full (a truncated export among good ones) does not stop the others:
        each skipped part is an error PrtTools.UnreadableEvents whose TargetObject is the file. With a prt that lacks
        the error command it stops with the error PrtTools.NotImplemented.

        Get-PrtError -Text reads free text instead of codes: a ticket, an e-mail, a chat, the OCR of
        a screenshot, a dsregcmd or Event Viewer paste (piped in line by line, or given as
        strings). It pulls out every code, explains each once, and returns them cause first (the
        server's reason, then network, TPM and token broker errors, then the client status), each
        with Order, Role and FoundAt (the line and field it stood in). Times, GUIDs, correlation
        ids, version and line numbers are not taken for codes. A text without any code returns
        nothing and writes a warning.

        On Windows each result also has SystemMessage: Windows' own text for a Win32 code or an
        HRESULT, when Windows has one.

        With -ComputerName, -Session or -HostName it runs on those devices (the PrtTools module
        must be installed there) and returns their results with PSComputerName. -Text always
        reads the text here and takes none of them.

    .PARAMETER Code
        One or more codes in any spelling. Accepts input from the pipeline, also by property
        name: Code, or AttemptStatus (the Diagnostics of Get-PrtStatus). PrtTools objects are
        read by what they are: a PrtTools.Status gives the AttemptStatus of its Diagnostics
        (Get-PrtStatus | Get-PrtError), a PrtTools.Attempt its status code (Get-PrtError
        -EventPath ... | Get-PrtError), a PrtTools.ErrorInfo its Input; never their 16-bit Code
        field.

    .PARAMETER Text
        Read the input (-Code, or the pipeline) as free text and explain every code in it. The
        lines are joined into one text.

    .PARAMETER DsregcmdPath
        Device diagnosis: a dsregcmd /status capture to read instead of running dsregcmd.

    .PARAMETER EventPath
        Device diagnosis: event files (XML exported from Event Viewer or wevtutil, or Event
        Viewer text: "Copy details as text", an AAD event's message, or the text or CSV file
        of "Save Selected Events"; or Get-WinEvent output as a table or Format-List) or folders of them to
        read instead of the device's event
        logs. Attempts built from text have SourceFormat other than EventXml and no UTC times.

    .PARAMETER Since
        Device diagnosis: how far back to look; a duration such as '2h' or '3d', an ISO 8601
        time, a [datetime] or a [timespan] (that long before now).

    .PARAMETER Redact
        Replaces user, device, domain and host names, ids, SIDs and IP addresses in the diagnosis
        with stable pseudonyms, keeping codes and times: a diagnosis to share.
    .PARAMETER Simulate
        Device diagnosis of a simulated device (a built-in scenario, Tab completes the names, or
        a scenario file), as for Start-PrtTrace -Simulate.

    .PARAMETER ComputerName
        Runs the command on these devices over WinRM (Invoke-Command); PrtTools must be installed
        on each. One result per device, with PSComputerName; a device that cannot be reached is
        an error naming it and does not stop the others.
        Without -Code it takes objects from the pipeline by property name: ComputerName, CN or
        DNSHostName (what Get-ADComputer returns); with -Code the codes come from the pipeline.
        Every device runs once, in one Invoke-Command, however the names arrive.

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

        Objects with a ComputerName, CN or DNSHostName property (Get-ADComputer): without -Code,
        the devices to diagnose over WinRM.

    .OUTPUTS
        PrtTools.ErrorInfo. One per code.

    .EXAMPLE
        PS C:\> Get-PrtError -Code '0xc000006d', 'AADSTS50126'

        Explains an NTSTATUS code and the Entra ID server error behind it.

    .EXAMPLE
        PS C:\> Get-PrtError -Code STATUS_LOGON_FAILURE | Format-List

        Shows everything about a code: summary, causes, solutions, evidence and related codes.

    .EXAMPLE
        PS C:\> Get-PrtStatus | Get-PrtError

        Explains the status code of the last failed PRT attempt of the signed-in user.

    .EXAMPLE
        PS C:\> (Get-PrtStatus).Diagnostics | Get-PrtError

        Explains the status of the last failed attempt to get or renew this device's PRT.

    .EXAMPLE
        PS C:\> Get-Content .\codes-from-tickets.txt | Get-PrtError -ErrorAction SilentlyContinue | Sort-Object Family | Format-Table

        Explains every code of a list with one call of prt, leaving out lines that are not codes.

    .EXAMPLE
        PS C:\> Get-Clipboard | Get-PrtError -Text

        Explains every code of a pasted ticket, cause first, with the line and field each stood in.

    .EXAMPLE
        PS C:\> Get-ADComputer -Filter * -SearchBase 'OU=Clients,DC=corp,DC=contoso,DC=com' | Get-PrtError -Since 1d

        Diagnoses the last day's PRT attempts on every computer of an OU over WinRM (by
        DNSHostName), in one Invoke-Command.

    .EXAMPLE
        PS C:\> Get-PrtError -Text (Get-Content .\ticket.txt) | Format-Table Order, Role, Input, Name, Summary

        The codes of a ticket saved as a file, as a table in cause order.

    .LINK
        Get-PrtStatus
    #>
    # Parameter sets: this device (Code, Text, Device) and one set per remoting target
    # (ComputerName, Session, HostName: the device diagnosis there), each with only the connection
    # options it takes, so the binder refuses -Credential with -HostName. Codes explained there
    # are the sets <Target>Code, where the codes, not -ComputerName, come from the pipeline.
    # Reading a text needs no device: the Text set has no remoting parameters.
    [CmdletBinding(DefaultParameterSetName = 'Device')]
    [OutputType('PrtTools.ErrorInfo', ParameterSetName = 'Code')]
    [OutputType('PrtTools.ErrorInfo', ParameterSetName = 'Text')]
    [OutputType('PrtTools.ErrorInfo', ParameterSetName = 'ComputerNameCode')]
    [OutputType('PrtTools.ErrorInfo', ParameterSetName = 'SessionCode')]
    [OutputType('PrtTools.ErrorInfo', ParameterSetName = 'HostNameCode')]
    [OutputType('PrtTools.Attempt', ParameterSetName = 'Device')]
    [OutputType('PrtTools.Attempt', ParameterSetName = 'ComputerName')]
    [OutputType('PrtTools.Attempt', ParameterSetName = 'Session')]
    [OutputType('PrtTools.Attempt', ParameterSetName = 'HostName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Code', ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Parameter(Position = 0, ParameterSetName = 'Text', ValueFromPipeline)]
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'ComputerNameCode', ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'SessionCode', ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'HostNameCode', ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('AttemptStatus')]
        [AllowNull()]
        [AllowEmptyString()]
        [AllowEmptyCollection()]
        [string[]] $Code,

        # A switch, so that `Get-Clipboard | Get-PrtError -Text` reads: the lines come in as -Code.
        [Parameter(Mandatory, ParameterSetName = 'Text')]
        [switch] $Text,

        [Parameter(ParameterSetName = 'Device')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string] $DsregcmdPath,

        [Parameter(ParameterSetName = 'Device')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string[]] $EventPath,

        [Parameter(ParameterSetName = 'Device')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [object] $Since,

        [Parameter()]
        [switch] $Redact,

        [Parameter(ParameterSetName = 'Device')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string] $Simulate,

        # From the pipeline by property name (ComputerName, CN, DNSHostName: Get-ADComputer's
        # output) for the device diagnosis; with -Code the codes come from the pipeline instead.
        [Parameter(Mandatory, ParameterSetName = 'ComputerName', ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'ComputerNameCode')]
        [Alias('CN', 'DNSHostName')]
        [ValidateNotNullOrEmpty()]
        [string[]] $ComputerName,

        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'ComputerNameCode')]
        [System.Management.Automation.PSCredential] $Credential,

        [Parameter(Mandatory, ParameterSetName = 'Session')]
        [Parameter(Mandatory, ParameterSetName = 'SessionCode')]
        [ValidateNotNullOrEmpty()]
        [System.Management.Automation.Runspaces.PSSession[]] $Session,

        [Parameter(Mandatory, ParameterSetName = 'HostName')]
        [Parameter(Mandatory, ParameterSetName = 'HostNameCode')]
        [ValidateNotNullOrEmpty()]
        [string[]] $HostName,

        [Parameter(ParameterSetName = 'HostName')]
        [Parameter(ParameterSetName = 'HostNameCode')]
        [ValidateNotNullOrEmpty()]
        [string] $UserName,

        [Parameter(ParameterSetName = 'HostName')]
        [Parameter(ParameterSetName = 'HostNameCode')]
        [ValidateNotNullOrEmpty()]
        [string] $KeyFilePath,

        [Parameter(ParameterSetName = 'HostName')]
        [Parameter(ParameterSetName = 'HostNameCode')]
        [hashtable] $SSHOption,

        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'ComputerNameCode')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'SessionCode')]
        [ValidateRange(1, 2147483647)]
        [int] $ThrottleLimit
    )

    begin {
        Use-PrtCallerPreference -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        # Other devices: targets (also from the pipeline) are collected in process and all devices
        # run in one Invoke-Command in end, so -ThrottleLimit applies to the whole list.
        $remote = New-PrtRemoteCollector
        # Codes from the pipeline are explained together in end: one exe call, not one per code.
        $codes = New-Object -TypeName System.Collections.Generic.List[string]
        # -Text: every line, empty ones too (line numbers stay those of the text).
        $textLines = New-Object -TypeName System.Collections.Generic.List[string]
        # -Code '' / $null / @() typed by a person is a mistake (the exe's exit 3); an empty status
        # coming down the pipeline (a diagnostics block without one) is not.
        if ($PSCmdlet.ParameterSetName -like '*Code' -and $PSBoundParameters.ContainsKey('Code')) {
            $given = @($Code | Where-Object { $null -ne $_ -and $_.Trim() })
            if ($given.Count -eq 0) {
                $PSCmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'EmptyInput' -Category InvalidArgument -TargetObject $Code `
                            -Message 'Get-PrtError -Code was given nothing to explain: give a code such as 0xc000006d, AADSTS50126, 12002 or STATUS_LOGON_FAILURE.'))
            }
        }
    }

    process {
        if ($PSCmdlet.ParameterSetName -eq 'Text') {
            foreach ($line in @($Code)) { $textLines.Add([string]$line) }
            return
        }
        $null = Add-PrtRemoteInput -Collector $remote -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet
        # Codes are collected the same way for this device and for others.
        if ($PSCmdlet.ParameterSetName -notlike '*Code') { return }
        $values = $Code
        # PrtTools objects from the pipeline give their codes by what they are, never by a
        # property that happens to be called Code (ErrorInfo.Code is the 16-bit code field).
        if ($PSCmdlet.MyInvocation.ExpectingInput -and $null -ne $_ -and $_ -isnot [string]) {
            $kind = Get-PrtObjectKind -InputObject $_
            if ($kind -eq 'Status') {
                $values = @($_.Diagnostics | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_.AttemptStatus })
            } elseif ($kind -eq 'Attempt') {
                $values = @($_.Status | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_.Input })
            } elseif ($kind -eq 'ErrorInfo') {
                $values = @([string]$_.Input)
            }
        }
        foreach ($item in $values) {
            # A diagnostics block without an attempt status has nothing to explain.
            if ($null -eq $item -or -not $item.Trim()) { continue }
            $codes.Add($item.Trim())
        }
    }

    end {
        if ($PSCmdlet.ParameterSetName -eq 'Text') {
            # Reading a text needs no device: always here.
            foreach ($item in @(Invoke-PrtExplainText -Text ($textLines.ToArray() -join "`n") -Cmdlet $PSCmdlet)) {
                ConvertTo-PrtObject -InputObject $item -TypeName 'PrtTools.ErrorInfo'
            }
            return
        }
        if ($PSCmdlet.ParameterSetName -like '*Code') {
            if ($codes.Count -eq 0) { return }
            if ($remote.Kind) {
                Invoke-PrtRemoteCommand -CommandName 'Get-PrtError' -Parameter @{ Code = $codes.ToArray() } -Kind $remote.Kind -BoundParameters $remote.Connection -Cmdlet $PSCmdlet
                return
            }
            foreach ($item in @(Invoke-PrtExplain -Code $codes.ToArray() -Cmdlet $PSCmdlet)) {
                $failure = $item.PSObject.Properties['Error']
                if ($null -ne $failure -and $null -ne $failure.Value) {
                    $id = if ($failure.Value.Id) { [string]$failure.Value.Id } else { 'NotACode' }
                    $PSCmdlet.WriteError((New-PrtErrorRecord -Id $id -Category InvalidArgument -TargetObject $item.Input -Message (ConvertTo-PrtCmdletText -Text ([string]$failure.Value.Message))))
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
            # A [timespan] or [datetime] often arrives wrapped in a PSObject (New-TimeSpan, Get-Date).
            if ($value -is [System.Management.Automation.PSObject]) { $value = $value.PSObject.BaseObject }
            if ($value -is [timespan]) { $value = [datetime]::UtcNow - $value }
            if ($value -is [datetime]) {
                $sinceArgument = $value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [System.Globalization.CultureInfo]::InvariantCulture)
            } else {
                $sinceArgument = [string]$value
            }
        }
        if ($remote.Kind) {
            $parameters = @{}
            if ($PSBoundParameters.ContainsKey('DsregcmdPath')) { $parameters['DsregcmdPath'] = $DsregcmdPath }
            if ($PSBoundParameters.ContainsKey('EventPath')) { $parameters['EventPath'] = $EventPath }
            if ($null -ne $sinceArgument) { $parameters['Since'] = $sinceArgument }
            if ($Simulate) { $parameters['Simulate'] = $Simulate }
            if ($Redact) { $parameters['Redact'] = $true }
            Invoke-PrtRemoteCommand -CommandName 'Get-PrtError' -Parameter $parameters -Kind $remote.Kind -BoundParameters $remote.Connection -Cmdlet $PSCmdlet
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
        if ($Redact) { $arguments += '--redact' }
        $arguments += Get-PrtSimulateArgument -Cmdlet $PSCmdlet -Simulate $Simulate

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
        # No attempt is not "nothing failed" when the logs or the paste hold AAD errors: say so.
        $outside = @($result.Document.PSObject.Properties['OutsideErrors'] | Where-Object { $null -ne $_ } | ForEach-Object { $_.Value } | Where-Object { $null -ne $_ })
        $coded = @($result.Document.PSObject.Properties['TextRecords'] | Where-Object { $null -ne $_ } | ForEach-Object { $_.Value } | Where-Object { $null -ne $_ -and @($_.Codes).Count -gt 0 })
        if (($null -eq $attempts -or @($attempts.Value).Count -eq 0) -and ($outside.Count -gt 0 -or $coded.Count -gt 0)) {
            $PSCmdlet.WriteWarning((ConvertTo-PrtSafeText -Value (ConvertTo-PrtCmdletText -Text ([string]$result.Document.Summary))))
            foreach ($kind in $outside) {
                $codes = (@($kind.Codes) -join ' ')
                $PSCmdlet.WriteWarning((ConvertTo-PrtSafeText -Value ('Event {0} {1}: {2} time(s). {3}' -f $kind.EventId, $codes, $kind.Count, [string]$kind.Message)))
            }
        }
        # What prt had to skip (a truncated export among good ones): the attempts of the others
        # are above; each skipped part is an error that names its file.
        $problems = $result.Document.PSObject.Properties['Problems']
        if ($null -ne $problems) {
            foreach ($problem in @($problems.Value | Where-Object { $null -ne $_ })) {
                $source = [string]$problem.Source
                $PSCmdlet.WriteError((New-PrtErrorRecord -Id 'UnreadableEvents' -Category InvalidData -TargetObject $source `
                            -Message (ConvertTo-PrtCmdletText -Text ([string]$problem.Message))))
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

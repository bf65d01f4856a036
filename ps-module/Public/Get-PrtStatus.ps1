function Get-PrtStatus {
    <#
    .SYNOPSIS
        Shows whether the Primary Refresh Token (PRT) of a device is there, fresh and valid.

    .DESCRIPTION
        Get-PrtStatus reads the output of dsregcmd /status and judges the device's PRT: the join
        type, whether Windows holds an Entra ID (Azure AD) PRT and an enterprise (AD FS) PRT, when
        they were last renewed and when they expire, and the diagnostics Windows records about the
        last failed attempt to get or renew one. It returns one PrtTools.Status object with a
        Health verdict (Healthy, Stale, Expired, Missing, NotApplicable, or Unknown when a capture
        does not show enough) and Findings: what is wrong and the next step to take. AzureAdPrt is
        $true, $false, or $null when the capture does not say.

        Without -Path it runs dsregcmd /status on this device, for the user signed in at its
        console: the PRT belongs to that user's logon. Run in the user's own session, it reads it
        directly (Context CurrentProcess). Run where dsregcmd would report another logon, which
        never holds the user's PRT (a remote session such as Invoke-Command, SYSTEM, or another
        account), it reads the signed-in user's status by running prt once as that user with a
        one-shot scheduled task, removed afterwards (Context InteractiveUser; this needs an
        elevated session). UserName says whose status it is. When nobody is signed in, it writes
        the error PrtTools.NoInteractiveUser instead of a status: there is no user's PRT to judge.
        -AsCurrentUser reads this process's own logon instead. Creating that task is a change to
        the device: -WhatIf shows it and creates nothing, -Verbose says what is created and
        removed. When WMI is broken (common on sick devices), the signed-in user is found with
        the WTS session API, quser.exe or explorer's owner, and the task is created with
        schtasks.exe; a warning says so.

        With -Path it reads captures users sent you (dsregcmd /status > status.txt, in any of the
        encodings Windows writes). Files can be piped in from Get-ChildItem.

        A PRT is renewed every 4 hours while the user signs in or unlocks; one older than that is
        Stale, one past its expiry time is Expired. -Now sets the moment these rules use; without
        it a capture is judged by the time it was taken (Client Time, when dsregcmd printed it),
        else by this computer's clock.

        Times are [datetime] values in UTC. Every field dsregcmd printed is still on the object,
        in the Sections property.

        With -ComputerName, -Session or -HostName it runs on those devices with Invoke-Command
        (the PrtTools module must be installed on each; it is not copied there) and returns one
        status per device with PSComputerName. A device that cannot be reached, or has no
        PrtTools, is an error that names it; the other devices are still read. With -Path, the
        paths are read on those devices. Get-PrtFleetSummary sums the results up.

    .PARAMETER Path
        One or more dsregcmd /status captures to read instead of this device. Wildcards are
        allowed. Accepts input from the pipeline, also by property name (FullName, PSPath), so
        files from Get-ChildItem can be piped in.

    .PARAMETER Redact
        Replaces user, device, domain and host names, ids, SIDs, IP addresses and thumbprints with
        stable pseudonyms (user1@domain1.example, DEVICE-1), keeping codes, times and Microsoft's
        endpoints: a status to share. The health and the findings are the same.
    .PARAMETER LiteralPath
        Like -Path, but taken exactly as written: no character is a wildcard. Files piped from
        Get-ChildItem bind here (PSPath).

    .PARAMETER AsCurrentUser
        Reads dsregcmd as this process runs, even in a remote session or as SYSTEM, instead of as
        the signed-in user. The device's join state is the same; the PRT is that of this logon,
        which a remote session or SYSTEM never has (a warning says so).

    .PARAMETER Sample
        Returns the status of a built-in sample device: a hybrid joined device whose PRT cannot be
        renewed. For demonstrations, training and trying out the views and scripts.

    .PARAMETER Simulate
        Reads a simulated device instead of this one: a built-in scenario (Tab completes the
        names) or a scenario file, as for Start-PrtTrace -Simulate. Works on any OS.

    .PARAMETER Now
        The moment to judge the PRT's age and expiry against, instead of the capture's own time
        or the clock. Useful to analyse an old capture as of the day it was taken. A time without
        a time zone is read as local time.

    .PARAMETER ComputerName
        Reads the status on these devices over WinRM (Invoke-Command); PrtTools must be installed
        on each. Takes objects from the pipeline by property name: ComputerName, CN or DNSHostName
        (what Get-ADComputer returns). Strings piped in are capture paths, not computer names:
        pipe a list of names with -ComputerName { $_ }. Every device is read once, in one
        Invoke-Command, however the names arrive.

    .PARAMETER Credential
        The account for -ComputerName.

    .PARAMETER Session
        Reads the status in these PSSessions (WinRM or SSH); PrtTools must be installed on each
        device, or already imported in the session.

    .PARAMETER HostName
        Reads the status on these devices over SSH (PowerShell 7): host, user@host or
        user@host:port.

    .PARAMETER UserName
        The user for -HostName.

    .PARAMETER KeyFilePath
        The SSH private key for -HostName.

    .PARAMETER SSHOption
        SSH options for -HostName, as for Invoke-Command -Options (PowerShell 7.3 or later),
        for example @{ StrictHostKeyChecking = 'accept-new' }.

    .PARAMETER ThrottleLimit
        How many devices of -ComputerName or -Session to read at once (Invoke-Command's default
        is 32).

    .INPUTS
        System.String. Paths of dsregcmd /status captures (with -Session: read on those devices).

        Objects with a ComputerName, CN or DNSHostName property (Get-ADComputer): the devices to
        read over WinRM.

        System.IO.FileInfo. Files from Get-ChildItem (bound by their PSPath or FullName).

    .OUTPUTS
        PrtTools.Status. One per device or capture.

    .EXAMPLE
        PS C:\> Get-PrtStatus

        Shows the PRT status of the signed-in user on this device.

    .EXAMPLE
        PS C:\> Invoke-Command -ComputerName PC042 { Get-PrtStatus } | Format-List UserName, Context, Health, AzureAdPrt

        Reads the PRT of the user signed in on PC042 from an admin's remote session: prt runs once
        as that user through a scheduled task (Context InteractiveUser).

    .EXAMPLE
        PS C:\> Get-PrtStatus -Path .\status.txt -Now '2025-03-14T09:00:00Z'

        Judges a capture a user sent as of 14 March 2025, 09:00 UTC.

    .EXAMPLE
        PS C:\> Get-ChildItem -Path \\fs01\tickets\*.txt | Get-PrtStatus | Where-Object Health -ne 'Healthy' | Format-Table

        Reads every capture in a folder and lists those with a PRT problem.

    .EXAMPLE
        PS C:\> Get-PrtStatus -Path .\status.txt | Select-Object -ExpandProperty Findings | Format-List Id, Message, NextStep

        Shows what is wrong with the PRT in a capture and what to do next.

    .EXAMPLE
        PS C:\> Get-PrtStatus -Sample | Format-List

        Shows every main field of the built-in sample device, a hybrid joined device with a
        failing PRT.

    .EXAMPLE
        PS C:\> Get-ADComputer -Filter * -SearchBase 'OU=Clients,DC=corp,DC=contoso,DC=com' | Get-PrtStatus | Sort-Object HealthRank | Format-Table

        Reads every computer of an OU over WinRM (by DNSHostName), the worst first.

    .EXAMPLE
        PS C:\> Get-Content .\devices.txt | Get-PrtStatus -ComputerName { $_ } -Credential (Get-Credential)

        Reads the devices named in a file, one a line.

    .EXAMPLE
        PS C:\> Get-PrtStatus -ComputerName (Get-Content .\devices.txt) -ThrottleLimit 64 | Get-PrtFleetSummary

        Reads many devices over WinRM and sums up their health and the most frequent codes.

    .LINK
        https://learn.microsoft.com/entra/identity/devices/troubleshoot-device-dsregcmd
    #>
    # Parameter sets: this device (Live, Path, LiteralPath, Sample, Simulate) and one set per
    # remoting target (ComputerName, Session, HostName), each with only the connection options it
    # takes, so the binder refuses -Credential with -HostName and Get-Help shows what goes together.
    # In a remoting set, what to read there (-Path, -LiteralPath, -Sample, -Simulate) is optional;
    # -Session with -Path is the set SessionPath, which also takes the paths from the pipeline (in
    # the Session set, an optional path from the pipeline would take objects meant for
    # -ComputerName).
    [CmdletBinding(DefaultParameterSetName = 'Live', SupportsShouldProcess, ConfirmImpact = 'Low')]
    [OutputType('PrtTools.Status')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Path', ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(Mandatory, ParameterSetName = 'SessionPath', ValueFromPipeline)]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string[]] $Path,

        [Parameter(Mandatory, ParameterSetName = 'LiteralPath', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [Alias('PSPath', 'LP', 'FullName')]
        [ValidateNotNullOrEmpty()]
        [string[]] $LiteralPath,

        [Parameter(Mandatory, ParameterSetName = 'Sample')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [switch] $Sample,

        [Parameter(Mandatory, ParameterSetName = 'Simulate')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [ValidateNotNullOrEmpty()]
        [string] $Simulate,

        [Parameter()]
        [datetime] $Now,

        [Parameter(ParameterSetName = 'Live')]
        [Parameter(ParameterSetName = 'ComputerName')]
        [Parameter(ParameterSetName = 'Session')]
        [Parameter(ParameterSetName = 'HostName')]
        [switch] $AsCurrentUser,

        [Parameter()]
        [switch] $Redact,

        # From the pipeline by property name: objects with a ComputerName, CN or DNSHostName
        # (Get-ADComputer's output) read those computers.
        [Parameter(Mandatory, ParameterSetName = 'ComputerName', ValueFromPipelineByPropertyName)]
        [Alias('CN', 'DNSHostName')]
        [ValidateNotNullOrEmpty()]
        [string[]] $ComputerName,

        [Parameter(ParameterSetName = 'ComputerName')]
        [System.Management.Automation.PSCredential] $Credential,

        [Parameter(Mandatory, ParameterSetName = 'Session')]
        [Parameter(Mandatory, ParameterSetName = 'SessionPath')]
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

        $nowArgument = @()
        if ($PSBoundParameters.ContainsKey('Now')) {
            # The exe wants ISO 8601 UTC; milliseconds are as precise as dsregcmd ever is.
            $nowArgument = @('--now', $Now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [System.Globalization.CultureInfo]::InvariantCulture))
        }

        # Every call below takes these options: --redact rides along with --now.
        if ($Redact) { $nowArgument += '--redact' }

        # Other devices: targets (also from the pipeline) and paths are collected in process and
        # sent to all devices at once in end, so -ThrottleLimit applies to the whole list.
        $remote = New-PrtRemoteCollector
        $files = New-Object -TypeName System.Collections.Generic.List[string]
    }

    process {
        if (Add-PrtRemoteInput -Collector $remote -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet) { return }
        if ($PSCmdlet.ParameterSetName -eq 'Live') {
            $machine = [System.Environment]::MachineName
            if ($AsCurrentUser -or (Test-PrtUserContext)) {
                # In a remote session dsregcmd speaks for this session's network logon, never for
                # the signed-in user: its "no PRT" would be misread as the user's.
                if ($AsCurrentUser -and (Test-PrtRemoteSession)) {
                    Write-Warning ('Get-PrtStatus -AsCurrentUser runs in a remote session on {0}: dsregcmd reports the remote session''s own logon, which never holds a PRT. Without -AsCurrentUser it reads the signed-in user''s PRT.' -f $machine)
                }
                $document = Invoke-PrtExe -Argument (@('status') + $nowArgument) -Cmdlet $PSCmdlet -TargetObject $machine
                if ($null -ne $document) {
                    $status = ConvertTo-PrtObject -InputObject $document -TypeName 'PrtTools.Status'
                    Add-PrtStatusContext -Status $status -UserName (Get-PrtProcessIdentity).UserName -Context 'CurrentProcess'
                }
                return
            }
            $asUser = Invoke-PrtAsInteractiveUser -Argument (@('status') + $nowArgument) -Cmdlet $PSCmdlet -TargetObject $machine
            if ($null -ne $asUser) {
                $status = ConvertTo-PrtObject -InputObject $asUser.Document -TypeName 'PrtTools.Status'
                Add-PrtStatusContext -Status $status -UserName $asUser.UserName -Context 'InteractiveUser'
            }
            return
        }
        if ($PSCmdlet.ParameterSetName -eq 'Simulate') {
            $document = Invoke-PrtExe -Argument (@('status') + (Get-PrtSimulateArgument -Cmdlet $PSCmdlet -Simulate $Simulate) + $nowArgument) -Cmdlet $PSCmdlet -TargetObject "simulated device ($Simulate)"
            if ($null -ne $document) { ConvertTo-PrtObject -InputObject $document -TypeName 'PrtTools.Status' }
            return
        }
        if ($PSCmdlet.ParameterSetName -eq 'Sample') {
            $document = Invoke-PrtExe -Argument (@('status', '--sample') + $nowArgument) -Cmdlet $PSCmdlet -TargetObject 'Sample'
            if ($null -ne $document) { ConvertTo-PrtObject -InputObject $document -TypeName 'PrtTools.Status' }
            return
        }

        # Files are collected and read in end with as few starts of prt as a command line allows.
        $literal = $PSCmdlet.ParameterSetName -eq 'LiteralPath'
        $items = if ($literal) { $LiteralPath } else { $Path }
        foreach ($item in $items) {
            # A path that does not resolve is an error now: the statuses of the files before it
            # come out first, in order, as -ErrorAction Stop expects.
            $found = if ($literal) { Test-Path -LiteralPath $item } else { Test-Path -Path $item }
            if (-not $found -and $files.Count -gt 0) {
                Invoke-PrtStatusBatch -Path $files.ToArray() -NowArgument $nowArgument -Cmdlet $PSCmdlet
                $files.Clear()
            }
            $files.AddRange([string[]]@(Resolve-PrtInputPath -Path $item -Cmdlet $PSCmdlet -NoWildcard:$literal))
        }
    }

    end {
        if (-not $remote.Kind) {
            if ($files.Count -gt 0) { Invoke-PrtStatusBatch -Path $files.ToArray() -NowArgument $nowArgument -Cmdlet $PSCmdlet }
            return
        }
        $parameters = @{}
        if ($remote.Paths.Count -gt 0) { $parameters['Path'] = $remote.Paths.ToArray() }
        if ($remote.LiteralPaths.Count -gt 0) { $parameters['LiteralPath'] = $remote.LiteralPaths.ToArray() }
        if ($Sample) { $parameters['Sample'] = $true }
        if ($Simulate) { $parameters['Simulate'] = $Simulate }
        if ($PSBoundParameters.ContainsKey('Now')) { $parameters['Now'] = $Now }
        if ($AsCurrentUser) { $parameters['AsCurrentUser'] = $true }
        if ($Redact) { $parameters['Redact'] = $true }
        Invoke-PrtRemoteCommand -CommandName 'Get-PrtStatus' -Parameter $parameters -Kind $remote.Kind -BoundParameters $remote.Connection -Cmdlet $PSCmdlet
    }
}

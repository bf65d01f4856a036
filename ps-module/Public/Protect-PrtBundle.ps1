function Protect-PrtBundle {
    <#
    .SYNOPSIS
        Makes a trace bundle or a capture shareable: names, ids and addresses replaced by stable
        pseudonyms.

    .DESCRIPTION
        Protect-PrtBundle writes a redacted copy of a trace bundle (its folder or its zip), a
        dsregcmd capture, an event log or a report. UPNs and e-mail addresses, user and device
        names, domain and host names (AD FS included), tenant, device and correlation ids, SIDs, IP
        addresses, key ids and thumbprints become pseudonyms (user1@domain1.example, DEVICE-1, a
        fixed fake GUID per real one), the same in every file of the bundle. Microsoft's public
        endpoints, error codes and times stay, so the copy is diagnosed exactly like the original.

        The map from each pseudonym back to its real value is written beside the copy
        (<copy>.redaction-map.json, readable by its owner only), never inside the copy or its zip:
        keep it, send the copy. Binary files (the network trace, an lsass recording, .evtx) cannot
        be redacted: they are left out and listed in LeftOut.

    .PARAMETER Path
        The bundle folder, the bundle zip or the file to redact. Accepts pipeline input, also the
        BundlePath of a PrtTools.TraceBundle and the FullName of files from Get-ChildItem.

    .PARAMETER OutputPath
        The folder for the redacted copy and its map. By default, beside the input.

    .OUTPUTS
        PrtTools.RedactedBundle: Path, ZipPath, MapPath, Redacted, LeftOut, Pseudonyms.

    .EXAMPLE
        PS C:\> Protect-PrtBundle -Path C:\ProgramData\PrtTools\traces\PrtTrace-CTS-WS-0512-20261120-093012.zip

        Writes PrtTrace-DEVICE-1-20261120-093012-redacted (folder and zip) and its map beside the
        bundle; the zip is the one to send.

    .EXAMPLE
        PS C:\> Stop-PrtTrace | Protect-PrtBundle -OutputPath D:\shared

        Collects the running trace and writes a redacted copy of its bundle to D:\shared.

    .EXAMPLE
        PS C:\> Get-ChildItem -Path .\tickets\*.txt | Protect-PrtBundle

        Redacts every dsregcmd capture in a folder, each with its own map.

    .LINK
        Start-PrtTrace
    #>
    [CmdletBinding()]
    [OutputType('PrtTools.RedactedBundle')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName', 'BundlePath')]
        [ValidateNotNullOrEmpty()]
        [string[]] $Path,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $OutputPath
    )

    begin {
        Use-PrtCallerPreference -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $outputArgument = @()
        if ($PSBoundParameters.ContainsKey('OutputPath')) {
            $outputArgument = @('--output', $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath))
        }
    }

    process {
        foreach ($item in $Path) {
            # A literal path: a Linux file name may hold a backslash or a bracket.
            $full = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($item)
            $result = Invoke-PrtExe -Argument (@('redact') + $outputArgument + @('--', $full)) -Cmdlet $PSCmdlet -TargetObject $full
            if ($null -ne $result) {
                ConvertTo-PrtObject -InputObject $result -TypeName 'PrtTools.RedactedBundle'
            }
        }
    }
}

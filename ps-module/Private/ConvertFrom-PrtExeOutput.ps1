function ConvertFrom-PrtExeOutput {
    <#
    .SYNOPSIS
        What one run of prt answered: the JSON document it printed on stdout, or the ErrorRecord
        that says why there is none (a non-zero exit, or output that is not one JSON document).
    .DESCRIPTION
        The one reader of prt's stdout, for both ways Invoke-PrtExe returns (the document, or
        -AsResult). Values from data are made safe to show before they become objects; ISO times
        stay strings (ConvertTo-PrtObject converts the known ones the same way on 5.1 and 7).
    .PARAMETER AllowArray
        Accept a JSON array too (prt explain prints one result per input).
    .PARAMETER OnConsole
        The exe's stderr went to the console (Invoke-PrtExe -Console): its message is not here.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [int] $ExitCode,

        [AllowNull()]
        [AllowEmptyString()]
        [string] $StandardOutput,

        [AllowNull()]
        [AllowEmptyString()]
        [string] $StandardError,

        [AllowNull()]
        [object] $TargetObject,

        [switch] $AllowArray,

        [switch] $OnConsole
    )

    $text = if ($StandardOutput) { $StandardOutput.Trim() } else { '' }
    $isArray = $AllowArray -and $text.StartsWith('[')
    $document = $null
    $parseError = $null
    # Only what can be the document is parsed: a parse error, even caught, would show up in the
    # calling cmdlet's -ErrorVariable next to the error returned below.
    if ($text.StartsWith('{') -or $isArray) {
        # PowerShell 6+ turns ISO strings into DateTime by itself, 5.1 does not; 7.5+ can be told
        # to keep strings (splatted: 5.1 has no -DateKind).
        $jsonParameters = @{ InputObject = $StandardOutput; ErrorAction = 'Stop' }
        if (Test-PrtJsonDateKind) {
            $jsonParameters['DateKind'] = 'String'
        }
        try {
            $parsed = ConvertTo-PrtSafeText -Value (ConvertFrom-Json @jsonParameters)
            # 5.1 returns an array as one object, 7 enumerates it: @() of the variable is the same
            # array in both.
            $document = if ($isArray) { ,@($parsed) } else { $parsed }
        } catch {
            $parseError = $_.Exception
        }
    }

    $record = $null
    if ($ExitCode -ne 0) {
        $record = ConvertFrom-PrtExeError -ExitCode $ExitCode -StandardError $StandardError -TargetObject $TargetObject -OnConsole:$OnConsole
    } elseif ($null -eq $document) {
        $start = $text
        if ($start.Length -gt 200) { $start = $start.Substring(0, 200) + ' ...' }
        $detail = if ($start) { "it printed: $start" } else { 'it printed nothing' }
        $record = New-PrtErrorRecord -Id 'InvalidJson' -Category InvalidResult -TargetObject $TargetObject -InnerException $parseError `
            -Message "prt exited with code 0 but its output is not one JSON document; this is a bug in PrtTools, please report it ($detail)"
    }
    return [pscustomobject]@{ PSTypeName = 'PrtTools.ExeOutput'; Document = $document; ErrorRecord = $record }
}

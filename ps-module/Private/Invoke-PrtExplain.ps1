# prt explain for many codes at once: shared by Get-PrtError -Code and Get-PrtFleetSummary.

# Codes per exe call are limited by the length of a command line (32767 characters on Windows):
# a pipeline of thousands of codes is explained in a few calls, not one per code.
$script:PrtExplainBatchChars = 16000

function Invoke-PrtExplain {
    <#
    .SYNOPSIS
        Runs prt explain for the codes, in as few calls as a command line allows, and returns the
        items of its JSON arrays in input order, undecorated.
    .DESCRIPTION
        Each item is either a result (Input, Id, Known, Family, Name, Summary, ...) or, for an
        input that is not a code, { Input, Error = { Id, Message } }: the caller decides what to do
        with those. A call that fails as a whole (no array on stdout) is written as an error
        through the cmdlet.
    .PARAMETER Code
        The codes as the user wrote them; passed after '--', so negative decimals are codes too.
    .PARAMETER Cmdlet
        $PSCmdlet of the public cmdlet.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [string[]] $Code,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet
    )

    $batches = New-Object -TypeName System.Collections.Generic.List[object]
    $batch = New-Object -TypeName System.Collections.Generic.List[string]
    $length = 0
    foreach ($item in $Code) {
        if ($batch.Count -gt 0 -and $length + $item.Length + 3 -gt $script:PrtExplainBatchChars) {
            $batches.Add($batch.ToArray())
            $batch.Clear()
            $length = 0
        }
        $batch.Add($item)
        $length += $item.Length + 3
    }
    if ($batch.Count -gt 0) { $batches.Add($batch.ToArray()) }

    foreach ($codes in $batches) {
        $result = Invoke-PrtExe -Argument (@('explain', '--') + $codes) -Cmdlet $Cmdlet -TargetObject ($codes -join ', ') -AsResult
        # Exit 3 with the array on stdout: some inputs were not codes; their items say which.
        if ($result.Document -is [System.Array]) {
            foreach ($entry in $result.Document) { Add-PrtSystemMessage -InputObject $entry }
        } elseif ($null -ne $result.ErrorRecord) {
            $Cmdlet.WriteError($result.ErrorRecord)
        }
    }
}

function Invoke-PrtExplainText {
    <#
    .SYNOPSIS
        Runs prt explain --text on free text and returns one object per code, cause first: the
        code's explanation (as prt explain gives it) plus Role, Order, FoundAt and the notes the
        text adds, undecorated.
    .DESCRIPTION
        The text goes to prt through a temporary file that only this call creates (a unique name
        from the system) and deletes afterwards, also on failure: the exe is run by the one
        private function that runs it, which gives it no standard input. A text with no code
        returns nothing and writes a warning; an empty text is the exe's error PrtTools.EmptyText.
    .PARAMETER Text
        The text, as one string (the lines joined with newlines).
    .PARAMETER Cmdlet
        $PSCmdlet of the public cmdlet.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Text,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet
    )

    $file = [System.IO.Path]::GetTempFileName()
    try {
        [System.IO.File]::WriteAllText($file, $Text, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
        $result = Invoke-PrtExe -Argument @('explain', '--text', $file) -Cmdlet $Cmdlet -TargetObject 'text' -AsResult
    } finally {
        Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
    }
    if ($null -ne $result.ErrorRecord) {
        $Cmdlet.WriteError($result.ErrorRecord)
        return
    }
    $codes = @($result.Document.Codes)
    if ($codes.Count -eq 0) {
        $Cmdlet.WriteWarning('No error code found in the text (looked for AADSTS, MSIS and AD FS ID codes, hex and signed decimal statuses, symbolic names, OAuth errors, labelled WinHTTP and HTTP numbers).')
        return
    }
    $order = 0
    foreach ($code in $codes) {
        $order++
        $info = $code.Explanation
        $sightings = foreach ($sighting in @($code.FoundAt)) {
            $sighting.PSObject.TypeNames.Insert(0, 'PrtTools.CodeSighting')
            $sighting.Line = [int]$sighting.Line
            $sighting
        }
        # What the text adds (the wrapper, the inner reason, the sign-in context) comes first.
        $info.Notes = @(@($code.Notes) + @($info.Notes) | Where-Object { $_ })
        $info | Add-Member -NotePropertyName 'Order' -NotePropertyValue $order
        $info | Add-Member -NotePropertyName 'Role' -NotePropertyValue ([string]$code.Role)
        $info | Add-Member -NotePropertyName 'FoundAt' -NotePropertyValue @($sightings)
        Add-PrtSystemMessage -InputObject $info
    }
}

function Add-PrtSystemMessage {
    <#
    .SYNOPSIS
        On Windows, adds SystemMessage: the operating system's own text for a Win32 code or an
        HRESULT (FormatMessage, through [ComponentModel.Win32Exception]). Elsewhere, and for codes
        Windows has no text for, the object is returned unchanged.
    .DESCRIPTION
        Only on Windows: on Linux and macOS .NET answers with the C library's errno texts, which
        mean something else for the same number. NTSTATUS values are left out: their texts live
        in ntdll's message table, which Win32Exception does not read.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [object] $InputObject
    )

    $failure = $InputObject.PSObject.Properties['Error']
    if ($null -eq $failure -and (Test-PrtWindows)) {
        $message = Get-PrtSystemMessage -Family ([string]$InputObject.Family) -Unsigned $InputObject.Unsigned -Code $InputObject.Code
        if ($message) { $InputObject | Add-Member -NotePropertyName 'SystemMessage' -NotePropertyValue $message -Force }
    }
    $InputObject
}

function Get-PrtSystemMessage {
    <#
    .SYNOPSIS
        Windows' own message for a code of a family FormatMessage knows (Win32, WinHTTP, HRESULT
        and the HRESULT-shaped DSREG and TPM codes), or $null.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()]
        [string] $Family,

        [AllowNull()]
        [object] $Unsigned,

        [AllowNull()]
        [object] $Code
    )

    $number = $null
    if ($Family -eq 'Win32' -or $Family -eq 'WinHTTP') {
        if ($null -ne $Code) { $number = [int64]$Code }
    } elseif (@('HRESULT', 'DSREG', 'TPM') -contains $Family -and $null -ne $Unsigned) {
        $unsignedValue = [int64]$Unsigned
        # NTSTATUS-shaped values (0xC...) are not FormatMessage's to read.
        if (($unsignedValue -shr 28) -ne 12) { $number = $unsignedValue }
    }
    if ($null -eq $number) { return $null }
    # Win32Exception takes a signed 32-bit number: 0x80090016 is -2146893802.
    if ($number -gt [int32]::MaxValue) { $number = $number - 4294967296 }
    $text = Get-PrtWin32Message -Number ([int32]$number)
    # Without a message table entry Windows answers "Unknown error (0x...)": that is no message.
    if (-not $text -or $text -match '^Unknown error') { return $null }
    return $text.Trim()
}

function Get-PrtWin32Message {
    <#
    .SYNOPSIS
        FormatMessage through .NET: the system's text for a Win32 code or an HRESULT (Windows only).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [int32] $Number
    )

    (New-Object -TypeName System.ComponentModel.Win32Exception -ArgumentList $Number).Message
}

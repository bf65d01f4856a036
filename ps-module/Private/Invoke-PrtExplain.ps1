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
            foreach ($entry in $result.Document) { $entry }
        } elseif ($null -ne $result.ErrorRecord) {
            $Cmdlet.WriteError($result.ErrorRecord)
        }
    }
}

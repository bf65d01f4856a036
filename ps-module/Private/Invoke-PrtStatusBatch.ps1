# Captures are read with as few starts of prt as the command line allows: 1,000 files piped from
# Get-ChildItem are one or a few starts, not 1,000 (each start costs about 0.1 s, 0.5 s on Windows).
$script:PrtStatusBatchChars = 16000

function Invoke-PrtStatusBatch {
    <#
    .SYNOPSIS
        Runs prt status with one --input per file, in batches, and writes a PrtTools.Status per
        file (in input order) or, for a file prt could not read, an error whose TargetObject is
        the file.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string[]] $Path,

        [AllowEmptyCollection()]
        [string[]] $NowArgument = @(),

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet
    )

    $batches = New-Object -TypeName System.Collections.Generic.List[object]
    $batch = New-Object -TypeName System.Collections.Generic.List[string]
    $length = 0
    foreach ($file in $Path) {
        if ($batch.Count -gt 0 -and $length + $file.Length + 12 -gt $script:PrtStatusBatchChars) {
            $batches.Add($batch.ToArray())
            $batch.Clear()
            $length = 0
        }
        $batch.Add($file)
        $length += $file.Length + 12
    }
    if ($batch.Count -gt 0) { $batches.Add($batch.ToArray()) }

    foreach ($files in $batches) {
        if ($files.Count -eq 1) {
            # One file: prt prints the status itself, or the error of that file.
            $document = Invoke-PrtExe -Argument (@('status', '--input', $files[0]) + $NowArgument) -Cmdlet $Cmdlet -TargetObject $files[0]
            if ($null -ne $document) { ConvertTo-PrtObject -InputObject $document -TypeName 'PrtTools.Status' }
            continue
        }
        $arguments = @('status')
        foreach ($file in $files) { $arguments += @('--input', $file) }
        $result = Invoke-PrtExe -Argument ($arguments + $NowArgument) -Cmdlet $Cmdlet -TargetObject ($files -join ', ') -AsResult
        if (-not ($result.Document -is [System.Array])) {
            if ($null -ne $result.ErrorRecord) { $Cmdlet.WriteError($result.ErrorRecord) }
            continue
        }
        foreach ($item in $result.Document) {
            $failure = $item.PSObject.Properties['Error']
            if ($null -ne $failure -and $null -ne $failure.Value) {
                $category = Get-PrtErrorCategory -Category ([string]$failure.Value.Category) -ExitCode 3
                $Cmdlet.WriteError((New-PrtErrorRecord -Id ([string]$failure.Value.Id) -Category $category -TargetObject ([string]$item.Input) -Message (ConvertTo-PrtCmdletText -Text ([string]$failure.Value.Message))))
                continue
            }
            ConvertTo-PrtObject -InputObject $item -TypeName 'PrtTools.Status'
        }
    }
}

# prt's messages name its own commands and options (`prt trace stop`, --sample); inside the
# module they are said in PowerShell terms (Stop-PrtTrace, -Sample). One table, longest first;
# the leading commas keep each pair an array of its own.
$script:PrtCmdletWords = @(
    , @('`prt trace stop` (Stop-PrtTrace)', 'Stop-PrtTrace')
    , @('`prt trace stop`', 'Stop-PrtTrace')
    , @('`prt trace start`', 'Start-PrtTrace')
    , @('`prt trace run`', 'Start-PrtTrace')
    , @('`prt trace watch`', 'Get-PrtTraceStatus')
    , @('`prt explain <code>`', 'Get-PrtError -Code <code>')
    , @('`prt status`', 'Get-PrtStatus')
    , @('`prt error`', 'Get-PrtError')
    , @('--sample', '-Sample')
    , @('--dsregcmd', '-DsregcmdPath')
    , @('--input', '-Path')
    , @('--events', '-EventPath')
    , @('--since', '-Since')
    , @('--yes', '-Force')
    , @('--text', '-Text')
)

function ConvertTo-PrtCmdletText {
    <#
    .SYNOPSIS
        A message of prt with its commands and options said as the module's cmdlets and
        parameters (`prt explain X` -> Get-PrtError -Code X).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([AllowNull()][AllowEmptyString()][string] $Text)

    if (-not $Text) { return $Text }
    # `prt explain 0xc000006d` with a real code in it.
    $result = [regex]::Replace($Text, '`prt explain ([^`]+)`', 'Get-PrtError -Code $1')
    $result = [regex]::Replace($result, '`prt error --events ([^`]+)`', 'Get-PrtError -EventPath $1')
    foreach ($pair in $script:PrtCmdletWords) {
        $result = $result.Replace($pair[0], $pair[1])
    }
    $result
}

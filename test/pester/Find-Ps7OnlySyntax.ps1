# Finds what PowerShell 7 parses but Windows PowerShell 5.1 cannot run (or runs differently), by
# walking the syntax tree of pwsh's own parser. Dot-sourced by Compatibility.Tests.ps1.
# Parameters passed by splatting cannot be seen: a module that splats a 7-only parameter must
# guard it at run time (Invoke-PrtExe does so for ConvertFrom-Json -DateKind).

# Parameters that only PowerShell 6+/7 has, by command; names abbreviated as far as they stay
# unambiguous also count (an abbreviation that 5.1 binds to one of its own parameters does not).
$script:Ps7OnlyParameter = @{
    'ForEach-Object'   = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
    'ConvertFrom-Json' = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
    'ConvertTo-Json'   = @('AsArray', 'EnumsAsStrings', 'EscapeHandling')
    'Get-Content'      = @('AsByteStream')
    'Set-Content'      = @('AsByteStream')
    'Select-String'    = @('Raw', 'NoEmphasis')
}
$script:Ps51Parameter = @{
    'ForEach-Object'   = @('Begin', 'Process', 'End', 'RemainingScripts', 'InputObject', 'MemberName', 'ArgumentList')
    'ConvertFrom-Json' = @('InputObject')
    'ConvertTo-Json'   = @('InputObject', 'Depth', 'Compress')
    'Get-Content'      = @('ReadCount', 'TotalCount', 'Tail', 'Path', 'LiteralPath', 'Filter', 'Include', 'Exclude', 'Force', 'Credential', 'Delimiter', 'Wait', 'Raw', 'Encoding', 'Stream')
    'Set-Content'      = @('Value', 'PassThru', 'Path', 'LiteralPath', 'Filter', 'Include', 'Exclude', 'Force', 'Credential', 'WhatIf', 'Confirm', 'NoNewline', 'Encoding', 'Stream')
    'Select-String'    = @('InputObject', 'Pattern', 'Path', 'LiteralPath', 'SimpleMatch', 'CaseSensitive', 'Quiet', 'List', 'Include', 'Exclude', 'NotMatch', 'AllMatches', 'Encoding', 'Context')
}
$script:Ps51CommonParameter = @('Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ErrorVariable',
    'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable')
$script:CommandAlias = @{ '%' = 'ForEach-Object'; 'foreach' = 'ForEach-Object'; 'gc' = 'Get-Content'; 'cat' = 'Get-Content'; 'type' = 'Get-Content'; 'sc' = 'Set-Content'; 'sls' = 'Select-String' }
# Commands that do not exist in Windows PowerShell 5.1.
$script:Ps7OnlyCommand = @('Join-String', 'Test-Json', 'Get-Error', 'Get-Uptime', 'ConvertFrom-Markdown', 'Show-Markdown',
    'Get-MarkdownOption', 'Set-MarkdownOption', 'Remove-Alias', 'Remove-Service', 'Get-SecureRandom', 'ConvertTo-CliXml', 'ConvertFrom-CliXml')

function Find-Ps7OnlySyntax {
    <#
    .SYNOPSIS
        Lists the PowerShell-7-only constructs in a script file, one object each: Path, Line,
        Construct (a stable name tests can match) and Text. Parse errors are reported too.
    #>
    param(
        [Parameter(Mandatory)][string] $Path
    )

    $tokens = $null
    $parseErrors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$parseErrors)

    $report = {
        param($Construct, $Extent)
        [pscustomobject]@{ Path = $Path; Line = $Extent.StartLineNumber; Construct = $Construct; Text = $Extent.Text }
    }

    foreach ($parseError in $parseErrors) {
        & $report 'ParseError' $parseError.Extent
    }

    $nodes = $ast.FindAll({ $true }, $true)
    foreach ($node in $nodes) {
        switch ($node) {
            { $_ -is [System.Management.Automation.Language.TernaryExpressionAst] } { & $report 'Ternary' $node.Extent }
            { $_ -is [System.Management.Automation.Language.PipelineChainAst] } { & $report 'PipelineChain' $node.Extent }
            { $_ -is [System.Management.Automation.Language.BinaryExpressionAst] -and $node.Operator -eq 'QuestionQuestion' } { & $report 'NullCoalescing' $node.Extent }
            { $_ -is [System.Management.Automation.Language.AssignmentStatementAst] -and $node.Operator -eq 'QuestionQuestionEquals' } { & $report 'NullCoalescingAssignment' $node.Extent }
            { $_ -is [System.Management.Automation.Language.MemberExpressionAst] -and $node.NullConditional } { & $report 'NullConditionalMember' $node.Extent }
            { $_ -is [System.Management.Automation.Language.IndexExpressionAst] -and $node.NullConditional } { & $report 'NullConditionalIndex' $node.Extent }
            { $_ -is [System.Management.Automation.Language.PipelineAst] -and $node.Background } { & $report 'BackgroundOperator' $node.Extent }
            { $_ -is [System.Management.Automation.Language.ScriptBlockAst] -and $null -ne $node.CleanBlock } { & $report 'CleanBlock' $node.CleanBlock.Extent }
            { $_ -is [System.Management.Automation.Language.CommandAst] } {
                $name = $node.GetCommandName()
                if (-not $name) { break }
                if ($script:CommandAlias.ContainsKey($name)) { $name = $script:CommandAlias[$name] }
                $known = @($script:Ps7OnlyCommand | Where-Object { $_ -eq $name })
                if ($known.Count -gt 0) { & $report "Command:$($known[0])" $node.Extent; break }
                $canonical = @($script:Ps7OnlyParameter.Keys | Where-Object { $_ -eq $name })
                if ($canonical.Count -eq 0) { break }
                $command = $canonical[0]
                foreach ($parameter in @($node.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] })) {
                    $given = $parameter.ParameterName
                    $new = @($script:Ps7OnlyParameter[$command] | Where-Object { $_.StartsWith($given, [System.StringComparison]::OrdinalIgnoreCase) })
                    $old = @(($script:Ps51Parameter[$command] + $script:Ps51CommonParameter) | Where-Object { $_.StartsWith($given, [System.StringComparison]::OrdinalIgnoreCase) })
                    if ($new.Count -gt 0 -and $old.Count -eq 0) {
                        & $report "$command -$($new[0])" $node.Extent
                    }
                }
            }
        }
    }

    # "`u{e9}" is an escape since 6.0; 5.1 reads it as the text u{e9}.
    foreach ($token in $tokens) {
        if ($token.Kind -in 'StringExpandable', 'HereStringExpandable' -and $token.Text -match '`u\{[0-9a-fA-F]+\}') {
            & $report 'UnicodeEscape' $token.Extent
        }
    }
}

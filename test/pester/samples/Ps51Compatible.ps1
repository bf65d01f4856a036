# Not module code: 5.1-compatible text that merely looks like 7-only syntax; Find-Ps7OnlySyntax
# must flag nothing here. It is parsed, never run.
# $a ? $b : $c   and   $x ?? $y   in a comment
$text = 'ternary $a ? $b : $c, coalescing $x ?? $y, chain a && b, `u{e9}'
$variableWithQuestionMark? = 1
$value = $variableWithQuestionMark?.ToString()
1..4 | ForEach-Object -Process { $_ } -Begin { } -End { }
1..4 | ForEach-Object -P { $_ }
$object = '{}' | ConvertFrom-Json
$json = @{ a = 1 } | ConvertTo-Json -Depth 5 -Compress
$raw = Get-Content -Path x.txt -Raw -Encoding UTF8
$where = 1..3 | ? { $_ -gt 1 }
if ($a) { 'a' } elseif ($b) { 'b' } else { 'c' }

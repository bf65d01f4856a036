# Not module code: a sample of PowerShell-7-only syntax, one construct per line, that
# Compatibility.Tests.ps1 expects Find-Ps7OnlySyntax to flag (so the check is known to work).
# It is parsed, never run.
$answer = $ready ? 'yes' : 'no'
Get-Item . && Write-Output 'chained'
$name = $given ?? 'default'
$cache ??= @{}
$length = ${text}?.Length
$first = ${items}?[0]
1..4 | ForEach-Object -Parallel { $_ } -ThrottleLimit 2
1..4 | % -Parallel { $_ }
$table = '{}' | ConvertFrom-Json -AsHashtable
$deep = '{}' | ConvertFrom-Json -Depth 5
$short = '{}' | ConvertFrom-Json -AsHash
$bytes = Get-Content -Path x.bin -AsByteStream
Start-Sleep 1 &
$e = "caf`u{e9}"
$j = 'a', 'b' | Join-String -Separator ','
function Use-Clean { process { 'work' } clean { 'tidy up' } }

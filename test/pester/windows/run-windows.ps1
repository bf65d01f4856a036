# Runs the Windows-tagged Pester suite inside the Windows build of PowerShell under Wine
# (scripts/pester-windows.sh starts it in test/winhost's PrtWinHost.exe). Refuses to run
# anywhere but Windows: off Windows these tests would prove nothing.
$ErrorActionPreference = 'Stop'
if (-not $IsWindows) { throw 'The Windows-tagged suite runs in a Windows PowerShell (scripts/pester-windows.sh).' }
# Text the exe writes is UTF-8; the console's code page under Wine is windows-1252 unless set.
[Console]::OutputEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
# An empty PSModulePath entry makes command discovery scan the current folder (all of Z:\ under
# Wine): keep only real folders.
$env:PSModulePath = (@($env:PSModulePath -split ';' | Where-Object { $_ -and (Test-Path -LiteralPath $_) }) -join ';')
# PRT_WINDOWS_TESTS=<file>[;<file>] runs only those files of the suite (a targeted run); the whole suite by default.
$paths = @($PSScriptRoot)
if ($env:PRT_WINDOWS_TESTS) { $paths = @($env:PRT_WINDOWS_TESTS -split ';' | Where-Object { $_ } | ForEach-Object { Join-Path $PSScriptRoot $_ }) }
& (Join-Path (Split-Path -Parent $PSScriptRoot) 'run.ps1') -Path $paths -Tag 'Windows' -ExcludeTag @() -NoResultFile
exit $LASTEXITCODE

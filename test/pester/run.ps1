# Runs the Pester suite (scripts/pester.sh calls this): imports the pinned Pester, runs every
# *.Tests.ps1 under test/pester (or the paths given), prints a closing line that CI can read,
#   Pester: N passed, N failed[, N skipped]
# writes the same counts as JSON to $env:PESTER_SUMMARY_FILE when set (scripts/test.sh sums the
# suites) and NUnit results to test/.tmp/pester-results.xml, and exits with the failure count.
# Tests tagged Windows run only in the Windows build of PowerShell under Wine
# (scripts/pester-windows.sh, through windows/run-windows.ps1): excluded here by default.
param(
    [string[]] $Path = @($PSScriptRoot),
    [string[]] $Tag = @(),
    [string[]] $ExcludeTag = @('Windows'),
    [string] $ResultName = 'pester-results.xml',
    # The NUnit file's environment section asks WMI on Windows, which hangs under Wine.
    [switch] $NoResultFile
)
$ErrorActionPreference = 'Stop'

if (-not $env:PESTER_MODULE_DIR) {
    throw 'PESTER_MODULE_DIR is not set: run this through scripts/pester.sh (it sources scripts/tools.env).'
}
Import-Module -Name (Join-Path $env:PESTER_MODULE_DIR 'tools/Pester.psd1') -Force

$repoRoot = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot (Join-Path '..' '..')))
$resultsDir = Join-Path $repoRoot 'test/.tmp'
$null = New-Item -ItemType Directory -Path $resultsDir -Force

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Run.Exit = $false
if ($Tag.Count -gt 0) { $config.Filter.Tag = $Tag }
if ($ExcludeTag.Count -gt 0) { $config.Filter.ExcludeTag = $ExcludeTag }
$config.Output.Verbosity = 'Detailed'
$config.Output.StackTraceVerbosity = 'Filtered'
# Colours only for a person at a terminal; CI logs and pipes get plain text.
$config.Output.RenderMode = if ([Console]::IsOutputRedirected -or $env:NO_COLOR -or $env:CI) { 'Plaintext' } else { 'Auto' }
$config.TestResult.Enabled = -not $NoResultFile
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $resultsDir $ResultName

$result = Invoke-Pester -Configuration $config
if ($null -eq $result) {
    # Pester itself failed (a plugin step threw, e.g. writing the result file): no count is true.
    if ($env:PESTER_SUMMARY_FILE) {
        [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; SkippedTests = @(); Crashed = $true } |
            ConvertTo-Json -Compress | Set-Content -LiteralPath $env:PESTER_SUMMARY_FILE -Encoding utf8NoBOM
    }
    [Console]::Out.WriteLine('Pester: 0 passed, 1 failed (Pester did not finish: see the error above)')
    exit 1
}

# A test file that does not load is a failure, and so is a failed BeforeAll/AfterAll: once,
# unless the tests of that block already count as failed (a failed BeforeAll fails them).
$failed = $result.FailedCount + $result.FailedContainersCount
foreach ($block in $result.FailedBlocks) {
    if (@($block.Tests | Where-Object { $_.Result -eq 'Failed' }).Count -eq 0) { $failed++ }
}
$passed = $result.PassedCount
$skipped = $result.SkippedCount
if ($env:PESTER_SUMMARY_FILE) {
    # Skipped tests by name: the summary fails CI on any skip that is not on the allow list.
    $skippedNames = @($result.Skipped | ForEach-Object { $_.ExpandedPath })
    # Failed tests with their errors: scripts/pester-windows.sh tells a Wine defect from a finding.
    $failedTests = @($result.Failed | ForEach-Object {
            [pscustomobject]@{ Name = $_.ExpandedPath; Message = (@($_.ErrorRecord | ForEach-Object { $_.Exception.Message }) -join ' | ') }
        })
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped; SkippedTests = $skippedNames; FailedTests = $failedTests } |
        ConvertTo-Json -Compress | Set-Content -LiteralPath $env:PESTER_SUMMARY_FILE -Encoding utf8NoBOM
}
$line = "Pester: $passed passed, $failed failed"
if ($skipped -gt 0) { $line += ", $skipped skipped" }
[Console]::Out.WriteLine($line)
# Exit codes wrap at 256: 256 failures must not read as success.
exit ([Math]::Min($failed, 255))

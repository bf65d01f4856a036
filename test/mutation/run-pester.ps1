# Runs Pester files, optionally only the tests whose full name matches one of the wildcards, for
# scripts/mutate-module.mjs (against the module named by $env:PRTTOOLS_MODULE). Exit code: 0 when
# every selected test passed, 1 when one failed, 99 when nothing ran (a wildcard that matches
# nothing must not count as "survived").
param(
    [Parameter(Mandatory)] [string[]] $Path,
    [string[]] $FullName = @()
)
$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path $env:PESTER_MODULE_DIR 'tools/Pester.psd1') -Force
$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Filter.ExcludeTag = @('Windows')
if ($FullName.Count -gt 0) { $config.Filter.FullName = $FullName }
$config.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $config
"Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.FailedContainersCount) failed containers"
if ($result.PassedCount + $result.FailedCount -eq 0) { exit 99 }
if ($result.FailedCount + $result.FailedContainersCount -gt 0) { exit 1 }
exit 0

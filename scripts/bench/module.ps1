# Module benchmarks (npm run bench): Import-Module time in fresh pwsh processes, and
# Get-PrtFleetSummary on 10,000 statuses, plain and Deserialized (what Invoke-Command returns).
# Prints figures; asserts nothing (DESIGN 6). Targets (issue 13): import <= 150 ms, summary of
# 10,000 deserialized <= 2 s.
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $Pwsh,
    [int] $Devices = 10000,
    [int] $ImportRuns = 5,
    [switch] $SkipImport
)
$ErrorActionPreference = 'Stop'

# Import-Module in a fresh process each time: the time PowerShell reports for the import alone.
$importTimes = if ($SkipImport) { @() } else { foreach ($run in 1..$ImportRuns) {
    $text = & $Pwsh -NoProfile -NonInteractive -Command "`$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ModulePath'; `$w.Elapsed.TotalMilliseconds"
    [double]($text | Select-Object -Last 1)
} }
if (-not $SkipImport) {
    $sortedImport = @($importTimes | Sort-Object)
    'Import-Module PrtTools: median {0:N0} ms (runs: {1})' -f $sortedImport[[int][Math]::Floor($sortedImport.Count / 2)], (($importTimes | ForEach-Object { '{0:N0}' -f $_ }) -join ', ')
}

Import-Module $ModulePath -Force
$fixtures = Join-Path (Split-Path -Parent $PSScriptRoot) '../test/fixtures/dsregcmd'
$samples = @(Get-ChildItem -LiteralPath $fixtures -Filter '*.txt' | Get-PrtStatus -ErrorAction SilentlyContinue)
$statuses = New-Object -TypeName System.Collections.Generic.List[psobject]
for ($i = 0; $i -lt $Devices; $i++) {
    # As Invoke-Command returns them: live reads (no capture path), one device each.
    $copy = $samples[$i % $samples.Count].PSObject.Copy()
    $copy.DeviceName = 'PC{0:D5}' -f $i
    $copy.Source = [pscustomobject]@{ PSTypeName = 'PrtTools.StatusSource'; Kind = 'Live'; Path = $null }
    Add-Member -InputObject $copy -NotePropertyName PSComputerName -NotePropertyValue $copy.DeviceName -Force
    $statuses.Add($copy)
}
$plain = $statuses.ToArray()
$watch = [Diagnostics.Stopwatch]::StartNew()
$summary = $plain | Get-PrtFleetSummary
'Get-PrtFleetSummary, {0:N0} plain statuses: {1:N2} s ({2} devices counted, {3} codes)' -f $Devices, $watch.Elapsed.TotalSeconds, $summary.DeviceCount, @($summary.Codes).Count

$deserialized = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($plain, 6))
$watch = [Diagnostics.Stopwatch]::StartNew()
$summary = $deserialized | Get-PrtFleetSummary
'Get-PrtFleetSummary, {0:N0} deserialized statuses: {1:N2} s ({2} devices counted)' -f $Devices, $watch.Elapsed.TotalSeconds, $summary.DeviceCount

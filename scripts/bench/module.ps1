# Module benchmarks (npm run bench): Import-Module time in fresh pwsh processes, and
# Get-PrtFleetSummary on 10,000 statuses, plain and Deserialized (what Invoke-Command returns).
# Prints figures; asserts nothing (DESIGN 6). Targets (issue 13): import <= 150 ms, summary of
# 10,000 deserialized <= 2 s.
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $Pwsh,
    [int] $Devices = 10000,
    [int] $ImportRuns = 7,
    [switch] $SkipImport,
    [switch] $SkipFleet
)
$ErrorActionPreference = 'Stop'
# The fresh processes below start elsewhere: give them the full path.
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath

# Import-Module in a fresh process each time: the time PowerShell reports for the import alone.
# Each round also imports an empty module the same way: what Import-Module itself costs in a fresh
# process on this machine (the first import loads PowerShell's module code), so that on a loaded
# machine the share of PrtTools (the difference of the medians) can still be read.
$median = { param($values) $sorted = @($values | Sort-Object); $sorted[[int][Math]::Floor($sorted.Count / 2)] }
if (-not $SkipImport) {
    $emptyDir = Join-Path ([System.IO.Path]::GetTempPath()) ("prt-bench-empty-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $emptyDir
    Set-Content -LiteralPath (Join-Path $emptyDir 'Empty.psm1') -Value 'function Get-Nothing {}'
    Set-Content -LiteralPath (Join-Path $emptyDir 'Empty.psd1') -Value "@{ RootModule = 'Empty.psm1'; ModuleVersion = '1.0'; GUID = '$([guid]::NewGuid())'; FunctionsToExport = @('Get-Nothing') }"
    # Wall time, and the CPU time of the process during the import: on a machine shared with other
    # work the wall time mostly measures waiting; the CPU time much less so.
    $timeImport = {
        param($path)
        $line = & $Pwsh -NoProfile -NonInteractive -Command "`$p = [Diagnostics.Process]::GetCurrentProcess(); `$c = `$p.TotalProcessorTime; `$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module -Name '$path' -ErrorAction Stop; `$e = `$w.Elapsed.TotalMilliseconds; `$p.Refresh(); '{0} {1}' -f `$e, (`$p.TotalProcessorTime - `$c).TotalMilliseconds" | Select-Object -Last 1
        # A failed import prints no figures: stop rather than time an error.
        if ($LASTEXITCODE -ne 0 -or [string]$line -notmatch '^[\d.]+ [\d.]+$') { throw "Import-Module '$path' failed in a fresh pwsh (exit $LASTEXITCODE): $line" }
        $wall, $cpu = ([string]$line).Split(' ')
        [pscustomobject]@{ Wall = [double]::Parse($wall, [cultureinfo]::InvariantCulture); Cpu = [double]::Parse($cpu, [cultureinfo]::InvariantCulture) }
    }
    $importTimes = New-Object -TypeName System.Collections.Generic.List[psobject]
    $emptyTimes = New-Object -TypeName System.Collections.Generic.List[psobject]
    try {
        foreach ($run in 1..$ImportRuns) {
            $importTimes.Add((& $timeImport $ModulePath))
            $emptyTimes.Add((& $timeImport (Join-Path $emptyDir 'Empty.psd1')))
        }
    } finally {
        Remove-Item -LiteralPath $emptyDir -Recurse -Force
    }
    $load = if (Test-Path -LiteralPath '/proc/loadavg') { 'load average ' + ((Get-Content -LiteralPath '/proc/loadavg' -Raw) -split ' ')[0] } else { 'load unknown' }
    'Import-Module PrtTools: median {0:N0} ms (runs: {1}); an empty module: median {2:N0} ms; PrtTools'' share {3:N0} ms ({4} CPUs, {5})' -f `
        (& $median $importTimes.Wall), (($importTimes.Wall | ForEach-Object { '{0:N0}' -f $_ }) -join ', '), (& $median $emptyTimes.Wall),
        ((& $median $importTimes.Wall) - (& $median $emptyTimes.Wall)), [Environment]::ProcessorCount, $load
    'Import-Module PrtTools, CPU time of the process: median {0:N0} ms; an empty module: median {1:N0} ms; PrtTools'' share {2:N0} ms' -f `
        (& $median $importTimes.Cpu), (& $median $emptyTimes.Cpu), ((& $median $importTimes.Cpu) - (& $median $emptyTimes.Cpu))
}
if ($SkipFleet) { return }

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
$process = [Diagnostics.Process]::GetCurrentProcess()
$cpuNow = { $process.Refresh(); $process.TotalProcessorTime.TotalSeconds }
$loadNow = { if (Test-Path -LiteralPath '/proc/loadavg') { 'load average ' + ((Get-Content -LiteralPath '/proc/loadavg' -Raw) -split ' ')[0] } else { 'load unknown' } }
$cpu = & $cpuNow
$watch = [Diagnostics.Stopwatch]::StartNew()
$summary = $plain | Get-PrtFleetSummary
'Get-PrtFleetSummary, {0:N0} plain statuses: {1:N2} s, CPU {2:N2} s ({3} devices counted, {4} codes; {5})' -f $Devices, $watch.Elapsed.TotalSeconds, ((& $cpuNow) - $cpu), $summary.DeviceCount, @($summary.Codes).Count, (& $loadNow)

$deserialized = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($plain, 6))
$cpu = & $cpuNow
$watch = [Diagnostics.Stopwatch]::StartNew()
$summary = $deserialized | Get-PrtFleetSummary
'Get-PrtFleetSummary, {0:N0} deserialized statuses: {1:N2} s, CPU {2:N2} s ({3} devices counted; {4})' -f $Devices, $watch.Elapsed.TotalSeconds, ((& $cpuNow) - $cpu), $summary.DeviceCount, (& $loadNow)

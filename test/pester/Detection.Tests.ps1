# Detection for scripts and Intune Remediations: Test-PrtHealth, and the ready detection script
# Examples/Detect-PrtHealth.ps1 run as Intune runs it (its own PowerShell, exit code, one line),
# here against the Linux exe and captures.
BeforeDiscovery {
    . $PSScriptRoot/TestHelpers.ps1
    $readable = @(Get-ChildItem -LiteralPath $FixtureDir -Filter '*.txt' |
            Where-Object { $_.Name -notin 'empty.txt', 'not-dsregcmd.txt', 'truncated.txt' } |
            ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $detectScript = Join-Path $ModuleDir 'Examples/Detect-PrtHealth.ps1'
    # The pinned pwsh (scripts/tools.env); this process may be dotnet running pwsh.dll.
    $pwshPath = if ($env:PWSH) { $env:PWSH } else { (Get-Command -Name pwsh -CommandType Application | Select-Object -First 1).Source }

    function Start-DetectionScript {
        # Starts the script in a new pwsh, as Intune runs a detection script; Wait-DetectionScript
        # returns its exit code and output lines. Started together, the runs overlap.
        param([string[]] $Argument = @(), [hashtable] $Environment = @{}, [string] $Script = $detectScript)
        $startInfo = New-Object -TypeName System.Diagnostics.ProcessStartInfo
        $startInfo.FileName = $pwshPath
        foreach ($arg in @('-NoProfile', '-NonInteractive', '-File', $Script) + $Argument) { $startInfo.ArgumentList.Add($arg) }
        $startInfo.UseShellExecute = $false
        $startInfo.RedirectStandardInput = $true
        $startInfo.RedirectStandardOutput = $true
        $startInfo.RedirectStandardError = $true
        foreach ($name in $Environment.Keys) { $startInfo.Environment[$name] = $Environment[$name] }
        [void]$startInfo.Environment.Remove('PRTTOOLS_EXE')
        $process = [System.Diagnostics.Process]::Start($startInfo)
        $process.StandardInput.Close()
        [pscustomobject]@{ Process = $process; Stdout = $process.StandardOutput.ReadToEndAsync(); Stderr = $process.StandardError.ReadToEndAsync() }
    }

    function Wait-DetectionScript {
        param([Parameter(Mandatory)] $Run)
        $stdout = $Run.Stdout.GetAwaiter().GetResult()
        $stderr = $Run.Stderr.GetAwaiter().GetResult()
        $Run.Process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $Run.Process.ExitCode
            Lines    = @($stdout -split "`r?`n" | Where-Object { $_ })
            Error    = $stderr
        }
    }
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Test-PrtHealth' {
    It 'says $<Expected> for <Name>' -ForEach @(
        @{ Name = 'healthy-aadj.txt'; Expected = $true }
        @{ Name = 'domain-joined-only.txt'; Expected = $true }
        @{ Name = 'stale-prt.txt'; Expected = $false }
        @{ Name = 'expired-prt.txt'; Expected = $false }
        @{ Name = 'missing-prt-0xc000006d-aadsts50126.txt'; Expected = $false }
    ) {
        $result = Test-PrtHealth -Path (Get-Fixture $Name)
        $result | Should -BeOfType [bool]
        $result | Should -Be $Expected
    }

    It 'agrees with prt status --detect on <Name>' -ForEach $readable {
        $path = Get-Fixture $Name
        $null = & $RealExe status --detect --input $path 2>$null
        $detectExit = $LASTEXITCODE
        $detectExit | Should -BeIn @(0, 1)
        Test-PrtHealth -Path $path | Should -Be ($detectExit -eq 0)
    }

    It 'returns one answer per capture piped in, saying which capture (issue 13, item 12)' {
        $answers = @(Get-ChildItem -LiteralPath (Get-Fixture 'healthy-aadj.txt'), (Get-Fixture 'stale-prt.txt') | Test-PrtHealth)
        $answers.Healthy | Should -Be @($true, $false)
        $answers.Path | Should -Be @((Get-Fixture 'healthy-aadj.txt'), (Get-Fixture 'stale-prt.txt'))
    }

    It 'tests the sample device' {
        Test-PrtHealth -Sample | Should -BeFalse
    }

    It 'judges by -Now: a healthy capture is no longer healthy a day later' {
        $path = Get-Fixture 'healthy-aadj.txt'
        $later = (Get-DsregcmdTime -Path $path -Name 'AzureAdPrtUpdateTime').AddHours(30)
        Test-PrtHealth -Path $path -Now $later | Should -BeFalse
    }

    It 'returns the PrtTools.Status with -Detailed' {
        $status = Test-PrtHealth -Path (Get-Fixture 'stale-prt.txt') -Detailed
        $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        $status.Health | Should -Be 'Stale'
    }

    It 'answers neither $true nor $false for a file that is not dsregcmd output, and says why' {
        $answers = @(Test-PrtHealth -Path (Get-Fixture 'not-dsregcmd.txt') -ErrorVariable healthErrors -ErrorAction SilentlyContinue)
        $answers.Count | Should -Be 0
        @($healthErrors).Count | Should -Be 1
        $healthErrors[0].FullyQualifiedErrorId | Should -BeLike 'PrtTools.*'
    }

    It 'stops with -ErrorAction Stop on a file that does not exist' {
        { Test-PrtHealth -Path (Join-Path $TestDrive 'nope.txt') -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.FileNotFound,Get-PrtStatus'
    }
}

Describe 'The Intune detection script Examples/Detect-PrtHealth.ps1' {
    BeforeAll {
        # Every run of the script is a new PowerShell (about a second): start them all at once.
        $intuneCopy = Join-Path $TestDrive 'IntuneScripts/Detect-PrtHealth.ps1'
        $null = New-Item -ItemType Directory -Path (Split-Path -Parent $intuneCopy) -Force
        Copy-Item -LiteralPath $detectScript -Destination $intuneCopy
        $missingExe = Join-Path $TestDrive 'missing/prt'
        $started = [ordered]@{}
        foreach ($name in 'healthy-aadj.txt', 'missing-prt-0xc000006d-aadsts50126.txt', 'stale-prt.txt', 'not-dsregcmd.txt') {
            $started[$name] = Start-DetectionScript -Argument @('-PrtPath', $RealExe, '-InputPath', (Get-Fixture $name))
        }
        # Intune runs a copy of the script from a folder of its own: it must find prt in the
        # installed module by itself.
        $started['installed'] = Start-DetectionScript -Script $intuneCopy -Argument @('-InputPath', (Get-Fixture 'healthy-aadj.txt')) -Environment @{ PSModulePath = (Split-Path -Parent $ModuleDir) }
        $started['missing exe'] = Start-DetectionScript -Argument @('-PrtPath', $missingExe)
        $started['live'] = Start-DetectionScript -Argument @('-PrtPath', $RealExe)
        $runs = @{}
        foreach ($key in $started.Keys) { $runs[$key] = Wait-DetectionScript -Run $started[$key] }
    }

    It 'is in the module as built' {
        $detectScript | Should -Exist
    }

    It 'exits <ExitCode> and prints one line starting with <Start> for <Name>' -ForEach @(
        @{ Name = 'healthy-aadj.txt'; ExitCode = 0; Start = 'Healthy AzureAdJoined AzureAdPrt=YES' }
        @{ Name = 'missing-prt-0xc000006d-aadsts50126.txt'; ExitCode = 1; Start = 'Missing AzureAdJoined AzureAdPrt=NO attempt=0xc000006d/invalid_grant' }
        @{ Name = 'stale-prt.txt'; ExitCode = 1; Start = 'Stale ' }
        @{ Name = 'not-dsregcmd.txt'; ExitCode = 3; Start = 'NotRun: ' }
    ) {
        $run = $runs[$Name]
        $run.ExitCode | Should -Be $ExitCode -Because $run.Error
        $run.Lines.Count | Should -Be 1
        $run.Lines[0] | Should -BeLike "$Start*"
        $run.Lines[0] | Should -Not -Match "`e"
    }

    It 'finds prt in the installed PrtTools module by itself, run from a folder of its own as Intune does' {
        $runs['installed'].ExitCode | Should -Be 0 -Because $runs['installed'].Error
        $runs['installed'].Lines[0] | Should -BeLike 'Healthy *'
    }

    It 'exits 4 with a line that says so when prt cannot be found' {
        $runs['missing exe'].ExitCode | Should -Be 4
        $runs['missing exe'].Lines | Should -Be @("NotRun: $missingExe does not exist")
    }

    It 'exits 4 on this live Linux machine, where there is no dsregcmd, and says why' {
        $runs['live'].ExitCode | Should -Be 4
        $runs['live'].Lines.Count | Should -Be 1
        $runs['live'].Lines[0] | Should -BeLike 'NotRun: *'
    }

    It 'uses only Windows PowerShell 5.1 syntax' {
        . $PSScriptRoot/Find-Ps7OnlySyntax.ps1
        @(Find-Ps7OnlySyntax -Path $detectScript) | Should -BeNullOrEmpty
    }
}

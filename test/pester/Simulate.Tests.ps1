# Issue 13, item 8: -Simulate, with the scenario names completed, on every cmdlet that reads a
# device, passed to prt the same way everywhere.
BeforeDiscovery {
    . $PSScriptRoot/TestHelpers.ps1
    # Commands that read no device: they work on objects or on a bundle already collected.
    $readsNoDevice = @{
        'Get-PrtFleetSummary' = 'sums up PrtTools.Status objects from the pipeline'
        'Protect-PrtBundle'   = 'redacts a bundle folder that was already collected'
    }
    $manifest = Import-PowerShellDataFile -LiteralPath $script:ModulePath
    $deviceCommands = @($manifest.FunctionsToExport | Where-Object { -not $readsNoDevice.ContainsKey($_) } | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    # The exe's own list of built-in scenarios, from the error it gives for an unknown one.
    $unknown = Invoke-RealPrt -Argument @('status', '--simulate', 'no-such-scenario', '--json')
    $builtIn = @(([regex]::Match($unknown.Error.Message, 'Built-in scenarios: ([^;]+);').Groups[1].Value -split ',\s*') | Where-Object { $_ })
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe '-Simulate on <Name>' -ForEach $deviceCommands {
    It 'has a -Simulate parameter that takes a scenario name or file' {
        $parameter = (Get-Command -Name $Name).Parameters['Simulate']
        $parameter | Should -Not -BeNullOrEmpty -Because "$Name reads a device, so it can read a simulated one"
        $parameter.ParameterType | Should -Be ([string])
    }

    It 'completes every built-in scenario of prt, and only those' {
        $builtIn.Count | Should -BeGreaterOrEqual 5
        $line = "$Name -Simulate "
        $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText })
        @($completions | Sort-Object) | Should -Be @($builtIn | Sort-Object)
    }

    It 'completes by the first letters' {
        $line = "$Name -Simulate net"
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }) | Should -Be @('network-unreachable')
    }
}

Describe 'Test-PrtHealth -Simulate' {
    It 'answers $true for a healthy simulated device' {
        Test-PrtHealth -Simulate healthy | Should -BeTrue
    }

    It 'answers $false for a device whose PRT cannot be renewed, as Get-PrtStatus judges it' {
        $status = Get-PrtStatus -Simulate 'hybrid-wrong-password'
        @('Missing', 'Expired', 'Stale') | Should -Contain $status.Health
        Test-PrtHealth -Simulate 'hybrid-wrong-password' | Should -BeFalse
    }

    It 'returns the simulated device''s status with -Detailed' {
        $status = Test-PrtHealth -Simulate healthy -Detailed
        $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        $status.Source.Kind | Should -Be 'Simulated'
    }

    It 'names an unknown scenario in the error' {
        { Test-PrtHealth -Simulate 'no-such-scenario' -ErrorAction Stop } | Should -Throw '*no-such-scenario*'
    }

    It 'keeps -Sample as the shortcut for the built-in sample device' {
        (Test-PrtHealth -Sample -Detailed).Health | Should -Be (Get-PrtStatus -Sample).Health
    }
}

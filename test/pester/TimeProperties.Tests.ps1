# Every time the module returns is a [datetime] of kind Utc, straight from the exe and after the
# serialization that remoting applies (PSSerializer, as Invoke-Command does): scripts compare and
# sort them, and a property left as an ISO string would sort as text on Windows PowerShell 5.1.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $env:PRT_STATE_DIR = Join-Path $TestDrive 'state'
    $env:PRT_SIM_SPEED = '400'

    function Assert-UtcTime([object] $Value, [string] $Name) {
        $Value | Should -Not -BeNullOrEmpty -Because "$Name is in the capture"
        # Deserialized [datetime] stays a [datetime]: PSSerializer keeps primitive types.
        $Value | Should -BeOfType [datetime] -Because "$Name is a time"
        $Value.Kind | Should -Be ([System.DateTimeKind]::Utc) -Because "$Name is UTC"
    }
    function Copy-ThroughRemoting([object] $Object) {
        [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($Object, 5))
    }
}

AfterAll {
    Remove-Item -Path 'env:PRT_STATE_DIR', 'env:PRT_SIM_SPEED' -ErrorAction SilentlyContinue
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Time properties of PrtTools.Status' {
    BeforeDiscovery {
        $statusTimes = @('AzureAdPrtUpdateTime', 'AzureAdPrtExpiryTime', 'EnterprisePrtUpdateTime', 'EnterprisePrtExpiryTime', 'EvaluatedAt') | ForEach-Object { @{ Name = $_ } }
    }
    BeforeAll {
        $status = Get-PrtStatus -Path (Join-Path $FixtureDir 'hybrid-enterprise-prt.txt')
        $copy = Copy-ThroughRemoting $status
    }

    It '<Name> is a UTC [datetime]' -TestCases $statusTimes {
        Assert-UtcTime $status.$Name $Name
    }

    It '<Name> is still a UTC [datetime] after remoting serialization' -TestCases $statusTimes {
        Assert-UtcTime $copy.$Name $Name
    }

    It 'keeps the instant the capture printed' {
        $status.EnterprisePrtUpdateTime | Should -Be ([datetime]::SpecifyKind([datetime]'2026-02-09 07:58:13', 'Utc'))
    }
}

Describe 'Time properties of a diagnostics block' {
    It 'PreviousPrtAttempt is a UTC [datetime], also after remoting serialization' {
        $status = Get-PrtStatus -Path (Join-Path $FixtureDir 'missing-prt-0xc000006d-aadsts50126.txt')
        Assert-UtcTime $status.Diagnostics[0].PreviousPrtAttempt 'PreviousPrtAttempt'
        Assert-UtcTime (Copy-ThroughRemoting $status).Diagnostics[0].PreviousPrtAttempt 'PreviousPrtAttempt'
    }
}

Describe 'Time properties of PrtTools.TraceBundle' {
    BeforeAll {
        $bundle = Start-PrtTrace -Simulate hybrid-wrong-password -Wait -TimeoutSeconds 120
        $copy = Copy-ThroughRemoting $bundle
    }

    It 'StartedAt, StoppedAt and the repro''s ObservedAt are UTC [datetime]s' {
        Assert-UtcTime $bundle.StartedAt 'StartedAt'
        Assert-UtcTime $bundle.StoppedAt 'StoppedAt'
        Assert-UtcTime $bundle.Repro.ObservedAt 'Repro.ObservedAt'
    }

    It 'keeps them as UTC [datetime]s after remoting serialization' {
        Assert-UtcTime $copy.StartedAt 'StartedAt'
        Assert-UtcTime $copy.Repro.ObservedAt 'Repro.ObservedAt'
        Assert-UtcTime $copy.StatusBefore.EvaluatedAt 'StatusBefore.EvaluatedAt'
    }
}

# Test-PrtConnectivity (prt probe, #14): the simulated network scenarios through the real exe, no
# network at all; the objects, their nested type names, their dates, and the remoting round trip.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $env:PRT_SIM_SPEED = 'instant'
    $proxy = Test-PrtConnectivity -Simulate proxy-auth-required
}

AfterAll {
    Remove-Item -Path Env:PRT_SIM_SPEED -ErrorAction SilentlyContinue
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Test-PrtConnectivity on the simulated network scenarios' {
    It 'is exported, with help and examples' {
        Get-Command -Name Test-PrtConnectivity -Module PrtTools | Should -Not -BeNullOrEmpty
        $help = Get-Help -Name Test-PrtConnectivity -Full
        $help.Synopsis | Should -Match 'PRT request'
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    It 'returns one PrtTools.ProbeResult with nested probe types' {
        @($proxy).Count | Should -Be 1
        $proxy.PSObject.TypeNames[0] | Should -Be 'PrtTools.ProbeResult'
        @($proxy.Runs)[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.ProbeRun'
        @(@($proxy.Runs)[0].Endpoints)[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.ProbeEndpoint'
        @(@($proxy.Runs)[0].Endpoints)[0].Route.PSObject.TypeNames[0] | Should -Be 'PrtTools.ProbeRoute'
        @($proxy.Findings)[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.ProbeFinding'
    }

    It 'runs SYSTEM and the user side by side unless -AsSystem' {
        @($proxy.Runs).Context | Should -Be @('System', 'User')
        @((Test-PrtConnectivity -Simulate proxy-auth-required -AsSystem).Runs).Context | Should -Be @('System')
    }

    It '<Scenario> shows <Id>' -ForEach @(
        @{ Scenario = 'proxy-auth-required'; Id = 'ProxyAuthRequired' }
        @{ Scenario = 'tls-inspection'; Id = 'TlsInspected' }
        @{ Scenario = 'clock-skew'; Id = 'ClockSkew' }
        @{ Scenario = 'federated-mex-dtd'; Id = 'MexHasDtd' }
    ) {
        $result = Test-PrtConnectivity -Simulate $Scenario -AsSystem
        @($result.Findings)[0].Id | Should -Be $Id
        @($result.Findings)[0].RelatedCodes | Should -Not -BeNullOrEmpty
    }

    It 'converts its times to UTC [datetime]' {
        $proxy.ObservedAt | Should -BeOfType [datetime]
        $proxy.ObservedAt.Kind | Should -Be 'Utc'
        $reached = @(@($proxy.Runs)[1].Endpoints)[0]
        $reached.ServerDate | Should -BeOfType [datetime]
        $reached.HttpStatus | Should -BeOfType [int]
    }

    It 'passes -UserPrincipalName and -Redact to the exe' {
        $result = Test-PrtConnectivity -Simulate federated-mex-dtd -AsSystem -UserPrincipalName 'ana@contoso.com' -Redact
        $result.UserPrincipalName | Should -Not -Be 'ana@contoso.com'
        @($result.Findings)[0].Id | Should -Be 'MexHasDtd'
    }

    It 'refuses a UPN that is not one' {
        { Test-PrtConnectivity -Simulate healthy -UserPrincipalName 'not a upn' } | Should -Throw
    }

    It 'is shown as a list with the findings and the first next step' {
        $text = $proxy | Out-String -Width 200
        $text | Should -Match 'ProxyAuthRequired'
        $text | Should -Match 'NextStep'
        (@($proxy.Findings) | Format-Table | Out-String -Width 200) | Should -Match 'Severity\s+Id'
    }
}

Describe 'A probe result serialized as remoting does' {
    BeforeAll {
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($proxy, 1))
        $deep = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($proxy, 5))
    }

    It 'keeps its type name and top-level values' {
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.ProbeResult'
        $copy.Cloud | Should -Be $proxy.Cloud
        $copy.ObservedAt | Should -Be $proxy.ObservedAt
    }

    It 'keeps the findings with their ids, next steps and codes at a greater depth' {
        @($deep.Findings).Id | Should -Be @($proxy.Findings).Id
        @($deep.Findings)[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.ProbeFinding'
        @($deep.Findings)[0].NextStep | Should -Be @($proxy.Findings)[0].NextStep
        @(@($deep.Findings)[0].RelatedCodes) | Should -Be @(@($proxy.Findings)[0].RelatedCodes)
    }

    It 'is shown with the same view as the original' {
        ($deep | Out-String -Width 200) | Should -Be ($proxy | Out-String -Width 200)
    }
}

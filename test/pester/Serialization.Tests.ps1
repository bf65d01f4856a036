# Objects that cross a remoting boundary (Invoke-Command, background jobs) arrive as
# Deserialized.* property bags: what an admin checking many devices gets.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $fixture = Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt'
    $original = Get-PrtStatus -Path $fixture

    function Test-DeserializedStatus {
        # The checks every round trip must pass; returns nothing, throws through Should.
        param($Copy)
        $Copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Status'
        foreach ($name in 'DeviceName', 'JoinType', 'Health', 'AzureAdPrt', 'TenantId', 'ClockSource') {
            $Copy.$name | Should -Be $original.$name -Because "$name must survive"
        }
        $Copy.AzureAdPrt | Should -BeOfType [bool]
        $Copy.EvaluatedAt | Should -BeOfType [datetime]
        $Copy.EvaluatedAt.Kind | Should -Be 'Utc'
        $Copy.EvaluatedAt | Should -Be $original.EvaluatedAt
        $Copy.AzureAdPrtUpdateTime | Should -Be $null

        @($Copy.Findings).Count | Should -Be @($original.Findings).Count
        @($Copy.Findings)[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Finding'
        @($Copy.Findings).Id | Should -Be @($original.Findings).Id
        @($Copy.Findings)[0].NextStep | Should -Be @($original.Findings)[0].NextStep

        $attempt = @($Copy.Diagnostics)[0]
        $attempt.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.PrtDiagnostics'
        $attempt.PreviousPrtAttempt | Should -BeOfType [datetime]
        $attempt.PreviousPrtAttempt.Kind | Should -Be 'Utc'
        $attempt.PreviousPrtAttempt | Should -Be @($original.Diagnostics)[0].PreviousPrtAttempt
        $attempt.HttpStatus | Should -BeOfType [int]

        $Copy.Source.Path | Should -Be $original.Source.Path
        @(@($Copy.Sections)[0].Fields)[0].Name | Should -Be @(@($original.Sections)[0].Fields)[0].Name
    }
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'A status serialized with PSSerializer' {
    BeforeAll {
        # Depth 1 is what remoting uses for objects whose type does not ask for more.
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($original, 1))
        $deepCopy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($original, 5))
    }

    It 'keeps its type name, properties, nested findings and dates at remoting''s depth' {
        Test-DeserializedStatus -Copy $copy
    }

    It 'keeps them at a greater depth too' {
        Test-DeserializedStatus -Copy $deepCopy
    }

    It 'is shown with the same table as the original' {
        ($copy | Format-Table | Out-String -Width 200) | Should -Be ($original | Format-Table | Out-String -Width 200)
    }

    It 'is shown with the same list as the original' {
        ($copy | Format-List | Out-String -Width 200) | Should -Be ($original | Format-List | Out-String -Width 200)
    }

    It 'has findings shown with the same table as the original''s' {
        ($copy.Findings | Format-Table | Out-String -Width 200) | Should -Be ($original.Findings | Format-Table | Out-String -Width 200)
    }
}

Describe 'A status returned by a background job' {
    BeforeAll {
        Clear-FakePrt
        $job = Start-Job -ScriptBlock {
            param($ModulePath, $Good, $Missing)
            Import-Module -Name $ModulePath -ErrorAction Stop
            Get-PrtStatus -Path $Good, $Missing
        } -ArgumentList $ModulePath, $fixture, (Join-Path $TestDrive 'missing.txt')
        $null = Wait-Job -Job $job -Timeout 120
        $state = $job.State
        $received = @(Receive-Job -Job $job -ErrorVariable jobErrors -ErrorAction SilentlyContinue)
        Remove-Job -Job $job -Force
    }

    It 'completes' {
        $state | Should -Be 'Completed'
    }

    It 'arrives with its type name, properties, nested findings and dates' {
        $received.Count | Should -Be 1
        Test-DeserializedStatus -Copy $received[0]
    }

    It 'is shown with the same table as the original' {
        ($received[0] | Format-Table | Out-String -Width 200) | Should -Be ($original | Format-Table | Out-String -Width 200)
    }

    It 'brings the error for a missing file with its ErrorId and category' {
        @($jobErrors).Count | Should -Be 1
        $jobErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.FileNotFound,Get-PrtStatus'
        $jobErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

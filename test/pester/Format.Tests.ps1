# The views of PrtTools.Format.ps1xml: which columns, and what they show for real objects.
BeforeDiscovery {
    $typeNames = @('PrtTools.Status', 'Deserialized.PrtTools.Status') | ForEach-Object { @{ TypeName = $_ } }
    $findingTypeNames = @('PrtTools.Finding', 'Deserialized.PrtTools.Finding') | ForEach-Object { @{ TypeName = $_ } }
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $statusColumns = @('DeviceName', 'Health', 'AzureAdPrt', 'PrtAgeHours', 'FindingIds', 'SourceFile')

    function Get-ViewControl {
        param([string] $TypeName, [type] $ControlType)
        @((Get-FormatData -TypeName $TypeName).FormatViewDefinition | Where-Object { $_.Control -is $ControlType } | ForEach-Object { $_.Control })
    }
    function Get-TableHeaderLine {
        # The line of column names of Format-Table output (the one above the dashes).
        param([string] $Text)
        $lines = $Text -split "`r?`n"
        $dashes = [array]::FindIndex($lines, [Predicate[string]] { param($line) $line -match '^-+(\s+-+)*\s*$' })
        $lines[$dashes - 1]
    }
    $missingPrt = Get-PrtStatus -Path (Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt')
    $healthy = Get-PrtStatus -Path (Get-Fixture 'healthy-aadj.txt')
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'The views for <TypeName>' -ForEach $typeNames {
    It 'include a table with the columns an admin wants first' {
        $tables = @(Get-ViewControl -TypeName $TypeName -ControlType ([System.Management.Automation.TableControl]))
        $tables.Count | Should -Be 1
        $tables[0].Headers.Label | Should -Be $statusColumns
    }

    It 'include a list of the main fields' {
        $lists = @(Get-ViewControl -TypeName $TypeName -ControlType ([System.Management.Automation.ListControl]))
        $lists.Count | Should -Be 1
        $labels = $lists[0].Entries[0].Items | ForEach-Object { if ($_.Label) { $_.Label } else { $_.DisplayEntry.Value } }
        foreach ($name in 'DeviceName', 'JoinType', 'Health', 'AzureAdPrt', 'AzureAdPrtUpdateTime', 'AzureAdPrtExpiryTime', 'PrtAgeHours', 'Findings') {
            $labels | Should -Contain $name
        }
    }
}

Describe 'The table views for <TypeName>' -ForEach $findingTypeNames {
    It 'show Severity, Id and Message' {
        $tables = @(Get-ViewControl -TypeName $TypeName -ControlType ([System.Management.Automation.TableControl]))
        $tables[0].Headers.Label | Should -Be @('Severity', 'Id', 'Message')
    }
}

Describe 'A status as a table' {
    BeforeAll {
        $text = $missingPrt, $healthy | Format-Table | Out-String -Width 200
        $rows = @($text -split "`r?`n" | Where-Object { $_ -match '\S' -and $_ -notmatch '^-' })
    }

    It 'is the default: Out-Default shows the table' {
        ($missingPrt, $healthy | Out-String -Width 200) | Should -Be $text
    }

    It 'has the columns in order' {
        (Get-TableHeaderLine -Text $text) -split '\s+' | Where-Object { $_ } | Should -Be $statusColumns
    }

    It 'shows health, the PRT flag, the first finding''s Id and the capture''s file' {
        $rows[1] | Should -Match "^$($missingPrt.DeviceName)\s+Missing\s+False\s+$(@($missingPrt.Findings)[0].Id)\s+missing-prt-0xc000006d-aadsts50126\.txt\s*$"
    }

    It 'shows every finding''s Id, one a line' {
        $ids = @($missingPrt.Findings | ForEach-Object { $_.Id })
        $ids.Count | Should -BeGreaterThan 1
        $rows[2] | Should -Match "^\s+$($ids[1])\s*$"
    }

    It 'shows the age in hours' {
        $rows[3] | Should -Match "^$($healthy.DeviceName)\s+Healthy\s+True\s+$([regex]::Escape($healthy.PrtAgeHours.ToString()))\s+healthy-aadj\.txt\s*$"
    }
}

Describe 'A status the capture cannot fully judge' {
    BeforeAll {
        $partial = Get-PrtStatus -Path (Join-Path $PSScriptRoot '../fixtures/real/dsregcmd/partial-user-state-only-ngc-set.txt')
    }

    It 'shows Unknown readably in the table: health and the PRT flag' {
        $text = $partial | Format-Table | Out-String -Width 200
        $row = @($text -split "`r?`n" | Where-Object { $_ -match '\S' -and $_ -notmatch '^-' })[1]
        $row | Should -Match '^\s*Unknown\s+Unknown\s+PartialCapture\s+partial-user-state-only-ngc-set\.txt\s*$'
    }

    It 'says in the list that the PRT is not in the capture' {
        $text = $partial | Format-List | Out-String -Width 200
        $text | Should -Match 'AzureAdPrt\s+: Unknown \(not in the capture\)'
        $text | Should -Match 'Health\s+: Unknown'
    }
}

Describe 'A status as a list' {
    It 'shows the main fields and every finding' {
        $text = $missingPrt | Format-List | Out-String -Width 200
        $text | Should -Match 'Health\s+: Missing'
        foreach ($finding in $missingPrt.Findings) {
            $text | Should -Match ([regex]::Escape("$($finding.Severity) $($finding.Id): "))
        }
    }

    It 'still has every property for Format-List *' {
        $text = $missingPrt | Format-List -Property * | Out-String -Width 200
        $text | Should -Match 'AzureAdPrtAuthority'
        $text | Should -Match 'Sections'
    }
}

Describe 'Findings as a table' {
    It 'show severity, Id and message, one row each' {
        $text = $missingPrt.Findings | Format-Table | Out-String -Width 300
        (Get-TableHeaderLine -Text $text) -split '\s+' | Where-Object { $_ } | Should -Be @('Severity', 'Id', 'Message')
        foreach ($finding in $missingPrt.Findings) {
            $text | Should -Match ("$($finding.Severity)\s+$($finding.Id)\s")
        }
    }
}

# Issue 13, items 9 and 10: views that cut nothing at 120 columns and whose headers are real
# properties; the flat properties of PrtTools.Types.ps1xml for sorting, Export-Csv and completion.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest

    $missingPrt = Get-PrtStatus -Path (Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt')
    $allFixtures = @(Get-ChildItem -LiteralPath $script:FixtureDir -Filter '*.txt' | Get-PrtStatus -ErrorAction SilentlyContinue)
    # The longest code name of the knowledge base (55 characters) and a long hybrid FQDN.
    $longestName = 'ERROR_ADAL_COULDNOT_DISCOVER_USERNAME_PASSWORD_ENDPOINT'
    $longestCode = '0xcaa90023'
    $fqdn = 'DESKTOP-7H2K9QF.emea.corp.contoso.com'

    function Copy-Deep {
        # A copy with its own nested objects, as remoting returns it (Deserialized.*).
        param($InputObject)
        [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($InputObject, 6))
    }
    function Get-LineHolding {
        param([string] $Text, [string] $Value)
        @($Text -split "`r?`n" | Where-Object { $_.Contains($Value) })
    }
    function Get-ViewLabel {
        # The header labels of the table view and the item labels of the list view of a type.
        param([string] $TypeName, [type] $ControlType)
        foreach ($view in (Get-FormatData -TypeName $TypeName).FormatViewDefinition) {
            if ($view.Control -isnot $ControlType) { continue }
            if ($view.Control -is [System.Management.Automation.TableControl]) {
                $columns = $view.Control.Rows[0].Columns
                for ($i = 0; $i -lt $view.Control.Headers.Count; $i++) {
                    if ($view.Control.Headers[$i].Label) { $view.Control.Headers[$i].Label } else { $columns[$i].DisplayEntry.Value }
                }
            } else {
                foreach ($item in $view.Control.Entries[0].Items) {
                    if ($item.Label) { $item.Label } else { $item.DisplayEntry.Value }
                }
            }
        }
    }
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'At 120 columns nothing is cut' {
    It 'shows a hybrid device''s FQDN and every finding id whole in the status table' {
        $status = Copy-Deep $missingPrt
        $status.DeviceName = $fqdn
        $text = $status | Format-Table | Out-String -Width 120
        Get-LineHolding -Text $text -Value $fqdn | Should -HaveCount 1
        foreach ($finding in $missingPrt.Findings) { Get-LineHolding -Text $text -Value $finding.Id | Should -HaveCount 1 }
        $text | Should -Not -Match '(…|\.\.\.)\s*$'
    }

    It 'shows the longest code name whole in the table of Get-PrtError -Code' {
        $text = Get-PrtError -Code $longestCode | Format-Table | Out-String -Width 120
        Get-LineHolding -Text $text -Value $longestName | Should -HaveCount 1
    }

    It 'shows the longest code name whole in the fleet summary''s code table' {
        $status = Copy-Deep $missingPrt
        @($status.Diagnostics)[0].AttemptStatus = $longestCode
        $summary = $status | Get-PrtFleetSummary
        $text = $summary.Codes | Format-Table | Out-String -Width 120
        Get-LineHolding -Text $text -Value $longestName | Should -HaveCount 1
    }

    It 'shows the status name and the cause whole in the table of a device''s attempts' {
        $attempts = @(Get-PrtError -Simulate 'hybrid-wrong-password')
        $text = $attempts | Format-Table | Out-String -Width 120
        Get-LineHolding -Text $text -Value 'STATUS_LOGON_FAILURE' | Should -Not -BeNullOrEmpty
        Get-LineHolding -Text $text -Value $attempts[0].Cause | Should -Not -BeNullOrEmpty
    }
}

Describe 'Every header of a view is a property of the object' {
    BeforeDiscovery {
        $cases = foreach ($typeName in 'PrtTools.Status', 'PrtTools.Attempt', 'PrtTools.ErrorInfo', 'PrtTools.FleetSummary', 'PrtTools.FleetCode', 'PrtTools.FleetHealth', 'PrtTools.FleetFinding') {
            foreach ($control in 'TableControl', 'ListControl') { @{ TypeName = $typeName; Control = $control } }
        }
    }
    BeforeAll {
        $summary = $allFixtures | Get-PrtFleetSummary
        $objects = @{
            'PrtTools.Status'       = $missingPrt
            'PrtTools.Attempt'      = @(Get-PrtError -Simulate 'hybrid-wrong-password')[0]
            'PrtTools.ErrorInfo'    = Get-PrtError -Code '0xc000006d'
            'PrtTools.FleetSummary' = $summary
            'PrtTools.FleetCode'    = @($summary.Codes)[0]
            'PrtTools.FleetHealth'  = @($summary.Health)[0]
            'PrtTools.FleetFinding' = @($summary.Findings)[0]
        }
    }

    It '<TypeName>, <Control>: each label names a property, so Where-Object and Sort-Object can use it' -ForEach $cases {
        $object = $objects[$TypeName]
        $object.PSObject.TypeNames[0] | Should -Be $TypeName
        $names = @($object.PSObject.Properties | ForEach-Object { $_.Name })
        foreach ($label in @(Get-ViewLabel -TypeName $TypeName -ControlType ("System.Management.Automation.$Control" -as [type]))) {
            $names | Should -Contain $label -Because "the $Control view of $TypeName has a column '$label'"
        }
    }
}

Describe 'Health sorts by severity' {
    It 'HealthRank orders Missing, Expired, Stale, Unknown, Healthy, NotApplicable' {
        $order = @('Missing', 'Expired', 'Stale', 'Unknown', 'Healthy', 'NotApplicable')
        $seen = @($allFixtures | Sort-Object -Property HealthRank | ForEach-Object { [string]$_.Health } | Select-Object -Unique)
        $seen.Count | Should -BeGreaterOrEqual 5
        $seen | Should -Be @($order | Where-Object { $seen -contains $_ })
    }

    It 'is 1 for Missing, the worst' {
        $missingPrt.HealthRank | Should -Be 1
        $missingPrt.HealthRank | Should -BeOfType [int]
    }

    It 'travels with a deserialized copy' {
        (Copy-Deep $missingPrt).HealthRank | Should -Be 1
    }
}

Describe 'Flat properties for Export-Csv (PrtTools.Types.ps1xml)' {
    BeforeAll {
        $csv = Join-Path $TestDrive 'statuses.csv'
        $allFixtures | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $rows = @(Import-Csv -LiteralPath $csv)
        $row = $rows | Where-Object { $_.SourceFile -eq 'missing-prt-0xc000006d-aadsts50126.txt' }
        $stale = $rows | Where-Object { $_.SourceFile -eq 'stale-prt.txt' }
        $staleStatus = $allFixtures | Where-Object { $_.SourceFile -eq 'stale-prt.txt' }
    }

    It 'keeps the finding ids, the attempt''s status and the capture''s path' {
        $rows.Count | Should -Be $allFixtures.Count
        $row.FindingIds | Should -Be ((@($missingPrt.Findings) | ForEach-Object { $_.Id }) -join ', ')
        $row.AttemptStatus | Should -Be '0xc000006d'
        $row.SourcePath | Should -Be $missingPrt.Source.Path
        $row.HealthRank | Should -Be '1'
    }

    It 'writes times as ISO 8601 UTC strings, the same in every culture' {
        $stale.AzureAdPrtUpdateTimeUtc | Should -Match '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$'
        $stale.AzureAdPrtUpdateTimeUtc | Should -Be $staleStatus.AzureAdPrtUpdateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [cultureinfo]::InvariantCulture)
        $stale.EvaluatedAtUtc | Should -Match '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$'
    }

    It 'leaves a time the capture does not show empty, not a made-up one' {
        $missingPrt.AzureAdPrtUpdateTime | Should -BeNullOrEmpty
        $row.AzureAdPrtUpdateTimeUtc | Should -BeNullOrEmpty
    }

    It 'gives an attempt its status, status name and ISO times' {
        $attempt = @(Get-PrtError -Simulate 'hybrid-wrong-password')[0]
        $exported = $attempt | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $exported.AttemptStatus | Should -Be $attempt.Status.Hex
        $exported.StatusName | Should -Be 'STATUS_LOGON_FAILURE'
        $exported.StartUtc | Should -Match '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$'
    }

    It 'makes an attempt''s first and last event times [datetime] in UTC' {
        $attempt = @(Get-PrtError -Simulate 'hybrid-wrong-password')[0]
        $attempt.LastEventTime | Should -BeOfType [datetime]
        $attempt.LastEventTime.Kind | Should -Be 'Utc'
    }
}

Describe 'Output types that tab completion can follow' {
    BeforeDiscovery {
        $commands = @('Get-PrtStatus', 'Get-PrtError', 'Test-PrtHealth', 'Get-PrtFleetSummary', 'Start-PrtTrace', 'Stop-PrtTrace', 'Get-PrtTraceStatus', 'Protect-PrtBundle') | ForEach-Object { @{ Name = $_ } }
    }

    It 'the manifest loads PrtTools.Types.ps1xml' {
        (Import-PowerShellDataFile -LiteralPath $script:ModulePath).TypesToProcess | Should -Contain 'PrtTools.Types.ps1xml'
        (Get-TypeData -TypeName 'PrtTools.Status').Members.Keys | Should -Contain 'FindingIds'
    }

    It '<Name> declares what it returns' -ForEach $commands {
        @((Get-Command -Name $Name).OutputType | ForEach-Object { $_.Name }) | Should -Not -BeNullOrEmpty
    }

    It 'Test-PrtHealth''s answers for several files have a table' {
        $text = Test-PrtHealth -Path (Get-Fixture 'stale-prt.txt'), (Get-Fixture 'healthy-aadj.txt') | Format-Table | Out-String -Width 120
        $text | Should -Match 'Healthy\s+Health\s+Path'
        $text | Should -Match 'False\s+Stale\s+\S*stale-prt\.txt'
    }

    It 'Get-Member lists the flat properties of a status' {
        $members = $missingPrt | Get-Member -MemberType ScriptProperty | ForEach-Object { $_.Name }
        foreach ($name in 'HealthRank', 'FindingIds', 'AttemptStatus', 'SourcePath', 'SourceFile', 'AzureAdPrtUpdateTimeUtc', 'AzureAdPrtExpiryTimeUtc', 'EvaluatedAtUtc') {
            $members | Should -Contain $name
        }
    }

    It 'Get-PrtStatus | Where-Object <Tab> offers them' {
        $line = 'Get-PrtStatus | Where-Object Findi'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }
        $completions | Should -Contain 'FindingIds'
    }

    It 'Get-PrtError | Where-Object <Tab> offers an attempt''s' {
        $line = 'Get-PrtError | Where-Object StatusN'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }
        $completions | Should -Contain 'StatusName'
    }
}

# The hostile corpus (test/fixtures/hostile) through the module: escape sequences and secrets
# planted in a capture, in events, in a file name, in a code and in a simulated device. What the
# host shows (every view through Out-String, Format-List *, error records, verbose and warning
# messages) must hold no raw control character and no planted secret; and the planted data must be
# there in its visible form, so that a cmdlet that dropped it cannot pass.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $env:PRT_STATE_DIR = Join-Path $TestDrive 'state'
    $env:PRT_SIM_SPEED = '400'

    $hostileRoot = Join-Path $script:RepoRoot 'test/fixtures/hostile'
    $escapes = (Get-Content -LiteralPath (Join-Path $hostileRoot 'escapes/strings.json') -Raw | ConvertFrom-Json).Strings
    $secrets = @((Get-Content -LiteralPath (Join-Path $hostileRoot 'secrets/planted.json') -Raw | ConvertFrom-Json).Secrets)
    $allEscapes = (@($escapes.PSObject.Properties | ForEach-Object { $_.Value }) -join '|')
    $secretText = (@($secrets | ForEach-Object { $_.Text }) -join ' ')
    $script:checked = 0

    function Assert-SafeText {
        # No raw control character (a CRLF is a line end) and no planted secret in what the host got.
        param([string] $What, [AllowEmptyString()][string] $Text)
        $plain = $Text.Replace("`r`n", "`n")
        $raw = [regex]::Matches($plain, '[\x00-\x08\x0B-\x1F\x7F-\x9F]') | ForEach-Object { 'U+{0:X4}' -f [int][char]$_.Value }
        @($raw) | Should -BeNullOrEmpty -Because "$What must show no raw control character"
        $found = @($secrets | Where-Object { $Text.Contains($_.Marker) } | ForEach-Object { $_.Name })
        $found | Should -BeNullOrEmpty -Because "$What must show no planted secret"
        $script:checked++
    }

    $capture = Join-Path $TestDrive 'planted-status.txt'
    $original = Get-Content -LiteralPath (Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt') -Raw
    $planted = $original.Replace('Device Name : CTS-LT-31188', "Device Name : CTS-LT-31188$allEscapes").Replace('did not match.', "did not match. $allEscapes $secretText")
    [System.IO.File]::WriteAllText($capture, $planted)
    $hostileFile = Join-Path $TestDrive ("capture" + $escapes.ClearScreen + $escapes.Bell + '.txt')
    [System.IO.File]::WriteAllText($hostileFile, $planted)

    $events = Join-Path $TestDrive 'planted-operational.xml'
    $escapedSecrets = $secretText.Replace('&', '&amp;').Replace('<', '&lt;').Replace('>', '&gt;')
    $xml = Get-Content -LiteralPath (Join-Path $script:RepoRoot 'test/fixtures/events/wrong-password-50126.operational.xml') -Raw
    [System.IO.File]::WriteAllText($events, $xml.Replace('invalid username or password.', "invalid username or password. $allEscapes $escapedSecrets"))
}

AfterAll {
    Write-Host "Hostile: $($script:checked) host outputs checked, all without raw control characters or planted secrets"
    Remove-Item -Path 'env:PRT_STATE_DIR', 'env:PRT_SIM_SPEED' -ErrorAction SilentlyContinue
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Get-PrtStatus with hostile input' {
    It 'shows the planted escapes visibly in every view, and no secret' {
        $status = Get-PrtStatus -Path $capture
        $status.DeviceName | Should -BeLike '*\x1b`[2J*'
        foreach ($view in @(
                ($status | Out-String),
                ($status | Format-List | Out-String),
                ($status | Format-List -Property * | Out-String),
                ($status | Format-Table -Property * | Out-String),
                ($status.Findings | Out-String),
                ($status.Diagnostics | Format-List | Out-String),
                ($status.Sections | Out-String))) {
            Assert-SafeText -What 'a Get-PrtStatus view' -Text $view
        }
        ($status | Format-List -Property * | Out-String) | Should -Match 'x1b'
    }

    # A name with `[` is no valid wildcard: -LiteralPath is how PowerShell takes such a name.
    It 'reads a file whose name holds escape sequences, and says safely that another is missing' {
        Assert-SafeText -What 'status of a hostile file name' -Text (Get-PrtStatus -LiteralPath $hostileFile | Format-List -Property * | Out-String)
        $errors = $null
        Get-PrtStatus -LiteralPath ($hostileFile + '.missing') -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null
        @($errors).Count | Should -BeGreaterThan 0
        Assert-SafeText -What 'the error record' -Text (@($errors) | Out-String)
        Assert-SafeText -What 'the error message' -Text (@($errors)[0].Exception.Message)
    }

    It 'writes no raw control character in its verbose messages' {
        $verbose = Get-PrtStatus -LiteralPath $hostileFile -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose).Count | Should -BeGreaterThan 0
        Assert-SafeText -What 'verbose messages' -Text (@($verbose | ForEach-Object { $_.Message }) -join "`n")
    }

    It '-Redact replaces the names and keeps the health' {
        $status = Get-PrtStatus -Path $capture -Redact
        $status.DeviceName | Should -BeLike 'DEVICE-1*'
        $status.Health | Should -Be (Get-PrtStatus -Path $capture).Health
        ($status | Format-List -Property * | Out-String) | Should -Not -Match 'CTS-LT-31188|lena\.hoffmann|contoso'
    }
}

Describe 'Get-PrtError with hostile input' {
    It 'diagnoses planted events and capture with safe views' {
        $diagnosis = @(Get-PrtError -DsregcmdPath $capture -EventPath $events)
        $diagnosis.Count | Should -BeGreaterThan 0
        Assert-SafeText -What 'Get-PrtError' -Text ($diagnosis | Out-String)
        Assert-SafeText -What 'Get-PrtError Format-List *' -Text ($diagnosis | Format-List -Property * | Out-String)
        Assert-SafeText -What 'Get-PrtError -Redact' -Text (Get-PrtError -DsregcmdPath $capture -EventPath $events -Redact | Format-List -Property * | Out-String)
    }

    It 'explains hostile codes with safe error records' {
        $errors = $null
        $items = Get-PrtError -Code ("0xc000006d" + $escapes.C1Csi), ("bad" + $escapes.WindowTitle), $secretText -ErrorVariable errors -ErrorAction SilentlyContinue
        Assert-SafeText -What 'explained codes' -Text ($items | Format-List -Property * | Out-String)
        @($errors).Count | Should -BeGreaterThan 0
        Assert-SafeText -What 'explain error records' -Text (@($errors) | Out-String)
    }
}

Describe 'A trace of a hostile simulated device, then Protect-PrtBundle' {
    BeforeAll {
        $scenario = Join-Path $TestDrive 'hostile-scenario.json'
        $description = "AADSTS50126: Error validating credentials due to invalid username or password. $allEscapes $secretText"
        @{
            Extends  = 'hybrid-wrong-password'
            Name     = 'hostile'
            Device   = @{ DeviceName = "CTS-WS-0512$($escapes.WindowTitle)"; TenantName = "Contoso$allEscapes" }
            Prt      = @{ LastAttempt = @{ ServerErrorDescription = $description } }
            OnUnlock = @{ Attempt = @{ ServerErrorDescription = $description } }
        } | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $scenario -Encoding utf8
        $bundle = Start-PrtTrace -Simulate $scenario -Wait -TimeoutSeconds 120 -OutputPath (Join-Path $TestDrive 'traces') -WarningAction SilentlyContinue
    }

    It 'returns a bundle whose views are safe' {
        $bundle | Should -Not -BeNullOrEmpty
        Assert-SafeText -What 'the bundle' -Text ($bundle | Out-String)
        Assert-SafeText -What 'the bundle, every property' -Text ($bundle | Format-List -Property * | Out-String)
        Assert-SafeText -What 'the status after' -Text ($bundle.StatusAfter | Format-List -Property * | Out-String)
    }

    It 'Protect-PrtBundle writes a redacted copy, its map beside it and not in the zip' {
        $copy = $bundle | Protect-PrtBundle -OutputPath (Join-Path $TestDrive 'shared')
        $copy.PSObject.TypeNames[0] | Should -Be 'PrtTools.RedactedBundle'
        $copy.MapPath | Should -Exist
        $copy.ZipPath | Should -Exist
        Assert-SafeText -What 'Protect-PrtBundle' -Text ($copy | Format-List -Property * | Out-String)
        $report = Get-Content -LiteralPath (Join-Path $copy.Path 'report.txt') -Raw
        $report | Should -Not -Match 'CTS-WS-0512'
        $report | Should -Match 'DEVICE-1'
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($copy.ZipPath)
        try {
            @($zip.Entries | Where-Object { $_.FullName -like '*redaction-map*' }).Count | Should -Be 0
        } finally {
            $zip.Dispose()
        }
    }

    It 'Start-PrtTrace -Redact returns the redacted copy, with its map beside it' {
        $redacted = Start-PrtTrace -Simulate $scenario -Wait -TimeoutSeconds 120 -Redact -OutputPath (Join-Path $TestDrive 'traces-redact') -WarningAction SilentlyContinue
        $redacted.DeviceName | Should -BeLike 'DEVICE-1*'
        $redacted.Redaction.PSObject.TypeNames[0] | Should -Be 'PrtTools.BundleRedaction'
        $redacted.Redaction.MapPath | Should -Exist
        Assert-SafeText -What 'the redacted bundle' -Text ($redacted | Format-List -Property * | Out-String)
        ($redacted | Format-List -Property * | Out-String) | Should -Not -Match 'CTS-WS-0512'
    }

    It 'Start-PrtTrace -KeepRawEvents records it in the manifest' {
        $raw = Start-PrtTrace -Simulate healthy -Wait -TimeoutSeconds 120 -KeepRawEvents -OutputPath (Join-Path $TestDrive 'traces-raw') -WarningAction SilentlyContinue
        $manifest = Get-Content -LiteralPath (Join-Path $raw.BundlePath 'manifest.json') -Raw | ConvertFrom-Json
        $manifest.Options.KeepRawEvents | Should -BeTrue
    }

    It 'Protect-PrtBundle has help with examples' {
        $help = Get-Help -Name Protect-PrtBundle -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}

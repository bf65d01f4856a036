# Windows PowerShell 5.1 cannot run here (DESIGN 6), so its rules are checked on the source:
# pwsh's own parser finds the syntax only 7 understands.
BeforeDiscovery {
    . $PSScriptRoot/TestHelpers.ps1
    # The module as built (one joined PrtTools.psm1) and its one-function-per-file sources.
    $moduleFiles = @(Get-ChildItem -LiteralPath $ModuleDir -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
            ForEach-Object { @{ Name = $_.FullName.Substring($ModuleDir.Length + 1); Path = $_.FullName } })
    if ([System.IO.Path]::GetFullPath($ModuleDir) -ne [System.IO.Path]::GetFullPath($ModuleSourceDir)) {
        $moduleFiles += @(Get-ChildItem -LiteralPath $ModuleSourceDir -Recurse -File -Include '*.ps1', '*.psm1' |
                ForEach-Object { @{ Name = 'ps-module/' + $_.FullName.Substring($ModuleSourceDir.Length + 1); Path = $_.FullName } })
    }
    $allModuleFiles = @(Get-ChildItem -LiteralPath $ModuleDir -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1', '*.ps1xml' |
            ForEach-Object { @{ Name = $_.FullName.Substring($ModuleDir.Length + 1); Path = $_.FullName } })
    $constructs = @(
        'Ternary', 'PipelineChain', 'NullCoalescing', 'NullCoalescingAssignment', 'NullConditionalMember',
        'NullConditionalIndex', 'ForEach-Object -Parallel', 'ForEach-Object -ThrottleLimit',
        'ConvertFrom-Json -AsHashtable', 'ConvertFrom-Json -Depth', 'Get-Content -AsByteStream',
        'BackgroundOperator', 'UnicodeEscape', 'Command:Join-String', 'CleanBlock'
    ) | ForEach-Object { @{ Construct = $_ } }
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    . $PSScriptRoot/Find-Ps7OnlySyntax.ps1
}

Describe 'The module runs on Windows PowerShell 5.1' {
    It 'has script files to check' -ForEach @(@{ FileCount = $moduleFiles.Count }) {
        $FileCount | Should -BeGreaterOrEqual 4
    }

    It '<Name> uses no PowerShell-7-only syntax' -ForEach $moduleFiles {
        $found = @(Find-Ps7OnlySyntax -Path $Path | ForEach-Object { "line $($_.Line): $($_.Construct): $($_.Text)" })
        $found | Should -BeNullOrEmpty -Because '5.1 cannot parse or run these'
    }

    It '<Name> is ASCII, because 5.1 reads a file without a BOM in the ANSI code page' -ForEach $allModuleFiles {
        $bytes = [System.IO.File]::ReadAllBytes($Path)
        $offenders = @(for ($i = 0; $i -lt $bytes.Length; $i++) { if ($bytes[$i] -gt 127) { $i } })
        $offenders.Count | Should -Be 0 -Because "byte offsets $($offenders | Select-Object -First 5) are not ASCII"
    }
}

Describe 'The 7-only syntax check' {
    BeforeAll {
        $badSample = @(Find-Ps7OnlySyntax -Path (Join-Path $PSScriptRoot 'samples/Ps7Only.ps1'))
    }

    It 'finds <Construct> in a sample that uses it' -ForEach $constructs {
        $badSample.Construct | Should -Contain $Construct
    }

    It 'finds nothing in 5.1 code that only looks like 7-only syntax' {
        $found = @(Find-Ps7OnlySyntax -Path (Join-Path $PSScriptRoot 'samples/Ps51Compatible.ps1') | ForEach-Object { "line $($_.Line): $($_.Construct)" })
        $found | Should -BeNullOrEmpty
    }

    It 'reports a file that does not parse' {
        $broken = Join-Path $TestDrive 'Broken.ps1'
        Set-Content -LiteralPath $broken -Value 'function Broken { if ($true) { '
        (Find-Ps7OnlySyntax -Path $broken).Construct | Should -Contain 'ParseError'
    }
}

# How -Path and -LiteralPath turn into files (Private/Resolve-PrtInputPath.ps1): rules that the
# module mutants of scripts/mutate-module.mjs showed no other test held.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $folder = Join-Path $TestDrive 'captures'
    $null = New-Item -ItemType Directory -Path $folder
    Copy-Item -LiteralPath (Get-Fixture 'stale-prt.txt') -Destination (Join-Path $folder 'one.txt')
    Copy-Item -LiteralPath (Get-Fixture 'stale-prt.txt') -Destination (Join-Path $folder 'two.txt')
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Get-PrtStatus -LiteralPath' {
    It 'never expands a wildcard, even when it would match files' {
        $pattern = Join-Path $folder '*.txt'
        $result = @(Get-PrtStatus -LiteralPath $pattern -ErrorAction SilentlyContinue -ErrorVariable failures)
        $result.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PrtTools.FileNotFound,*'
        $failures[0].TargetObject | Should -Be $pattern
    }
}

Describe 'Get-PrtStatus -Path with a wildcard' {
    It 'expands it to one object per matching file' {
        $result = @(Get-PrtStatus -Path (Join-Path $folder '*.txt'))
        @($result.Source.Path | Sort-Object) | Should -Be @((Join-Path $folder 'one.txt'), (Join-Path $folder 'two.txt'))
    }
}

BeforeDiscovery {
    . $PSScriptRoot/TestHelpers.ps1
    $exported = @((Import-PowerShellDataFile -LiteralPath $ModulePath).FunctionsToExport | ForEach-Object { @{ Name = $_ } })
    $sourceFiles = @(Get-ChildItem -LiteralPath $ModuleSourceDir -Recurse -File |
            Where-Object { $_.Name -notin 'PrtTools.psd1', 'Detect-PrtToolsInstalled.ps1' } | # version stamped by the build (Deploy.Tests.ps1)
            ForEach-Object { @{ Name = $_.FullName.Substring($ModuleSourceDir.Length + 1); Path = $_.FullName } })
    $isSourceModule = [System.IO.Path]::GetFullPath($ModuleDir) -eq [System.IO.Path]::GetFullPath($ModuleSourceDir)
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $manifest = Test-ModuleManifest -Path $ModulePath -ErrorAction Stop
    $data = Import-PowerShellDataFile -LiteralPath $ModulePath
    $module = Get-Module -Name PrtTools
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'The PrtTools manifest' {
    It 'is a valid module manifest' {
        $manifest.Name | Should -Be 'PrtTools'
        $manifest.RootModule | Should -Be 'PrtTools.psm1'
        $manifest.Guid | Should -Not -Be ([guid]::Empty)
    }

    It 'declares Windows PowerShell 5.1 and PowerShell 7 (Desktop and Core)' {
        $data.PowerShellVersion | Should -Be '5.1'
        $data.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }

    It 'carries the version of package.json, stamped by the build' -Skip:$isSourceModule {
        $packageVersion = (Get-Content -LiteralPath (Join-Path $RepoRoot 'package.json') -Raw | ConvertFrom-Json).version
        $manifest.Version | Should -Be ([version]($packageVersion -replace '-.*$', ''))
    }

    It 'lists one function per file in Public/, and nothing else' {
        $public = @(Get-ChildItem -LiteralPath (Join-Path $ModuleSourceDir 'Public') -Filter '*.ps1' | ForEach-Object { $_.BaseName } | Sort-Object)
        @($data.FunctionsToExport | Sort-Object) | Should -Be $public
    }

    It 'exports exactly the functions it lists, and no cmdlets, variables or aliases' {
        @($module.ExportedFunctions.Keys | Sort-Object) | Should -Be @($data.FunctionsToExport | Sort-Object)
        $module.ExportedCmdlets.Count | Should -Be 0
        $module.ExportedVariables.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
        @($data.CmdletsToExport).Count | Should -Be 0
        @($data.VariablesToExport).Count | Should -Be 0
        @($data.AliasesToExport).Count | Should -Be 0
    }

    It 'loads its views from <_>' -ForEach @('PrtTools.Format.ps1xml') {
        $data.FormatsToProcess | Should -Contain $_
        Join-Path $ModuleDir $_ | Should -Exist
    }

    It 'carries tags for the gallery' {
        $data.PrivateData.PSData.Tags | Should -Contain 'PRT'
    }
}

Describe 'The module as built' -Skip:$isSourceModule {
    It 'has the Windows exe and the Linux exe in bin/' {
        Join-Path $ModuleDir 'bin/prt.exe' | Should -Exist
        Join-Path $ModuleDir 'bin/prt' | Should -Exist
    }

    It 'has the current <Name> from ps-module/' -ForEach $sourceFiles {
        # The function files and the source loader are joined into one PrtTools.psm1
        # (scripts/build-module.mjs); every other file is copied as it is.
        if ($Name -match '^(Public|Private)[\\/]' -or $Name -eq 'PrtTools.psm1') {
            $joined = [System.IO.File]::ReadAllText((Join-Path $ModuleDir 'PrtTools.psm1'))
            if ($Name -ne 'PrtTools.psm1') {
                $joined.Contains([System.IO.File]::ReadAllText($Path).TrimEnd()) | Should -BeTrue -Because 'dist/ must be rebuilt after ps-module/ changes (npm run build)'
            }
            return
        }
        $built = Join-Path $ModuleDir $Name
        $built | Should -Exist
        (Get-FileHash -LiteralPath $built).Hash | Should -Be (Get-FileHash -LiteralPath $Path).Hash -Because 'dist/ must be rebuilt after ps-module/ changes (npm run build)'
    }
}

Describe 'Help of <Name>' -ForEach $exported {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
        $parameters = @((Get-Command -Name $Name).Parameters.Values | Where-Object {
                $_.Name -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and
                $_.Name -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            })
    }

    It 'has a synopsis written for it' {
        # Without comment-based help, Get-Help makes one up from the syntax.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + '\s+\[')
    }

    It 'has a description' {
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples' {
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    It 'describes every parameter' {
        foreach ($parameter in $parameters) {
            $entry = $help.Parameters.Parameter | Where-Object { $_.Name -eq $parameter.Name }
            ($entry.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a .PARAMETER entry"
        }
    }
}

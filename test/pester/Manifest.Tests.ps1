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
        # (scripts/build-module.mjs), without their comment help (it is in en-US/PrtTools-help.xml);
        # every other file is copied as it is.
        if ($Name -match '^(Public|Private)[\\/]' -or $Name -eq 'PrtTools.psm1') {
            if ($Name -ne 'PrtTools.psm1') {
                $joined = [System.IO.File]::ReadAllText((Join-Path $ModuleDir 'PrtTools.psm1')) -replace "`r", ''
                $header = '# --- ' + ($Name -replace '\\', '/') + "`n"
                $start = $joined.IndexOf($header)
                $start | Should -BeGreaterOrEqual 0 -Because "the joined PrtTools.psm1 has a section for $Name"
                $start += $header.Length
                $end = $joined.IndexOf("`n# --- ", $start)
                if ($end -lt 0) { $end = $joined.Length }
                # The source's code: its text without the comment help blocks (<# … .SYNOPSIS … #>).
                $tokens = $null
                $parseErrors = $null
                $null = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$parseErrors)
                $source = [System.IO.File]::ReadAllText($Path)
                foreach ($token in @($tokens | Where-Object { $_.Kind -eq 'Comment' -and $_.Text -like '<#*' -and $_.Text -match '(?m)^\s*\.SYNOPSIS\b' } | Sort-Object { $_.Extent.StartOffset } -Descending)) {
                    $source = $source.Remove($token.Extent.StartOffset, $token.Extent.EndOffset - $token.Extent.StartOffset)
                }
                $codeLines = { param($text) @(($text -replace "`r", '') -split "`n" | Where-Object { $_.Trim() -and $_.Trim() -ne '# .ExternalHelp PrtTools-help.xml' }) -join "`n" }
                (& $codeLines $joined.Substring($start, $end - $start)) | Should -BeExactly (& $codeLines $source) -Because 'dist/ must be rebuilt after ps-module/ changes (npm run build)'
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

# The shipped module has its cmdlets' help as MAML (en-US/PrtTools-help.xml), written by the build
# from the sources' comment help (scripts/package/module-help.ps1): it must say what they say.
Describe 'Shipped help of <Name> (MAML from the sources)' -ForEach $exported -Skip:$isSourceModule {
    BeforeAll {
        $help = Get-Help -Name "PrtTools\$Name" -Full
        $sourceFile = Join-Path (Join-Path $ModuleSourceDir 'Public') "$Name.ps1"
        $tokens = $null
        $parseErrors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($sourceFile, [ref]$tokens, [ref]$parseErrors)
        $function = $ast.Find({ param($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] -and $node.Name -eq $Name }, $false)
        $comment = $function.GetHelpContent()
        $flat = { param($text) (($text | Out-String) -replace '\s+', ' ').Trim() }
        $joined = [System.IO.File]::ReadAllText((Join-Path $ModuleDir 'PrtTools.psm1'))
    }

    It 'comes from en-US/PrtTools-help.xml, not from comments in the shipped PrtTools.psm1' {
        Join-Path $ModuleDir 'en-US/PrtTools-help.xml' | Should -Exist
        $joined | Should -Not -Match '(?m)^\s*\.SYNOPSIS\b'
        $joined | Should -Match ("function $Name \{\r?\n\s*# \.ExternalHelp PrtTools-help\.xml")
        # Get-Help found the MAML: comment help has no command details, MAML names verb and noun.
        $help.details.verb | Should -Be ($Name -split '-')[0]
    }

    It 'has the synopsis and description of the source' {
        & $flat $help.Synopsis | Should -BeExactly (& $flat $comment.Synopsis)
        & $flat $help.description.Text | Should -BeExactly (& $flat $comment.Description)
        # One Text, as comment help gives it: scripts search (Get-Help X).Description.Text.
        @($help.description).Count | Should -Be 1
    }

    It 'describes each parameter as the source does' {
        $comment.Parameters.Count | Should -BeGreaterThan 0
        foreach ($key in $comment.Parameters.Keys) {
            $entry = @($help.parameters.parameter | Where-Object { $_.name -eq $key })
            $entry.Count | Should -Be 1 -Because "-$key is in the source's help"
            & $flat $entry[0].description.Text | Should -BeExactly (& $flat $comment.Parameters[$key]) -Because "-$key"
        }
    }

    It 'has the examples of the source (Get-Help -Examples)' {
        $examples = @((Get-Help -Name "PrtTools\$Name" -Examples).examples.example)
        $examples.Count | Should -Be $comment.Examples.Count
        for ($i = 0; $i -lt $examples.Count; $i++) {
            # The source example is its command lines, then a blank line, then its remarks.
            $sourceCode, $sourceRemarks = ($comment.Examples[$i] -replace "`r", '').Trim() -split "\n\s*\n", 2
            & $flat $examples[$i].code | Should -BeExactly (& $flat $sourceCode)
            & $flat $examples[$i].remarks.Text | Should -BeExactly (& $flat $sourceRemarks)
        }
    }

    It 'has the syntax PowerShell sees, the inputs, outputs and links of the source' {
        @($help.syntax.syntaxItem).Count | Should -Be @((Get-Command -Name "PrtTools\$Name").ParameterSets).Count
        & $flat $help.inputTypes.inputType.type.name | Should -BeExactly (& $flat $comment.Inputs)
        & $flat $help.returnValues.returnValue.type.name | Should -BeExactly (& $flat $comment.Outputs)
        @($help.relatedLinks.navigationLink | ForEach-Object { if ($_.uri) { $_.uri } else { $_.linkText } }) | Should -Be @($comment.Links | ForEach-Object { ($_.Trim() -split '\r?\n')[0].Trim() })
    }
}

# The deployment kit in Examples/ (Install-PrtTools.ps1, Uninstall-PrtTools.ps1,
# Detect-PrtToolsInstalled.ps1), run as Intune or Configuration Manager would, against a
# temporary module root instead of Program Files. The scripts come from the built module, where
# the detection script carries the package's version.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $script:Examples = Join-Path $ModuleDir 'Examples'
    $script:Install = Join-Path $Examples 'Install-PrtTools.ps1'
    $script:Uninstall = Join-Path $Examples 'Uninstall-PrtTools.ps1'
    $script:Detect = Join-Path $Examples 'Detect-PrtToolsInstalled.ps1'
    $script:BuiltVersion = [string](Import-PowerShellDataFile -LiteralPath $ModulePath).ModuleVersion

    # A small module like the package (tiny exes): what the kit does does not depend on their size.
    function New-SourceModule {
        param([string] $Path, [string] $Version)
        $null = New-Item -ItemType Directory -Path (Join-Path $Path 'bin') -Force
        Copy-Item -LiteralPath (Join-Path $ModuleDir 'PrtTools.psm1') -Destination $Path
        Copy-Item -LiteralPath $Examples -Destination (Join-Path $Path 'Examples') -Recurse
        (Get-Content -LiteralPath $ModulePath -Raw) -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion = '$Version'" |
            Set-Content -LiteralPath (Join-Path $Path 'PrtTools.psd1')
        Set-Content -LiteralPath (Join-Path $Path 'bin/prt.exe') -Value "windows exe $Version"
        Set-Content -LiteralPath (Join-Path $Path 'bin/prt') -Value "linux exe $Version"
        return $Path
    }

    function Invoke-Kit {
        param([string] $Script, [hashtable] $Parameters)
        $output = & $Script @Parameters 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
    }
}

Describe 'The deployment kit' {
    BeforeEach {
        $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ('prt-deploy-' + [guid]::NewGuid().ToString('N'))
        $script:ModuleRoot = Join-Path $Work 'Modules'
        $script:Log = Join-Path $Work 'logs/install.log'
        $script:Source = New-SourceModule -Path (Join-Path $Work 'package/PrtTools') -Version '2.3.4'
        $script:Target = Join-Path $ModuleRoot 'PrtTools/2.3.4'
        $script:Common = @{ ModuleRoot = $ModuleRoot; LogPath = $Log }
    }
    AfterEach {
        Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'installs into ModuleRoot/PrtTools/version, logs it, and a second run changes nothing' {
        $first = Invoke-Kit $Install (@{ SourcePath = $Source } + $Common)
        $first.ExitCode | Should -Be 0
        Test-Path -LiteralPath (Join-Path $Target 'PrtTools.psd1') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $Target 'bin/prt.exe') | Should -BeTrue
        Get-Content -LiteralPath $Log -Raw | Should -Match "Installed PrtTools 2\.3\.4 at '.*PrtTools[\\/]2\.3\.4'"
        $written = (Get-Item -LiteralPath (Join-Path $Target 'PrtTools.psd1')).LastWriteTimeUtc
        Start-Sleep -Milliseconds 50

        $second = Invoke-Kit $Install (@{ SourcePath = $Source } + $Common)
        $second.ExitCode | Should -Be 0
        Get-Content -LiteralPath $Log -Raw | Should -Match 'already installed .* with the same files: nothing to do'
        (Get-Item -LiteralPath (Join-Path $Target 'PrtTools.psd1')).LastWriteTimeUtc | Should -Be $written
        # No leftovers of the copy-then-rename.
        @(Get-ChildItem -LiteralPath (Join-Path $ModuleRoot 'PrtTools') -Force | ForEach-Object Name) | Should -Be @('2.3.4')
    }

    It 'replaces a damaged copy of the same version' {
        (Invoke-Kit $Install (@{ SourcePath = $Source } + $Common)).ExitCode | Should -Be 0
        Set-Content -LiteralPath (Join-Path $Target 'bin/prt.exe') -Value 'damaged'
        Remove-Item -LiteralPath (Join-Path $Target 'PrtTools.psm1')
        (Invoke-Kit $Install (@{ SourcePath = $Source } + $Common)).ExitCode | Should -Be 0
        Get-Content -LiteralPath (Join-Path $Target 'bin/prt.exe') | Should -Be 'windows exe 2.3.4'
        Test-Path -LiteralPath (Join-Path $Target 'PrtTools.psm1') | Should -BeTrue
        Get-Content -LiteralPath $Log -Raw | Should -Match 'Replacing'
    }

    It 'with -RemoveOlderVersions removes older versions and keeps newer ones' {
        $null = New-SourceModule -Path (Join-Path $ModuleRoot 'PrtTools/1.0.0') -Version '1.0.0'
        $null = New-SourceModule -Path (Join-Path $ModuleRoot 'PrtTools/9.0.0') -Version '9.0.0'
        (Invoke-Kit $Install (@{ SourcePath = $Source; RemoveOlderVersions = $true } + $Common)).ExitCode | Should -Be 0
        @(Get-ChildItem -LiteralPath (Join-Path $ModuleRoot 'PrtTools') -Directory | ForEach-Object Name | Sort-Object) | Should -Be @('2.3.4', '9.0.0')
        Get-Content -LiteralPath $Log -Raw | Should -Match 'Removed the older version 1\.0\.0'
    }

    It 'installs from the zip as well (the package as downloaded)' {
        $zip = Join-Path $Work 'PrtTools-2.3.4-win-x64.zip'
        Compress-Archive -LiteralPath $Source -DestinationPath $zip
        (Invoke-Kit $Install (@{ SourcePath = $zip } + $Common)).ExitCode | Should -Be 0
        Get-Content -LiteralPath (Join-Path $Target 'bin/prt.exe') | Should -Be 'windows exe 2.3.4'
    }

    It 'installs the module it is part of when no source is given' {
        $ownScript = Join-Path $Source 'Examples/Install-PrtTools.ps1'
        (Invoke-Kit $ownScript $Common).ExitCode | Should -Be 0
        Test-Path -LiteralPath (Join-Path $Target 'PrtTools.psd1') | Should -BeTrue
    }

    It 'fails with exit code 1 and says why in the log when the source is not a module' {
        $empty = Join-Path $Work 'empty'
        $null = New-Item -ItemType Directory -Path $empty -Force
        $result = Invoke-Kit $Install (@{ SourcePath = $empty } + $Common)
        $result.ExitCode | Should -Be 1
        Get-Content -LiteralPath $Log -Raw | Should -Match 'Install-PrtTools failed: .*holds no PrtTools\.psd1'
        Test-Path -LiteralPath (Join-Path $ModuleRoot 'PrtTools') | Should -BeFalse
    }

    It 'detects the version: a line and exit 0 once installed, nothing (still exit 0) before and for another version' {
        $before = Invoke-Kit $Detect @{ ModuleRoot = $ModuleRoot; RequiredVersion = '2.3.4' }
        $before.ExitCode | Should -Be 0
        $before.Output | Should -BeNullOrEmpty
        (Invoke-Kit $Install (@{ SourcePath = $Source } + $Common)).ExitCode | Should -Be 0
        $after = Invoke-Kit $Detect @{ ModuleRoot = $ModuleRoot; RequiredVersion = '2.3.4' }
        $after.ExitCode | Should -Be 0
        $after.Output | Should -HaveCount 1
        $after.Output[0] | Should -BeLike 'PrtTools 2.3.4 is installed at *'
        (Invoke-Kit $Detect @{ ModuleRoot = $ModuleRoot; RequiredVersion = '2.3.5' }).Output | Should -BeNullOrEmpty
        # Without the exe the install is not whole: not detected.
        $exeName = if ($IsWindows) { 'prt.exe' } else { 'prt' }
        Remove-Item -LiteralPath (Join-Path $Target "bin/$exeName")
        (Invoke-Kit $Detect @{ ModuleRoot = $ModuleRoot; RequiredVersion = '2.3.4' }).Output | Should -BeNullOrEmpty
    }

    It 'the built detection script carries the package version (Intune runs it without parameters)' {
        $source = Get-Content -LiteralPath (Join-Path $ModuleSourceDir 'Examples/Detect-PrtToolsInstalled.ps1') -Raw
        $source | Should -Match ([regex]::Escape("[string] `$RequiredVersion = '0.0.0'"))
        # The build changes that one value and nothing else.
        (Get-Content -LiteralPath $Detect -Raw) | Should -BeExactly $source.Replace("`$RequiredVersion = '0.0.0'", "`$RequiredVersion = '$BuiltVersion'")
        $null = New-SourceModule -Path (Join-Path $ModuleRoot "PrtTools/$BuiltVersion") -Version $BuiltVersion
        (Invoke-Kit $Detect @{ ModuleRoot = $ModuleRoot }).Output | Should -BeLike "PrtTools $BuiltVersion is installed at *"
    }

    It 'uninstalls the version, removes the empty PrtTools folder, and a second run is still a success' {
        $null = New-SourceModule -Path (Join-Path $ModuleRoot 'PrtTools/1.0.0') -Version '1.0.0'
        (Invoke-Kit $Install (@{ SourcePath = $Source } + $Common)).ExitCode | Should -Be 0
        $uninstallLog = Join-Path $Work 'logs/uninstall.log'
        (Invoke-Kit $Uninstall @{ ModuleRoot = $ModuleRoot; LogPath = $uninstallLog; Version = '2.3.4' }).ExitCode | Should -Be 0
        Test-Path -LiteralPath $Target | Should -BeFalse
        Test-Path -LiteralPath (Join-Path $ModuleRoot 'PrtTools/1.0.0') | Should -BeTrue
        (Invoke-Kit $Uninstall @{ ModuleRoot = $ModuleRoot; LogPath = $uninstallLog; AllVersions = $true }).ExitCode | Should -Be 0
        Test-Path -LiteralPath (Join-Path $ModuleRoot 'PrtTools') | Should -BeFalse
        $again = Invoke-Kit $Uninstall @{ ModuleRoot = $ModuleRoot; LogPath = $uninstallLog; Version = '2.3.4' }
        $again.ExitCode | Should -Be 0
        Get-Content -LiteralPath $uninstallLog -Raw | Should -Match 'not installed .*: nothing to remove'
    }

    It 'the uninstall script removes the version of the module it is part of by default' {
        (Invoke-Kit $Install (@{ SourcePath = $Source } + $Common)).ExitCode | Should -Be 0
        $ownScript = Join-Path $Target 'Examples/Uninstall-PrtTools.ps1'
        (Invoke-Kit $ownScript @{ ModuleRoot = $ModuleRoot; LogPath = $Log }).ExitCode | Should -Be 0
        Test-Path -LiteralPath $Target | Should -BeFalse
    }
}

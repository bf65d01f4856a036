# The nupkgs of the build installed the way organisations do: a folder repository,
# Register-PSResourceRepository, Install-PSResource. Each install runs in a child pwsh whose HOME,
# XDG folders and PSModulePath point into a temporary folder: the real profile is never touched.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $script:Version = (Get-Content -LiteralPath (Join-Path $RepoRoot 'package.json') -Raw | ConvertFrom-Json).version
    # The pinned pwsh (scripts/pester.sh exports it): this process may be 'dotnet' running pwsh.dll.
    $script:Pwsh = if ($env:PWSH) { $env:PWSH } else { 'pwsh' }
    $script:Dist = Join-Path $RepoRoot 'dist'
    $script:Root = Join-Path ([System.IO.Path]::GetTempPath()) ('prt-package-' + [guid]::NewGuid().ToString('N'))
    $script:Feed = Join-Path $Root 'feed'
    $null = New-Item -ItemType Directory -Path $Feed -Force
    foreach ($name in "PrtTools.$Version.nupkg", "PrtTools.$Version-linux.nupkg") {
        Copy-Item -LiteralPath (Join-Path $Dist $name) -Destination $Feed
    }

    # Runs a script in a fresh pwsh with its own home; returns its output (JSON) parsed, or throws
    # with what it wrote.
    function Invoke-IsolatedPwsh {
        param([string] $HomeName, [string] $Script)
        $homeDir = Join-Path $Root $HomeName
        $modules = Join-Path $homeDir '.local/share/powershell/Modules'
        $null = New-Item -ItemType Directory -Path $modules -Force
        $saved = @{}
        $isolated = @{
            HOME = $homeDir; XDG_DATA_HOME = (Join-Path $homeDir '.local/share'); XDG_CONFIG_HOME = (Join-Path $homeDir '.config')
            XDG_CACHE_HOME = (Join-Path $homeDir '.cache'); PSModulePath = $modules; PRTTOOLS_EXE = $null; NO_COLOR = '1'
        }
        foreach ($key in $isolated.Keys) {
            $saved[$key] = [System.Environment]::GetEnvironmentVariable($key)
            [System.Environment]::SetEnvironmentVariable($key, $isolated[$key])
        }
        try {
            # Plain text: escape sequences in a failure message would break the NUnit report.
            $output = & $Pwsh -NoProfile -NonInteractive -Command ("`$PSStyle.OutputRendering = 'PlainText'`n" + $Script) 2>&1
            $code = $LASTEXITCODE
        } finally {
            foreach ($key in $saved.Keys) { [System.Environment]::SetEnvironmentVariable($key, $saved[$key]) }
        }
        $text = ($output | ForEach-Object { "$_" }) -join "`n"
        if ($code -ne 0) { throw "child pwsh exited with $code`n$text" }
        return ($output | Select-Object -Last 1 | ForEach-Object { "$_" }) | ConvertFrom-Json
    }
}

AfterAll {
    if ($Root -and (Test-Path -LiteralPath $Root)) { Remove-Item -LiteralPath $Root -Recurse -Force }
}

Describe 'Install-PSResource from a folder repository' {
    It 'installs the Linux flavour (-linux prerelease) with an executable bin/prt; if the bit is lost, the first cmdlet sets it again' {
        $result = Invoke-IsolatedPwsh -HomeName 'linux' -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name corp -Uri '$Feed' -Trusted
Install-PSResource -Name PrtTools -Repository corp -Scope CurrentUser -Version '$Version-linux' -Prerelease -Quiet
Import-Module PrtTools
`$module = Get-Module PrtTools
`$exe = Join-Path `$module.ModuleBase 'bin/prt'
`$modeInstalled = [string][System.IO.File]::GetUnixFileMode(`$exe)
# As a package rebuilt by Publish-PSResource (entries 0644) or a copy through a Windows share leaves it.
[System.IO.File]::SetUnixFileMode(`$exe, [System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead, OtherRead')
`$modeBefore = [string][System.IO.File]::GetUnixFileMode(`$exe)
`$code = Get-PrtError -Code 0xc000006d
[pscustomobject]@{
    ModuleBase = `$module.ModuleBase; Version = [string]`$module.Version
    ModeInstalled = `$modeInstalled; ModeBefore = `$modeBefore; ModeAfter = [string][System.IO.File]::GetUnixFileMode(`$exe)
    TypeName = `$code.PSObject.TypeNames[0]; Name = [string]`$code.Name; HasExe = Test-Path (Join-Path `$module.ModuleBase 'bin/prt.exe')
    Installed = [string](Get-InstalledPSResource PrtTools).Version; Prerelease = [string](Get-InstalledPSResource PrtTools).Prerelease
} | ConvertTo-Json -Compress
"@
        $result.ModuleBase | Should -BeLike "$Root/linux/*/PrtTools/$($Version -replace '-.*$')"
        $result.Version | Should -Be ($Version -replace '-.*$')
        # The nupkg stores bin/prt as 0755 and Install-PSResource keeps that...
        $result.ModeInstalled | Should -Match 'UserExecute'
        # ...and where the bit was lost, the module set it on first use, for whoever may read it.
        $result.ModeBefore | Should -Not -Match 'UserExecute'
        $result.ModeAfter | Should -Be 'OtherExecute, OtherRead, GroupExecute, GroupRead, UserExecute, UserWrite, UserRead'
        $result.TypeName | Should -BeLike 'PrtTools.*'
        $result.Name | Should -Be 'STATUS_LOGON_FAILURE'
        $result.HasExe | Should -BeFalse
        $result.Prerelease | Should -Be 'linux'
    }

    It 'installs the Windows flavour by its version: bin/prt.exe only, and the module imports' {
        $result = Invoke-IsolatedPwsh -HomeName 'windows' -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name corp -Uri '$Feed' -Trusted
Install-PSResource -Name PrtTools -Repository corp -Scope CurrentUser -Version '$Version' -Quiet
Import-Module PrtTools
`$module = Get-Module PrtTools
[pscustomobject]@{
    ModuleBase = `$module.ModuleBase; Commands = @(`$module.ExportedFunctions.Keys | Sort-Object)
    Files = @(Get-ChildItem -LiteralPath `$module.ModuleBase -Recurse -File | ForEach-Object { `$_.FullName.Substring(`$module.ModuleBase.Length + 1) } | Sort-Object)
} | ConvertTo-Json -Compress
"@
        $result.ModuleBase | Should -BeLike "$Root/windows/*"
        $result.Commands | Should -Contain 'Get-PrtStatus'
        $result.Commands | Should -Contain 'Get-PrtError'
        $result.Files | Should -Contain 'bin/prt.exe'
        $result.Files | Should -Not -Contain 'bin/prt'
        $result.Files | Should -Contain 'THIRD-PARTY-NOTICES.txt'
        $result.Files | Should -Contain 'Examples/Install-PrtTools.ps1'
    }
}

Describe 'The nupkg layout' {
    It 'has the same parts and nuspec as one Publish-PSResource makes of the same module' {
        # A small copy of the module (tiny exes) packed both ways: ours and PSResourceGet's.
        $module = Join-Path $Root 'compare/PrtTools'
        $null = New-Item -ItemType Directory -Path (Split-Path $module) -Force
        Copy-Item -LiteralPath (Join-Path $Dist 'PrtTools') -Destination $module -Recurse
        Set-Content -LiteralPath (Join-Path $module 'bin/prt.exe') -Value 'exe'
        Set-Content -LiteralPath (Join-Path $module 'bin/prt') -Value 'exe'
        $ours = Join-Path $Root 'compare/ours'
        $null = New-Item -ItemType Directory -Path $ours
        $meta = Join-Path $Root 'compare/meta.json'
        & $Pwsh -NoProfile -File (Join-Path $RepoRoot 'scripts/package/module-metadata.ps1') (Join-Path $module 'PrtTools.psd1') | Set-Content -LiteralPath $meta
        & node (Join-Path $RepoRoot 'scripts/package/package.mjs') $module $ours $Version $meta 1700000000 (Join-Path $module 'PrtTools.psd1')
        $LASTEXITCODE | Should -Be 0

        Remove-Item -LiteralPath (Join-Path $module 'bin/prt')
        $published = Join-Path $Root 'compare/published'
        $null = New-Item -ItemType Directory -Path $published
        $null = Invoke-IsolatedPwsh -HomeName 'publish' -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name local -Uri '$published' -Trusted
Publish-PSResource -Path '$module' -Repository local
'{}'
"@
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $read = {
            param($path)
            $zip = [System.IO.Compression.ZipFile]::OpenRead($path)
            try {
                $names = @($zip.Entries | ForEach-Object FullName | ForEach-Object { $_ -replace '[0-9a-f]{32}\.psmdcp$', 'X.psmdcp' } | Sort-Object)
                $text = @{}
                foreach ($entry in $zip.Entries | Where-Object { $_.FullName -in 'PrtTools.nuspec', '[Content_Types].xml' }) {
                    $reader = New-Object System.IO.StreamReader($entry.Open())
                    $text[$entry.FullName] = $reader.ReadToEnd()
                    $reader.Dispose()
                }
                [pscustomobject]@{ Names = $names; Nuspec = $text['PrtTools.nuspec']; Types = $text['[Content_Types].xml'] }
            } finally { $zip.Dispose() }
        }
        $mine = & $read (Join-Path $ours "PrtTools.$Version.nupkg")
        $theirs = & $read (Join-Path $published "PrtTools.$Version.nupkg")
        $mine.Names | Should -Be $theirs.Names
        ($mine.Nuspec -replace '\r\n', "`n").Trim() | Should -Be ($theirs.Nuspec -replace '\r\n', "`n").Trim()
        $defaults = { param($xml) @(([xml]$xml).Types.Default | ForEach-Object { "$($_.Extension)=$($_.ContentType)" } | Sort-Object) }
        & $defaults $mine.Types | Should -Be (& $defaults $theirs.Types)
    }
}

Describe 'bin/prt without its execute bit, where PrtTools may not set it' {
    BeforeAll {
        $copy = Join-Path $Root 'readonly/PrtTools'
        $null = New-Item -ItemType Directory -Path (Split-Path $copy) -Force
        Copy-Item -LiteralPath $ModuleDir -Destination $copy -Recurse
        $script:CopiedExe = Join-Path $copy 'bin/prt'
        [System.IO.File]::SetUnixFileMode($CopiedExe, [System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead, OtherRead')
        Clear-FakePrt
        Get-Module -Name PrtTools | Remove-Module -Force
        Import-Module -Name (Join-Path $copy 'PrtTools.psd1') -Force
        # As when root installed it for all users and someone else runs it.
        Mock -ModuleName PrtTools Set-PrtExeExecutable { throw [System.UnauthorizedAccessException]::new("Access to the path '$Path' is denied.") }
    }
    AfterAll { Get-Module -Name PrtTools | Remove-Module -Force }

    It 'stops with an error that names the one command that fixes it' {
        $caught = $null
        try { Get-PrtError -Code 0xc000006d -ErrorAction Stop } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'PrtTools.ExeNotExecutable,*'
        $caught.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $caught.Exception.Message | Should -BeLike "*sudo chmod +x '$CopiedExe'*"
        $caught.Exception.Message | Should -BeLike '*is denied*'
    }
}

Describe "The trace bundle's zip (written by yazl)" {
    It 'opens with Expand-Archive, every file as the bundle folder holds it' {
        $state = Join-Path $Root 'trace-state'
        $null = New-Item -ItemType Directory -Path $state -Force
        $saved = @{ PRT_STATE_DIR = $env:PRT_STATE_DIR; PRT_SIM_SPEED = $env:PRT_SIM_SPEED }
        $env:PRT_STATE_DIR = $state
        $env:PRT_SIM_SPEED = '400'
        try {
            $json = & $RealExe trace run --simulate hybrid-wrong-password --json 2>$null
            $LASTEXITCODE | Should -Be 0
        } finally {
            $env:PRT_STATE_DIR = $saved.PRT_STATE_DIR
            $env:PRT_SIM_SPEED = $saved.PRT_SIM_SPEED
        }
        $bundle = ($json -join "`n") | ConvertFrom-Json
        Test-Path -LiteralPath $bundle.ZipPath | Should -BeTrue
        $out = Join-Path $Root 'trace-expanded'
        Expand-Archive -LiteralPath $bundle.ZipPath -DestinationPath $out
        $folder = Join-Path $out (Split-Path -Leaf $bundle.BundlePath)
        $inZip = @(Get-ChildItem -LiteralPath $folder -Recurse -File | ForEach-Object { $_.FullName.Substring($folder.Length + 1) } | Sort-Object)
        $inFolder = @(Get-ChildItem -LiteralPath $bundle.BundlePath -Recurse -File | ForEach-Object { $_.FullName.Substring($bundle.BundlePath.Length + 1) } | Sort-Object)
        $inZip | Should -Be $inFolder
        $inZip | Should -Contain 'report.txt'
        foreach ($name in $inZip) {
            (Get-FileHash -LiteralPath (Join-Path $folder $name)).Hash | Should -Be (Get-FileHash -LiteralPath (Join-Path $bundle.BundlePath $name)).Hash -Because $name
        }
    }
}

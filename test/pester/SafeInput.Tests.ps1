# Inputs an admin can get wrong or that the file system makes odd: an empty -Code, and a Linux
# file name with a backslash in it.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Get-PrtError -Code with nothing in it' {
    It 'is a parameter error for <Name>, like the exe''s exit 3' -TestCases @(
        @{ Name = "''"; Value = '' }
        @{ Name = '$null'; Value = $null }
        @{ Name = '@()'; Value = @() }
        @{ Name = "'  '"; Value = '  ' }
    ) {
        param($Name, $Value)
        $caught = $null
        try {
            Get-PrtError -Code $Value -ErrorAction Stop | Out-Null
        } catch {
            $caught = $_
        }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Match '^PrtTools\.EmptyInput'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'still skips an empty status coming down the pipeline (a diagnostics block without one)' {
        $result = @([pscustomobject]@{ AttemptStatus = $null }, [pscustomobject]@{ AttemptStatus = '0xc000006d' } | Get-PrtError)
        $result.Count | Should -Be 1
        $result[0].Name | Should -Be 'STATUS_LOGON_FAILURE'
    }
}

Describe 'a Linux file name with a backslash' {
    It 'is read as named, not as a folder and a file' -Skip:([System.IO.Path]::DirectorySeparatorChar -ne '/') {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString())
        New-Item -ItemType Directory -Path $folder | Out-Null
        try {
            # Built as a string and copied with .NET: PowerShell's own cmdlets would split the name too.
            $named = $folder + '/ticket 4711\status.txt'
            [System.IO.File]::Copy((Get-Fixture 'healthy-aadj.txt'), $named)
            [System.IO.Directory]::Exists($folder + '/ticket 4711') | Should -BeFalse
            $status = Get-PrtStatus -Path $named
            $status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
            Push-Location $folder
            try {
                (Get-PrtStatus -Path 'ticket 4711\status.txt').PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
            } finally {
                Pop-Location
            }
        } finally {
            Remove-Item -LiteralPath $folder -Recurse -Force
        }
    }
}

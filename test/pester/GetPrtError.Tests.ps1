# Get-PrtError against the real exe (bin/prt of the built module): -Code and the pipeline,
# types, views, batching, partial errors, completion, serialization; the device parameter set.
BeforeDiscovery {
    . $PSScriptRoot/TestHelpers.ps1
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $missingPrt = Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt'
}

AfterAll {
    Clear-FakePrt
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Get-PrtError -Code' {
    BeforeAll {
        $infos = @(Get-PrtError -Code '0xc000006d', 'AADSTS50126', '12002')
        $raw = (Invoke-RealPrt -Argument @('explain', '--json', '--', '0xc000006d', 'AADSTS50126', '12002')).Document
    }

    It 'returns one PrtTools.ErrorInfo per code, in the order given' {
        $infos.Count | Should -Be 3
        foreach ($info in $infos) { $info.PSObject.TypeNames[0] | Should -Be 'PrtTools.ErrorInfo' }
        $infos.Input | Should -Be @('0xc000006d', 'AADSTS50126', '12002')
        $infos.Name | Should -Be @('STATUS_LOGON_FAILURE', 'InvalidUserNameOrPassword', 'ERROR_WINHTTP_TIMEOUT')
    }

    It 'keeps every property of the exe''s JSON, in its order' {
        for ($i = 0; $i -lt 3; $i++) {
            $infos[$i].PSObject.Properties.Name | Should -Be $raw[$i].PSObject.Properties.Name
        }
    }

    It 'names the evidence PrtTools.ErrorEvidence and the related codes PrtTools.RelatedCode' {
        @($infos[0].Evidence).Count | Should -BeGreaterThan 0
        foreach ($item in $infos[0].Evidence) { $item.PSObject.TypeNames[0] | Should -Be 'PrtTools.ErrorEvidence' }
        @($infos[0].Related).Count | Should -BeGreaterThan 0
        foreach ($item in $infos[0].Related) { $item.PSObject.TypeNames[0] | Should -Be 'PrtTools.RelatedCode' }
        $infos[0].Related.Code | Should -Contain 'AADSTS50126'
    }

    It 'gives the spellings of a code the same types in every PowerShell: <Name> is <Type>' -ForEach @(
        @{ Name = 'Signed'; Type = [int]; Value = -1073741715 }
        @{ Name = 'Unsigned'; Type = [uint32]; Value = 3221225581 }
        @{ Name = 'Facility'; Type = [int]; Value = 0 }
        @{ Name = 'Code'; Type = [int]; Value = 109 }
        @{ Name = 'Known'; Type = [bool]; Value = $true }
    ) {
        $infos[0].$Name | Should -BeOfType $Type
        $infos[0].$Name | Should -Be $Value
    }

    It 'makes the event ID of evidence an [int], and keeps a missing one $null' {
        $events = @($infos[0].Evidence | Where-Object { $null -ne $_.EventId })
        $events[0].EventId | Should -BeOfType [int]
        $events.EventId | Should -Contain 1081
        @($infos[0].Evidence | Where-Object { $_.Channel -eq 'dsregcmd' })[0].EventId | Should -Be $null
    }

    It 'keeps causes and solutions as arrays of strings' {
        @($infos[0].Causes).Count | Should -BeGreaterThan 1
        @($infos[0].Solutions).Count | Should -BeGreaterThan 1
        $infos[0].Causes[0] | Should -BeOfType [string]
    }

    It 'decodes every spelling of one code to one identity' {
        $spellings = '0xC000006D', 'c000006d', '-1073741715', '3221225581', 'STATUS_LOGON_FAILURE'
        $found = @(Get-PrtError -Code $spellings)
        $found.Input | Should -Be $spellings
        @($found.Id | Sort-Object -Unique) | Should -Be @('NTSTATUS:0xc000006d')
    }

    It 'reads a negative decimal as a code, not as an option of prt' {
        (Get-PrtError -Code '-1073741715').Name | Should -Be 'STATUS_LOGON_FAILURE'
    }

    It 'explains an unquoted hex code too (PowerShell hands it over as a number)' {
        (Get-PrtError -Code 0xc000006d).Name | Should -Be 'STATUS_LOGON_FAILURE'
    }

    It 'says that a well-formed code it does not know is unknown, and decodes it' {
        $unknown = Get-PrtError -Code '0xc0fe1234'
        $unknown.Known | Should -BeFalse
        $unknown.Hex | Should -Be '0xc0fe1234'
    }
}

Describe 'Get-PrtError from the pipeline' {
    BeforeEach {
        $counting = New-CountingPrt
        $env:PRTTOOLS_EXE = $counting.Path
    }

    AfterEach {
        Clear-FakePrt
    }

    It 'explains codes piped in by value' {
        $found = @('0xc000006d', 'AADSTS50126' | Get-PrtError)
        $found.Name | Should -Be @('STATUS_LOGON_FAILURE', 'InvalidUserNameOrPassword')
    }

    It 'runs prt once for all the codes of the pipeline' {
        $null = '0xc000006d', 'AADSTS50126', '12002', 'invalid_grant', '0x80072ee2' | Get-PrtError
        $calls = @(Get-PrtCall -Counting $counting)
        $calls.Count | Should -Be 1
        $calls[0] | Should -Be 'explain --json -- 0xc000006d AADSTS50126 12002 invalid_grant 0x80072ee2'
    }

    It 'splits a very long list over a few calls and keeps the order' {
        $module = Get-Module -Name PrtTools
        $saved = & $module { $script:PrtExplainBatchChars }
        & $module { $script:PrtExplainBatchChars = 40 }
        try {
            $codes = '0xc000006d', 'AADSTS50126', '12002', 'invalid_grant', '0x80072ee2', 'AADSTS50155', 'STATUS_ACCOUNT_LOCKED_OUT'
            $found = @($codes | Get-PrtError)
        } finally {
            & $module { param($value) $script:PrtExplainBatchChars = $value } $saved
        }
        $found.Input | Should -Be $codes
        @(Get-PrtCall -Counting $counting).Count | Should -BeGreaterThan 1
        @(Get-PrtCall -Counting $counting).Count | Should -BeLessThan $codes.Count
    }

    It 'explains the AttemptStatus of the Diagnostics of Get-PrtStatus' {
        Clear-FakePrt
        $status = Get-PrtStatus -Path $missingPrt
        $found = @($status.Diagnostics | Get-PrtError)
        $found.Count | Should -Be @($status.Diagnostics).Count
        $found[0].Input | Should -Be @($status.Diagnostics)[0].AttemptStatus
        $found[0].Name | Should -Be 'STATUS_LOGON_FAILURE'
    }

    It 'binds objects by their <Property> property' -ForEach @(
        @{ Property = 'Code' }
        @{ Property = 'AttemptStatus' }
    ) {
        $found = @([pscustomobject]@{ $Property = 'AADSTS50126' } | Get-PrtError)
        $found.Name | Should -Be 'InvalidUserNameOrPassword'
    }

    It 'skips objects without a code (a diagnostics block with no attempt status) and runs nothing for them' {
        $found = @([pscustomobject]@{ AttemptStatus = $null }, [pscustomobject]@{ AttemptStatus = '' } | Get-PrtError -ErrorVariable errors)
        $found.Count | Should -Be 0
        @($errors).Count | Should -Be 0
        @(Get-PrtCall -Counting $counting).Count | Should -Be 0
    }
}

Describe 'Get-PrtError with an input that is not a code' {
    It 'writes a non-terminating PrtTools.NotACode error that names the input, and explains the others' {
        $found = @(Get-PrtError -Code '0xc000006d', 'bogus!', 'AADSTS50126' -ErrorVariable errors -ErrorAction SilentlyContinue)
        $found.Input | Should -Be @('0xc000006d', 'AADSTS50126')
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotACode,Get-PrtError'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -Be 'bogus!'
        $errors[0].Exception.Message | Should -Match 'bogus!'
    }

    It 'stops at it with -ErrorAction Stop' {
        { Get-PrtError -Code '0xc000006d', 'bogus!' -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.NotACode,Get-PrtError'
    }

    It 'stops at it when the caller''s $ErrorActionPreference is Stop' {
        function Invoke-Strictly {
            $ErrorActionPreference = 'Stop'
            Get-PrtError -Code 'bogus!'
        }
        { Invoke-Strictly } | Should -Throw -ErrorId 'PrtTools.NotACode,Get-PrtError'
    }

    It 'says nothing with -ErrorAction SilentlyContinue and still returns the others' {
        $found = @(Get-PrtError -Code 'bogus!', '12002' -ErrorAction SilentlyContinue 2>&1)
        $found.Count | Should -Be 1
        $found[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.ErrorInfo'
    }

    It 'turns a crash of prt into one PrtTools.InternalError' {
        Use-FakePrt -Mode 'crash'
        try {
            $found = @(Get-PrtError -Code '0xc000006d' -ErrorVariable errors -ErrorAction SilentlyContinue)
        } finally {
            Clear-FakePrt
        }
        $found.Count | Should -Be 0
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.InternalError,Get-PrtError'
    }
}

Describe 'The views of PrtTools.ErrorInfo' {
    BeforeAll {
        $info = Get-PrtError -Code '0xc000006d'
    }

    It 'show Input, Family, Name and Summary as a table, for <_> too' -ForEach @('PrtTools.ErrorInfo', 'Deserialized.PrtTools.ErrorInfo') {
        $table = @((Get-FormatData -TypeName $_).FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })
        $table.Count | Should -Be 1
        $table[0].Control.Headers.Label | Should -Be @('Input', 'Family', 'Name', 'Summary')
    }

    It 'show a table with one row per code' {
        $text = Get-PrtError -Code '0xc000006d', 'AADSTS50126' | Format-Table | Out-String -Width 200
        $text | Should -Match 'Input\s+Family\s+Name\s+Summary'
        $text | Should -Match '0xc000006d\s+NTSTATUS\s+STATUS_LOGON_FAILURE'
        $text | Should -Match 'AADSTS50126\s+AADSTS\s+InvalidUserNameOrPassword'
    }

    It 'show everything an admin reads as a list: <_>' -ForEach @('Summary', 'Causes', 'Solutions', 'Evidence', 'Related', 'DocUrl') {
        $text = $info | Format-List | Out-String -Width 200
        $text | Should -Match "(?m)^$_\s+:"
    }

    It 'list the causes, the evidence with channel and event ID, and the related codes' {
        $text = $info | Format-List | Out-String -Width 400
        $text | Should -Match ([regex]::Escape($info.Causes[0]))
        $text | Should -Match 'Microsoft-Windows-AAD/Operational 1081: '
        $text | Should -Match '- AADSTS50126: '
    }

    It 'show evidence as a table of Channel, EventId and What' {
        $text = $info.Evidence | Format-Table | Out-String -Width 200
        $text | Should -Match 'Channel\s+EventId\s+What'
    }
}

Describe 'Tab completion of -Code' {
    BeforeEach {
        # Each test starts with an empty cache: the names are asked once per session.
        & (Get-Module -Name PrtTools) { $script:PrtCodeNameCache = @{} }
    }

    AfterEach {
        Clear-FakePrt
    }

    It 'completes <Typed> to <Expected>' -ForEach @(
        @{ Typed = 'Get-PrtError -Code STATUS_L'; Expected = @('STATUS_LOGON_FAILURE') }
        @{ Typed = 'Get-PrtError -Code status_'; Expected = @('STATUS_ACCOUNT_LOCKED_OUT', 'STATUS_LOGON_FAILURE') }
        @{ Typed = 'Get-PrtError -Code LOGON'; Expected = @('STATUS_LOGON_FAILURE') }
        @{ Typed = 'Get-PrtError STATUS_A'; Expected = @('STATUS_ACCOUNT_LOCKED_OUT') }
        @{ Typed = 'Get-PrtError -Code 0xc000006d, inv'; Expected = @('invalid_grant') }
    ) {
        $counting = New-CountingPrt -Names 'STATUS_LOGON_FAILURE', 'STATUS_ACCOUNT_LOCKED_OUT', 'invalid_grant', 'ERROR_WINHTTP_TIMEOUT'
        $env:PRTTOOLS_EXE = $counting.Path
        $completion = TabExpansion2 -inputScript $Typed -cursorColumn $Typed.Length
        @($completion.CompletionMatches.CompletionText) | Should -Be $Expected
        $completion.CompletionMatches[0].ResultType | Should -Be 'ParameterValue'
    }

    It 'completes from the names of the real prt (prt codes --names --json)' {
        $completion = TabExpansion2 -inputScript 'Get-PrtError -Code STATUS_LOGON_F' -cursorColumn 32
        @($completion.CompletionMatches.CompletionText) | Should -Contain 'STATUS_LOGON_FAILURE'
        $completion = TabExpansion2 -inputScript 'Get-PrtError -Code invalid_gr' -cursorColumn 29
        @($completion.CompletionMatches.CompletionText) | Should -Contain 'invalid_grant'
    }

    It 'completes only names that prt explain knows (all of them, after -Code and a space)' {
        $completion = TabExpansion2 -inputScript 'Get-PrtError -Code ' -cursorColumn 19
        $names = @($completion.CompletionMatches.CompletionText)
        $names.Count | Should -BeGreaterThan 300
        @($names | Where-Object { $_ -like 'ERROR_WINHTTP_*' }).Count | Should -BeGreaterThan 10
        $explained = @(Get-PrtError -Code $names -ErrorVariable unknownNames -ErrorAction SilentlyContinue)
        @($unknownNames).Count | Should -Be 0
        @($explained | Where-Object { -not $_.Known }).Count | Should -Be 0
    }

    It 'asks prt for the names once per session, with prt codes --names --json' {
        $counting = New-CountingPrt -Names 'STATUS_LOGON_FAILURE', 'invalid_grant'
        $env:PRTTOOLS_EXE = $counting.Path
        foreach ($typed in 'Get-PrtError -Code S', 'Get-PrtError -Code i', 'Get-PrtError -Code ST') {
            $null = TabExpansion2 -inputScript $typed -cursorColumn $typed.Length
        }
        @(Get-PrtCall -Counting $counting) | Should -Be @('codes --names --json')
    }

    It 'offers nothing, and writes no error, when prt cannot list names' {
        $counting = New-CountingPrt -NoCodes
        $env:PRTTOOLS_EXE = $counting.Path
        $errorCount = $Error.Count
        $completion = TabExpansion2 -inputScript 'Get-PrtError -Code STATUS_' -cursorColumn 25
        @($completion.CompletionMatches | Where-Object { $_.ResultType -eq 'ParameterValue' }).Count | Should -Be 0
        $Error.Count | Should -Be $errorCount
        @(Get-PrtCall -Counting $counting).Count | Should -Be 1
    }
}

Describe 'An ErrorInfo serialized as remoting does it' {
    BeforeAll {
        $original = Get-PrtError -Code '0xc000006d'
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($original, 1))
    }

    It 'keeps its type name and its values' {
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.ErrorInfo'
        foreach ($name in 'Input', 'Id', 'Family', 'Name', 'Hex', 'Signed', 'Unsigned', 'Summary', 'DocUrl', 'Known') {
            $copy.$name | Should -Be $original.$name -Because "$name must survive"
        }
        $copy.Unsigned | Should -BeOfType [uint32]
    }

    It 'keeps causes, solutions, evidence and related codes' {
        @($copy.Causes) | Should -Be @($original.Causes)
        @($copy.Solutions) | Should -Be @($original.Solutions)
        @($copy.Evidence)[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.ErrorEvidence'
        @($copy.Evidence).EventId | Should -Be @($original.Evidence).EventId
        @($copy.Related).Code | Should -Be @($original.Related).Code
    }

    It 'is shown with the same table and list as the original' {
        ($copy | Format-Table | Out-String -Width 200) | Should -Be ($original | Format-Table | Out-String -Width 200)
        ($copy | Format-List | Out-String -Width 200) | Should -Be ($original | Format-List | Out-String -Width 200)
    }
}

Describe 'Get-PrtError without -Code (the device)' {
    AfterEach {
        Clear-FakePrt
    }

    It 'is the default parameter set, with -DsregcmdPath, -EventPath and -Since' {
        $command = Get-Command -Name Get-PrtError
        $command.DefaultParameterSet | Should -Be 'Device'
        $device = $command.ParameterSets | Where-Object { $_.Name -eq 'Device' }
        foreach ($name in 'DsregcmdPath', 'EventPath', 'Since') { $device.Parameters.Name | Should -Contain $name }
        $device.Parameters.Name | Should -Not -Contain 'Code'
    }

    It 'stops with PrtTools.NotImplemented when prt has no error command' {
        # What a prt without the command says (clipanion's usage error).
        Use-FakePrt -Mode 'error' -Environment @{ PRT_FAKE_EXIT = '2'; PRT_FAKE_ERROR_ID = 'Usage'; PRT_FAKE_ERROR_CATEGORY = 'InvalidArgument'; PRT_FAKE_ERROR_MESSAGE = 'Command not found; did you mean one of: prt status' }
        { Get-PrtError -DsregcmdPath $missingPrt } | Should -Throw -ErrorId 'PrtTools.NotImplemented,Get-PrtError'
        try { Get-PrtError } catch { $caught = $_ }
        $caught.CategoryInfo.Category | Should -Be 'NotImplemented'
        $caught.Exception.Message | Should -Match 'Get-PrtError -Code'
    }

    It 'passes any other failure of prt error on as it is' {
        Use-FakePrt -Mode 'error' -Environment @{ PRT_FAKE_EXIT = '4'; PRT_FAKE_ERROR_ID = 'NotWindows'; PRT_FAKE_ERROR_CATEGORY = 'NotInstalled'; PRT_FAKE_ERROR_MESSAGE = 'There is no device to read here' }
        $null = Get-PrtError -ErrorVariable deviceErrors -ErrorAction SilentlyContinue
        $deviceErrors[0].FullyQualifiedErrorId | Should -Be 'PrtTools.NotWindows,Get-PrtError'
    }

    It 'returns PrtTools.Attempt objects from a capture with the real prt' {
        $attempts = @(Get-PrtError -DsregcmdPath $missingPrt)
        $attempts.Count | Should -BeGreaterThan 0
        $attempts[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.Attempt'
    }

    It 'runs prt error with the files and the time it was given' {
        $argsFile = Join-Path $TestDrive 'args.bin'
        Use-FakePrt -Mode 'echo-args' -Environment @{ PRT_FAKE_ARGS_FILE = $argsFile }
        $events = Join-Path $TestDrive 'events'
        $null = New-Item -ItemType Directory -Path $events -Force
        $since = [datetime]::new(2026, 11, 20, 8, 0, 0, [System.DateTimeKind]::Utc)
        $null = Get-PrtError -DsregcmdPath $missingPrt -EventPath $events -Since $since
        $argv = [System.IO.File]::ReadAllText($argsFile).TrimEnd([char]0).Split([char]0)
        $argv | Should -Be @('error', '--dsregcmd', $missingPrt, '--events', $events, '--since', '2026-11-20T08:00:00.000Z', '--json')
    }

    It 'passes a duration like 2h through as it is' {
        $argsFile = Join-Path $TestDrive 'args.bin'
        Use-FakePrt -Mode 'echo-args' -Environment @{ PRT_FAKE_ARGS_FILE = $argsFile }
        $null = Get-PrtError -Since '2h'
        $argv = [System.IO.File]::ReadAllText($argsFile).TrimEnd([char]0).Split([char]0)
        $argv | Should -Be @('error', '--since', '2h', '--json')
    }

    It 'returns the attempts of prt error as PrtTools.Attempt objects' {
        $document = Join-Path $TestDrive 'attempts.json'
        Set-Content -LiteralPath $document -Value '{"Attempts":[{"AttemptStatus":"0xc000006d"},{"AttemptStatus":"0xc000023c"}]}'
        Use-FakePrt -Mode 'document' -Environment @{ PRT_FAKE_DOCUMENT = $document }
        $attempts = @(Get-PrtError)
        $attempts.Count | Should -Be 2
        $attempts[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.Attempt'
        $attempts.AttemptStatus | Should -Be @('0xc000006d', '0xc000023c')
    }
}

Describe 'Get-PrtError on the Event Viewer list pasted as a table (the real prt)' {
    It 'lists the messages the attempt lacks as PrtTools.MissingMessage objects, the 1007 first' {
        $fixtures = Split-Path -Parent (Split-Path -Parent $missingPrt)
        $listPane = Join-Path $fixtures 'real/events/list-view-md-table-one-attempt-1006-1007-no-messages.txt'
        $attempt = @(Get-PrtError -EventPath $listPane)[0]
        $attempt.Status | Should -BeNullOrEmpty
        $attempt.Succeeded | Should -BeFalse
        $attempt.MissingMessages[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.MissingMessage'
        $attempt.MissingMessages[0].EventId | Should -BeOfType [int]
        @($attempt.MissingMessages | Where-Object { $_.Ask } | ForEach-Object { $_.EventId }) | Should -Be @(1007, 1084)
        # The 1007 was read, its status was not: "not shown", never "none" (which reads as "it had none").
        $table = $attempt | Format-Table | Out-String -Width 200
        $table | Should -Match '\bnot shown\b'
        $table | Should -Not -Match '\bnone\b'
    }
}

Describe 'Get-PrtError on exported AAD logs (the real prt)' {
    BeforeAll {
        $eventsDir = Join-Path (Split-Path -Parent (Split-Path -Parent $missingPrt)) 'events'
        $operational = Join-Path $eventsDir 'wrong-password-50126.operational.xml'
        $analytic = Join-Path $eventsDir 'wrong-password-50126.analytic.xml'
        $attempts = @(Get-PrtError -EventPath $operational, $analytic)
        $attempt = $attempts[0]
    }

    It 'returns one PrtTools.Attempt for the failed attempt' {
        $attempts.Count | Should -Be 1
        $attempt.PSObject.TypeNames[0] | Should -Be 'PrtTools.Attempt'
        $attempt.Succeeded | Should -BeFalse
    }

    It 'has its 1006 and 1007 times as UTC [datetime] values' {
        $attempt.Start | Should -BeOfType [datetime]
        $attempt.End | Should -BeOfType [datetime]
        $attempt.End.Kind | Should -Be 'Utc'
        $attempt.End | Should -BeGreaterOrEqual $attempt.Start
    }

    It 'carries the decoded status and the chain with their own type names' {
        $attempt.Status.PSObject.TypeNames[0] | Should -Be 'PrtTools.ErrorInfo'
        $attempt.Status.Name | Should -Be 'STATUS_LOGON_FAILURE'
        @($attempt.Explanation).Count | Should -Be 2
        $attempt.Explanation[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.ChainLink'
        $attempt.Explanation[1].Name | Should -Be 'InvalidUserNameOrPassword'
        $attempt.ServerError.PSObject.TypeNames[0] | Should -Be 'PrtTools.ServerError'
        $attempt.EventRecordIds[0].EventRecordID | Should -BeOfType [long]
    }

    It 'is shown as a table with the status and the cause' {
        $table = $attempts | Format-Table | Out-String -Width 200
        $table | Should -Match 'LastEventTime\s+AttemptStatus\s+StatusName\s+Cause'
        $table | Should -Match '0xc000006d\s+STATUS_LOGON_FAILURE\s+InvalidUserNameOrPassword'
    }

    It 'is shown as a list that tells the chain and the next steps' {
        $list = $attempt | Format-List | Out-String -Width 300
        $list | Should -Match 'Explanation\s+: - 0xc000006d STATUS_LOGON_FAILURE'
        $list | Should -Match 'NextSteps\s+: - '
    }

    It 'keeps its type, dates and chain through serialization, as remoting does' {
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($attempt, 3))
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Attempt'
        $copy.End | Should -BeOfType [datetime]
        $copy.Explanation[1].Name | Should -Be 'InvalidUserNameOrPassword'
        ($copy | Format-Table | Out-String -Width 200) | Should -Match 'InvalidUserNameOrPassword'
    }
}

Describe 'Get-PrtError -Text' {
    BeforeAll {
        $ticketFile = Join-Path $PSScriptRoot '../fixtures/real/tickets/ms-dsregcmd-sso-state-0xc000006d.txt'
        $ticketLines = @(Get-Content -LiteralPath $ticketFile)
    }

    It 'explains every code of a text piped in line by line, cause first, as PrtTools.ErrorInfo' {
        $found = @($ticketLines | Get-PrtError -Text)
        $found.Input | Should -Be @('AADSTS50126', 'invalid_grant', '400', '0xc000006d')
        $found.Order | Should -Be @(1, 2, 3, 4)
        $found.Role | Should -Be @('ServerCause', 'ServerCategory', 'Transport', 'ClientStatus')
        foreach ($info in $found) { $info.PSObject.TypeNames[0] | Should -Be 'PrtTools.ErrorInfo' }
    }

    It 'joins the lines into one text: line numbers and fields are those of the paste' {
        $status = @($ticketLines | Get-PrtError -Text) | Where-Object Input -eq '0xc000006d'
        $status.FoundAt.Count | Should -Be 1
        $status.FoundAt[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.CodeSighting'
        $status.FoundAt[0].Line | Should -BeOfType [int]
        $status.FoundAt[0].Line | Should -Be 9
        $status.FoundAt[0].Label | Should -Be 'Attempt Status'
    }

    It 'takes the text as strings too, and gives the same answer as the pipeline' {
        (Get-PrtError -Text $ticketLines).Input | Should -Be @($ticketLines | Get-PrtError -Text).Input
    }

    It 'runs prt once for the whole text, with --text and a temporary file it then removes' {
        $counting = New-CountingPrt
        $env:PRTTOOLS_EXE = $counting.Path
        try {
            $null = $ticketLines | Get-PrtError -Text
        } finally {
            Clear-FakePrt
        }
        $calls = @(Get-PrtCall -Counting $counting)
        $calls.Count | Should -Be 1
        $calls[0] | Should -Match '^explain --text (\S+) --json$'
        $file = ([regex]::Match($calls[0], '^explain --text (\S+) --json$')).Groups[1].Value
        Test-Path -LiteralPath $file | Should -BeFalse
    }

    It 'puts what the text adds (the wrapper and its inner reason) first in Notes' {
        $found = @('Description: AADSTS70002: Error validating credentials. AADSTS50155: Device is not authenticated.' | Get-PrtError -Text)
        $found.Input | Should -Be @('AADSTS50155', 'AADSTS70002')
        $found[1].Notes[0] | Should -Match 'AADSTS50155'
    }

    It 'returns nothing and warns for a text without any code' {
        $found = @('Outlook asks for my password again.', 'Thanks, Anna' | Get-PrtError -Text -WarningVariable warnings -WarningAction SilentlyContinue)
        $found.Count | Should -Be 0
        @($warnings).Count | Should -Be 1
        [string]$warnings[0] | Should -Match 'No error code found'
    }

    It 'writes PrtTools.EmptyText for an empty text' {
        { '', '  ' | Get-PrtError -Text -ErrorAction Stop } | Should -Throw -ErrorId 'PrtTools.EmptyText,Get-PrtError'
    }

    It 'leaves -Code as it was: a piped string without -Text is one code' {
        $found = @('0xc000006d' | Get-PrtError)
        $found.Count | Should -Be 1
        $found[0].Name | Should -Be 'STATUS_LOGON_FAILURE'
        $found[0].PSObject.Properties['Role'] | Should -BeNullOrEmpty
    }
}

Describe 'SystemMessage: Windows'' own text for a code' {
    It 'is not added off Windows (.NET there would give C library texts for the same numbers)' -Skip:($IsWindows -eq $true) {
        (Get-PrtError -Code '5').PSObject.Properties['SystemMessage'] | Should -BeNullOrEmpty
    }

    It 'is added on Windows, asking Windows with the right number for <Code>' -ForEach @(
        @{ Code = '5'; Number = 5 }
        @{ Code = '0x80090016'; Number = -2146893802 }
        @{ Code = '0x80280036'; Number = -2144862154 }
        @{ Code = '12002'; Number = 12002 }
    ) {
        # The seams: whether this is Windows, and what FormatMessage answers. The module's own
        # choice of family and number is what is under test.
        Mock -ModuleName PrtTools Test-PrtWindows { $true }
        Mock -ModuleName PrtTools Get-PrtWin32Message { "system text for $Number" }
        $info = Get-PrtError -Code $Code
        $info.SystemMessage | Should -Be "system text for $Number"
    }

    It 'is added to the codes of -Text too' {
        Mock -ModuleName PrtTools Test-PrtWindows { $true }
        Mock -ModuleName PrtTools Get-PrtWin32Message { "system text for $Number" }
        $found = @('HTTP Error : 0x80072ee7' | Get-PrtError -Text)
        $found[0].SystemMessage | Should -Be 'system text for -2147012889'
    }

    It 'is left out when Windows has no text for the code' {
        Mock -ModuleName PrtTools Test-PrtWindows { $true }
        Mock -ModuleName PrtTools Get-PrtWin32Message { 'Unknown error (0x801c0077)' }
        (Get-PrtError -Code '0x801c0077').PSObject.Properties['SystemMessage'] | Should -BeNullOrEmpty
    }

    It 'is left out for an NTSTATUS value, whose text Win32Exception cannot read' {
        Mock -ModuleName PrtTools Test-PrtWindows { $true }
        Mock -ModuleName PrtTools Get-PrtWin32Message { 'must not be asked' }
        (Get-PrtError -Code '0xc000006d').PSObject.Properties['SystemMessage'] | Should -BeNullOrEmpty
        Should -Invoke -ModuleName PrtTools Get-PrtWin32Message -Times 0 -Exactly
    }

}
Describe 'Get-PrtError -EventPath on pasted Event Viewer text (the real prt)' {
    BeforeAll {
        $realDir = Join-Path (Split-Path -Parent (Split-Path -Parent $missingPrt)) 'real/events'
        $attempts = @(Get-PrtError -EventPath (Join-Path $realDir 'adfs-china-1088-1084-message-only.txt'))
    }

    It 'returns the attempt the pasted messages show, marked as text, with no invented time' {
        $attempts.Count | Should -Be 1
        $attempts[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.Attempt'
        $attempts[0].SourceFormat | Should -Be 'MessageText'
        $attempts[0].ServerError.Code | Should -Be 'ID3082'
        $attempts[0].Start | Should -BeNullOrEmpty
        $attempts[0].FirstEventTime | Should -BeNullOrEmpty
    }

    It 'shows its status as not shown (no 1007 in the paste), not as unfinished, in the table' {
        $attempts[0].Orphan | Should -BeTrue
        $table = $attempts | Format-Table | Out-String -Width 200
        $table | Should -Match '(?m)^\s+not shown\s+AAD_CLOUDAP_E_WSTRUST_SAML_TOKENS_ARE_EMPTY\s*$'
        $table | Should -Not -Match 'unfinished'
    }
}

Describe 'Get-PrtError -EventPath with AAD errors but no PRT attempt (the real prt)' {
    BeforeAll {
        # A real XML View paste from Microsoft's docs (a Security event: no AAD) and an Operational
        # export whose only errors are the token broker's (1098), outside any attempt.
        $fixtures = Split-Path -Parent (Split-Path -Parent $missingPrt)
        $operational = Join-Path $TestDrive 'operational-1098.xml'
        $events = (Get-Content -LiteralPath (Join-Path $fixtures 'events/token-broker-1098.toxml.xml') -Raw) -split '</Event>' |
            Where-Object { $_ -notmatch '<EventID>100[67]</EventID>' }
        Set-Content -LiteralPath $operational -Value ($events -join '</Event>') -Encoding utf8
        $attempts = @(Get-PrtError -EventPath $operational -WarningVariable warnings -WarningAction SilentlyContinue)
        $security = @(Get-PrtError -EventPath (Join-Path $fixtures 'real/events-xml/xml-view-ms-docs-4771-security.txt') -WarningVariable quiet -WarningAction SilentlyContinue -ErrorVariable refused -ErrorAction SilentlyContinue)
    }

    It 'returns no attempt, and warns that the logs hold errors outside any attempt, with each kind' {
        $attempts.Count | Should -Be 0
        @($warnings).Count | Should -Be 3
        [string]$warnings[0] | Should -Match 'error events outside any PRT attempt'
        (@($warnings) -join ' ') | Should -Match 'Event 1098 0xcaa20003: 1 time'
    }

    It 'reads an Event Viewer XML View paste without an error, and has nothing to warn about without AAD events' {
        @($refused).Count | Should -Be 0
        $security.Count | Should -Be 0
        @($quiet).Count | Should -Be 0
    }
}


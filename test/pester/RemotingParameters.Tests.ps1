# Issue 13, item 13: the remoting parameters in their own parameter sets, and -ComputerName from
# the pipeline by property name (CN, DNSHostName: what Get-ADComputer returns). Invoke-Command is
# mocked: what matters here is what the cmdlet asks of it.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $command = Get-Command -Name Get-PrtStatus

    function Get-SetParameter {
        # The parameters of one parameter set of a command (Get-PrtStatus unless named), without
        # the common ones.
        param([string] $SetName, [string] $CommandName = 'Get-PrtStatus')
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $sets = (Get-Command -Name $CommandName).ParameterSets
        @(($sets | Where-Object { $_.Name -eq $SetName }).Parameters | Where-Object { $common -notcontains $_.Name } | ForEach-Object { $_.Name })
    }

    # Values for refused combinations: Session is an empty array, so nothing is ever opened.
    function Get-RemotingValue {
        @{
            ComputerName = 'pc1'; HostName = 'pc2'; Path = 'status.txt'; UserName = 'admin'; KeyFilePath = '/tmp/key'; ThrottleLimit = 4
            Session      = New-Object -TypeName System.Management.Automation.Runspaces.PSSession[] -ArgumentList 0
            Credential   = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'admin', (ConvertTo-SecureString -String 'x' -AsPlainText -Force)
        }
    }

    $adComputers = @(
        [pscustomobject]@{ Name = 'PC1'; DNSHostName = 'pc1.corp.contoso.com'; DistinguishedName = 'CN=PC1,OU=Clients,DC=corp,DC=contoso,DC=com'; Enabled = $true }
        [pscustomobject]@{ Name = 'PC2'; DNSHostName = 'pc2.corp.contoso.com'; DistinguishedName = 'CN=PC2,OU=Clients,DC=corp,DC=contoso,DC=com'; Enabled = $true }
    )
}

AfterAll {
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Get-PrtStatus: one parameter set per remoting target' {
    It 'has the sets ComputerName, Session and HostName beside the ones for this device' {
        @($command.ParameterSets | ForEach-Object { $_.Name } | Sort-Object) | Should -Be @('ComputerName', 'HostName', 'LiteralPath', 'Live', 'Path', 'Sample', 'Session', 'SessionPath', 'Simulate')
    }

    It 'takes -Credential only with -ComputerName, the SSH options only with -HostName' {
        Get-SetParameter -SetName 'ComputerName' | Should -Contain 'Credential'
        Get-SetParameter -SetName 'ComputerName' | Should -Not -Contain 'UserName'
        foreach ($name in 'UserName', 'KeyFilePath', 'SSHOption') {
            Get-SetParameter -SetName 'HostName' | Should -Contain $name
            Get-SetParameter -SetName 'ComputerName' | Should -Not -Contain $name
            Get-SetParameter -SetName 'Session' | Should -Not -Contain $name
        }
        Get-SetParameter -SetName 'HostName' | Should -Not -Contain 'Credential'
        Get-SetParameter -SetName 'HostName' | Should -Not -Contain 'ThrottleLimit'
        foreach ($set in 'Live', 'Path', 'LiteralPath', 'Sample', 'Simulate') {
            foreach ($name in 'ComputerName', 'Session', 'HostName', 'Credential', 'ThrottleLimit') {
                Get-SetParameter -SetName $set | Should -Not -Contain $name -Because "-$name reaches other devices, the $set set reads this one"
            }
        }
    }

    It 'lets the binder refuse <First> with <Second>' -ForEach @(
        @{ First = 'ComputerName'; Second = 'HostName' }
        @{ First = 'Session'; Second = 'ComputerName' }
        @{ First = 'HostName'; Second = 'Credential' }
        @{ First = 'Path'; Second = 'Credential' }
    ) {
        $values = @{
            ComputerName = 'pc1'; HostName = 'pc2'; Path = 'status.txt'
            Session      = New-Object -TypeName System.Management.Automation.Runspaces.PSSession[] -ArgumentList 0
            Credential   = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'admin', (ConvertTo-SecureString -String 'x' -AsPlainText -Force)
        }
        $parameters = @{ $First = $values[$First]; $Second = $values[$Second] }
        { Get-PrtStatus @parameters } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'says which of -Path, -Sample and -Simulate to use on other devices' {
        { Get-PrtStatus -ComputerName 'pc1' -Sample -Simulate 'healthy' } | Should -Throw -ErrorId 'PrtTools.ConflictingParameters,Get-PrtStatus'
    }
}

Describe 'Get-PrtStatus: -ComputerName from the pipeline' {
    BeforeEach {
        Mock -ModuleName PrtTools -CommandName Invoke-Command -MockWith { }
    }

    It 'reads objects with a ComputerName or CN property, all in one Invoke-Command' {
        [pscustomobject]@{ ComputerName = 'PC1' }, [pscustomobject]@{ CN = 'PC2' } | Get-PrtStatus
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'PC1,PC2' -and $ArgumentList[0] -eq 'Get-PrtStatus'
        }
    }

    It 'reads what Get-ADComputer returns, by DNSHostName' {
        $adComputers = @(
            [pscustomobject]@{ Name = 'PC1'; DNSHostName = 'pc1.corp.contoso.com'; DistinguishedName = 'CN=PC1,OU=Clients,DC=corp,DC=contoso,DC=com'; Enabled = $true }
            [pscustomobject]@{ Name = 'PC2'; DNSHostName = 'pc2.corp.contoso.com'; DistinguishedName = 'CN=PC2,OU=Clients,DC=corp,DC=contoso,DC=com'; Enabled = $true }
        )
        $adComputers | Get-PrtStatus -ThrottleLimit 16
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'pc1.corp.contoso.com,pc2.corp.contoso.com' -and $ThrottleLimit -eq 16
        }
        $adComputers | Get-PrtStatus -Now '2026-01-01T00:00:00Z'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 2 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'pc1.corp.contoso.com,pc2.corp.contoso.com'
        }
    }

    It 'reads names from a list with -ComputerName { $_ }, each device once' {
        'pc1', 'pc2', 'PC1' | Get-PrtStatus -ComputerName { $_ } -Sample
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'pc1,pc2' -and $ArgumentList[1]['Sample'] -eq $true
        }
    }

    It 'passes the credential and what to read there' {
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\admin', (ConvertTo-SecureString -String 'x' -AsPlainText -Force)
        Get-PrtStatus -CN 'pc1' -Credential $credential -Path 'C:\captures\a.txt', 'C:\captures\b.txt' -Redact
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            $Credential.UserName -eq 'CONTOSO\admin' -and (@($ArgumentList[1]['Path']) -join ',') -eq 'C:\captures\a.txt,C:\captures\b.txt' -and $ArgumentList[1]['Redact'] -eq $true
        }
    }

    # Paths piped with -Session (the SessionPath set): Fleet.Tests.ps1, over real SSH sessions.

    It 'still reads piped strings as capture paths on this device' {
        $status = Get-Fixture 'healthy-aadj.txt' | Get-PrtStatus
        $status.Source.Kind | Should -Be 'File'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 0 -Exactly
    }
}

Describe 'Get-PrtError: one parameter set per remoting target' {
    It 'has a device diagnosis set and a code set per target beside the ones for this device' {
        @((Get-Command -Name Get-PrtError).ParameterSets | ForEach-Object { $_.Name } | Sort-Object) |
            Should -Be @('Code', 'ComputerName', 'ComputerNameCode', 'Device', 'HostName', 'HostNameCode', 'Session', 'SessionCode', 'Text')
    }

    It 'takes -Credential only with -ComputerName, the SSH options only with -HostName, nothing remote with -Text' {
        foreach ($set in 'ComputerName', 'ComputerNameCode') {
            Get-SetParameter -CommandName Get-PrtError -SetName $set | Should -Contain 'Credential'
            Get-SetParameter -CommandName Get-PrtError -SetName $set | Should -Contain 'ThrottleLimit'
            Get-SetParameter -CommandName Get-PrtError -SetName $set | Should -Not -Contain 'UserName'
        }
        foreach ($set in 'HostName', 'HostNameCode') {
            foreach ($name in 'UserName', 'KeyFilePath', 'SSHOption') { Get-SetParameter -CommandName Get-PrtError -SetName $set | Should -Contain $name }
            Get-SetParameter -CommandName Get-PrtError -SetName $set | Should -Not -Contain 'Credential'
            Get-SetParameter -CommandName Get-PrtError -SetName $set | Should -Not -Contain 'ThrottleLimit'
        }
        Get-SetParameter -CommandName Get-PrtError -SetName 'SessionCode' | Should -Contain 'ThrottleLimit'
        foreach ($set in 'Code', 'Text', 'Device') {
            foreach ($name in 'ComputerName', 'Session', 'HostName', 'Credential', 'ThrottleLimit', 'UserName') {
                Get-SetParameter -CommandName Get-PrtError -SetName $set | Should -Not -Contain $name -Because "-$name reaches other devices, the $set set works here"
            }
        }
        foreach ($set in 'ComputerName', 'Session', 'HostName') {
            Get-SetParameter -CommandName Get-PrtError -SetName $set | Should -Contain 'DsregcmdPath'
            Get-SetParameter -CommandName Get-PrtError -SetName $set | Should -Not -Contain 'Code'
        }
    }

    It 'lets the binder refuse <First> with <Second>' -ForEach @(
        @{ First = 'ComputerName'; Second = 'HostName' }
        @{ First = 'Session'; Second = 'ComputerName' }
        @{ First = 'HostName'; Second = 'Credential' }
        @{ First = 'Session'; Second = 'Credential' }
        @{ First = 'HostName'; Second = 'ThrottleLimit' }
        @{ First = 'ComputerName'; Second = 'KeyFilePath' }
        @{ First = 'Text'; Second = 'ComputerName' }
        @{ First = 'Code'; Second = 'Credential' }
        @{ First = 'Code'; Second = 'ThrottleLimit' }
        @{ First = 'Code'; Second = 'UserName' }
    ) {
        $values = Get-RemotingValue
        $values['Code'] = '12002'
        $values['Text'] = $true
        $parameters = @{ $First = $values[$First]; $Second = $values[$Second] }
        { Get-PrtError @parameters } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }
}

Describe 'Get-PrtError: other devices in one Invoke-Command' {
    BeforeEach {
        Mock -ModuleName PrtTools -CommandName Invoke-Command -MockWith { }
    }

    It 'diagnoses what Get-ADComputer returns, by DNSHostName, with what to read there' {
        $adComputers | Get-PrtError -Since '2026-01-01T00:00:00Z' -Redact -ThrottleLimit 8
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'pc1.corp.contoso.com,pc2.corp.contoso.com' -and $ThrottleLimit -eq 8 -and
            $ArgumentList[0] -eq 'Get-PrtError' -and $ArgumentList[1]['Since'] -eq '2026-01-01T00:00:00Z' -and $ArgumentList[1]['Redact'] -eq $true -and
            -not $ArgumentList[1].ContainsKey('Code')
        }
    }

    It 'reads objects with a ComputerName or CN property, each device once' {
        [pscustomobject]@{ ComputerName = 'PC1' }, [pscustomobject]@{ CN = 'PC2' }, [pscustomobject]@{ CN = 'pc1' } | Get-PrtError -Simulate 'healthy'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'PC1,PC2' -and $ArgumentList[1]['Simulate'] -eq 'healthy'
        }
    }

    It 'explains piped codes on the devices of -ComputerName, all codes and devices in one call' {
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\admin', (ConvertTo-SecureString -String 'x' -AsPlainText -Force)
        '0xc000006d', 'AADSTS50126' | Get-PrtError -CN 'pc1', 'pc2' -Credential $credential
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'pc1,pc2' -and $Credential.UserName -eq 'CONTOSO\admin' -and
            (@($ArgumentList[1]['Code']) -join ',') -eq '0xc000006d,AADSTS50126'
        }
    }

    It 'takes the attempt status of piped diagnostics as codes with -ComputerName' {
        [pscustomobject]@{ AttemptStatus = '0xc000006d' } | Get-PrtError -ComputerName 'pc1'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'pc1' -and (@($ArgumentList[1]['Code']) -join ',') -eq '0xc000006d'
        }
    }

    It 'diagnoses the devices given on the command line, the codes given there explained there' {
        Get-PrtError -ComputerName 'pc1', 'pc2' -DsregcmdPath 'C:\status.txt'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'pc1,pc2' -and $ArgumentList[1]['DsregcmdPath'] -eq 'C:\status.txt' -and -not $ArgumentList[1].ContainsKey('Code')
        }
        Get-PrtError -ComputerName 'pc1' '12002'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'pc1' -and (@($ArgumentList[1]['Code']) -join ',') -eq '12002'
        }
    }

    It 'still explains piped codes here without a target' {
        $info = '0xc000006d' | Get-PrtError
        $info.Name | Should -Be 'STATUS_LOGON_FAILURE'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 0 -Exactly
    }

    It 'still reads -Text here, never on another device' {
        $infos = @('see 0xc000006d' | Get-PrtError -Text -WarningAction SilentlyContinue)
        $infos.Count | Should -BeGreaterThan 0
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 0 -Exactly
    }
}

# Invoke-PrtDoctor, Get-PrtDeviceCheck, Test-PrtConnectivity and Test-PrtHealth: the same sets and the same
# pipeline binding as Get-PrtStatus, each with what it reads on this device.
Describe '<CommandName>: one parameter set per remoting target' -ForEach @(
    @{ CommandName = 'Invoke-PrtDoctor'; LocalSets = @('Bundle', 'Files', 'Live', 'Simulate') }
    @{ CommandName = 'Get-PrtDeviceCheck'; LocalSets = @('Live', 'Simulate') }
    @{ CommandName = 'Test-PrtConnectivity'; LocalSets = @('Live', 'Simulate') }
    @{ CommandName = 'Test-PrtHealth'; LocalSets = @('Live', 'Path', 'Sample', 'Simulate') }
) {
    It 'has the sets ComputerName, Session and HostName beside <LocalSets>' {
        @((Get-Command -Name $CommandName).ParameterSets | ForEach-Object { $_.Name } | Sort-Object) |
            Should -Be @(@('ComputerName', 'HostName', 'Session') + $LocalSets | Sort-Object)
    }

    It 'takes -Credential only with -ComputerName, the SSH options only with -HostName' {
        Get-SetParameter -CommandName $CommandName -SetName 'ComputerName' | Should -Contain 'Credential'
        Get-SetParameter -CommandName $CommandName -SetName 'ComputerName' | Should -Contain 'Simulate'
        foreach ($name in 'UserName', 'KeyFilePath', 'SSHOption') {
            Get-SetParameter -CommandName $CommandName -SetName 'HostName' | Should -Contain $name
            Get-SetParameter -CommandName $CommandName -SetName 'ComputerName' | Should -Not -Contain $name
            Get-SetParameter -CommandName $CommandName -SetName 'Session' | Should -Not -Contain $name
        }
        Get-SetParameter -CommandName $CommandName -SetName 'HostName' | Should -Not -Contain 'Credential'
        Get-SetParameter -CommandName $CommandName -SetName 'HostName' | Should -Not -Contain 'ThrottleLimit'
        Get-SetParameter -CommandName $CommandName -SetName 'Session' | Should -Contain 'ThrottleLimit'
        foreach ($set in $LocalSets) {
            foreach ($name in 'ComputerName', 'Session', 'HostName', 'Credential', 'ThrottleLimit', 'UserName') {
                Get-SetParameter -CommandName $CommandName -SetName $set | Should -Not -Contain $name -Because "-$name reaches other devices, the $set set works here"
            }
        }
    }

    It 'keeps the alias CN and adds DNSHostName' {
        (Get-Command -Name $CommandName).Parameters['ComputerName'].Aliases | Should -Be @('CN', 'DNSHostName')
    }

    It 'lets the binder refuse <_>' -ForEach @('ComputerName+HostName', 'Session+ComputerName', 'HostName+Credential', 'Session+Credential', 'HostName+ThrottleLimit', 'ComputerName+UserName', 'Credential', 'ThrottleLimit', 'KeyFilePath', 'Simulate+Credential') {
        $values = Get-RemotingValue
        $values['Simulate'] = 'healthy'
        $parameters = @{}
        foreach ($name in $_ -split '\+') { $parameters[$name] = $values[$name] }
        { & $CommandName @parameters } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }
}

Describe '<CommandName>: other devices in one Invoke-Command' -ForEach @(
    @{ CommandName = 'Invoke-PrtDoctor' }
    @{ CommandName = 'Get-PrtDeviceCheck' }
    @{ CommandName = 'Test-PrtConnectivity' }
) {
    BeforeEach {
        Mock -ModuleName PrtTools -CommandName Invoke-Command -MockWith { }
    }

    It 'reads what Get-ADComputer returns, by DNSHostName, with the throttle limit' {
        $adComputers | & $CommandName -ThrottleLimit 16 -Redact
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'pc1.corp.contoso.com,pc2.corp.contoso.com' -and $ThrottleLimit -eq 16 -and
            $ArgumentList[0] -eq $CommandName -and $ArgumentList[1]['Redact'] -eq $true -and $ArgumentList[1]['Redact'] -is [bool]
        }
    }

    It 'reads objects with a ComputerName or CN property, each device once, with the credential' {
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\admin', (ConvertTo-SecureString -String 'x' -AsPlainText -Force)
        [pscustomobject]@{ ComputerName = 'PC1' }, [pscustomobject]@{ CN = 'PC2' }, [pscustomobject]@{ CN = 'pc1' } | & $CommandName -Credential $credential -Simulate 'healthy'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($ComputerName) -join ',') -eq 'PC1,PC2' -and $Credential.UserName -eq 'CONTOSO\admin' -and $ArgumentList[1]['Simulate'] -eq 'healthy'
        }
    }

    It 'reads names from a list with -ComputerName { $_ }' {
        'pc1', 'pc2' | & $CommandName -ComputerName { $_ }
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter { (@($ComputerName) -join ',') -eq 'pc1,pc2' }
    }

    It 'passes the SSH options with -HostName' {
        & $CommandName -HostName 'pc1', 'pc2' -UserName 'admin' -KeyFilePath '/tmp/key'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            (@($HostName) -join ',') -eq 'pc1,pc2' -and $UserName -eq 'admin' -and $KeyFilePath -eq '/tmp/key'
        }
    }
}

Describe 'Invoke-PrtDoctor: what to read on other devices' {
    BeforeEach {
        Mock -ModuleName PrtTools -CommandName Invoke-Command -MockWith { }
    }

    It 'passes a bundle path given by position' {
        Invoke-PrtDoctor -ComputerName 'pc1' 'C:\traces\PrtTrace.zip' -Now '2026-01-01T00:00:00Z'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 1 -Exactly -ParameterFilter {
            $ArgumentList[1]['Path'] -eq 'C:\traces\PrtTrace.zip' -and $ArgumentList[1]['Now'] -is [datetime]
        }
    }

    It 'refuses a bundle or a scenario with capture and event files: <_>' -ForEach @('Path', 'Simulate') {
        $parameters = @{ ComputerName = 'pc1'; DsregcmdPath = 'C:\status.txt'; $_ = 'x' }
        { Invoke-PrtDoctor @parameters } | Should -Throw -ErrorId 'PrtTools.ConflictingParameters,Invoke-PrtDoctor'
        Should -Invoke -ModuleName PrtTools -CommandName Invoke-Command -Times 0 -Exactly
    }
}

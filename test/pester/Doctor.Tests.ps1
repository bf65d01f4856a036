# Get-PrtDeviceCheck and Invoke-PrtDoctor (#15): the objects, their views, and their remoting copies.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-PrtToolsUnderTest
    $env:PRT_STATE_DIR = Join-Path ([System.IO.Path]::GetTempPath()) ('prt-doctor-' + [guid]::NewGuid())
    $env:PRT_SIM_SPEED = 'instant'
}

AfterAll {
    Remove-Item -Path $env:PRT_STATE_DIR -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item -Path 'env:PRT_STATE_DIR', 'env:PRT_SIM_SPEED' -ErrorAction SilentlyContinue
    Get-Module -Name PrtTools | Remove-Module -Force
}

Describe 'Get-PrtDeviceCheck' {
    BeforeAll {
        $checks = @(Get-PrtDeviceCheck -Simulate tpm-locked-out)
    }

    It 'returns one PrtTools.DeviceCheck per check, the locked-out TPM failing' {
        $checks.Count | Should -BeGreaterThan 15
        $checks[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.DeviceCheck'
        ($checks | Where-Object Id -eq 'TpmLockedOut').Result | Should -Be 'Fail'
        ($checks | Where-Object Id -eq 'TpmLockedOut').NextStep | Should -Not -BeNullOrEmpty
    }

    It 'carries when it was judged, as a UTC [datetime]' {
        $checks[0].ObservedAt | Should -BeOfType [datetime]
        $checks[0].ObservedAt.Kind | Should -Be 'Utc'
    }

    It 'is shown as a table of area, id, result and summary' {
        $text = $checks | Format-Table | Out-String -Width 200
        $text | Should -Match 'Area\s+Id\s+Result\s+Summary'
        $text | Should -Match 'TpmLockedOut\s+Fail'
    }

    It 'survives serialization (what remoting does) with its type name and values' {
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($checks[0], 1))
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.DeviceCheck'
        $copy.Id | Should -Be $checks[0].Id
        $copy.Result | Should -Be $checks[0].Result
        $copy.ObservedAt | Should -Be $checks[0].ObservedAt
        ($copy | Format-Table | Out-String -Width 200) | Should -Be ($checks[0] | Format-Table | Out-String -Width 200)
    }
}

Describe 'Invoke-PrtDoctor' {
    It 'ranks the expired device certificate first on the simulated device' {
        $doctor = Invoke-PrtDoctor -Simulate device-cert-expired
        $doctor.PSObject.TypeNames[0] | Should -Be 'PrtTools.Doctor'
        @($doctor.Causes)[0].Id | Should -Be 'DeviceCertificate'
        @($doctor.Causes)[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.DoctorCause'
        $doctor.Status.PSObject.TypeNames[0] | Should -Be 'PrtTools.Status'
        @($doctor.Device.Checks)[0].PSObject.TypeNames[0] | Should -Be 'PrtTools.DeviceCheck'
        $doctor.ObservedAt | Should -BeOfType [datetime]
    }

    It 'judges only what the files show: the wrong password, and what was not read' {
        $doctor = Invoke-PrtDoctor -DsregcmdPath (Get-Fixture 'missing-prt-0xc000006d-aadsts50126.txt')
        @($doctor.Causes)[0].Id | Should -Be 'WrongPassword'
        $doctor.Device | Should -BeNullOrEmpty
        ($doctor.Missing -join ' ') | Should -Match 'prt device'
    }

    It 'shows the verdict, its evidence and the next step in its view' {
        $text = Invoke-PrtDoctor -Simulate tpm-locked-out | Format-List | Out-String -Width 200
        $text | Should -Match 'Cause\s+: TpmFailure \(High\)'
        $text | Should -Match 'NextStep\s+: '
    }

    It 'survives serialization with its causes in order' {
        $doctor = Invoke-PrtDoctor -Simulate scp-wrong-tenant
        foreach ($depth in 1, 5) {
            $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($doctor, $depth))
            $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.Doctor'
            $copy.Verdict | Should -Be $doctor.Verdict
        }
        $deep = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($doctor, 5))
        @($deep.Causes).Id | Should -Be @($doctor.Causes).Id
        @($deep.Causes)[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.PrtTools.DoctorCause'
        ($deep | Format-List | Out-String -Width 200) | Should -Be ($doctor | Format-List | Out-String -Width 200)
    }

    It 'names a bundle that does not exist' {
        Invoke-PrtDoctor -Path (Join-Path $TestDrive 'no-such-bundle.zip') -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Match 'FileNotFound'
    }

    It 'takes the remoting parameters of the other cmdlets' {
        foreach ($name in 'Get-PrtDeviceCheck', 'Invoke-PrtDoctor') {
            $command = Get-Command -Name $name
            foreach ($parameter in 'ComputerName', 'Credential', 'Session', 'HostName', 'UserName', 'KeyFilePath', 'SSHOption', 'ThrottleLimit') {
                $command.Parameters.ContainsKey($parameter) | Should -BeTrue -Because "$name -$parameter"
            }
        }
    }
}

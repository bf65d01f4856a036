# Turns a JSON document from prt into the objects the cmdlets return: a PSTypeName on every object
# (so the views in PrtTools.Format.ps1xml apply, also to Deserialized.* copies from remoting), and
# the same property types on Windows PowerShell 5.1 and PowerShell 7.

# The type name of the objects found under a property, by the type name of their parent.
$script:PrtNestedTypeName = @{
    'PrtTools.Status'       = @{
        Diagnostics  = 'PrtTools.PrtDiagnostics'
        JoinDiagnostics = 'PrtTools.JoinDiagnostics'
        Findings     = 'PrtTools.Finding'
        WorkAccounts = 'PrtTools.WorkAccount'
        Sections     = 'PrtTools.DsregSection'
        Source       = 'PrtTools.StatusSource'
    }
    'PrtTools.JoinDiagnostics' = @{
        Tests = 'PrtTools.JoinTest'
        Codes = 'PrtTools.DecodedCode'
    }
    'PrtTools.DsregSection' = @{
        Fields = 'PrtTools.DsregField'
    }
    'PrtTools.ErrorInfo'    = @{
        Evidence = 'PrtTools.ErrorEvidence'
        Related  = 'PrtTools.RelatedCode'
    }
    'PrtTools.TraceSession' = @{
        Steps     = 'PrtTools.TraceStep'
        Recovered = 'PrtTools.TraceBundle'
    }
    'PrtTools.TraceBundle'  = @{
        Steps        = 'PrtTools.TraceStep'
        Files        = 'PrtTools.TraceFile'
        Repro        = 'PrtTools.TraceRepro'
        Diagnosis    = 'PrtTools.TraceDiagnosis'
        StatusBefore = 'PrtTools.Status'
        StatusAfter  = 'PrtTools.Status'
        Redaction    = 'PrtTools.BundleRedaction'
    }
    'PrtTools.TraceStatus'  = @{
        Session = 'PrtTools.TraceSession'
    }
    'PrtTools.ProbeResult'  = @{
        Runs     = 'PrtTools.ProbeRun'
        Findings = 'PrtTools.ProbeFinding'
    }
    'PrtTools.ProbeRun'     = @{
        Endpoints  = 'PrtTools.ProbeEndpoint'
        Findings   = 'PrtTools.ProbeFinding'
        Federation = 'PrtTools.ProbeFederation'
    }
    'PrtTools.ProbeEndpoint' = @{
        Route  = 'PrtTools.ProbeRoute'
        Stages = 'PrtTools.ProbeStage'
    }
    # prt doctor (#15): the verdict and all its evidence.
    'PrtTools.Doctor'       = @{
        Causes    = 'PrtTools.DoctorCause'
        Status    = 'PrtTools.Status'
        Diagnosis = 'PrtTools.Diagnosis'
        Device    = 'PrtTools.DeviceReport'
        Probe     = 'PrtTools.ProbeResult'
    }
    'PrtTools.Diagnosis'    = @{
        Attempts = 'PrtTools.Attempt'
        Status   = 'PrtTools.Status'
    }
    'PrtTools.DeviceReport' = @{
        Checks = 'PrtTools.DeviceCheck'
    }
    'PrtTools.Attempt'      = @{
        Status            = 'PrtTools.ErrorInfo'
        ServerError       = 'PrtTools.ServerError'
        NetworkSubError   = 'PrtTools.NetworkSubError'
        TokenBrokerErrors = 'PrtTools.TokenBrokerError'
        EventRecordIds    = 'PrtTools.EventRef'
        MissingMessages   = 'PrtTools.MissingMessage'
        Explanation       = 'PrtTools.ChainLink'
    }
}

# Properties that hold an ISO 8601 UTC time: they become [datetime] of kind Utc.
$script:PrtTimeProperty = @(
    'AzureAdPrtUpdateTime', 'AzureAdPrtExpiryTime', 'EnterprisePrtUpdateTime', 'EnterprisePrtExpiryTime',
    'EvaluatedAt', 'CaptureTime', 'PreviousPrtAttempt', 'PreviousRegistration',
    'StartedAt', 'StoppedAt', 'ObservedAt', 'ServerDate',
    # A PRT attempt (prt error): its 1006 and 1007, its first and last event.
    'Start', 'End', 'FirstEventTime', 'LastEventTime'
)

# Yes/no answers a capture may not give: [bool] when it says, $null when it does not (never a
# string, never $false for "not shown").
$script:PrtNullableBoolProperty = @('AzureAdPrt', 'EnterprisePrt', 'AzureAdJoined', 'EnterpriseJoined', 'DomainJoined', 'WorkplaceJoined', 'AadRecoveryEnabled')

# Numbers: 5.1 reads JSON numbers as Int32/Decimal, 7 as Int64/Double; make them agree.
$script:PrtNumberProperty = @{
    PrtAgeHours = [double]
    HttpStatus  = [int]
    HttpsStatus = [int]
    Line        = [int]
    # A code's spellings (prt explain): 0xc000006d is Signed -1073741715, Unsigned 3221225581.
    Signed      = [int]
    Unsigned    = [uint32]
    Facility    = [int]
    Code        = [int]
    EventId     = [int]
    EventRecordID = [long]
    ProcessId   = [int]
    ThreadId    = [int]
    # A file of a trace bundle: a network trace or an lsass recording can pass 2 GB.
    Bytes       = [long]
}

function ConvertTo-PrtDateTime {
    <#
    .SYNOPSIS
        An ISO 8601 string (5.1 leaves them as strings) or a [datetime] (7.0-7.4 convert them
        already) as a [datetime] of kind Utc, parsed with the invariant culture and round-trip
        kind. Anything unreadable is returned unchanged.
    #>
    [CmdletBinding()]
    [OutputType([datetime])]
    param(
        [AllowNull()]
        [object] $Value
    )

    if ($null -eq $Value) { return $null }
    if ($Value -is [datetime]) {
        $time = [datetime]$Value
    } elseif ($Value -is [string]) {
        if (-not $Value.Trim()) { return $null }
        # TryParse, not Parse in a try/catch: a caught exception would still land in the
        # caller's -ErrorVariable.
        $time = [datetime]::MinValue
        if (-not [datetime]::TryParse($Value, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind, [ref]$time)) {
            return $Value
        }
    } else {
        return $Value
    }
    switch ($time.Kind) {
        'Utc' { return $time }
        'Local' { return $time.ToUniversalTime() }
        # The contract's times are UTC; one without a zone was written as UTC.
        default { return [datetime]::SpecifyKind($time, [System.DateTimeKind]::Utc) }
    }
}

function ConvertTo-PrtObject {
    <#
    .SYNOPSIS
        Gives an object from prt's JSON (and every object nested in it) its PSTypeName, and its
        time and number properties their PowerShell types. Changes the object in place and
        returns it.
    .PARAMETER InputObject
        A PSCustomObject from ConvertFrom-Json.
    .PARAMETER TypeName
        The type name to insert first, e.g. PrtTools.Status.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [AllowNull()]
        [object] $InputObject,

        [Parameter(Mandatory)]
        [string] $TypeName
    )

    process {
        if ($null -eq $InputObject) { return }
        if ($InputObject -isnot [System.Management.Automation.PSCustomObject]) {
            return $InputObject
        }
        if ($InputObject.PSObject.TypeNames[0] -ne $TypeName) {
            $InputObject.PSObject.TypeNames.Insert(0, $TypeName)
        }
        $nested = $script:PrtNestedTypeName[$TypeName]
        foreach ($property in @($InputObject.PSObject.Properties | Where-Object { $_.MemberType -eq 'NoteProperty' })) {
            $name = $property.Name
            $value = $property.Value
            if ($null -eq $value) { continue }
            if ($script:PrtNullableBoolProperty -contains $name) {
                $property.Value = [Nullable[bool]]$value
            } elseif ($script:PrtTimeProperty -contains $name) {
                $property.Value = ConvertTo-PrtDateTime -Value $value
            } elseif ($script:PrtNumberProperty.ContainsKey($name)) {
                if ($value -is [ValueType] -and $value -isnot [bool]) {
                    $property.Value = $value -as $script:PrtNumberProperty[$name]
                }
            } elseif ($null -ne $nested -and $nested.ContainsKey($name)) {
                $childType = $nested[$name]
                if ($value -is [System.Array]) {
                    foreach ($item in $value) {
                        [void](ConvertTo-PrtObject -InputObject $item -TypeName $childType)
                    }
                } else {
                    [void](ConvertTo-PrtObject -InputObject $value -TypeName $childType)
                }
            }
        }
        return $InputObject
    }
}

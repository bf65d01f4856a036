function Get-PrtFleetSummary {
    <#
    .SYNOPSIS
        Sums up the PRT status of many devices: how many are healthy, the most frequent error
        codes with their meaning, and which devices have each.

    .DESCRIPTION
        Get-PrtFleetSummary takes the PrtTools.Status objects of many devices from the pipeline
        (from Get-PrtStatus -ComputerName, -Session or -HostName, from Invoke-Command, or from
        captures read with Get-PrtStatus -Path) and returns one PrtTools.FleetSummary:

        - the number of devices per Health (Missing, Expired, Stale, Unknown, Healthy,
          NotApplicable), with the devices of each; Unknown (a capture that does not show the
          PRT) is counted on its own, never as healthy or unhealthy;
        - the codes of the failed PRT attempts (the AttemptStatus, the server's error code,
          the AADSTS or MSIS code of its description and the HTTP error of each Diagnostics
          block), most frequent first, each with its name and one-line meaning (from one call of
          prt explain for all of them), the number of devices and their names; spellings of one
          code (0xC000006D, -1073741715) count as one;
        - the findings, most frequent first, each with its Title (one line that is the same on
          every device, not one device's message) and its devices.

        A device is named by PSComputerName when its live status came over remoting (the name
        the admin used), and by its DeviceName when the status was read from a capture or ran
        locally; a capture that names no device by its file name. Objects that are not a status
        are errors (PrtTools.NotAStatus) and are left out.

    .PARAMETER InputObject
        PrtTools.Status objects (also Deserialized ones from remoting or jobs).

    .INPUTS
        PrtTools.Status. The devices to sum up.

    .OUTPUTS
        PrtTools.FleetSummary. Health counts (also as the properties Healthy, Stale, Expired,
        Missing, NotApplicable, Unknown and Unhealthy = Missing + Expired + Stale), Codes
        (PrtTools.FleetCode), Findings (PrtTools.FleetFinding: Id, Severity, Count, Title,
        Devices).

    .EXAMPLE
        PS C:\> Get-PrtStatus -ComputerName (Get-Content .\devices.txt) | Get-PrtFleetSummary

        Reads the devices of a list and sums up their PRT health and the most frequent codes.

    .EXAMPLE
        PS C:\> $summary = Get-ChildItem \\fs01\tickets\*.txt | Get-PrtStatus | Get-PrtFleetSummary
        PS C:\> $summary.Codes | Select-Object -First 5 | Format-Table

        Sums up the captures of a folder and shows the five most frequent codes, with the
        devices that have each.

    .EXAMPLE
        PS C:\> (Get-PrtStatus -Session $sessions | Get-PrtFleetSummary).Health | Where-Object Health -eq 'Missing' | Select-Object -ExpandProperty Devices

        Lists the devices that have no PRT at all.

    .LINK
        Get-PrtStatus
    #>
    [CmdletBinding()]
    [OutputType('PrtTools.FleetSummary')]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [AllowNull()]
        [AllowEmptyCollection()]
        [psobject[]] $InputObject
    )

    begin {
        Use-PrtCallerPreference -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $statuses = New-Object -TypeName System.Collections.Generic.List[psobject]
    }

    process {
        foreach ($item in $InputObject) {
            if ($null -eq $item) { continue }
            $properties = $item.PSObject.Properties
            # Rows of Import-Csv have the columns, but Diagnostics is then the text "System.Object[]".
            if ($null -eq $properties['Health'] -or $null -eq $properties['Diagnostics'] -or $properties['Diagnostics'].Value -is [string]) {
                $what = @($item.PSObject.TypeNames)[0]
                $hint = ''
                if ($null -ne $properties['Health']) {
                    # Export-Csv/Import-Csv keeps the flat columns and loses the nested ones.
                    $hint = ' It has a Health but no Diagnostics objects, as after Export-Csv and Import-Csv, which flatten the nested properties: keep statuses with Export-Clixml and Import-Clixml instead.'
                }
                $PSCmdlet.WriteError((New-PrtErrorRecord -Id 'NotAStatus' -Category InvalidArgument -TargetObject $item `
                            -Message "Get-PrtFleetSummary sums up PrtTools.Status objects (from Get-PrtStatus); this is a $what.$hint"))
                continue
            }
            $statuses.Add($item)
        }
    }

    end {
        $comparer = [System.StringComparer]::OrdinalIgnoreCase
        $healthOrder = @('Missing', 'Expired', 'Stale', 'Unknown', 'Healthy', 'NotApplicable')
        $healthDevices = New-Object -TypeName 'System.Collections.Generic.Dictionary[string,System.Collections.Generic.List[string]]'
        # Raw code (as written) -> devices and where it was seen; then grouped by identity.
        $rawCodes = New-Object -TypeName 'System.Collections.Specialized.OrderedDictionary' -ArgumentList $comparer
        $findings = New-Object -TypeName 'System.Collections.Specialized.OrderedDictionary' -ArgumentList $comparer

        # Device lists are kept in order, with a set beside each for the "already there" test:
        # List.Contains over 10,000 devices per code made the summary quadratic.
        $newDeviceList = { @{ List = New-Object -TypeName System.Collections.Generic.List[string]; Seen = New-Object -TypeName 'System.Collections.Generic.HashSet[string]' -ArgumentList $comparer } }
        $countedDevices = New-Object -TypeName 'System.Collections.Generic.HashSet[string]' -ArgumentList $comparer
        $deviceCount = 0
        $index = 0
        foreach ($status in $statuses) {
            $index++
            $properties = $status.PSObject.Properties
            # A capture names its own device; a live status is named as the admin named the
            # computer (PSComputerName), else by what dsregcmd says; a capture without a device
            # name by its file.
            $sourcePath = $null
            $source = $properties['Source']
            if ($null -ne $source -and $null -ne $source.Value) {
                $pathProperty = $source.Value.PSObject.Properties['Path']
                if ($null -ne $pathProperty -and $pathProperty.Value) { $sourcePath = [string]$pathProperty.Value }
            }
            $names = if ($sourcePath) { @('DeviceName', 'PSComputerName') } else { @('PSComputerName', 'DeviceName') }
            $device = $null
            foreach ($name in $names) {
                $property = $properties[$name]
                if ($null -ne $property -and $property.Value) { $device = [string]$property.Value; break }
            }
            if (-not $device -and $sourcePath) { $device = [System.IO.Path]::GetFileName($sourcePath) }
            if (-not $device) { $device = "device $index" }
            # The same device given twice (two reads, two captures of one PC) counts once: its first.
            if (-not $countedDevices.Add($device)) {
                Write-Verbose -Message "$device was given more than once: counted once"
                continue
            }
            $deviceCount++

            $health = [string]$status.Health
            if (-not $health) { $health = 'Unknown' }
            if (-not $healthDevices.ContainsKey($health)) {
                $healthDevices[$health] = New-Object -TypeName System.Collections.Generic.List[string]
            }
            $healthDevices[$health].Add($device)

            foreach ($block in $status.Diagnostics) {
                if ($null -eq $block) { continue }
                # ::new(), not New-Object: this runs once per device and block (10,000s of times).
                $seen = [System.Collections.Generic.List[object]]::new()
                $attemptStatus = [string]$block.AttemptStatus
                if ($attemptStatus -and $attemptStatus -notmatch '^0x0+$') { $seen.Add(@($attemptStatus, 'AttemptStatus')) }
                if ($block.ServerErrorCode) { $seen.Add(@([string]$block.ServerErrorCode, 'ServerErrorCode')) }
                if ($block.ServerErrorDescription) {
                    foreach ($match in [regex]::Matches([string]$block.ServerErrorDescription, '\b(AADSTS\d+|MSIS\d+)\b')) {
                        $seen.Add(@($match.Value, 'ServerErrorDescription'))
                    }
                }
                $httpError = [string]$block.HttpError
                if ($httpError -and $httpError -notmatch '^0x0+$') { $seen.Add(@($httpError, 'HttpError')) }
                foreach ($pair in $seen) {
                    $raw = ([string]$pair[0]).Trim()
                    if (-not $rawCodes.Contains($raw)) {
                        $entry = & $newDeviceList
                        $entry['Code'] = $raw
                        $entry['SeenAs'] = New-Object -TypeName System.Collections.Generic.List[string]
                        $rawCodes[$raw] = $entry
                    }
                    $entry = $rawCodes[$raw]
                    if ($entry.Seen.Add($device)) { $entry.List.Add($device) }
                    if (-not $entry.SeenAs.Contains($pair[1])) { $entry.SeenAs.Add($pair[1]) }
                }
            }

            foreach ($finding in $status.Findings) {
                if ($null -eq $finding -or -not $finding.Id) { continue }
                $id = [string]$finding.Id
                if (-not $findings.Contains($id)) {
                    $entry = & $newDeviceList
                    $entry['Id'] = $id
                    $entry['Severity'] = $finding.Severity
                    $entry['Title'] = $null
                    $findings[$id] = $entry
                }
                $entry = $findings[$id]
                # The catalog's line for the id, the same on every device (statuses from an older
                # PrtTools have none: then there is no line rather than one device's message).
                if ($null -eq $entry.Title -and $null -ne $finding.PSObject.Properties['Title'] -and $finding.Title) { $entry.Title = [string]$finding.Title }
                if ($entry.Seen.Add($device)) { $entry.List.Add($device) }
            }
        }

        # One prt explain for every distinct code; spellings of one identity are merged.
        $explained = @{}
        if ($rawCodes.Count -gt 0) {
            foreach ($item in @(Invoke-PrtExplain -Code ([string[]]@($rawCodes.Keys)) -Cmdlet $PSCmdlet)) {
                if ($null -ne $item -and $item.Input) { $explained[[string]$item.Input] = $item }
            }
        }
        $groups = New-Object -TypeName 'System.Collections.Specialized.OrderedDictionary' -ArgumentList $comparer
        foreach ($raw in $rawCodes.Keys) {
            $entry = $rawCodes[$raw]
            $info = $explained[$raw]
            $known = $null -ne $info -and $null -ne $info.PSObject.Properties['Id'] -and $info.Id
            $key = if ($known) { [string]$info.Id } else { "raw:$raw" }
            if (-not $groups.Contains($key)) {
                $groups[$key] = @{
                    Code    = $entry.Code
                    Info    = if ($known) { $info } else { $null }
                    Seen    = New-Object -TypeName 'System.Collections.Generic.HashSet[string]' -ArgumentList $comparer
                    Devices = New-Object -TypeName System.Collections.Generic.List[string]
                    SeenAs  = New-Object -TypeName System.Collections.Generic.List[string]
                }
            }
            $group = $groups[$key]
            foreach ($device in $entry.List) { if ($group.Seen.Add($device)) { $group.Devices.Add($device) } }
            foreach ($where in $entry.SeenAs) { if (-not $group.SeenAs.Contains($where)) { $group.SeenAs.Add($where) } }
        }

        $order = 0
        $codes = @(foreach ($group in $groups.Values) {
                $order++
                $info = $group.Info
                [pscustomobject]@{
                    PSTypeName = 'PrtTools.FleetCode'
                    Code       = $group.Code
                    Name       = if ($null -ne $info) { $info.Name } else { $null }
                    Family     = if ($null -ne $info) { $info.Family } else { $null }
                    Count      = $group.Devices.Count
                    Summary    = if ($null -ne $info) { $info.Summary } else { $null }
                    Devices    = [string[]]@($group.Devices | Sort-Object)
                    SeenAs     = [string[]]$group.SeenAs.ToArray()
                    Order      = $order
                }
            })
        $codes = @($codes | Sort-Object -Property @{ Expression = 'Count'; Descending = $true }, @{ Expression = 'Order'; Descending = $false } |
                Select-Object -Property * -ExcludeProperty Order)
        foreach ($code in $codes) { $code.PSObject.TypeNames.Insert(0, 'PrtTools.FleetCode') }

        $order = 0
        $findingObjects = @(foreach ($finding in $findings.Values) {
                $order++
                [pscustomobject]@{
                    Id       = $finding.Id
                    Severity = $finding.Severity
                    Count    = $finding.List.Count
                    Title    = $finding.Title
                    Devices  = [string[]]@($finding.List | Sort-Object)
                    Order    = $order
                }
            })
        $findingObjects = @($findingObjects | Sort-Object -Property @{ Expression = 'Count'; Descending = $true }, @{ Expression = 'Order'; Descending = $false } |
                Select-Object -Property * -ExcludeProperty Order)
        foreach ($finding in $findingObjects) { $finding.PSObject.TypeNames.Insert(0, 'PrtTools.FleetFinding') }

        $healthNames = @($healthOrder | Where-Object { $healthDevices.ContainsKey($_) }) +
        @($healthDevices.Keys | Where-Object { $healthOrder -notcontains $_ } | Sort-Object)
        $healthObjects = @(foreach ($name in $healthNames) {
                [pscustomobject]@{
                    PSTypeName = 'PrtTools.FleetHealth'
                    Health     = $name
                    Count      = $healthDevices[$name].Count
                    Devices    = [string[]]@($healthDevices[$name] | Sort-Object)
                }
            })

        $countOf = {
            param($name)
            if ($healthDevices.ContainsKey($name)) { $healthDevices[$name].Count } else { 0 }
        }
        [pscustomobject]@{
            PSTypeName    = 'PrtTools.FleetSummary'
            DeviceCount   = $deviceCount
            Healthy       = [int](& $countOf 'Healthy')
            Stale         = [int](& $countOf 'Stale')
            Expired       = [int](& $countOf 'Expired')
            Missing       = [int](& $countOf 'Missing')
            NotApplicable = [int](& $countOf 'NotApplicable')
            Unknown       = [int](& $countOf 'Unknown')
            Unhealthy     = [int]((& $countOf 'Missing') + (& $countOf 'Expired') + (& $countOf 'Stale'))
            Health        = $healthObjects
            Codes         = $codes
            Findings      = $findingObjects
        }
    }
}

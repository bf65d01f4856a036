# Tab completion of -Code (Get-PrtError): the symbolic names prt knows (STATUS_LOGON_FAILURE,
# ERROR_WINHTTP_TIMEOUT, invalid_grant, ...), asked of the exe once per session and cached.

# Exe path -> the names it printed (an empty list when it could not say: asked once all the same,
# so that Tab stays fast).
$script:PrtCodeNameCache = @{}

function Get-PrtCodeName {
    <#
    .SYNOPSIS
        The symbolic code names of `prt codes --names --json` (a JSON array of strings), sorted,
        cached per exe for the session. Never writes an error: completion must not.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $exePath = Get-PrtExePath
    if (-not $script:PrtCodeNameCache.ContainsKey($exePath)) {
        $names = @()
        try {
            $result = Invoke-PrtExe -Argument @('codes', '--names') -Cmdlet $PSCmdlet -AsResult
            if ($null -eq $result.ErrorRecord -and $result.Document -is [System.Array]) {
                $names = @($result.Document | Where-Object { $_ -is [string] -and $_.Trim() } | Sort-Object -Unique)
            } elseif ($null -ne $result.ErrorRecord) {
                Write-Verbose -Message "No code names for completion: $($result.ErrorRecord.Exception.Message)"
            }
        } catch {
            Write-Verbose -Message "No code names for completion: $($_.Exception.Message)"
        }
        $script:PrtCodeNameCache[$exePath] = [string[]]$names
    }
    return $script:PrtCodeNameCache[$exePath]
}

function Get-PrtCodeCompletion {
    <#
    .SYNOPSIS
        CompletionResults for a partly typed code name: names that start with it first, then
        names that contain it (LOGON finds STATUS_LOGON_FAILURE), case-insensitive.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.CompletionResult])]
    param(
        [AllowNull()]
        [AllowEmptyString()]
        [string] $WordToComplete
    )

    $word = if ($null -eq $WordToComplete) { '' } else { $WordToComplete.Trim().Trim("'", '"') }
    $names = @(Get-PrtCodeName)
    $comparison = [System.StringComparison]::OrdinalIgnoreCase
    $starting = @($names | Where-Object { $_.StartsWith($word, $comparison) })
    $containing = @()
    if ($word) {
        $containing = @($names | Where-Object { $_.IndexOf($word, $comparison) -gt 0 })
    }
    foreach ($name in @($starting) + @($containing)) {
        $text = $name
        if ($name -match '[^\w.-]') { $text = "'" + $name.Replace("'", "''") + "'" }
        New-Object -TypeName System.Management.Automation.CompletionResult -ArgumentList $text, $name, ([System.Management.Automation.CompletionResultType]::ParameterValue), $name
    }
}

# Who is signed in at the console. WMI (CIM) says it best, but WMI is often broken on exactly the
# sick devices PrtTools is for: then the session API (WTS), quser.exe and explorer's owner are
# asked in turn, and a warning says that WMI failed.

# The WTS functions, compiled once per session by Add-Type (only when WMI failed).
$script:PrtWtsTypeDefinition = @'
using System;
using System.Runtime.InteropServices;
public static class PrtToolsWtsSession {
    [DllImport("kernel32.dll")]
    public static extern uint WTSGetActiveConsoleSessionId();
    [DllImport("wtsapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern bool WTSQuerySessionInformationW(IntPtr server, uint sessionId, int infoClass, out IntPtr buffer, out uint bytes);
    [DllImport("wtsapi32.dll")]
    private static extern void WTSFreeMemory(IntPtr memory);
    // WTSUserName = 5, WTSDomainName = 7. Null when the session cannot be asked.
    public static string Query(uint sessionId, int infoClass) {
        IntPtr buffer; uint bytes;
        if (!WTSQuerySessionInformationW(IntPtr.Zero, sessionId, infoClass, out buffer, out bytes)) return null;
        try { return Marshal.PtrToStringUni(buffer); } finally { WTSFreeMemory(buffer); }
    }
}
'@

function Get-PrtConsoleUserFromCim {
    # Win32_ComputerSystem.UserName: the console session's user, also while the screen is locked.
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $name = (Get-CimInstance -ClassName Win32_ComputerSystem -Verbose:$false -ErrorAction Stop).UserName
    if ([string]::IsNullOrWhiteSpace($name)) { return '' }
    [string]$name
}

function Get-PrtConsoleUserFromWts {
    # The user of the active console session by the WTS API; '' when no one is signed in there.
    [CmdletBinding()]
    [OutputType([string])]
    param()
    if (-not ('PrtToolsWtsSession' -as [type])) {
        Add-Type -TypeDefinition $script:PrtWtsTypeDefinition -ErrorAction Stop
    }
    $session = [PrtToolsWtsSession]::WTSGetActiveConsoleSessionId()
    # 0xFFFFFFFF: no session is attached to the console (switching users).
    if ($session -eq [uint32]::MaxValue) { return '' }
    $user = [PrtToolsWtsSession]::Query($session, 5)
    if ($null -eq $user) { throw "WTSQuerySessionInformation failed for session $session" }
    if (-not $user) { return '' }
    $domain = [PrtToolsWtsSession]::Query($session, 7)
    if ($domain) { return "$domain\$user" }
    $user
}

function Get-PrtConsoleUserFromQuser {
    # quser.exe's line for the console session (the user name only, without domain); '' when it
    # lists no one there.
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $result = Invoke-PrtSystemTool -Name 'quser.exe' -Argument @()
    foreach ($line in ($result.Output -split '\r?\n')) {
        # ">jeanne   console   1  Active  none  06/12/2026 09:14"; the column headers are localized.
        if ($line -match '^\s*>?(\S+)\s+console\s+\d+\s') { return $Matches[1] }
    }
    # quser exits 1 ("No User exists for *") when nobody is signed in.
    if ($result.ExitCode -eq 0 -or $result.ExitCode -eq 1) { return '' }
    throw "quser.exe exited with code $($result.ExitCode)"
}

function Get-PrtConsoleUserFromExplorer {
    # The owner of the explorer.exe of the console session (needs an elevated session).
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $processes = @(Get-Process -Name explorer -IncludeUserName -ErrorAction Stop)
    $owners = @($processes | Where-Object { $_.UserName } | ForEach-Object { [string]$_.UserName } | Select-Object -Unique)
    if ($owners.Count -eq 1) { return $owners[0] }
    if ($owners.Count -eq 0) { return '' }
    throw "explorer.exe runs for several users ($($owners -join ', '))"
}

function Get-PrtInteractiveUser {
    <#
    .SYNOPSIS
        The user signed in at this device's console (DOMAIN\user, e.g. AzureAD\JeanneMartin, or
        only the name when quser.exe told), or $null when nobody is. Off Windows: $null.
    .DESCRIPTION
        WMI first; when it fails, the WTS API, quser.exe and explorer's owner in that order, with
        a warning that WMI failed. When every way fails it throws PrtTools.InteractiveUserUnknown:
        "unknown" is never turned into "nobody is signed in".
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if (-not (Test-PrtWindows)) { return $null }
    $problems = New-Object -TypeName System.Collections.Generic.List[string]
    $ways = @(
        @{ Name = 'WMI'; Command = 'Get-PrtConsoleUserFromCim' }
        @{ Name = 'the WTS session API'; Command = 'Get-PrtConsoleUserFromWts' }
        @{ Name = 'quser.exe'; Command = 'Get-PrtConsoleUserFromQuser' }
        @{ Name = "explorer.exe's owner"; Command = 'Get-PrtConsoleUserFromExplorer' }
    )
    foreach ($way in $ways) {
        try {
            $name = & $way.Command -ErrorAction Stop
        } catch {
            $problems.Add("$($way.Name): $($_.Exception.Message)")
            Write-Verbose -Message "Finding the signed-in user with $($way.Name) failed: $($_.Exception.Message)"
            continue
        }
        if ($problems.Count -gt 0) {
            Write-Warning -Message ("WMI does not work on {0} ({1}); the signed-in user was found with {2} instead. A broken WMI repository also breaks other management tools: repair it (winmgmt /verifyrepository)." -f [System.Environment]::MachineName, $problems[0], $way.Name)
        }
        if ([string]::IsNullOrWhiteSpace($name)) { return $null }
        return [string]$name
    }
    $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList ("Cannot tell who is signed in on {0}: {1}." -f [System.Environment]::MachineName, ($problems -join '; '))
    throw (New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList $exception, 'PrtTools.InteractiveUserUnknown', ([System.Management.Automation.ErrorCategory]::ResourceUnavailable), $null)
}

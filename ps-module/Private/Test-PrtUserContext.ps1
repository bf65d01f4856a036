# Whose logon would dsregcmd report if prt ran here? A PRT belongs to the signed-in user's logon;
# a remote session, SYSTEM (session 0) or another account's process has none of its own to show.

function Test-PrtWindows {
    <#
    .SYNOPSIS
        True on Windows ($IsWindows does not exist in Windows PowerShell 5.1, which only runs there).
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
}

function Get-PrtProcessIdentity {
    <#
    .SYNOPSIS
        Who this PowerShell runs as: UserName (DOMAIN\user on Windows), the logon SessionId
        (0 for services and SYSTEM) and IsSystem.
    #>
    [CmdletBinding()]
    param()

    $sessionId = [System.Diagnostics.Process]::GetCurrentProcess().SessionId
    if (-not (Test-PrtWindows)) {
        return [pscustomobject]@{ UserName = [System.Environment]::UserName; SessionId = $sessionId; IsSystem = $false }
    }
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    try {
        # S-1-5-18 is LocalSystem, whatever the name is in the system's language.
        return [pscustomobject]@{ UserName = $identity.Name; SessionId = $sessionId; IsSystem = ($identity.User.Value -eq 'S-1-5-18') }
    } finally {
        $identity.Dispose()
    }
}

function Test-PrtUserContext {
    <#
    .SYNOPSIS
        True when this process runs in the signed-in user's own context, where dsregcmd reports
        that user's PRT: not a remote session, not session 0, not SYSTEM, and the same account as
        the console user.
    .DESCRIPTION
        When no console user is known (a Remote Desktop session is not named by
        Win32_ComputerSystem), a desktop session of this process's own is taken as the user's.
        Off Windows there are no logons with a PRT: only a remote session counts as foreign.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()

    if (Test-PrtRemoteSession) { return $false }
    if (-not (Test-PrtWindows)) { return $true }
    $me = Get-PrtProcessIdentity
    if ($me.SessionId -eq 0 -or $me.IsSystem) { return $false }
    try {
        $interactive = Get-PrtInteractiveUser
    } catch {
        # Unknown is not "nobody": say so, and read this process's own logon, which is the
        # signed-in user's whenever this runs in their desktop session (checked above).
        Write-Warning -Message ("{0} Reading the PRT of this process's logon ({1}) instead." -f $_.Exception.Message, $me.UserName)
        return $true
    }
    if (-not $interactive) { return $true }
    $myName = [string]$me.UserName
    # quser.exe names the user without a domain.
    if ($interactive -notmatch '\\') { $myName = @($myName -split '\\')[-1] }
    return [string]::Equals($myName, $interactive, [System.StringComparison]::OrdinalIgnoreCase)
}

function Add-PrtStatusContext {
    <#
    .SYNOPSIS
        Says whose status a live read is: UserName (DOMAIN\user) and Context (CurrentProcess when
        prt ran in this process's logon, InteractiveUser when it ran as the signed-in user), then
        passes the status on.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Status,

        [AllowNull()]
        [AllowEmptyString()]
        [string] $UserName,

        [Parameter(Mandatory)]
        [ValidateSet('CurrentProcess', 'InteractiveUser')]
        [string] $Context
    )
    Add-Member -InputObject $Status -NotePropertyName 'UserName' -NotePropertyValue $UserName -Force
    Add-Member -InputObject $Status -NotePropertyName 'Context' -NotePropertyValue $Context -Force
    $Status
}

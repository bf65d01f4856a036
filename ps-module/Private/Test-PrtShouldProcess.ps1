function Test-PrtShouldProcess {
    <#
    .SYNOPSIS
        ShouldProcess (or, with -Query, ShouldContinue) that never throws: where no one can answer
        (a non-interactive host, a remote session without a prompt) the answer is no.
    .DESCRIPTION
        Both methods throw when they need to prompt and cannot. A .NET exception inside an `if`
        condition ends only that statement, and the script would go on as if confirmed: callers
        must use this instead of calling the methods directly. Sets $script:PrtConsentUnanswerable
        when the prompt could not be shown, so callers can say -Force is needed.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [Parameter(Mandatory)]
        [string] $Target,

        [Parameter(Mandatory)]
        [string] $Action,

        # Ask with ShouldContinue (always asks, -Confirm or not): $Action is the question,
        # $Target the caption.
        [switch] $Query
    )

    $script:PrtConsentUnanswerable = $false
    try {
        if ($Query) { return [bool]$Cmdlet.ShouldContinue($Action, $Target) }
        return [bool]$Cmdlet.ShouldProcess($Target, $Action)
    } catch {
        $script:PrtConsentUnanswerable = $true
        Write-Verbose -Message "No one could answer the prompt ($($_.Exception.Message)): taken as no."
        return $false
    }
}

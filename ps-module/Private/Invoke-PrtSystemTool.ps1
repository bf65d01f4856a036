# Windows' own tools (quser, schtasks) run by full path under %SystemRoot%\System32, never found
# through PATH: an elevated session must not run a planted quser.exe from a user-writable folder.
# Tests point $env:SystemRoot at a folder of fakes.

function Get-PrtSystemToolPath {
    <#
    .SYNOPSIS
        The full path of a tool in %SystemRoot%\System32, e.g. C:\Windows\System32\quser.exe.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)][string] $Name)

    $root = $env:SystemRoot
    if (-not $root) { $root = [System.Environment]::GetFolderPath([System.Environment+SpecialFolder]::Windows) }
    [System.IO.Path]::Combine($root, 'System32', $Name)
}

function Invoke-PrtSystemTool {
    <#
    .SYNOPSIS
        Runs a tool of %SystemRoot%\System32 with an argument array (no shell), waits at most
        TimeoutSeconds, and returns ExitCode, Output and ErrorOutput. Throws when it cannot start
        or does not finish.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [AllowEmptyString()]
        [string[]] $Argument,

        [int] $TimeoutSeconds = 30
    )

    $path = Get-PrtSystemToolPath -Name $Name
    if (-not [System.IO.File]::Exists($path)) {
        throw (New-Object -TypeName System.IO.FileNotFoundException -ArgumentList "$path does not exist", $path)
    }
    $startInfo = New-PrtProcessStartInfo -FilePath $path -Argument $Argument
    # Console tools write in the OEM code page, not UTF-8.
    try {
        $oem = [System.Text.Encoding]::GetEncoding([System.Globalization.CultureInfo]::CurrentCulture.TextInfo.OEMCodePage)
        $startInfo.StandardOutputEncoding = $oem
        $startInfo.StandardErrorEncoding = $oem
    } catch {
        Write-Verbose -Message "Reading $Name's output as UTF-8: $($_.Exception.Message)"
    }
    Write-Verbose -Message ("Running {0} {1}" -f $path, (ConvertTo-PrtCommandLine -Argument $Argument))
    $process = [System.Diagnostics.Process]::Start($startInfo)
    try {
        $process.StandardInput.Close()
        $errorTask = $process.StandardError.ReadToEndAsync()
        $output = $process.StandardOutput.ReadToEnd()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            try { $process.Kill() } catch { Write-Verbose -Message "Could not stop $Name`: $($_.Exception.Message)" }
            throw (New-Object -TypeName System.TimeoutException -ArgumentList "$path did not finish within $TimeoutSeconds seconds")
        }
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $output; ErrorOutput = $errorTask.GetAwaiter().GetResult() }
    } finally {
        $process.Dispose()
    }
}

# The only place that runs prt.exe (Crescendo's idea): the cmdlets hand it an argument array and
# get back the parsed JSON document, or nothing after the failure was written as an ErrorRecord.

# Exit codes of the exe<->module contract (DESIGN 4).
$script:PrtExitCode = @{ Ok = 0; Usage = 2; BadInput = 3; Environment = 4; Interrupted = 5 }

# The Windows PowerShell 5.1 way of passing arguments (one quoted string) also where
# ArgumentList exists: the Windows-tagged tests run every cmdlet both ways.
$script:PrtUseArgumentString = $false

# ConvertFrom-Json -DateKind exists from PowerShell 7.5 on. Asked on first use, not at import
# (Import-Module PrtTools is timed, scripts/bench/module.ps1), of the cmdlet's type when it is
# loaded; Get-Command would first load the module's commands (about 300 ms in a fresh session).
$script:PrtJsonHasDateKind = $null
function Test-PrtJsonDateKind {
    <#
    .SYNOPSIS
        True when this PowerShell's ConvertFrom-Json has -DateKind (7.5 and later); asked once.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    if ($null -eq $script:PrtJsonHasDateKind) {
        $type = 'Microsoft.PowerShell.Commands.ConvertFromJsonCommand' -as [type]
        $script:PrtJsonHasDateKind = if ($null -ne $type) { $null -ne $type.GetProperty('DateKind') } else { (Get-Command -Name ConvertFrom-Json).Parameters.ContainsKey('DateKind') }
    }
    $script:PrtJsonHasDateKind
}

function Get-PrtExePath {
    <#
    .SYNOPSIS
        The prt executable this module runs: $env:PRTTOOLS_EXE (tests) or bin/ under the module.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:PRTTOOLS_EXE) {
        return $env:PRTTOOLS_EXE
    }
    # $IsWindows does not exist in Windows PowerShell 5.1, which only runs on Windows.
    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
    $name = if ($onWindows) { 'prt.exe' } else { 'prt' }
    return [System.IO.Path]::Combine($script:PrtModuleRoot, 'bin', $name)
}

function Set-PrtExeExecutable {
    <#
    .SYNOPSIS
        Gives the exe the execute bit wherever it has read permission (what chmod +x does).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )

    $mode = [System.IO.File]::GetUnixFileMode($Path)
    $mode = $mode -bor [System.IO.UnixFileMode]::UserExecute
    if ($mode -band [System.IO.UnixFileMode]::GroupRead) { $mode = $mode -bor [System.IO.UnixFileMode]::GroupExecute }
    if ($mode -band [System.IO.UnixFileMode]::OtherRead) { $mode = $mode -bor [System.IO.UnixFileMode]::OtherExecute }
    [System.IO.File]::SetUnixFileMode($Path, $mode)
}

function Get-PrtExeModeProblem {
    <#
    .SYNOPSIS
        Off Windows, makes sure bin/prt may be executed and returns $null; else the message to show.
    .DESCRIPTION
        Install-PSResource and Expand-Archive extract bin/prt without its execute bit. The first
        use sets it when the user may (they own the file); otherwise the message names the one
        command that fixes it. Needs .NET 7 (PowerShell 7.3+) to read the mode; older versions
        start the exe and report what the system says.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )

    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
    if ($onWindows -or $null -eq [System.IO.File].GetMethod('GetUnixFileMode', [type[]]@([string]))) { return $null }
    if ([System.IO.File]::GetUnixFileMode($Path) -band [System.IO.UnixFileMode]::UserExecute) { return $null }
    try {
        Set-PrtExeExecutable -Path $Path
        Write-Verbose -Message "Set the execute bit on $Path (it was extracted without it)"
        return $null
    } catch {
        return ("The prt executable at '{0}' is not executable (the package was extracted without its execute bit) and PrtTools could not fix it: {1} Run once: sudo chmod +x '{0}'" -f $Path, $_.Exception.Message)
    }
}

function ConvertTo-PrtCommandLine {
    <#
    .SYNOPSIS
        Joins arguments into one command line that the MSVCRT rules (CommandLineToArgvW, Node's
        argv on Windows) split back into exactly those arguments.
    .DESCRIPTION
        Only for .NET Framework (Windows PowerShell 5.1), whose ProcessStartInfo takes a single
        Arguments string. An argument is quoted when it is empty or holds a space, a tab, a line
        break or a quote. Inside quotes, backslashes are literal unless they come before a quote:
        then each one is doubled and the quote escaped; before the closing quote they are doubled.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [AllowEmptyString()]
        [string[]] $Argument
    )

    $quoted = foreach ($arg in $Argument) {
        if ($null -eq $arg) { $arg = '' }
        if ($arg.Length -gt 0 -and $arg -notmatch '[\s"]') {
            $arg
            continue
        }
        $builder = New-Object -TypeName System.Text.StringBuilder
        [void]$builder.Append('"')
        $backslashes = 0
        foreach ($char in $arg.ToCharArray()) {
            if ($char -eq [char]'\') {
                $backslashes++
                continue
            }
            if ($char -eq [char]'"') {
                [void]$builder.Append([char]'\', 2 * $backslashes + 1)
            } elseif ($backslashes -gt 0) {
                [void]$builder.Append([char]'\', $backslashes)
            }
            [void]$builder.Append($char)
            $backslashes = 0
        }
        [void]$builder.Append([char]'\', 2 * $backslashes)
        [void]$builder.Append('"')
        $builder.ToString()
    }
    return (@($quoted) -join ' ')
}

function New-PrtProcessStartInfo {
    <#
    .SYNOPSIS
        A ProcessStartInfo for running the exe directly (no shell, no window, no console input),
        with stdout and stderr redirected and decoded as UTF-8.
    .PARAMETER UseArgumentString
        Pass the arguments as one quoted string (what .NET Framework offers) instead of
        ArgumentList. Chosen automatically; a parameter so that tests can exercise the quoting.
    .PARAMETER Console
        Redirect stdout only: stdin and stderr stay the console's, so the exe can draw its
        dashboard there and read keys (see Invoke-PrtExe -Console).
    #>
    [CmdletBinding()]
    [OutputType([System.Diagnostics.ProcessStartInfo])]
    param(
        [Parameter(Mandatory)]
        [string] $FilePath,

        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [AllowEmptyString()]
        [string[]] $Argument,

        [switch] $UseArgumentString,

        [switch] $Console
    )

    $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    $startInfo = New-Object -TypeName System.Diagnostics.ProcessStartInfo
    $startInfo.FileName = $FilePath
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.StandardOutputEncoding = $utf8
    if ($Console) {
        # Why this works the same in Windows PowerShell 5.1 (.NET Framework) and 7 (.NET): both
        # start the exe with CreateProcess, handles inherited, and give every stream that is not
        # redirected the parent's own standard handle, i.e. the console's input and screen buffer;
        # without CREATE_NO_WINDOW a console program started by a console program shares its
        # console. So node sees a TTY on stdin and stderr (raw mode, Ctrl+C read as a key; ANSI
        # drawn by libuv on Windows Terminal and on the classic console alike) and a pipe on
        # stdout. On Linux and macOS, .NET leaves fds 0 and 2 on the terminal and restores the
        # terminal's settings for the child. PowerShell's native-command plumbing, which differs
        # between 5.1 and 7, is not involved. (An encoding may be set only on a redirected stream.)
        $startInfo.CreateNoWindow = $false
        $startInfo.RedirectStandardInput = $false
        $startInfo.RedirectStandardError = $false
    } else {
        $startInfo.CreateNoWindow = $true
        $startInfo.RedirectStandardInput = $true
        $startInfo.RedirectStandardError = $true
        $startInfo.StandardErrorEncoding = $utf8
    }

    $hasArgumentList = $null -ne [System.Diagnostics.ProcessStartInfo].GetProperty('ArgumentList')
    if ($hasArgumentList -and -not $UseArgumentString -and -not $script:PrtUseArgumentString) {
        foreach ($arg in $Argument) {
            $startInfo.ArgumentList.Add($arg)
        }
    } else {
        $startInfo.Arguments = ConvertTo-PrtCommandLine -Argument $Argument
    }
    return $startInfo
}

function Get-PrtErrorCategory {
    <#
    .SYNOPSIS
        The ErrorCategory for an exe failure: the Category the exe named, else one by exit code.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorCategory])]
    param(
        [AllowNull()]
        [AllowEmptyString()]
        [string] $Category,

        [Parameter(Mandatory)]
        [int] $ExitCode
    )

    if ($Category -and ([System.Enum]::GetNames([System.Management.Automation.ErrorCategory]) -contains $Category)) {
        return [System.Management.Automation.ErrorCategory]$Category
    }
    switch ($ExitCode) {
        2 { return [System.Management.Automation.ErrorCategory]::InvalidArgument }
        3 { return [System.Management.Automation.ErrorCategory]::InvalidData }
        4 { return [System.Management.Automation.ErrorCategory]::ResourceUnavailable }
        5 { return [System.Management.Automation.ErrorCategory]::OperationStopped }
    }
    return [System.Management.Automation.ErrorCategory]::NotSpecified
}

function New-PrtErrorRecord {
    <#
    .SYNOPSIS
        An ErrorRecord with ErrorId PrtTools.<Id>, so scripts can match on
        $_.FullyQualifiedErrorId -like 'PrtTools.NotDsregcmdOutput,*'.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory)]
        [string] $Id,

        [Parameter(Mandatory)]
        [string] $Message,

        [Parameter(Mandatory)]
        [System.Management.Automation.ErrorCategory] $Category,

        [AllowNull()]
        [object] $TargetObject,

        [AllowNull()]
        [System.Exception] $InnerException
    )

    # Messages quote data (file names, the exe's message): shown safely wherever the record goes.
    $Message = ConvertTo-PrtSafeText -Value $Message
    $exception = switch ($Category) {
        'InvalidArgument' { New-Object -TypeName System.ArgumentException -ArgumentList $Message, $InnerException }
        'InvalidData' { New-Object -TypeName System.IO.InvalidDataException -ArgumentList $Message, $InnerException }
        'ObjectNotFound' { New-Object -TypeName System.Management.Automation.ItemNotFoundException -ArgumentList $Message, $InnerException }
        'PermissionDenied' { New-Object -TypeName System.UnauthorizedAccessException -ArgumentList $Message, $InnerException }
        'OperationTimeout' { New-Object -TypeName System.TimeoutException -ArgumentList $Message, $InnerException }
        'NotInstalled' { New-Object -TypeName System.PlatformNotSupportedException -ArgumentList $Message, $InnerException }
        default { New-Object -TypeName System.InvalidOperationException -ArgumentList $Message, $InnerException }
    }
    return New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList $exception, "PrtTools.$Id", $Category, $TargetObject
}

function ConvertFrom-PrtExeError {
    <#
    .SYNOPSIS
        Turns a non-zero exit and what the exe wrote on stderr into an ErrorRecord: the contract's
        {"Error":{"Id","Message","Category"}} when it is there, a readable record when it is not.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory)]
        [int] $ExitCode,

        [AllowNull()]
        [AllowEmptyString()]
        [string] $StandardError,

        [AllowNull()]
        [object] $TargetObject,

        # The exe ran with stderr on the console (Invoke-PrtExe -Console): its message is there.
        [switch] $OnConsole
    )

    if ($OnConsole) {
        $known = @($script:PrtExitCode.Values) -contains $ExitCode
        $id = if ($known) { 'ExeFailed' } else { 'InternalError' }
        $what = if ($ExitCode -eq $script:PrtExitCode.Interrupted) { "prt was interrupted (exit code $ExitCode)" } else { "prt failed (exit code $ExitCode)" }
        $errorCategory = Get-PrtErrorCategory -Category $null -ExitCode $ExitCode
        return New-PrtErrorRecord -Id $id -Category $errorCategory -TargetObject $TargetObject `
            -Message "${what}; its own message is on the console above (it drew there, so PrtTools could not read it)"
    }

    $text = if ($null -eq $StandardError) { '' } else { $StandardError.Trim() }
    $document = $null
    # The contract's object is one line, the last: progress lines (prt trace) may come before it.
    $lastLine = @($text -split '\r?\n')[-1]
    # Parse only what can be the contract's object (a crash prints a stack trace instead).
    if ($lastLine.StartsWith('{')) {
        try {
            $document = ConvertFrom-Json -InputObject $lastLine -ErrorAction Stop
        } catch {
            $document = $null
        }
    }
    $errorObject = $null
    if ($null -ne $document -and $null -ne $document.PSObject.Properties['Error']) {
        $errorObject = $document.Error
    }
    if ($null -ne $errorObject -and $null -ne $errorObject.PSObject.Properties['Message'] -and $errorObject.Message) {
        $id = 'ExeError'
        if ($null -ne $errorObject.PSObject.Properties['Id'] -and $errorObject.Id) { $id = [string]$errorObject.Id }
        $category = $null
        if ($null -ne $errorObject.PSObject.Properties['Category']) { $category = [string]$errorObject.Category }
        $errorCategory = Get-PrtErrorCategory -Category $category -ExitCode $ExitCode
        return New-PrtErrorRecord -Id $id -Message (ConvertTo-PrtCmdletText -Text ([string]$errorObject.Message)) -Category $errorCategory -TargetObject $TargetObject
    }

    # Not the contract's JSON: a crash (exit 70 and a stack trace) or something else entirely.
    $known = @($script:PrtExitCode.Values) -contains $ExitCode
    $id = if ($known) { 'ExeFailed' } else { 'InternalError' }
    $what = if ($known) { "prt failed (exit code $ExitCode)" } else { "prt stopped with an internal error (exit code $ExitCode); this is a bug in PrtTools, please report it with the text below" }
    $detail = if ($text) { $text } else { 'it wrote nothing on stderr' }
    # A stack trace can be long: keep the start, which says what went wrong.
    if ($detail.Length -gt 2000) { $detail = $detail.Substring(0, 2000) + ' ...' }
    $errorCategory = Get-PrtErrorCategory -Category $null -ExitCode $ExitCode
    return New-PrtErrorRecord -Id $id -Message "${what}: $detail" -Category $errorCategory -TargetObject $TargetObject
}

function Invoke-PrtExe {
    <#
    .SYNOPSIS
        Runs prt with the given arguments plus --json and returns the JSON document it printed.
    .DESCRIPTION
        On success (exit 0) returns the parsed document, undecorated (ConvertTo-PrtObject adds
        type names and dates). On failure writes a non-terminating ErrorRecord through the calling
        cmdlet, so -ErrorAction and -ErrorVariable of that cmdlet apply per input item, and
        returns nothing. A missing or unstartable exe is a terminating error: nothing could work.
        Never prompts and needs no console: stdin is closed at once, it works under Invoke-Command
        (except with -Console).
    .PARAMETER Argument
        The command and its options, e.g. 'status', '--input', 'C:\cases\capture.txt'.
    .PARAMETER Cmdlet
        $PSCmdlet of the public cmdlet: errors are written (or thrown) through it.
    .PARAMETER TargetObject
        What the call was about (a path), attached to the ErrorRecord.
    .PARAMETER AsResult
        Writes nothing and returns ExitCode, Document and ErrorRecord ($null after success), so
        that the caller decides: prt explain prints its whole array of results and exits 3 when
        one of the inputs is not a code. The document may then be a JSON array too. A missing
        exe is still a terminating error.
    .PARAMETER Console
        Only stdout is redirected: stdin and stderr stay the console's, so the exe draws its
        dashboard and reads keys there while the JSON still comes back on stdout. Only where a
        person sits at a console (never under Invoke-Command). The exe's error message then goes
        to the console too: a failure becomes an ErrorRecord by exit code that says so.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string[]] $Argument,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [AllowNull()]
        [object] $TargetObject,

        [switch] $AsResult,

        [switch] $Console
    )

    $exePath = Get-PrtExePath
    if (-not [System.IO.File]::Exists($exePath)) {
        $record = New-PrtErrorRecord -Id 'ExeNotFound' -Category NotInstalled -TargetObject $exePath `
            -Message "The prt executable was not found at '$exePath'. Reinstall the PrtTools module: its bin folder holds prt.exe (Windows) and prt (Linux, macOS)."
        $Cmdlet.ThrowTerminatingError($record)
    }
    $modeProblem = Get-PrtExeModeProblem -Path $exePath
    if ($modeProblem) {
        $Cmdlet.ThrowTerminatingError((New-PrtErrorRecord -Id 'ExeNotExecutable' -Category PermissionDenied -TargetObject $exePath -Message $modeProblem))
    }

    # --json goes before a '--' that ends the options: after it, prt would read it as a value.
    $fullArgument = New-Object -TypeName System.Collections.Generic.List[string]
    $jsonAdded = $false
    foreach ($arg in $Argument) {
        if (-not $jsonAdded -and $arg -eq '--') {
            $fullArgument.Add('--json')
            $jsonAdded = $true
        }
        $fullArgument.Add($arg)
    }
    if (-not $jsonAdded) { $fullArgument.Add('--json') }
    $startInfo = New-PrtProcessStartInfo -FilePath $exePath -Argument $fullArgument.ToArray() -Console:$Console
    Write-Verbose -Message (ConvertTo-PrtSafeText -Value ("Running {0} {1}" -f $exePath, (ConvertTo-PrtCommandLine -Argument $fullArgument.ToArray())))

    $process = New-Object -TypeName System.Diagnostics.Process
    $process.StartInfo = $startInfo
    try {
        [void]$process.Start()
    } catch {
        $process.Dispose()
        $record = New-PrtErrorRecord -Id 'ExeNotStarted' -Category ResourceUnavailable -TargetObject $exePath -InnerException $_.Exception `
            -Message "The prt executable at '$exePath' could not be started: $($_.Exception.Message)"
        $Cmdlet.ThrowTerminatingError($record)
    }
    $stderr = $null
    try {
        if ($Console) {
            # stdin and stderr are the console's: only stdout is ours to read.
            $stdout = $process.StandardOutput.ReadToEnd()
        } else {
            # No console input: the exe must never wait for a key, least of all under Invoke-Command.
            $process.StandardInput.Close()
            # stderr is read in the background while stdout is read here: a full pipe cannot block us.
            $stderrTask = $process.StandardError.ReadToEndAsync()
            $stdout = $process.StandardOutput.ReadToEnd()
            $stderr = $stderrTask.GetAwaiter().GetResult()
        }
        $process.WaitForExit()
        $exitCode = $process.ExitCode
    } finally {
        # The exe still runs only if reading failed or the pipeline was stopped (Ctrl+C). On the
        # console it got the same Ctrl+C and is undoing its changes: give it time to finish.
        if ($Console -and -not $process.HasExited) {
            [void]$process.WaitForExit(120000)
        }
        if (-not $process.HasExited) {
            try { $process.Kill() } catch { Write-Verbose -Message "Could not stop prt: $($_.Exception.Message)" }
        }
        $process.Dispose()
    }
    Write-Verbose -Message "prt exited with code $exitCode"

    if ($exitCode -eq 0 -and $stderr -and $stderr.Trim()) {
        Write-Verbose -Message (ConvertTo-PrtSafeText -Value "prt wrote on stderr: $($stderr.Trim())")
    }
    $output = ConvertFrom-PrtExeOutput -ExitCode $exitCode -StandardOutput $stdout -StandardError $stderr -TargetObject $TargetObject -AllowArray:$AsResult -OnConsole:$Console
    if ($AsResult) {
        return [pscustomobject]@{ ExitCode = $exitCode; Document = $output.Document; ErrorRecord = $output.ErrorRecord }
    }
    if ($null -ne $output.ErrorRecord) {
        $Cmdlet.WriteError($output.ErrorRecord)
        return
    }
    return $output.Document
}

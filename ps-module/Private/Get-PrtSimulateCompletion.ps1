# -Simulate completes the built-in scenarios on every cmdlet that has it: one list, one place.
$script:PrtSimulateScenarios = @('healthy', 'hybrid-wrong-password', 'network-unreachable', 'stale-fixed-by-unlock', 'ws-trust-dtd', 'proxy-auth-required', 'tls-inspection', 'clock-skew', 'federated-mex-dtd', 'device-cert-expired', 'tpm-locked-out', 'scp-wrong-tenant', 'join-task-disabled')

function Get-PrtSimulateCompletion {
    <#
    .SYNOPSIS
        Completion results for -Simulate: the built-in scenarios that start with the word.
    #>
    [CmdletBinding()]
    param([AllowEmptyString()][string] $WordToComplete)
    foreach ($name in $script:PrtSimulateScenarios) {
        if ($name -like "$WordToComplete*") {
            New-Object -TypeName System.Management.Automation.CompletionResult -ArgumentList $name, $name, 'ParameterValue', "simulated device: $name"
        }
    }
}

# Every cmdlet that reads a device has -Simulate (a scenario name or file, passed on with
# Get-PrtSimulateArgument); a new one adds its name here, one a line.
$script:PrtSimulateCommands = @(
    'Get-PrtStatus'
    'Get-PrtError'
    'Test-PrtHealth'
    'Start-PrtTrace'
    'Stop-PrtTrace'
    'Get-PrtTraceStatus'
    'Test-PrtConnectivity'
    'Get-PrtDeviceCheck'
    'Invoke-PrtDoctor'
)
foreach ($command in $script:PrtSimulateCommands) {
    Register-ArgumentCompleter -CommandName $command -ParameterName 'Simulate' -ScriptBlock {
        param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
        Get-PrtSimulateCompletion -WordToComplete $wordToComplete
    }
}

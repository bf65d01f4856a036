// Runs one PowerShell script file in a Windows build of PowerShell 7 (hosted here), for tests
// under Wine: PrtWinHost.exe <script.ps1> [arguments...]. Output, warnings and verbose text go to
// stdout, errors to stderr; the exit code is the script's `exit` value, else the number of errors
// that reached the host (a script that cannot even start is 1).
using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: PrtWinHost <script.ps1> [arguments...]");
            return 2;
        }
        var state = InitialSessionState.CreateDefault2();
        state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        var command = new Command(System.IO.Path.GetFullPath(args[0]), isScript: false);
        for (var i = 1; i < args.Length; i++) command.Parameters.Add(null, args[i]);
        shell.Commands.AddCommand(command);
        shell.Commands.AddCommand("Out-String").AddParameter("Stream", true);

        var errors = 0;
        shell.Streams.Error.DataAdded += (_, e) =>
        {
            var record = shell.Streams.Error[e.Index];
            errors++;
            Console.Error.WriteLine(record.ToString());
            if (record.ScriptStackTrace is { Length: > 0 } trace) Console.Error.WriteLine(trace);
        };
        shell.Streams.Warning.DataAdded += (_, e) => Console.WriteLine("WARNING: " + shell.Streams.Warning[e.Index].Message);
        shell.Streams.Verbose.DataAdded += (_, e) => Console.WriteLine("VERBOSE: " + shell.Streams.Verbose[e.Index].Message);
        shell.Streams.Information.DataAdded += (_, e) => Console.WriteLine(shell.Streams.Information[e.Index].MessageData?.ToString());

        var output = new PSDataCollection<PSObject>();
        output.DataAdded += (_, e) =>
        {
            Console.WriteLine(output[e.Index]?.ToString());
            Console.Out.Flush();
        };
        try
        {
            shell.Invoke(null, output);
        }
        catch (RuntimeException ex)
        {
            Console.Error.WriteLine(ex.ErrorRecord?.ToString() ?? ex.Message);
            return Math.Min(errors + 1, 255);
        }
        // `exit N` in the script sets $LASTEXITCODE in the runspace.
        var last = runspace.SessionStateProxy.GetVariable("LASTEXITCODE");
        if (last is int code) return code;
        return Math.Min(errors, 255);
    }
}

using System;
using System.Diagnostics;
using System.Text;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>Runs a command to completion and captures its output.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output, string Error, bool TimedOut);

    public static Result Run(string fileName, string[] arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Result(-1, output.ToString(), error.ToString(), TimedOut: true);
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString(), error.ToString(), TimedOut: false);
    }
}

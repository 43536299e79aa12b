using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Falco.Plugins.Cli;

/// <summary>Runs a program to completion and keeps its output (standard output and error, interleaved).</summary>
internal static class ProcessRunner
{
    /// <summary>What a finished program left: its exit code and its output.</summary>
    /// <param name="ExitCode">The exit code.</param>
    /// <param name="Output">Standard output and error, line by line in the order they arrived.</param>
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits for it.</summary>
    /// <exception cref="CliException">The program cannot be started.</exception>
    public static Result Run(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Append(e.Data).Append('\n');
                }
            }
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new CliException($"cannot start {fileName}");
        }
        catch (Win32Exception e)
        {
            throw new CliException($"cannot start {fileName}: {e.Message}", e);
        }

        using (process)
        {
            process.OutputDataReceived += Append;
            process.ErrorDataReceived += Append;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            lock (output)
            {
                return new Result(process.ExitCode, output.ToString());
            }
        }
    }
}

using System;
using System.Diagnostics;
using System.IO;

namespace Falco.Plugins.Cli.Tests.Infrastructure;

/// <summary>
/// The examples the tool is tested on, published with NativeAOT once per test run into
/// artifacts/test-plugins/cli-&lt;name&gt;, the way a plugin author builds them, and reused by every test.
/// </summary>
internal static class PublishedPlugins
{
    private static readonly Lazy<string> DummyLibrary = new(() => PublishLock.Run(() => Publish("Dummy", "dummy")));
    private static readonly Lazy<string> ThreadCounterLibrary = new(() => PublishLock.Run(() => Publish("ThreadCounter", "threadcounter")));

    /// <summary>The path of libdummy.so (examples/Dummy: a source with extraction).</summary>
    public static string Dummy => DummyLibrary.Value;

    /// <summary>The path of libthreadcounter.so (examples/ThreadCounter: parses and extracts syscall events).</summary>
    public static string ThreadCounter => ThreadCounterLibrary.Value;

    private static string Publish(string example, string name)
    {
        string directory = Repository.Path("artifacts", "test-plugins", "cli-" + name);
        string library = Path.Combine(directory, $"lib{name}.so");
        var info = new ProcessStartInfo("dotnet", ["publish", Repository.Path("examples", example, example + ".csproj"), "-c", "Release", "-o", directory, "-nologo", "-clp:ErrorsOnly"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(library))
        {
            throw new InvalidOperationException($"publishing examples/{example} failed ({process.ExitCode}):\n{output}\n{error.Result}");
        }

        return library;
    }
}

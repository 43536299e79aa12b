using System;
using System.Diagnostics;
using System.IO;

namespace Falco.Plugins.Cli.Tests.Infrastructure;

/// <summary>
/// examples/Dummy published with NativeAOT once per test run into artifacts/test-plugins/cli-dummy,
/// the way a plugin author builds it, and reused by every test.
/// </summary>
internal static class PublishedPlugins
{
    private static readonly Lazy<string> DummyLibrary = new(() => PublishLock.Run(PublishDummy));

    /// <summary>The path of libdummy.so.</summary>
    public static string Dummy => DummyLibrary.Value;

    private static string PublishDummy()
    {
        string directory = Repository.Path("artifacts", "test-plugins", "cli-dummy");
        string library = Path.Combine(directory, "libdummy.so");
        var info = new ProcessStartInfo("dotnet", ["publish", Repository.Path("examples", "Dummy", "Dummy.csproj"), "-c", "Release", "-o", directory, "-nologo", "-clp:ErrorsOnly"])
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
            throw new InvalidOperationException($"publishing examples/Dummy failed ({process.ExitCode}):\n{output}\n{error.Result}");
        }

        return library;
    }
}

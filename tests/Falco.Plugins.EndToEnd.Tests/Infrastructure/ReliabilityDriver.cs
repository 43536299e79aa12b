using System;
using System.IO;
using System.Text.Json;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>
/// tests/native/reliability_driver.c (the soak and multi-plugin suites) and the plain C baseline
/// plugin of bench/baseline, compiled with gcc once per run.
/// </summary>
internal static class ReliabilityDriver
{
    private static readonly Lazy<string> Binary = new(() => Compile(
        Repository.Path("tests", "native", "reliability_driver.c"), "reliability_driver", ["-ldl", "-lpthread"], shared: false));

    private static readonly Lazy<string> Baseline = new(() => Compile(
        Repository.Path("bench", "baseline", "dummy_baseline.c"), "libdummy_c.so", [], shared: true));

    /// <summary>bench/baseline/dummy_baseline.c as a shared library.</summary>
    public static string CBaselinePlugin => Baseline.Value;

    /// <summary>Runs the driver and parses the JSON object it prints; a timeout is a hang and fails.</summary>
    public static JsonElement Run(TimeSpan timeout, params string[] arguments)
    {
        ProcessRunner.Result result = ProcessRunner.Run(Binary.Value, arguments, timeout);
        if (result.TimedOut)
        {
            throw new TimeoutException($"reliability_driver {arguments[0]} did not finish within {timeout.TotalSeconds} s (hang)\n{result.Error}");
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"reliability_driver {arguments[0]} failed ({result.ExitCode}): {result.Error}");
        }

        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    private static string Compile(string source, string name, string[] libraries, bool shared)
    {
        string output = Repository.Path("artifacts", "native", name);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string[] flags = ["-O2", "-Wall", "-Wextra", "-Werror", "-I", Repository.Path("bench", "include")];
        if (shared)
        {
            // Hidden visibility: the baseline exports only its plugin_* symbols, as a NativeAOT plugin does.
            flags = [.. flags, "-shared", "-fPIC", "-fvisibility=hidden"];
        }

        ProcessRunner.Result result = ProcessRunner.Run("gcc", [.. flags, "-o", output, source, .. libraries], TimeSpan.FromMinutes(2));
        return result.ExitCode == 0 ? output : throw new InvalidOperationException($"gcc {name} failed: {result.Error}");
    }
}

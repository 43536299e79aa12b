using System;
using System.IO;
using System.Text.Json;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>tests/native/plugin_driver.c, compiled with gcc once per run: a plain C process around plugins, as Falco is.</summary>
internal static class NativeDriver
{
    private static readonly Lazy<string> Binary = new(Compile);

    public static JsonElement Run(TimeSpan timeout, params string[] arguments)
    {
        ProcessRunner.Result result = ProcessRunner.Run(Binary.Value, arguments, timeout);
        if (result.TimedOut)
        {
            throw new TimeoutException($"plugin_driver {arguments[0]} did not finish within {timeout.TotalSeconds} s (hang)\n{result.Error}");
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"plugin_driver {arguments[0]} failed ({result.ExitCode}): {result.Error}");
        }

        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    private static string Compile()
    {
        string output = Repository.Path("artifacts", "native", "plugin_driver");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string source = Repository.Path("tests", "native", "plugin_driver.c");
        ProcessRunner.Result result = ProcessRunner.Run("gcc", ["-O2", "-Wall", "-Wextra", "-Werror", "-o", output, source, "-ldl", "-lpthread"], TimeSpan.FromMinutes(2));
        return result.ExitCode == 0 ? output : throw new InvalidOperationException($"gcc failed: {result.Error}");
    }
}

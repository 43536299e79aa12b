using System;
using System.IO;
using Falco.Plugins.Cli.Tests.Infrastructure;

namespace Falco.Plugins.Cli.Tests;

/// <summary>A project that does not compile: the build output is shown, then one failure line.</summary>
public sealed class PublishFailureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("falco-plugin-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Failed_publish_shows_the_build_output_and_exits_with_1()
    {
        string project = Path.Combine(_directory, "Broken.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(_directory, "Broken.cs"), "internal static class Broken { private static int Value => \"not a number\"; }");

        CliRunner.Result result = CliRunner.Run("info", _directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal($"falco-plugin: publishing {project} (dotnet publish -c Release)...", result.ErrorLines[0]);
        Assert.Contains("error CS0029", result.Error, StringComparison.Ordinal);
        Assert.Equal($"falco-plugin: dotnet publish of {project} failed with exit code 1", result.ErrorLines[^1]);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}

using System;
using System.IO;
using Falco.Plugins.Cli.Tests.Infrastructure;

namespace Falco.Plugins.Cli.Tests;

/// <summary><c>&lt;plugin&gt;</c> given as a project directory: the tool publishes it first. One test, as it republishes.</summary>
public sealed class ProjectDirectoryTests
{
    [Fact]
    public void Run_publishes_a_project_directory_and_runs_its_library()
    {
        string project = Repository.Path("examples", "Dummy");

        CliRunner.Result result = PublishLock.Run(() => CliRunner.Run("run", project, "--max-events", "3"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(3, result.OutputLines.Length);
        Assert.StartsWith("1 ", result.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains(" dummy.value=", result.OutputLines[2], StringComparison.Ordinal);
        Assert.Equal(2, result.ErrorLines.Length);
        Assert.StartsWith("falco-plugin: publishing ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Matches(@"^3 events in \d+ ms$", result.ErrorLines[1]);
        Assert.True(File.Exists(Path.Combine(project, "obj", "falco-plugin", "publish", "libdummy.so")));
    }
}

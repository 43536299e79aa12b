using System;
using System.IO;

namespace Falco.Plugins.Cli;

/// <summary>
/// Publishes a plugin project the way its author would (<c>dotnet publish -c Release</c>) into
/// the project's <c>obj/falco-plugin/publish</c> directory and finds the <c>lib*.so</c> it made.
/// </summary>
internal sealed class ProjectPublisher
{
    private readonly TextWriter _progress;

    /// <summary>Creates a publisher that reports on <paramref name="progress"/>: one line, plus the build output if it fails.</summary>
    public ProjectPublisher(TextWriter progress)
    {
        _progress = progress;
    }

    /// <summary>The directory a project is published into.</summary>
    public static string OutputDirectory(string project) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(project))!, "obj", "falco-plugin", "publish");

    /// <summary>Publishes <paramref name="project"/> and returns the path of its plugin library.</summary>
    /// <exception cref="CliException">The publish fails or does not produce exactly one <c>lib*.so</c>.</exception>
    public string Publish(string project)
    {
        ArgumentNullException.ThrowIfNull(project);
        string output = OutputDirectory(project);
        string shownProject = Shown(project);

        // A library left by an earlier publish under another name must not be taken for this one.
        if (Directory.Exists(output))
        {
            foreach (string stale in Directory.GetFiles(output, "lib*.so"))
            {
                File.Delete(stale);
            }
        }

        _progress.WriteLine(CliApplication.Message($"publishing {shownProject} (dotnet publish -c Release)..."));
        ProcessRunner.Result result = ProcessRunner.Run(DotnetHost(), ["publish", project, "-c", "Release", "-o", output, "-nologo"]);
        if (result.ExitCode != 0)
        {
            _progress.Write(result.Output);
            throw new CliException($"dotnet publish of {shownProject} failed with exit code {result.ExitCode}");
        }

        string[] libraries = Directory.Exists(output) ? Directory.GetFiles(output, "lib*.so") : [];
        return libraries.Length switch
        {
            1 => libraries[0],
            0 => throw new CliException($"dotnet publish of {shownProject} produced no lib*.so in {output}; is it a Falco plugin project?"),
            _ => throw new CliException($"dotnet publish of {shownProject} produced several libraries in {output}: {string.Join(", ", Array.ConvertAll(libraries, Path.GetFileName))}"),
        };
    }

    /// <summary>The project's path relative to the current directory when it is below it, else in full.</summary>
    private static string Shown(string project)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, project);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(project) : relative;
    }

    /// <summary>The dotnet executable: the one running this tool when the SDK says so, else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

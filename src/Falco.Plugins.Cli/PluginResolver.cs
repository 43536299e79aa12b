using System;
using System.IO;
using System.Linq;

namespace Falco.Plugins.Cli;

/// <summary>
/// Turns the <c>&lt;plugin&gt;</c> argument into the path of a plugin library: a file is
/// taken as the library itself, while a project directory or a <c>.csproj</c> file is
/// published first.
/// </summary>
internal sealed class PluginResolver
{
    private readonly ProjectPublisher _publisher;

    /// <summary>Creates a resolver that publishes projects with <paramref name="publisher"/>.</summary>
    public PluginResolver(ProjectPublisher publisher)
    {
        _publisher = publisher;
    }

    /// <summary>The plugin library <paramref name="plugin"/> names, published first when it is a project.</summary>
    /// <exception cref="CliException">Nothing is at the path, a directory holds no single project, or publishing fails.</exception>
    public string Resolve(string plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        string? project = FindProject(plugin);
        return project is null ? Path.GetFullPath(plugin) : _publisher.Publish(project);
    }

    /// <summary>The project file <paramref name="plugin"/> names, or <see langword="null"/> when it names a library.</summary>
    /// <exception cref="CliException">Nothing is at the path, or a directory holds no single project.</exception>
    public static string? FindProject(string plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        string path = Path.GetFullPath(plugin);
        if (Directory.Exists(path))
        {
            string[] projects = Directory.GetFiles(path, "*.csproj");
            return projects.Length switch
            {
                1 => projects[0],
                0 => throw new CliException($"{plugin} is a directory without a project file (*.csproj)"),
                _ => throw new CliException($"{plugin} holds several project files ({string.Join(", ", projects.Select(Path.GetFileName).Order(StringComparer.Ordinal))}); name one of them"),
            };
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{plugin}: no such file or directory");
        }

        return path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? path : null;
    }
}

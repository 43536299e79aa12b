using System;
using System.IO;

namespace Falco.Plugins.Cli.Tests;

public sealed class PluginResolverTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("falco-plugin-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static PluginResolver Resolver => new(new ProjectPublisher(TextWriter.Null));

    [Fact]
    public void Library_file_is_used_as_it_is()
    {
        string library = Path.Combine(_directory, "libsample.so");
        File.WriteAllBytes(library, [0x7f]);

        Assert.Null(PluginResolver.FindProject(library));
        Assert.Equal(library, Resolver.Resolve(library));
    }

    [Fact]
    public void Project_file_and_directory_with_one_project_name_the_project()
    {
        string project = Path.Combine(_directory, "Sample.csproj");
        File.WriteAllText(project, "<Project />");

        Assert.Equal(project, PluginResolver.FindProject(project));
        Assert.Equal(project, PluginResolver.FindProject(_directory));
    }

    [Fact]
    public void Missing_path_is_an_expected_failure()
    {
        string missing = Path.Combine(_directory, "libmissing.so");

        Assert.Equal($"{missing}: no such file or directory", Assert.Throws<CliException>(() => Resolver.Resolve(missing)).Message);
    }

    [Fact]
    public void Directory_without_a_project_is_an_expected_failure()
    {
        var error = Assert.Throws<CliException>(() => Resolver.Resolve(_directory));

        Assert.Equal($"{_directory} is a directory without a project file (*.csproj)", error.Message);
    }

    [Fact]
    public void Directory_with_several_projects_is_an_expected_failure()
    {
        File.WriteAllText(Path.Combine(_directory, "B.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(_directory, "A.csproj"), "<Project />");

        var error = Assert.Throws<CliException>(() => Resolver.Resolve(_directory));

        Assert.Equal($"{_directory} holds several project files (A.csproj, B.csproj); name one of them", error.Message);
    }

    [Fact]
    public void Projects_are_published_under_their_obj_directory()
    {
        Assert.Equal(
            Path.Combine(_directory, "obj", "falco-plugin", "publish"),
            ProjectPublisher.OutputDirectory(Path.Combine(_directory, "Sample.csproj")));
    }
}

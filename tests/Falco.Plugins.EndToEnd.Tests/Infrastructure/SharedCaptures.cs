using System.IO;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>The libsinsp test captures of shared/data.</summary>
internal static class SharedCaptures
{
    /// <summary>The capture <paramref name="name"/>, beside the repository (CI clones it there).</summary>
    public static string Path(string name)
    {
        string path = System.IO.Path.GetFullPath(Repository.Path("..", "shared", "data", "captures", name));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the shared test data is missing: {path} (the tests expect the 'shared' directory beside the repository)", path);
    }
}

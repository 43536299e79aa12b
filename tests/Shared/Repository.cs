using System;
using System.IO;

namespace Falco.Plugins.TestSupport;

/// <summary>Paths inside the repository the tests run from, and beside it.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "falco-plugin-sdk-dotnet.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests must run inside the repository");
    });

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}

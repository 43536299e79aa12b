using System.IO;

namespace Falco.Plugins.Cli.Tests.Infrastructure;

/// <summary>The libsinsp test captures of the shared data, in the <c>shared</c> directory beside the repository (CI clones it there).</summary>
internal static class SharedCaptures
{
    /// <summary>single_ipv6_conn.scap: 1714 events as libsinsp delivers them.</summary>
    public static string SingleIpv6Conn => Path("single_ipv6_conn.scap");

    /// <summary>test_ipv6_client.scap: 293 events as libsinsp delivers them.</summary>
    public static string TestIpv6Client => Path("test_ipv6_client.scap");

    private static string Path(string name)
    {
        string path = System.IO.Path.GetFullPath(Repository.Path("..", "shared", "data", "captures", name));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the shared test data is missing: {path} (the tests expect the 'shared' directory beside the repository)", path);
    }
}

using System.IO;
using System.IO.Compression;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>
/// The shared reference data, in the <c>shared</c> directory beside the repository (CI clones
/// it there): the libsinsp test captures and the event schema.
/// </summary>
internal static class SharedData
{
    /// <summary>single_ipv6_conn.scap: 1728 events, 1714 as libsinsp delivers them, event blocks of the current format.</summary>
    public static string SingleIpv6Conn => File("captures", "single_ipv6_conn.scap");

    /// <summary>test_ipv6_client.scap: 326 events, 293 as libsinsp delivers them, event blocks of the first format.</summary>
    public static string TestIpv6Client => File("captures", "test_ipv6_client.scap");

    /// <summary>The libscap event table as JSON (schema 4.5.1).</summary>
    public static string EventSchema => File("scap-event-schema-4.5.1.json");

    /// <summary>The path of a file of shared/data, which must exist.</summary>
    /// <exception cref="FileNotFoundException">The shared data is not beside the repository.</exception>
    public static string File(params string[] parts)
    {
        string path = Path.GetFullPath(Path.Combine([Repository.Root, "..", "shared", "data", .. parts]));
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the shared test data is missing: {path} (the tests expect the 'shared' directory beside the repository)", path);
    }

    /// <summary>The bytes of a gzip-compressed capture, decompressed.</summary>
    public static byte[] Decompressed(string path)
    {
        using FileStream file = System.IO.File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}

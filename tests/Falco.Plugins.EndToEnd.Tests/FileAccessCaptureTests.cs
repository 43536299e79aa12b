using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// The libsinsp test captures of shared/data replayed through the published examples/FileAccess:
/// parsing never fails, and the counts the plugin reports per class and per thread equal those
/// worked out here by decoding the capture's events with the SDK's schema-driven
/// <see cref="SyscallEvent"/> view and classifying their paths with the documented default rules.
/// </summary>
public sealed class FileAccessCaptureTests
{
    /// <summary>Libraries count as sensitive here, so that the captures exercise the per-thread counter.</summary>
    private const string Config = """{"sensitiveClasses": ["credentials", "ssh", "libraries"]}""";

    private static readonly ushort[] Handled = [SyscallOpenExit.Code, SyscallOpenat2Exit.Code, SyscallOpenat2Exit327.Code, SyscallCreatExit.Code, SyscallExecve19Exit.Code];

    /// <summary>The default rules as the README lists them: prefix, text after it, class.</summary>
    private static readonly (string Prefix, string? Contains, string Class)[] DefaultRules =
    [
        ("/etc/shadow", null, "credentials"), ("/etc/gshadow", null, "credentials"), ("/etc/sudoers", null, "credentials"),
        ("/etc/pam.conf", null, "credentials"), ("/etc/pam.d/", null, "credentials"), ("/etc/security/", null, "credentials"),
        ("/root/.ssh/", null, "ssh"), ("/home/", "/.ssh/", "ssh"), ("/etc/ssh/", null, "ssh"),
        ("/etc/", null, "config"),
        ("/bin/", null, "binaries"), ("/sbin/", null, "binaries"), ("/usr/bin/", null, "binaries"), ("/usr/sbin/", null, "binaries"),
        ("/usr/local/bin/", null, "binaries"), ("/usr/local/sbin/", null, "binaries"),
        ("/lib/", null, "libraries"), ("/lib64/", null, "libraries"), ("/usr/lib/", null, "libraries"), ("/usr/lib64/", null, "libraries"),
        ("/usr/local/lib/", null, "libraries"),
        ("/tmp/", null, "temporary"), ("/var/tmp/", null, "temporary"), ("/dev/shm/", null, "temporary"),
        ("/proc/", null, "proc"),
    ];

    private static readonly string[] Classes = ["credentials", "ssh", "config", "binaries", "libraries", "temporary", "proc", "other"];

    // test_ipv6_client.scap holds an execve exit of an old version (PPME_SYSCALL_EXECVE_16_X), which
    // the capture reader converts to the current one as libscap does: the plugin sees it before the
    // two opens of the dynamic loader. Its thread is not in the process list, so its relative exe
    // cannot be resolved against a working directory.
    [Theory]
    [InlineData("single_ipv6_conn.scap", 1714, "")]
    [InlineData("test_ipv6_client.scap", 293, "./test_ipv6_client=other /etc/ld.so.cache=config /lib/x86_64-linux-gnu/libc.so.6=libraries")]
    public void Replaying_a_capture_counts_what_decoding_it_independently_counts(string name, int events, string accesses)
    {
        string path = SharedCaptures.Path(name);
        Expected expected = Decode(path);
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FileAccess, Config);
        var seen = new List<string>();

        long replayed = host.Replay(path, evt =>
        {
            IReadOnlyList<ExtractedField> fields = plugin.Extract(evt, "fileaccess.path", "fileaccess.class", "fileaccess.thread_sensitive_count");
            if (!Handled.Contains(evt.Type))
            {
                Assert.All(fields, f => Assert.False(f.IsPresent));
                return;
            }

            seen.Add($"{fields[0].String}={fields[1].String}");
            Assert.Equal(expected.Seeded.Contains((long)evt.ThreadId), fields[2].IsPresent);
        });

        Assert.Equal(events, replayed);
        Assert.Equal(accesses, string.Join(' ', seen));
        Assert.Equal(accesses.Length == 0 ? 0 : accesses.Split(' ').Length, (int)expected.PerClass.Values.Sum(v => (long)v));

        // A probe event of a handled code, not parsed, reads the counts as they stand.
        CapturedEvent probe = FileAccessSamples.Open(1, -1, "/", FileAccessSamples.ReadOnly);
        Assert.All(Classes, c => Assert.Equal(expected.PerClass.GetValueOrDefault(c), plugin.Extract(probe, $"fileaccess.class_count[{c}]").UInt64));
        Assert.All(expected.Seeded, tid => Assert.Equal(expected.SensitivePerThread.GetValueOrDefault(tid), host.Threads[tid].Get<ulong>("fileaccess.sensitive_accesses")));
    }

    [Fact]
    public void The_loader_of_test_ipv6_client_counts_for_its_thread_once_the_table_knows_the_thread()
    {
        string path = SharedCaptures.Path("test_ipv6_client.scap");
        using var host = new PluginHost();
        Plugin plugin = host.Load(PublishedPlugins.FileAccess, Config);

        // The client starts after the process list was written: libsinsp adds its thread from the
        // clone and execve events, which the test host does not replay, so the test adds it.
        host.Threads.Add(19747, comm: "test_ipv6_clien", pid: 19747, ptid: 19117, cwd: "/home/ubuntu/");
        var loader = new List<string>();
        host.Replay(path, evt =>
        {
            if (evt.Type == SyscallOpenExit.Code)
            {
                IReadOnlyList<ExtractedField> fields = plugin.Extract(evt, "fileaccess.path", "fileaccess.sensitive", "fileaccess.thread_sensitive_count");
                loader.Add($"{evt.ThreadId} {fields[0].String} {fields[1].Bool} {fields[2].UInt64}");
            }
        });

        Assert.Equal(["19747 /etc/ld.so.cache False 0", "19747 /lib/x86_64-linux-gnu/libc.so.6 True 1"], loader);
        Assert.Equal(1ul, host.Threads[19747].Get<ulong>("fileaccess.sensitive_accesses"));
    }

    private sealed record Expected(HashSet<long> Seeded, Dictionary<string, ulong> PerClass, Dictionary<long, ulong> SensitivePerThread);

    /// <summary>The successful accesses of the capture, per class and per seeded thread, read straight from the file.</summary>
    private static Expected Decode(string path)
    {
        using CaptureFile file = CaptureFile.Open(path);
        var expected = new Expected(file.Threads.Select(t => t.Tid).ToHashSet(), [], []);
        foreach (CapturedEvent evt in file.ReadEvents())
        {
            if (!Handled.Contains(evt.Type) || Access(evt) is not { } access)
            {
                continue;
            }

            string cls = Classify(access);
            expected.PerClass[cls] = expected.PerClass.GetValueOrDefault(cls) + 1;
            long tid = (long)evt.ThreadId;
            if (cls is "credentials" or "ssh" or "libraries" && expected.Seeded.Contains(tid))
            {
                expected.SensitivePerThread[tid] = expected.SensitivePerThread.GetValueOrDefault(tid) + 1;
            }
        }

        return expected;
    }

    /// <summary>The path of a successful access, or null.</summary>
    private static string? Access(CapturedEvent evt)
    {
        Assert.True(SyscallEvent.TryCreate(evt.Bytes.Span, out SyscallEvent e, out string? error), error);
        bool execve = evt.Type == SyscallExecve19Exit.Code;
        bool succeeded = execve ? Int64(e, "res") == 0 : Int64(e, "fd") >= 0;
        string? path = execve ? First(String(e, "trusted_exepath"), String(e, "filename"), String(e, "exe")) : String(e, "name");
        if (!succeeded || string.IsNullOrEmpty(path))
        {
            return null;
        }

        // The captures hold absolute, normal paths, and one relative exe of a thread the table does
        // not know, which stays relative; resolving paths is tested on synthetic events.
        Assert.True(path.StartsWith('/') || (execve && path.StartsWith("./", StringComparison.Ordinal)), path);
        Assert.DoesNotContain("/.", path, StringComparison.Ordinal);
        return path;
    }

    private static string Classify(string path)
    {
        foreach ((string prefix, string? contains, string cls) in DefaultRules)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && (contains is null || path[prefix.Length..].Contains(contains, StringComparison.Ordinal)))
            {
                return cls;
            }
        }

        return "other";
    }

    private static int Index(SyscallEvent e, string name)
    {
        int index = e.Info.Parameters.Select(p => p.Name).ToList().IndexOf(name);
        Assert.True(index >= 0, $"{e.Info} has no parameter '{name}'");
        return index;
    }

    private static long Int64(SyscallEvent e, string name) =>
        e.GetParameter(Index(e, name)).TryGetInt64(out long value) ? value : throw new InvalidOperationException($"{e.Info}: '{name}' is not readable");

    private static string? String(SyscallEvent e, string name) =>
        e.GetParameter(Index(e, name)).TryGetString(out ReadOnlySpan<byte> value) ? Encoding.UTF8.GetString(value) : null;

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));
}

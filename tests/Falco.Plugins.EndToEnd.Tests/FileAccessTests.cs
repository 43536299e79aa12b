using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Testing;
using static Falco.Plugins.EndToEnd.Tests.Infrastructure.FileAccessSamples;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// The published examples/FileAccess on synthetic syscall events: what it declares, the exact
/// field values of a stream of opens, creats and execves (successful, failed, relative, walking
/// around a prefix with '..'), the counts parsing keeps, and how bad events and keys fail.
/// </summary>
public sealed class FileAccessTests
{
    private static readonly string[] Fields =
    [
        "fileaccess.path", "fileaccess.class", "fileaccess.sensitive", "fileaccess.write", "fileaccess.thread_sensitive_count",
    ];

    /// <summary>A host whose threads table has a shell in /etc/ with /home/alice open as fd 7, and a build in /tmp/build.</summary>
    private static PluginHost HostWithThreads()
    {
        var host = new PluginHost();
        ThreadEntry shell = host.Threads.Add(100, comm: "bash", pid: 100, cwd: "/etc/");
        shell.Fds.Add(7, name: "/home/alice", type: FdType.Directory);
        host.Threads.Add(200, comm: "make", pid: 200, cwd: "/tmp/build");
        return host;
    }

    [Fact]
    public void Declares_the_handled_event_types_the_event_schema_and_the_api_version_they_need()
    {
        using Plugin plugin = Plugin.Load(PublishedPlugins.FileAccess);
        ushort[] handled = [SyscallOpenExit.Code, SyscallOpenat2Exit.Code, SyscallOpenat2Exit327.Code, SyscallCreatExit.Code, SyscallExecve19Exit.Code];

        Assert.Equal([3, 307, 327, 59, 293], handled.Select(c => (int)c));
        Assert.Equal(handled, plugin.ParseEventTypes());
        Assert.Equal(handled.Order(), plugin.ExtractEventTypes()!.Order());
        Assert.Equal(["syscall"], plugin.Info.ParseEventSources);
        Assert.Equal(["syscall"], plugin.Info.ExtractEventSources);
        Assert.Equal(EventSchema.Version, plugin.Info.RequiredEventSchemaVersion);
        Assert.Equal("3.12.0", plugin.Info.RequiredApiVersion);
        Assert.Equal(
            ["fileaccess.path:String", "fileaccess.class:String", "fileaccess.sensitive:Bool", "fileaccess.write:Bool", "fileaccess.class_count:UInt64", "fileaccess.thread_sensitive_count:UInt64"],
            plugin.Info.Fields.Select(f => $"{f.Name}:{f.Type}"));
        Assert.True(plugin.Info.Fields.Single(f => f.Name == "fileaccess.class_count") is { ArgRequired: true, ArgKey: true, ArgIndex: false });
    }

    [Fact]
    public void A_stream_of_events_gives_exact_fields_and_counts_after_each_parse()
    {
        using PluginHost host = HostWithThreads();
        Plugin plugin = host.Load(PublishedPlugins.FileAccess);
        (CapturedEvent Event, string Fields, string Counts)[] stream =
        [
            (Open(100, 3, "/etc/shadow", ReadOnly | CloseOnExec), "/etc/shadow credentials true false 1", "credentials=1"),
            // Failed: described, not counted.
            (Openat(100, -13, AtFdCwd, "/etc/sudoers", WriteOnly), "/etc/sudoers credentials true true 1", "credentials=1"),
            // Relative to the working directory, /etc/.
            (Openat(100, 4, AtFdCwd, "shadow", ReadOnly), "/etc/shadow credentials true false 2", "credentials=2"),
            // Relative to fd 7, /home/alice, with '..' and '//' to remove.
            (Openat2(100, 5, 7, ".ssh/../.ssh//id_rsa", ReadOnly), "/home/alice/.ssh/id_rsa ssh true false 3", "credentials=2 ssh=1"),
            (Creat(200, 6, "../../tmp/./out.o"), "/tmp/out.o temporary false true 0", "credentials=2 ssh=1 temporary=1"),
            // The kernel's resolved path wins over argv[0] and the filename given.
            (Execve(200, 0, "cc", "cc", "/usr/bin/cc"), "/usr/bin/cc binaries false - 0", "binaries=1 credentials=2 ssh=1 temporary=1"),
            (Execve(200, -2, "./missing", "./missing", ""), "/tmp/build/missing temporary false - 0", "binaries=1 credentials=2 ssh=1 temporary=1"),
            // A prefix cannot be walked around with '..'.
            (Open(200, 8, "/tmp/../etc//shadow", ReadWrite | Create), "/etc/shadow credentials true true 1", "binaries=1 credentials=3 ssh=1 temporary=1"),
            // Relative paths whose directory is unknown (no such thread, no such fd) stay as given.
            (Openat(999, 9, AtFdCwd, "notes.txt", ReadOnly), "notes.txt other false false -", "binaries=1 credentials=3 other=1 ssh=1 temporary=1"),
            (Openat(100, 10, 42, "x", ReadOnly), "x other false false 3", "binaries=1 credentials=3 other=2 ssh=1 temporary=1"),
            (Open(100, 11, "/proc/self/status", ReadOnly | Append), "/proc/self/status proc false true 3", "binaries=1 credentials=3 other=2 proc=1 ssh=1 temporary=1"),
            (Openat(100, 12, AtFdCwd, "/usr/lib/libssl.so.3", ReadOnly), "/usr/lib/libssl.so.3 libraries false false 3", "binaries=1 credentials=3 libraries=1 other=2 proc=1 ssh=1 temporary=1"),
        ];

        foreach ((CapturedEvent evt, string fields, string counts) in stream)
        {
            Assert.Equal([plugin], host.Parse(evt));
            Assert.Equal(fields, Describe(plugin, evt));
            Assert.Equal(counts, Counts(plugin, evt));
        }

        Assert.Equal(3ul, host.Threads[100].Get<ulong>("fileaccess.sensitive_accesses"));
        Assert.Equal(1ul, host.Threads[200].Get<ulong>("fileaccess.sensitive_accesses"));
    }

    [Fact]
    public void Events_of_other_codes_are_not_parsed_and_have_no_fields()
    {
        using PluginHost host = HostWithThreads();
        Plugin plugin = host.Load(PublishedPlugins.FileAccess);
        CapturedEvent close = Close(100);

        Assert.Empty(host.Parse(close));
        plugin.Parse(close);

        Assert.Equal("- - - - -", Describe(plugin, close));
        Assert.False(plugin.Extract(close, "fileaccess.class_count[credentials]").IsPresent);
        Assert.Equal(0ul, plugin.Extract(Open(100, 3, "/", ReadOnly), "fileaccess.class_count[other]").UInt64);
    }

    [Fact]
    public void A_malformed_event_fails_parsing_and_extraction_with_the_reason()
    {
        using PluginHost host = HostWithThreads();
        Plugin plugin = host.Load(PublishedPlugins.FileAccess);
        byte[] bytes = SyscallOpenExit.Encode(1, 100, 3, "/etc/shadow"u8, ReadOnly, 0, 0, 0);
        byte[] truncated = bytes.AsSpan(0, bytes.Length - 2).ToArray();
        BitConverter.TryWriteBytes(truncated.AsSpan(16), (uint)truncated.Length);
        CapturedEvent malformed = Syscall(truncated, number: 9);

        Assert.Equal(1, plugin.TryParse(malformed));
        Assert.StartsWith($"fileaccess: parse_event: event 9 (code {SyscallOpenExit.Code}) is malformed: SyscallOpenExit: ", plugin.LastError, StringComparison.Ordinal);
        var error = Assert.Throws<PluginHostException>(() => plugin.Extract(malformed, "fileaccess.path"));
        Assert.Contains($"event 9 (code {SyscallOpenExit.Code}) is malformed", error.Message, StringComparison.Ordinal);
        Assert.Equal("", Counts(plugin, Open(100, 3, "/", ReadOnly)));
    }

    [Fact]
    public void An_unknown_class_key_fails_extraction_naming_the_classes()
    {
        using Plugin plugin = Plugin.Load(PublishedPlugins.FileAccess);

        var error = Assert.Throws<PluginHostException>(() => plugin.Extract(Open(1, 3, "/etc/shadow", ReadOnly), "fileaccess.class_count[secrets]"));

        Assert.EndsWith(
            "fileaccess: extract_fields: field fileaccess.class_count: 'secrets' is not a class; the classes are credentials, ssh, config, binaries, libraries, temporary, proc, other",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_rules_replace_the_defaults()
    {
        const string Config = """
            {"rules": [{"prefix": "/srv/secrets/", "class": "secrets"}, {"prefix": "/srv/", "contains": ".key", "class": "keys"}],
             "defaultClass": "elsewhere", "sensitiveClasses": ["secrets", "keys"]}
            """;
        using PluginHost host = HostWithThreads();
        Plugin plugin = host.Load(PublishedPlugins.FileAccess, Config);

        host.Parse(Open(100, 3, "/srv/secrets/db.txt", ReadOnly));
        host.Parse(Open(100, 4, "/srv/www/tls/site.key", ReadOnly));
        host.Parse(Open(100, 5, "/srv/www/readme.txt", ReadOnly));
        host.Parse(Open(100, 6, "/etc/shadow", ReadOnly));

        Assert.Equal("/srv/secrets/db.txt secrets true false 2", Describe(plugin, Open(100, 3, "/srv/secrets/db.txt", ReadOnly)));
        Assert.Equal("/srv/www/tls/site.key keys true false 2", Describe(plugin, Open(100, 4, "/srv/www/tls/site.key", ReadOnly)));
        Assert.Equal("/etc/shadow elsewhere false false 2", Describe(plugin, Open(100, 6, "/etc/shadow", ReadOnly)));
        Assert.Equal("elsewhere=2 keys=1 secrets=1", Counts(plugin, Open(100, 6, "/etc/shadow", ReadOnly)));
    }

    [Theory]
    [InlineData("""{"rules": [{"prefix": "etc/shadow", "class": "credentials"}]}""", "rules[0].prefix 'etc/shadow' must start with '/': paths are matched once made absolute")]
    [InlineData("""{"rules": [{"prefix": "", "class": "credentials"}]}""", "rules[0].prefix must not be empty")]
    [InlineData("""{"rules": [{"prefix": "/home/", "contains": "", "class": "ssh"}]}""", "rules[0].contains must not be empty")]
    [InlineData("""{"rules": [{"prefix": "/etc/", "class": "Config"}]}""", "rules[0].class 'Config' is not a class name: use 1 to 32 lowercase letters, digits and '_', starting with a letter")]
    [InlineData("""{"rules": [{"prefix": "/etc/", "class": "config"}, {"prefix": "/etc/shadow", "class": "credentials"}], "sensitiveClasses": []}""", "rules[1] (prefix '/etc/shadow') can never match: rules[0] (prefix '/etc/') comes first and matches every path it would")]
    [InlineData("""{"rules": [{"prefix": "/home/", "contains": "/.ssh/", "class": "ssh"}, {"prefix": "/home/alice/", "contains": "/.ssh/", "class": "alice"}]}""", "rules[1] (prefix '/home/alice/', contains '/.ssh/') can never match: rules[0] (prefix '/home/', contains '/.ssh/') comes first")]
    [InlineData("""{"rules": [{"prefix": "/etc/", "class": "config"}]}""", "sensitiveClasses[0] 'credentials' is not the class of a rule or the default class (classes: config, other)")]
    [InlineData("""{"defaultClass": "not-a-class"}""", "defaultClass 'not-a-class' is not a class name")]
    public void A_bad_config_fails_init_with_a_message_naming_the_key(string config, string expected)
    {
        var error = Assert.Throws<PluginHostException>(() => Plugin.Load(PublishedPlugins.FileAccess, config));

        Assert.StartsWith("could not initialize plugin: fileaccess: init: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"rules": [{"class": "ssh"}]}""", "config key 'rules[0].prefix' is required but missing")]
    [InlineData("""{"rules": [{"prefix": "/etc/", "class": "config", "sensitive": true}]}""", "config key 'rules[0].sensitive' is not a known key (known keys: prefix, contains, class)")]
    [InlineData("""{"rules": "/etc/"}""", "config key 'rules' expected one of array, null, got a string \"/etc/\"")]
    public void A_config_of_the_wrong_shape_is_refused_by_the_schema_the_sdk_derives(string config, string expected)
    {
        var error = Assert.Throws<PluginHostException>(() => Plugin.Load(PublishedPlugins.FileAccess, config));

        Assert.Equal("error in plugin fileaccess init config: " + expected, error.Message);
    }

    [Fact]
    public void The_rules_file_uses_only_fields_the_plugin_declares_on_the_syscall_source()
    {
        string rules = File.ReadAllText(Repository.Path("examples", "FileAccess", "rules", "fileaccess_rules.yaml"));
        var declared = PluginLibrary.Load(PublishedPlugins.FileAccess).Info.Fields.Select(f => f.Name).ToHashSet();

        string[] used = Regex.Matches(rules, @"fileaccess\.[a-z_.]+").Select(m => m.Value.TrimEnd('.')).Distinct().ToArray();
        string[] sources = Regex.Matches(rules, @"^  source: (\S+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Distinct().ToArray();

        Assert.NotEmpty(used);
        Assert.All(used, f => Assert.Contains(f, declared));
        Assert.Equal(["syscall"], sources);
    }

    /// <summary>path class sensitive write thread_sensitive_count, with '-' for an absent value.</summary>
    private static string Describe(Plugin plugin, CapturedEvent evt) =>
        string.Join(' ', plugin.Extract(evt, Fields).Select(f => f.IsPresent ? Show(f.Values[0]) : "-"));

    /// <summary>The non-zero class counts, by class name (names the config does not have are skipped).</summary>
    private static string Counts(Plugin plugin, CapturedEvent evt)
    {
        string[] names = ["binaries", "config", "credentials", "elsewhere", "keys", "libraries", "other", "proc", "secrets", "ssh", "temporary"];
        return string.Join(' ', names.Select(c => (Class: c, Count: TryCount(plugin, evt, c))).Where(c => c.Count > 0).Select(c => $"{c.Class}={c.Count}"));
    }

    private static ulong? TryCount(Plugin plugin, CapturedEvent evt, string cls) =>
        plugin.TryExtract(evt, [$"fileaccess.class_count[{cls}]"], out var results) == 0 ? results[0].UInt64 : null;

    private static string Show(object value) => value is bool b ? (b ? "true" : "false") : value.ToString()!;
}

using System;
using Falco.Plugins.Generators.Tests.Infrastructure;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Generators.Tests;

/// <summary>
/// Parse handlers and typed fields on the SDK's own syscall event views: the generator recognizes
/// them, the generated dispatch compiles against them and reads the events their encoders write.
/// </summary>
public sealed class SyscallViewContractTests
{
    private const string Plugin = Snippets.Usings + "using Falco.Plugins.Syscalls;\n\n" + Snippets.Attribute + """

        [ParseEventSources("syscall")]
        [ExtractEventSources("syscall")]
        public sealed partial class TestPlugin : IPlugin, IFieldExtractor
        {
            public static string Seen = "";

            [ParseHandler]
            public void OnOpenat2(ref ParseContext context, SyscallOpenat2Exit evt) => Seen += $"openat2 {evt.Fd} {evt.GetNameString()};";

            [ParseHandler]
            public void OnOpen(ref ParseContext context, SyscallOpenExit evt) => Seen += $"open {evt.Fd};";

            [Field("test.path", "The path an open syscall was given")]
            public string? Path(ref ExtractContext context, SyscallOpenat2Exit evt) => evt.GetNameString();

            [Field("test.path", "The path an open syscall was given")]
            public string? Path(ref ExtractContext context, SyscallOpenExit evt) => evt.GetNameString();
        }
        """;

    [Fact]
    public void Handlers_and_fields_read_the_events_the_views_encode()
    {
        GeneratorRun run = GeneratorHarness.Run(Plugin);
        byte[] openat2 = SyscallOpenat2Exit.Encode(1, 42, 3, -100, "/etc/passwd"u8, 0, 0, 0, 0);
        byte[] open = SyscallOpenExit.Encode(1, 42, 4, "/tmp/x"u8, 0, 0, 0, 0);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(new[] { SyscallOpenat2Exit.Code, SyscallOpenExit.Code }, plugin.EventTypes("parse"));
        Assert.Equal(new[] { SyscallOpenat2Exit.Code, SyscallOpenExit.Code }, plugin.EventTypes("extract"));
        Assert.Equal(0, plugin.Parse(openat2));
        Assert.Equal(0, plugin.Parse(open));
        Assert.Equal("openat2 3 /etc/passwd;open 4;", plugin.Static("Seen"));
        Assert.Equal((0, (object?)"/etc/passwd"), plugin.Extract(openat2, 0, isString: true));
        Assert.Equal((0, (object?)"/tmp/x"), plugin.Extract(open, 0, isString: true));
        Assert.Equal(EventSchema.Version, plugin.RequiredEventSchemaVersion());
    }

    [Fact]
    public void Dispatching_real_views_allocates_nothing()
    {
        GeneratorRun run = GeneratorHarness.Run(Snippets.Usings + "using Falco.Plugins.Syscalls;\n\n" + Snippets.Attribute + """

            public sealed partial class TestPlugin : IPlugin, IFieldExtractor
            {
                public static long Total;

                [ParseHandler]
                public void OnOpenat2(ref ParseContext context, SyscallOpenat2Exit evt) => Total += evt.Fd + evt.Name.Length;

                [Field("test.fd", "The descriptor")]
                public static ulong Fd(ref ExtractContext context, SyscallOpenat2Exit evt) => (ulong)evt.Fd;
            }
            """);
        byte[] openat2 = SyscallOpenat2Exit.Encode(1, 42, 3, -100, "/etc/passwd"u8, 0, 0, 0, 0);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(0, plugin.ParseAllocations(openat2, 1_000));
        Assert.Equal(0, plugin.ExtractAllocations(openat2, 0, 1_000));
        Assert.Equal(1_001L * 14, plugin.Static("Total"));
    }

    [Fact]
    public void A_truncated_event_fails_with_the_problem_the_view_names()
    {
        GeneratorRun run = GeneratorHarness.Run(Plugin);
        byte[] openat2 = SyscallOpenat2Exit.Encode(1, 42, 3, -100, "/etc/passwd"u8, 0, 0, 0, 0);
        byte[] truncated = openat2.AsSpan(0, openat2.Length - 4).ToArray();
        BitConverter.TryWriteBytes(truncated.AsSpan(16), (uint)truncated.Length);

        using LoadedPlugin plugin = LoadedPlugin.Init(run);
        Assert.Equal(1, plugin.Parse(truncated, eventNumber: 5));
        Assert.StartsWith($"test: parse_event: event 5 (code {SyscallOpenat2Exit.Code}) is malformed: SyscallOpenat2Exit: ", plugin.LastError, StringComparison.Ordinal);
        Assert.Equal("", plugin.Static("Seen"));
    }
}

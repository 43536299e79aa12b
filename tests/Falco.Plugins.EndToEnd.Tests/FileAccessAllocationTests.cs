using System.Runtime.InteropServices;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;
using static Falco.Plugins.EndToEnd.Tests.Infrastructure.FileAccessSamples;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// examples/FileAccess published with the allocation counter export: parsing and extracting
/// every field, paths resolved through the threads and file descriptor tables included,
/// allocate nothing managed inside the plugin once warm.
/// </summary>
public sealed class FileAccessAllocationTests
{
    private static readonly string[] AllFields =
    [
        "fileaccess.path", "fileaccess.class", "fileaccess.sensitive", "fileaccess.write",
        "fileaccess.class_count[credentials]", "fileaccess.class_count[other]", "fileaccess.thread_sensitive_count",
    ];

    [Fact]
    public unsafe void Parsing_and_extracting_allocate_nothing_in_the_plugin()
    {
        using var host = new PluginHost();
        host.Threads.Add(100, comm: "bash", pid: 100, cwd: "/etc/").Fds.Add(7, name: "/home/alice", type: FdType.Directory);
        Plugin plugin = host.Load(PublishedPlugins.FileAccessWithDiagnostics);
        CapturedEvent[] events =
        [
            Open(100, 3, "/etc/shadow", ReadOnly),
            Openat(100, 4, AtFdCwd, "../tmp/./x", WriteOnly | Create),
            Openat2(100, 5, 7, ".ssh/id_rsa", ReadOnly),
            Creat(100, 6, "/usr/bin/tool"),
            Execve(100, 0, "ls", "ls", "/usr/bin/ls"),
            Openat(999, -2, AtFdCwd, "missing", ReadOnly),
            Close(100),
        ];

        // The plugin's runtime counts what the calling thread allocated in it; the host calls on this thread.
        nint library = NativeLibrary.Load(plugin.Info.Path);
        try
        {
            var allocatedBytes = (delegate* unmanaged<ulong>)NativeLibrary.GetExport(library, "falco_plugin_sdk_allocated_bytes");
            ulong before = 0;
            for (int round = 0; round <= 200; round++)
            {
                if (round == 1)
                {
                    // Round 0 warms up: first calls build static tables and the native buffers.
                    before = allocatedBytes();
                }

                foreach (CapturedEvent evt in events)
                {
                    host.Parse(evt);
                    plugin.Extract(evt, AllFields);
                }
            }

            Assert.Equal(0ul, allocatedBytes() - before);
            Assert.Equal(201ul, plugin.Extract(events[0], "fileaccess.class_count[credentials]").UInt64);
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }
}

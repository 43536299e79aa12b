using System;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>
/// State tables through published plugins: tests/plugins/TableProbe imports the host's
/// <c>threads</c> table and exports <c>probe_items</c>; tests/plugins/TableClient imports that.
/// </summary>
public sealed class StateTableTests
{
    private static PluginHost HostWithThreads()
    {
        var host = new PluginHost();
        ThreadEntry bash = host.Threads.Add(100, comm: "bash", exe: "/bin/bash", pid: 100);
        bash.Fds.Add(3, name: "/etc/passwd");
        host.Threads.Add(101, comm: "bash", pid: 100);
        host.Threads.Add(200, comm: "curl", exe: "/usr/bin/curl", pid: 200);
        return host;
    }

    [Fact]
    public void Reads_static_fields_and_iterates_the_threads_table()
    {
        using PluginHost host = HostWithThreads();
        Plugin probe = host.Load(PublishedPlugins.TableProbe);
        CapturedEvent evt = SyscallEvents.For(200);

        Assert.Equal("curl", probe.Extract(evt, "tableprobe.comm").String);
        Assert.Equal(200ul, probe.Extract(evt, "tableprobe.pid").UInt64);
        Assert.Equal(3ul, probe.Extract(evt, "tableprobe.threads").UInt64);
        Assert.Equal("3:400", probe.Extract(evt, "tableprobe.iterated").String);
        Assert.True(probe.Extract(evt, "tableprobe.first_two").Bool);
        Assert.False(probe.Extract(SyscallEvents.For(999), "tableprobe.comm").IsPresent);
    }

    [Fact]
    public void Parsing_writes_a_static_field_and_a_dynamic_field_the_plugin_added()
    {
        using PluginHost host = HostWithThreads();
        Plugin probe = host.Load(PublishedPlugins.TableProbe, "{\"writeExe\": \"/opt/rewritten\"}");

        for (int i = 0; i < 3; i++)
        {
            host.Parse(SyscallEvents.For(100));
        }

        host.Parse(SyscallEvents.For(200));

        Assert.Equal(3ul, probe.Extract(SyscallEvents.For(100), "tableprobe.seen").UInt64);
        Assert.Equal(1ul, probe.Extract(SyscallEvents.For(200), "tableprobe.seen").UInt64);
        Assert.Equal(0ul, probe.Extract(SyscallEvents.For(101), "tableprobe.seen").UInt64);
        Assert.Equal(3ul, host.Threads[100].Get<ulong>("tableprobe.seen"));
        Assert.Equal("/opt/rewritten", host.Threads[100].Exe);
        Assert.Equal("/opt/rewritten", probe.Extract(SyscallEvents.For(100), "tableprobe.exe").String);
        Assert.Equal("", host.Threads[101].Exe);
    }

    [Fact]
    public void Reads_and_writes_the_nested_file_descriptors_table()
    {
        using PluginHost host = HostWithThreads();
        Plugin probe = host.Load(PublishedPlugins.TableProbe);

        Assert.Equal("/etc/passwd", probe.Extract(SyscallEvents.For(100), "tableprobe.fd_name[3]").String);
        Assert.Equal(1ul, probe.Extract(SyscallEvents.For(100), "tableprobe.fd_count").UInt64);
        Assert.False(probe.Extract(SyscallEvents.For(100), "tableprobe.fd_name[100]").IsPresent);

        host.Parse(SyscallEvents.For(100));

        Assert.Equal("probe-fd-100", probe.Extract(SyscallEvents.For(100), "tableprobe.fd_name[100]").String);
        Assert.Equal(2ul, probe.Extract(SyscallEvents.For(100), "tableprobe.fd_count").UInt64);
        Assert.Equal("probe-fd-100", host.Threads[100].Fds[100].Name);
        Assert.Equal(100, host.Threads[100].Fds[100].Fd);
    }

    [Fact]
    public void A_second_plugin_reads_writes_and_extends_the_exported_table()
    {
        using PluginHost host = HostWithThreads();
        Plugin probe = host.Load(PublishedPlugins.TableProbe);
        Plugin client = host.Load(PublishedPlugins.TableClient);

        host.Parse(SyscallEvents.For(100));
        host.Parse(SyscallEvents.For(101));
        host.Parse(SyscallEvents.For(200));
        CapturedEvent any = SyscallEvents.For(200);

        Assert.Equal(2ul, probe.Extract(any, "tableprobe.item_count[bash]").UInt64);
        Assert.Equal(2ul, client.Extract(any, "tableclient.count[bash]").UInt64);
        Assert.Equal(1ul, client.Extract(any, "tableclient.count[curl]").UInt64);
        Assert.True(client.Extract(any, "tableclient.even[bash]").Bool);
        Assert.False(client.Extract(any, "tableclient.even[curl]").Bool);
        Assert.Equal(2ul, client.Extract(any, "tableclient.items").UInt64);

        // The client rewrote the owner's label and added a field of its own; the owner sees both.
        Assert.Equal("relabeled by tableclient", probe.Extract(any, "tableprobe.item_label[bash]").String);
        Assert.Equal("noted at 2", probe.Extract(any, "tableprobe.item_note[bash]").String);
        Assert.Equal("noted at 1", client.Extract(any, "tableclient.note[curl]").String);

        StateTable items = host.GetTable("probe_items");
        Assert.Equal("tableprobe", items.AddedBy);
        Assert.Equal(2ul, items.Read("bash", "count"));
    }

    [Fact]
    public void String_fields_survive_across_calls_and_later_writes()
    {
        using PluginHost host = HostWithThreads();
        Plugin probe = host.Load(PublishedPlugins.TableProbe);
        Plugin client = host.Load(PublishedPlugins.TableClient);
        host.Parse(SyscallEvents.For(100));
        CapturedEvent evt = SyscallEvents.For(100);

        string first = client.Extract(evt, "tableclient.label[bash]").String;
        for (int i = 0; i < 50; i++)
        {
            host.Parse(SyscallEvents.For(200));
            Assert.Equal("/etc/passwd", probe.Extract(evt, "tableprobe.fd_name[3]").String);
        }

        Assert.Equal("relabeled by tableclient", first);
        Assert.Equal(first, client.Extract(evt, "tableclient.label[bash]").String);
        Assert.Equal("noted at 1", client.Extract(evt, "tableclient.note[bash]").String);
        Assert.Equal("bash", probe.Extract(evt, "tableprobe.comm").String);
    }

    [Theory]
    [InlineData("{\"threadTable\": \"nope\"}", "tableprobe: init: there is no table 'nope'")]
    [InlineData("{\"wrongKeyType\": true}", "tableprobe: init: table 'threads' has int64 keys, not int32: table in registry accessed with wrong key type: table='threads', requested='int32', actual='int64'")]
    [InlineData("{\"commField\": \"command\"}", "tableprobe: init: table 'threads' has no field 'command' of type string: undefined field 'command' in table 'threads'")]
    [InlineData("{\"commField\": \"pid\"}", "tableprobe: init: table 'threads' has no field 'pid' of type string: incompatible data types for static field: pid")]
    public void Unknown_tables_and_fields_and_key_type_mismatches_fail_init_clearly(string config, string expected)
    {
        using PluginHost host = HostWithThreads();

        var error = Assert.Throws<PluginHostException>(() => host.Load(PublishedPlugins.TableProbe, config));

        Assert.Equal("could not initialize plugin: " + expected, error.Message);
    }

    [Fact]
    public void Importing_a_table_no_plugin_exported_fails_init()
    {
        using PluginHost host = HostWithThreads();

        var error = Assert.Throws<PluginHostException>(() => host.Load(PublishedPlugins.TableClient));

        Assert.Equal("could not initialize plugin: tableclient: init: there is no table 'probe_items'", error.Message);
    }

    [Fact]
    public void The_thread_counter_example_counts_events_per_thread_in_both_tables()
    {
        using PluginHost host = HostWithThreads();
        Plugin counter = host.Load(PublishedPlugins.ThreadCounter);
        Assert.Equal("3.5.0", counter.Info.RequiredApiVersion);
        Assert.Equal(PluginCapabilities.Parsing | PluginCapabilities.Extraction, counter.Info.Capabilities);

        foreach (long tid in new long[] { 100, 100, 200, 100, 101 })
        {
            host.Parse(SyscallEvents.For(tid));
        }

        CapturedEvent evt = SyscallEvents.For(100);
        Assert.Equal(3ul, counter.Extract(evt, "threadcounter.events").UInt64);
        Assert.Equal(3ul, counter.Extract(evt, "threadcounter.table_events").UInt64);
        Assert.Equal("bash", counter.Extract(evt, "threadcounter.comm").String);
        Assert.Equal("/etc/passwd", counter.Extract(evt, "threadcounter.fd_name[3]").String);
        Assert.Equal(1ul, counter.Extract(SyscallEvents.For(200), "threadcounter.events").UInt64);
        Assert.Equal(3ul, host.Threads[100].Get<ulong>("threadcounter.events"));
        Assert.Equal(3ul, host.GetTable("thread_counts").Read(100L, "events"));
        Assert.Equal("curl", host.GetTable("thread_counts").Read(200L, "comm"));
        Assert.False(counter.Extract(SyscallEvents.For(999), "threadcounter.events").IsPresent);
    }
}

using System.Linq;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>Real .so plugins (Native/table_plugin.c) driven through init, parse_event and extract_fields with the host's tables.</summary>
public sealed class NativePluginTests
{
    [Fact]
    public void A_parsing_and_extracting_plugin_gets_the_full_init_tables_input()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);

        Assert.Equal("tables=set fields_same=1 reader_ext=1 writer_ext=1", Assert.Single(plugin.Logs).Message);
        Assert.Equal("tp_a", plugin.Logs[0].Component);
    }

    [Fact]
    public void A_plugin_that_neither_parses_nor_extracts_gets_no_tables()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.SourceOnly);

        Assert.Equal("tables=null", Assert.Single(plugin.Logs).Message);
    }

    [Fact]
    public void Parse_and_extract_inputs_carry_the_deprecated_vtables_filled_like_the_ext_ones()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);
        host.Threads.Add(7);
        CapturedEvent evt = NativePlugins.Event(7, "count");

        plugin.Parse(evt);

        Assert.EndsWith("parse_vtables=1 extract_reader=1", plugin.Extract(evt, "tp.facts").String);
    }

    [Fact]
    public void What_parse_writes_the_host_and_extraction_see()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);
        host.Threads.Add(7, comm: "bash");
        CapturedEvent evt = NativePlugins.Event(7, "count");

        host.Parse(evt);
        host.Parse(evt);
        host.Parse(NativePlugins.Event(7, "rename:zsh"));

        Assert.Equal(2UL, host.Threads[7]["tp_events"]);
        Assert.Equal(2UL, plugin.Extract(evt, "tp.events").UInt64);
        Assert.Equal("zsh", plugin.Extract(evt, "tp.comm").String);
        Assert.Equal("zsh", host.Threads[7].Comm);
    }

    [Fact]
    public void A_plugin_adds_fds_through_the_nested_table_and_reads_them_back()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);
        host.Threads.Add(7).Fds.Add(0, name: "/dev/null");

        host.Parse(NativePlugins.Event(7, "fd:5:/var/log/syslog"));

        Assert.Equal("/var/log/syslog", host.Threads[7].Fds[5].Name);
        Assert.Equal("/var/log/syslog", plugin.Extract(NativePlugins.Event(7, ""), "tp.fd[5]").String);
        Assert.Equal("/dev/null", plugin.Extract(NativePlugins.Event(7, ""), "tp.fd[0]").String);
        Assert.False(plugin.Extract(NativePlugins.Event(7, ""), "tp.fd[9]").IsPresent);
    }

    [Fact]
    public void Two_plugins_of_one_host_share_the_threads_table_and_their_dynamic_field()
    {
        using var host = new PluginHost();
        Plugin a = host.Load(NativePlugins.A);
        Plugin b = host.Load(NativePlugins.B);
        host.Threads.Add(7);
        CapturedEvent evt = NativePlugins.Event(7, "count");

        Assert.Equal([a, b], host.Parse(evt));

        Assert.Equal(2UL, b.Extract(evt, "tp.events").UInt64);
        Assert.Equal(2UL, a.Extract(evt, "tp.events").UInt64);
    }

    [Fact]
    public void Plugins_of_different_hosts_do_not_share_state()
    {
        using Plugin a = Plugin.Load(NativePlugins.A);
        using Plugin b = Plugin.Load(NativePlugins.B);
        a.Host.Threads.Add(7);
        b.Host.Threads.Add(7);

        a.Parse(NativePlugins.Event(7, "count"));

        Assert.Equal(1UL, a.Host.Threads[7]["tp_events"]);
        Assert.Equal(0UL, b.Host.Threads[7]["tp_events"]);
        Assert.NotSame(a.Host, b.Host);
    }

    [Fact]
    public void The_host_parses_only_with_plugins_whose_sources_accept_the_event()
    {
        using var host = new PluginHost();
        Plugin a = host.Load(NativePlugins.A);
        Plugin other = host.Load(NativePlugins.OtherSource);
        host.Threads.Add(7);

        Assert.Equal([a], host.Parse(NativePlugins.Event(7, "count", source: "test")));
        Assert.Equal([a, other], host.Parse(NativePlugins.Event(7, "count", source: "other")));
        Assert.Equal(3UL, host.Threads[7]["tp_events"]);
        Assert.Equal(["other"], other.Info.ParseEventSources);
        Assert.Null(other.ParseEventTypes());
    }

    [Fact]
    public void The_host_refuses_events_without_a_source()
    {
        using var host = new PluginHost();
        host.Load(NativePlugins.A);

        Assert.Throws<System.ArgumentException>(() => host.Parse(NativePlugins.Event(7, "count", source: "")));
    }

    [Fact]
    public void A_failing_parse_reports_the_plugins_last_error()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);
        host.Threads.Add(7);

        PluginHostException direct = Assert.Throws<PluginHostException>(() => plugin.Parse(NativePlugins.Event(7, "fail")));
        PluginHostException hosted = Assert.Throws<PluginHostException>(() => host.Parse(NativePlugins.Event(7, "fail")));

        Assert.EndsWith(": asked to fail", direct.Message);
        Assert.EndsWith(": asked to fail", hosted.Message);
        Assert.Equal(1, plugin.TryParse(NativePlugins.Event(7, "fail")));
    }

    [Fact]
    public void A_plugin_reads_the_hosts_error_through_get_owner_last_error()
    {
        using var host = new PluginHost();
        Plugin plugin = host.Load(NativePlugins.A);

        PluginHostException error = Assert.Throws<PluginHostException>(() => plugin.Parse(NativePlugins.Event(404, "count")));

        Assert.EndsWith("parse: get_entry found no element at given key", error.Message);
        Assert.Equal("get_entry found no element at given key", plugin.OwnerLastError);
    }

    [Fact]
    public void A_second_plugin_of_the_same_name_is_refused_like_libsinsp_does()
    {
        using var host = new PluginHost();
        host.Load(NativePlugins.A);

        PluginHostException error = Assert.Throws<PluginHostException>(() => host.Load(NativePlugins.A));

        Assert.Equal("found another plugin with name tp_a. Aborting.", error.Message);
        Assert.Single(host.Plugins);
    }

    [Fact]
    public void A_plugin_whose_init_fails_is_not_kept()
    {
        using var host = new PluginHost();

        PluginHostException error = Assert.Throws<PluginHostException>(() => host.Load(NativePlugins.A, "fail"));

        Assert.Equal("could not initialize plugin: config asked to fail", error.Message);
        Assert.Empty(host.Plugins);
        Assert.Equal("tp_a", host.Load(NativePlugins.A).Info.Name);
    }

    [Fact]
    public void Disposing_the_host_destroys_its_plugins()
    {
        var host = new PluginHost();
        Plugin a = host.Load(NativePlugins.A);
        Plugin b = host.Load(NativePlugins.B);

        host.Dispose();

        Assert.Empty(host.Plugins);
        Assert.Throws<System.ObjectDisposedException>(() => a.LastError);
        Assert.Throws<System.ObjectDisposedException>(() => b.LastError);
        Assert.Throws<System.ObjectDisposedException>(() => host.Tables);
    }

    [Fact]
    public void Disposing_a_plugin_removes_it_from_its_host()
    {
        using var host = new PluginHost();
        Plugin a = host.Load(NativePlugins.A);
        Plugin b = host.Load(NativePlugins.B);

        a.Dispose();

        Assert.Equal([b], host.Plugins);
        Assert.Equal([a.Info.Name, b.Info.Name], new[] { "tp_a", "tp_b" });
        Assert.Equal("tp_a", host.Load(NativePlugins.A).Info.Name);
    }

    [Fact]
    public void A_library_state_gets_a_host_of_its_own()
    {
        using PluginLibrary library = PluginLibrary.Load(NativePlugins.A);
        using Plugin first = library.Init();
        using Plugin second = library.Init();

        Assert.NotSame(first.Host, second.Host);
        Assert.Equal([first], first.Host.Plugins.ToArray());
    }
}

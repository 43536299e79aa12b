using System;
using System.Collections.Generic;
using System.Linq;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>The managed API tests use to seed threads and fds and to read what plugins wrote.</summary>
public sealed unsafe class ThreadTableApiTests
{
    [Fact]
    public void Seeded_threads_and_fds_read_back_through_typed_properties_and_field_names()
    {
        using var host = new PluginHost();
        ThreadEntry thread = host.Threads.Add(42, comm: "nginx", exe: "nginx", exePath: "/usr/sbin/nginx", ptid: 1, cwd: "/srv", uid: 33, gid: 33);
        thread.Fds.Add(4, name: "0.0.0.0:80", type: FdType.Ipv4ServerSocket);

        Assert.Equal(1, host.Threads.Count);
        Assert.Equal(42L, host.Threads[42].Pid);
        Assert.Equal("/usr/sbin/nginx", host.Threads[42]["exe_path"]);
        Assert.Equal(33u, host.Threads[42]["uid"]);
        Assert.Equal(1L, host.Threads[42].Get<long>("ptid"));
        Assert.Equal(33L, host.Threads[42].Get<long>("gid"));
        Assert.Equal("/srv", host.Threads[42].Cwd);
        Assert.Equal(FdType.Ipv4ServerSocket, host.Threads[42].Fds[4].Type);
        Assert.Equal(4L, host.Threads[42].Fds[4].Fd);
        Assert.IsType<FdTable>(host.Threads[42]["file_descriptors"]);
    }

    [Fact]
    public void Unknown_fields_and_threads_are_reported_by_name()
    {
        using var host = new PluginHost();
        host.Threads.Add(1);

        Assert.Equal("undefined field 'container_id' in table 'threads'", Assert.Throws<KeyNotFoundException>(() => host.Threads[1]["container_id"]).Message);
        Assert.Throws<KeyNotFoundException>(() => host.Threads[2]);
        Assert.False(host.Threads.TryGet(2, out _));
    }

    [Fact]
    public void A_field_defined_by_the_test_is_the_one_a_plugin_adds_later()
    {
        using var host = new PluginHost();
        host.Threads.DefineField("container_id", StateType.String);
        host.Threads.Add(5)["container_id"] = "abc123";
        using var client = new TablesClient(host);
        TableInput* threads = client.GetTable("threads", TableAbi.Int64);

        void* field = client.AddField(threads, "container_id", TableAbi.String);

        Assert.Equal("abc123", client.ReadString(threads, client.GetEntry(threads, 5L), field));
        Assert.Contains(new StateFieldInfo("container_id", StateType.String, false), host.Threads.Fields);
    }

    [Fact]
    public void The_test_may_not_define_fields_libsinsp_would_refuse()
    {
        using var host = new PluginHost();

        Assert.Equal("can't add dynamic field already defined as static: comm", Assert.Throws<InvalidOperationException>(() => host.Threads.DefineField("comm", StateType.UInt64)).Message);
        Assert.Equal("can't add dynamic field of type table: t", Assert.Throws<InvalidOperationException>(() => host.Threads.DefineField("t", StateType.Table)).Message);
    }

    [Fact]
    public void Numbers_out_of_a_fields_range_are_refused()
    {
        using var host = new PluginHost();
        ThreadEntry thread = host.Threads.Add(1);

        Assert.Throws<OverflowException>(() => thread["uid"] = -1);
        thread["uid"] = 7;
        Assert.Equal(7u, thread.Uid);
    }

    [Fact]
    public void Adding_a_thread_twice_replaces_it_and_removal_and_listing_work()
    {
        using var host = new PluginHost();
        host.Threads.Add(3, comm: "old").Fds.Add(1);
        host.Threads.Add(2);
        host.Threads.Add(3, comm: "new");

        Assert.Equal("new", host.Threads[3].Comm);
        Assert.Equal(0, host.Threads[3].Fds.Count);
        Assert.Equal([2L, 3L], host.Threads.Entries.Select(thread => thread.Tid));
        Assert.True(host.Threads.Remove(2));
        Assert.False(host.Threads.Remove(2));
        Assert.Equal(1, host.Threads.Count);
    }

    [Fact]
    public void The_generic_view_reads_the_threads_table_too()
    {
        using var host = new PluginHost();
        host.Threads.Add(9, comm: "sshd");
        StateTable threads = host.GetTable("threads");

        Assert.Equal(StateType.Int64, threads.KeyType);
        Assert.Null(threads.AddedBy);
        Assert.Equal(1UL, threads.Count);
        Assert.Equal("sshd", threads.Read(9L, "comm"));
        Assert.Equal("table 'threads': get_entry found no element at given key", Assert.Throws<PluginHostException>(() => threads.Read(8L, "comm")).Message);
        Assert.Throws<KeyNotFoundException>(() => host.GetTable("containers"));
    }
}

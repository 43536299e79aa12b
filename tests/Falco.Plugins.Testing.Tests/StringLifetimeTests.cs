using System.Runtime.InteropServices;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>Strings read from host tables point to host memory that lives until the field is written again; written strings are copied.</summary>
public sealed unsafe class StringLifetimeTests : System.IDisposable
{
    private readonly PluginHost _host = new();
    private readonly TablesClient _client;
    private readonly TableInput* _threads;
    private readonly void* _comm;

    public StringLifetimeTests()
    {
        _host.Threads.Add(1, comm: "init");
        _client = new TablesClient(_host);
        _threads = _client.GetTable("threads", TableAbi.Int64);
        _comm = _client.GetField(_threads, "comm", TableAbi.String);
    }

    [Fact]
    public void A_read_string_stays_valid_across_calls_and_callbacks_until_the_field_is_written()
    {
        byte* first = _client.Read(_threads, _client.GetEntry(_threads, 1L), _comm).Str;
        _client.Plugin.EndCallback();
        byte* again = _client.Read(_threads, _client.GetEntry(_threads, 1L), _comm).Str;

        Assert.True(first == again, "re-reading an unchanged field must give the same host string");
        Assert.Equal("init", TablesClient.Str(first));
    }

    [Fact]
    public void Writing_copies_the_string_so_the_plugin_may_free_its_buffer()
    {
        void* entry = _client.GetEntry(_threads, 1L);
        byte* mine = (byte*)Marshal.StringToCoTaskMemUTF8("systemd");
        _client.Write(_threads, entry, _comm, new StateData { Str = mine });
        byte* read = _client.Read(_threads, entry, _comm).Str;
        Marshal.FreeCoTaskMem((nint)mine);

        Assert.True(read != mine);
        Assert.Equal("systemd", TablesClient.Str(_client.Read(_threads, entry, _comm).Str));
        Assert.Equal("systemd", _host.Threads[1].Comm);
    }

    [Fact]
    public void A_written_field_reads_the_new_value_from_a_new_string()
    {
        void* entry = _client.GetEntry(_threads, 1L);
        _client.Read(_threads, entry, _comm);

        _client.WriteString(_threads, entry, _comm, "renamed");

        Assert.Equal("renamed", _client.ReadString(_threads, entry, _comm));
    }

    [Fact]
    public void A_never_written_dynamic_string_reads_as_an_empty_string_not_NULL()
    {
        void* dynamic = _client.AddField(_threads, "container_id", TableAbi.String);

        StateData value = _client.Read(_threads, _client.GetEntry(_threads, 1L), dynamic);

        Assert.True(value.Str is not null);
        Assert.Equal("", TablesClient.Str(value.Str));
    }

    [Fact]
    public void A_never_written_dynamic_number_reads_as_zero()
    {
        void* dynamic = _client.AddField(_threads, "events", TableAbi.UInt64);

        Assert.Equal(0UL, _client.Read(_threads, _client.GetEntry(_threads, 1L), dynamic).U64);
    }

    [Fact]
    public void A_NULL_string_is_written_as_an_empty_string()
    {
        void* entry = _client.GetEntry(_threads, 1L);

        _client.Write(_threads, entry, _comm, new StateData { Str = null });

        Assert.Equal("", _host.Threads[1].Comm);
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }
}

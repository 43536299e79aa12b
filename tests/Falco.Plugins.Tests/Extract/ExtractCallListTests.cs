using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Extract;

/// <summary>The list writers of ExtractCall: res points to an array of res_len values.</summary>
public unsafe class ExtractCallListTests : IDisposable
{
    private readonly ExtractHarness _harness = new("payload"u8);

    [Fact]
    public void SetUInt64List_from_a_span_and_from_a_sequence()
    {
        ExtractCall call = _harness.Begin();

        call.SetUInt64List(0, [1ul, 2ul, ulong.MaxValue]);
        call.SetUInt64List(1, Enumerable.Range(0, 40).Select(i => (ulong)i * 3));
        call.SetUInt64List(2, new List<ulong>());

        Assert.Equal([1ul, 2ul, ulong.MaxValue], ExtractResults.UInt64s(&_harness.Fields[0]));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (ulong)i * 3), ExtractResults.UInt64s(&_harness.Fields[1]));
        Assert.Equal(0ul, _harness.Fields[2].ResLen);
    }

    [Fact]
    public void SetBoolList_from_a_span_and_from_a_sequence()
    {
        ExtractCall call = _harness.Begin();

        call.SetBoolList(0, [true, false, true]);
        call.SetBoolList(1, new List<bool> { false, true });

        Assert.Equal([1u, 0u, 1u], ExtractResults.Bools(&_harness.Fields[0]));
        Assert.Equal([0u, 1u], ExtractResults.Bools(&_harness.Fields[1]));
    }

    [Fact]
    public void SetStringList_skips_null_elements()
    {
        ExtractCall call = _harness.Begin();

        call.SetStringList(0, ["a", null, "\u00e9"]);
        call.SetStringList(1, new List<string?> { null, "x", "y" });

        Assert.Equal(["a", "\u00e9"], ExtractResults.Strings(&_harness.Fields[0]));
        Assert.Equal(["x", "y"], ExtractResults.Strings(&_harness.Fields[1]));
    }

    [Fact]
    public void Time_lists_are_nanoseconds()
    {
        ExtractCall call = _harness.Begin();

        call.SetRelTimeList(0, [TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2)]);
        call.SetAbsTimeList(1, [DateTimeOffset.UnixEpoch.AddTicks(3)]);
        call.SetAbsTimeList(2, [DateTime.UnixEpoch.AddTicks(4), DateTime.UnixEpoch.AddSeconds(1)]);

        Assert.Equal([100ul, 2_000_000_000ul], ExtractResults.UInt64s(&_harness.Fields[0]));
        Assert.Equal([300ul], ExtractResults.UInt64s(&_harness.Fields[1]));
        Assert.Equal([400ul, 1_000_000_000ul], ExtractResults.UInt64s(&_harness.Fields[2]));
    }

    [Fact]
    public void Address_lists_skip_null_elements()
    {
        ExtractCall call = _harness.Begin();

        call.SetIPAddressList(0, [IPAddress.Parse("1.2.3.4"), null, IPAddress.IPv6Loopback]);
        call.SetIPNetworkList(1, [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("192.168.0.0/16")]);

        Assert.Equal([[1, 2, 3, 4], IPAddress.IPv6Loopback.GetAddressBytes()], ExtractResults.Buffers(&_harness.Fields[0]));
        Assert.Equal([[10, 0, 0, 0], [192, 168, 0, 0]], ExtractResults.Buffers(&_harness.Fields[1]));
    }

    [Fact]
    public void Null_lists_are_absent()
    {
        ExtractCall call = _harness.Begin();
        for (uint i = 0; i < 5; i++)
        {
            call.SetUInt64(i, 1);
        }

        call.SetUInt64List(0, (IEnumerable<ulong>?)null);
        call.SetBoolList(1, (IEnumerable<bool>?)null);
        call.SetStringList(2, (IEnumerable<string?>?)null);
        call.SetIPAddressList(3, null);
        call.SetRelTimeList(4, null);

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(0ul, _harness.Fields[i].ResLen);
        }
    }

    public void Dispose() => _harness.Dispose();
}

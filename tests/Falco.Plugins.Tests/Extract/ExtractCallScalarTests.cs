using System;
using System.Net;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Extract;

/// <summary>The single-value writers of ExtractCall, read back through res/res_len.</summary>
public unsafe class ExtractCallScalarTests : IDisposable
{
    private readonly ExtractHarness _harness = new("payload"u8);

    [Fact]
    public void SetUInt64_writes_one_value()
    {
        ExtractCall call = _harness.Begin();

        call.SetUInt64(0, ulong.MaxValue);

        Assert.Equal([ulong.MaxValue], ExtractResults.UInt64s(&_harness.Fields[0]));
    }

    [Fact]
    public void SetBool_writes_a_four_byte_boolean()
    {
        ExtractCall call = _harness.Begin();

        call.SetBool(0, true);
        call.SetBool(1, false);

        Assert.Equal([1u], ExtractResults.Bools(&_harness.Fields[0]));
        Assert.Equal([0u], ExtractResults.Bools(&_harness.Fields[1]));
    }

    [Fact]
    public void SetString_copies_a_span_with_a_terminating_NUL()
    {
        ExtractCall call = _harness.Begin();
        byte[] source = "h\u00e9llo"u8.ToArray();

        call.SetString(1, source);
        source.AsSpan().Fill((byte)'x');

        Assert.Equal(["h\u00e9llo"], ExtractResults.Strings(&_harness.Fields[1]));
    }

    [Fact]
    public void SetString_encodes_a_string()
    {
        ExtractCall call = _harness.Begin();

        call.SetString(1, "\u00fcber \U0001F600");
        call.SetString(2, "");

        Assert.Equal(["\u00fcber \U0001F600"], ExtractResults.Strings(&_harness.Fields[1]));
        Assert.Equal([""], ExtractResults.Strings(&_harness.Fields[2]));
    }

    [Fact]
    public void SetRelTime_writes_nanoseconds()
    {
        ExtractCall call = _harness.Begin();

        call.SetRelTime(0, TimeSpan.FromTicks(15_000_001));

        Assert.Equal([1_500_000_100ul], ExtractResults.UInt64s(&_harness.Fields[0]));
    }

    [Fact]
    public void SetRelTime_rejects_negative_durations()
    {
        var ex = Assert.Throws<PluginException>(() => _harness.Begin().SetRelTime(0, TimeSpan.FromSeconds(-1)));

        Assert.Contains("cannot be negative", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetAbsTime_writes_nanoseconds_since_the_epoch()
    {
        ExtractCall call = _harness.Begin();
        var offsetTime = new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddTicks(7);
        var utcTime = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(7);
        var unspecified = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).AddTicks(7);

        call.SetAbsTime(0, offsetTime);
        call.SetAbsTime(1, utcTime);
        call.SetAbsTime(2, unspecified);

        const ulong expected = 1_704_164_645_000_000_700;
        Assert.Equal([expected], ExtractResults.UInt64s(&_harness.Fields[0]));
        Assert.Equal([expected], ExtractResults.UInt64s(&_harness.Fields[1]));
        Assert.Equal([expected], ExtractResults.UInt64s(&_harness.Fields[2]));
    }

    [Fact]
    public void SetAbsTime_rejects_times_before_the_epoch()
    {
        Assert.Throws<PluginException>(() => _harness.Begin().SetAbsTime(0, new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void SetIPAddress_writes_4_or_16_network_order_bytes()
    {
        ExtractCall call = _harness.Begin();

        call.SetIPAddress(0, IPAddress.Parse("192.168.1.2"));
        call.SetIPAddress(1, IPAddress.Parse("2001:db8::1"));

        Assert.Equal([[192, 168, 1, 2]], ExtractResults.Buffers(&_harness.Fields[0]));
        Assert.Equal([IPAddress.Parse("2001:db8::1").GetAddressBytes()], ExtractResults.Buffers(&_harness.Fields[1]));
    }

    [Fact]
    public void SetIPAddress_copies_raw_bytes()
    {
        ExtractCall call = _harness.Begin();
        byte[] address = [10, 0, 0, 1];

        call.SetIPAddress(0, address.AsSpan());
        address[0] = 99;

        Assert.Equal([[10, 0, 0, 1]], ExtractResults.Buffers(&_harness.Fields[0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(15)]
    public void SetIPAddress_rejects_other_lengths(int length)
    {
        var ex = Assert.Throws<PluginException>(() => _harness.Begin().SetIPAddress(0, new byte[length].AsSpan()));

        Assert.Equal($"an IP address must be 4 or 16 bytes, got {length}", ex.Message);
    }

    [Fact]
    public void SetIPNetwork_writes_the_base_address()
    {
        ExtractCall call = _harness.Begin();

        call.SetIPNetwork(0, IPNetwork.Parse("10.1.0.0/16"));

        Assert.Equal([[10, 1, 0, 0]], ExtractResults.Buffers(&_harness.Fields[0]));
    }

    [Fact]
    public void Null_values_and_SetAbsent_give_res_len_0()
    {
        ExtractCall call = _harness.Begin();
        for (uint i = 0; i < 5; i++)
        {
            call.SetUInt64(i, 1);
        }

        call.SetAbsent(0);
        call.SetUInt64(1, (ulong?)null);
        call.SetString(2, (string?)null);
        call.SetIPAddress(3, (IPAddress?)null);
        call.SetAbsTime(4, (DateTimeOffset?)null);

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(0ul, _harness.Fields[i].ResLen);
        }
    }

    [Fact]
    public void Nullable_overloads_with_a_value_write_it()
    {
        ExtractCall call = _harness.Begin();

        call.SetUInt64(0, (ulong?)5);
        call.SetBool(1, (bool?)true);
        call.SetRelTime(2, (TimeSpan?)TimeSpan.FromTicks(1));

        Assert.Equal([5ul], ExtractResults.UInt64s(&_harness.Fields[0]));
        Assert.Equal([1u], ExtractResults.Bools(&_harness.Fields[1]));
        Assert.Equal([100ul], ExtractResults.UInt64s(&_harness.Fields[2]));
    }

    [Fact]
    public void Earlier_results_stay_valid_while_later_fields_are_written()
    {
        ExtractCall call = _harness.Begin();

        call.SetString(0, "first");
        for (uint i = 1; i < 5; i++)
        {
            call.SetString(i, new string('z', 5000));
        }

        Assert.Equal(["first"], ExtractResults.Strings(&_harness.Fields[0]));
    }

    public void Dispose() => _harness.Dispose();
}

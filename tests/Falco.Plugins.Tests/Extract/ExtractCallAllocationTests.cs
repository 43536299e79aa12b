using System;
using System.Runtime.CompilerServices;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Extract;

/// <summary>Steady-state extraction allocates no managed memory.</summary>
public unsafe class ExtractCallAllocationTests : IDisposable
{
    private const int Events = 20_000;
    private readonly ExtractHarness _harness = new("user=alice count=12345"u8);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Extracting_uint64_and_string_values_allocates_nothing(bool offsets)
    {
        _harness.SetKeyArgument(3, "user");
        Extract(_harness, offsets, 100);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ulong checksum = Extract(_harness, offsets, Events);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0ul, checksum);
        Assert.Equal(["alice"], ExtractResults.Strings(&_harness.Fields[1]));
        Assert.Equal(["constant"], ExtractResults.Strings(&_harness.Fields[2]));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Extract(ExtractHarness harness, bool offsets, int count)
    {
        ulong checksum = 0;
        for (int i = 0; i < count; i++)
        {
            ExtractCall call = harness.Begin(offsets, (ulong)i);
            call.SetUInt64(0, (ulong)i);
            call.SetString(1, call.Context.Payload.Slice(5, 5));
            call.SetString(2, "constant");
            call.SetString(3, call.RequiredKey(3));
            call.Context.SetValueOffset(17, 5);
            call.SetUInt64(4, 12345);
            checksum += harness.Fields[0].ResLen + harness.Fields[4].ResLen;
        }

        return checksum;
    }

    public void Dispose() => _harness.Dispose();
}

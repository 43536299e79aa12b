using System;
using Falco.Plugins.Syscalls;
using static Falco.Plugins.Tests.Syscalls.SyscallTestEvents;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>Reading events is a hot path: TryRead, accessors, TryWrite and the generic view allocate nothing.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Reading_a_typed_event_allocates_nothing()
    {
        var client = new SocketEndpoint(new IPv4Address(10, 0, 0, 1), 40000);
        var server = new SocketEndpoint(new IPv4Address(10, 0, 0, 2), 443);
        byte[] bytes = SocketConnectExit.Encode(1, 2, 0, SockTuple.FromEndpoints(client, server), 7, SockAddr.FromEndpoint(server));

        With(bytes, view =>
        {
            long sum = Read(view); // JIT and static tables first
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                sum += Read(view);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.NotEqual(0, sum);
        });
    }

    [Fact]
    public void Rejecting_an_event_without_asking_why_allocates_nothing()
    {
        byte[] bytes = SyscallOpenat2Exit.Encode(1, 2, 3, 4, "/x"u8, 5, 6, 7, 8).WithUInt32(22, 9);

        With(bytes, view =>
        {
            bool accepted = SocketConnectExit.TryRead(view, out _) | SyscallOpenat2Exit.TryRead(view, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                accepted |= SocketConnectExit.TryRead(view, out _) | SyscallOpenat2Exit.TryRead(view, out _);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.False(accepted);
        });
    }

    [Fact]
    public void Writing_an_event_allocates_nothing()
    {
        Span<byte> buffer = stackalloc byte[256];
        SyscallOpenat2Exit.TryWrite(buffer, 1, 2, 3, 4, "/etc/passwd"u8, 5, 6, 7, 8, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = SyscallOpenat2Exit.TryWrite(buffer, 1, 2, 3, 4, "/etc/passwd"u8, 5, 6, 7, 8, out int written);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(ok);
        Assert.Equal(88, written);
    }

    private static long Read(EventView view)
    {
        long sum = 0;
        if (SocketConnectExit.TryRead(view, out SocketConnectExit connect))
        {
            sum += connect.Fd + connect.Res + connect.Tuple.Destination.Port + connect.Addr.Endpoint.Port;
            sum += connect.Tuple.Source.Address.IPv4.Value;
        }

        if (SyscallEvent.TryCreate(view, out SyscallEvent generic))
        {
            for (int i = 0; i < generic.ParamCount; i++)
            {
                sum += generic.GetParameter(i).Bytes.Length;
            }
        }

        return sum;
    }
}

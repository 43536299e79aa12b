using System;
using System.Net;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Syscalls.Rendering;
using static Falco.Plugins.Tests.Syscalls.SyscallTestEvents;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>Rendering into a caller's buffer allocates nothing, whatever the parameter types and with names from state.</summary>
public sealed class RenderingAllocationTests
{
    private static readonly byte[][] Events =
    [
        SyscallOpenat2Exit.Encode(1, 2, 3, -100, "/etc/passwd"u8, 4097, 0644, 0x803, 1234),
        SocketConnectExit.Encode(
            1,
            2,
            -115,
            SockTuple.FromEndpoints(new(V6("2001:db8::4"), 54405), new(V6("::ffff:10.0.0.1"), 80)),
            5,
            SockAddr.FromEndpoint(new(V6("2001:db8::3"), 1234))),
        SocketConnectExit.Encode(1, 2, 0, SockTuple.FromUnix(1, 2, "/run/x.sock"u8), 3, SockAddr.FromUnixPath("/run/x.sock"u8)),
        SyscallPpollExit.Encode(1, 2, 1, FdList.FromEntries([new(3, 1), new(4, 4)]), new RelativeTime(1_500_000_000), new SignalSet(0x4002)),
        SocketSetsockoptExit.Encode(1, 2, 0, 3, 1, 20, DynamicValue.Create(4, U64(1_500_000_000)), 16),
        TracerEnter.Encode(1, 2, 7, new CharBufArray(CharBufArray.Encode("a", "b")), new CharBufPairArray(CharBufArray.Encode("k", "v"))),
        SyscallReadExit.Encode(1, 2, 200, new byte[200], 5, 200),
        SyscallKillExit.Encode(1, 2, 0, 1234, 9),
        SyscallSetuidExit.Encode(1, 2, 0, 1000),
        SyscallExecve19Exit.Encode(
            1, 2, 0, "/bin/ls"u8, CharBufArray.Encode("-la"), 100, 100, 99, "/"u8, 1024, 0, 33, 328, 4, 0, "ls"u8, [], CharBufArray.Encode("A=B"),
            0, 100, uint.MaxValue, 1, 0, 0x1ff, 0, 9, new AbsoluteTime(1_700_000_000_000_000_001), new AbsoluteTime(5), 0, "/bin/ls"u8, 100, 0, "/bin/ls"u8),
        Layout(307, 1, 2, false, I64(5), [], [1, 2, 3]),
    ];

    [Fact]
    public void Rendering_into_a_buffer_allocates_nothing()
    {
        var names = new TableNames();
        names.Fds[(2, 3)] = new FdDescription('f', "/etc/passwd");
        names.Fds[(2, 5)] = new FdDescription('6', "2001:db8::4:54405->2001:db8::3:1234", 't');
        names.Threads[1234] = "bash";
        names.Users[1000] = "alice";
        EventRenderOptions[] options = [EventRenderOptions.Default, new EventRenderOptions { Names = names, MaxBufferLength = 0 }];
        char[] destination = new char[4096];

        long sum = RenderAll(destination, options); // JIT and static tables first
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            sum += RenderAll(destination, options);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    private static long RenderAll(char[] destination, EventRenderOptions[] options)
    {
        long sum = 0;
        foreach (byte[] bytes in Events)
        {
            Assert.True(SyscallEvent.TryCreate(bytes, out SyscallEvent evt));
            foreach (EventRenderOptions option in options)
            {
                Assert.True(EventRenderer.TryFormat(evt, destination, out int written, option));
                sum += written;
                Assert.True(EventRenderer.TryFormatArguments(evt, destination, out written, option));
                sum += written;
                Assert.True(EventRenderer.TryFormatParameter(evt, 0, destination, out written, option));
                sum += written;
            }

            Assert.False(evt.TryFormat(destination.AsSpan(0, 3), out _));
        }

        return sum;
    }

    private static IPv6Address V6(string text) => IPv6Address.FromIPAddress(IPAddress.Parse(text));
}

using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Falco.Plugins.Abi;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Benchmarks;

/// <summary>
/// The cost of reading a typical syscall event through its typed view: an openat exit
/// (<c>PPME_SYSCALL_OPENAT_2_X</c>, 7 parameters) in native memory, as the framework hands it
/// over. <see cref="RawOffsets"/> reads the same two values at offsets known in advance: the
/// floor for any view that validates nothing.
/// </summary>
[MemoryDiagnoser]
public unsafe class SyscallEventBenchmarks
{
    private EventHeader* _event;

    [GlobalSetup]
    public void Setup()
    {
        byte[] bytes = SyscallOpenat2Exit.Encode(1_700_000_000_000_000_000, 4242, 3, -100, "/etc/passwd"u8, 0x1001, 0, 0x803, 1234);
        _event = (EventHeader*)NativeMemory.Alloc((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>(_event, bytes.Length));
    }

    [GlobalCleanup]
    public void Cleanup() => NativeMemory.Free(_event);

    /// <summary>Validate the event as an openat exit: header, parameter count, length table.</summary>
    [Benchmark]
    public bool TryRead() => SyscallOpenat2Exit.TryRead(EventView.CreateUnchecked(_event), out _);

    /// <summary>TryRead, then the fd and the name (the first and third parameters).</summary>
    [Benchmark]
    public long TryReadFdAndName()
    {
        if (!SyscallOpenat2Exit.TryRead(EventView.CreateUnchecked(_event), out SyscallOpenat2Exit openat))
        {
            return -1;
        }

        return openat.Fd + openat.Name.Length;
    }

    /// <summary>TryRead, then the fd alone: the cost of one fixed-size accessor.</summary>
    [Benchmark]
    public long TryReadFd() =>
        SyscallOpenat2Exit.TryRead(EventView.CreateUnchecked(_event), out SyscallOpenat2Exit openat) ? openat.Fd : -1;

    /// <summary>TryRead, then the name alone: the cost of one string accessor (it finds the NUL).</summary>
    [Benchmark]
    public long TryReadName() =>
        SyscallOpenat2Exit.TryRead(EventView.CreateUnchecked(_event), out SyscallOpenat2Exit openat) ? openat.Name.Length : -1;

    /// <summary>The same through the schema: any code, parameters by index.</summary>
    [Benchmark]
    public long GenericFdAndName()
    {
        if (!SyscallEvent.TryCreate(EventView.CreateUnchecked(_event), out SyscallEvent evt))
        {
            return -1;
        }

        evt.GetParameter(0).TryGetInt64(out long fd);
        evt.GetParameter(2).TryGetString(out ReadOnlySpan<byte> name);
        return fd + name.Length;
    }

    /// <summary>No validation: the fd and the name's length at fixed offsets of this very event.</summary>
    [Benchmark(Baseline = true)]
    public long RawOffsets()
    {
        var bytes = new ReadOnlySpan<byte>(_event, (int)_event->Len);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes.Slice(40)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(30)) - 1;
    }
}

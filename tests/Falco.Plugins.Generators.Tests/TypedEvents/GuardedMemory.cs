using System;
using System.Runtime.InteropServices;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// Read-write memory followed by an inaccessible page: bytes placed to end at the guard make
/// any read past their end fault at once, instead of reading neighbouring memory.
/// </summary>
internal sealed unsafe partial class GuardedMemory : IDisposable
{
    private const int ProtNone = 0;
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;

    private readonly byte* _start;
    private readonly nuint _total;

    public GuardedMemory(int capacity)
    {
        nuint page = (nuint)Environment.SystemPageSize;
        nuint usable = ((nuint)capacity + page - 1) / page * page;
        _total = usable + page;
        _start = (byte*)Mmap(null, _total, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (_start == (byte*)-1)
        {
            throw new InvalidOperationException("mmap failed: " + Marshal.GetLastPInvokeError());
        }

        if (Mprotect(_start + usable, page, ProtNone) != 0)
        {
            throw new InvalidOperationException("mprotect failed: " + Marshal.GetLastPInvokeError());
        }

        Capacity = (int)usable;
        GuardStart = _start + usable;
    }

    public int Capacity { get; }

    /// <summary>The first inaccessible byte.</summary>
    public byte* GuardStart { get; }

    /// <summary>Copies <paramref name="bytes"/> so that they end right before the guard page; returns where they start.</summary>
    public byte* PlaceAtEnd(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Capacity)
        {
            throw new ArgumentException($"{bytes.Length} bytes do not fit in {Capacity}.", nameof(bytes));
        }

        byte* target = GuardStart - bytes.Length;
        bytes.CopyTo(new Span<byte>(target, bytes.Length));
        return target;
    }

    public void Dispose() => _ = Munmap(_start, _total);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static partial int Mprotect(void* address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(void* address, nuint length);
}

using System;
using System.Runtime.InteropServices;

namespace Falco.Plugins.Testing.Running;

/// <summary>
/// Per-thread memory whose end touches an inaccessible page: an event copied to end right before
/// it makes a plugin that reads past the event fault at once, instead of reading the neighbouring
/// bytes of the managed heap (<see cref="PluginHostOptions.GuardEventMemory"/>).
/// </summary>
internal static unsafe partial class GuardedEventMemory
{
    private const int ProtNone = 0;
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;

    [ThreadStatic]
    private static Region? t_region;

    /// <summary>Copies <paramref name="bytes"/> to end right before the calling thread's guard page; returns where they start.</summary>
    /// <remarks>The copy stays valid until the same thread places another event.</remarks>
    public static byte* Place(ReadOnlySpan<byte> bytes)
    {
        Region region = t_region is { } current && current.Capacity >= bytes.Length ? current : Grow(bytes.Length);
        byte* target = region.GuardStart - bytes.Length;
        bytes.CopyTo(new Span<byte>(target, bytes.Length));
        return target;
    }

    private static Region Grow(int capacity)
    {
        t_region?.Release();
        t_region = new Region(Math.Max(capacity, 64 * 1024));
        return t_region;
    }

    /// <summary>One mapping: usable pages followed by the guard page. A thread keeps its region until it needs a larger one.</summary>
    private sealed class Region
    {
        private readonly byte* _start;
        private readonly nuint _total;

        public Region(int capacity)
        {
            nuint page = (nuint)Environment.SystemPageSize;
            nuint usable = ((nuint)capacity + page - 1) / page * page;
            _total = usable + page;
            _start = (byte*)Mmap(null, _total, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            if (_start == (byte*)-1)
            {
                throw new PluginHostException("mmap of guarded event memory failed: " + Marshal.GetLastPInvokeError());
            }

            if (Mprotect(_start + usable, page, ProtNone) != 0)
            {
                int error = Marshal.GetLastPInvokeError();
                _ = Munmap(_start, _total);
                throw new PluginHostException("mprotect of the guard page failed: " + error);
            }

            Capacity = (int)usable;
            GuardStart = _start + usable;
        }

        public int Capacity { get; }

        public byte* GuardStart { get; }

        public void Release() => _ = Munmap(_start, _total);
    }

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static partial int Mprotect(void* address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(void* address, nuint length);
}

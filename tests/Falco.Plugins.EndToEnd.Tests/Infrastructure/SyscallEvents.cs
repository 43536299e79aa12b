using System;
using System.Buffers.Binary;
using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>Events of the syscall source, as far as parsers and extractors that look at the header need them.</summary>
internal static class SyscallEvents
{
    /// <summary>A parameterless event of <paramref name="type"/> for thread <paramref name="tid"/>.</summary>
    public static CapturedEvent For(long tid, ushort type = 1)
    {
        byte[] bytes = new byte[26];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1_700_000_000_000_000_000);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), tid);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 26);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), type);
        return CapturedEvent.FromBytes(bytes, source: "syscall");
    }
}

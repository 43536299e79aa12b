using System;
using System.Buffers.Binary;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>Events in the current layout with u16 parameter lengths, built for captures written in tests.</summary>
internal static class SyscallEvent
{
    /// <summary>An event of <paramref name="type"/> for <paramref name="tid"/> with the given parameter values.</summary>
    public static byte[] Build(ushort type, long tid, ulong timestamp, params byte[][] parameters)
    {
        int length = 26 + (2 * parameters.Length);
        foreach (byte[] parameter in parameters)
        {
            length += parameter.Length;
        }

        byte[] bytes = new byte[length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, timestamp);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), tid);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), type);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), (uint)parameters.Length);
        int value = 26 + (2 * parameters.Length);
        for (int i = 0; i < parameters.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(26 + (2 * i)), (ushort)parameters[i].Length);
            parameters[i].CopyTo(bytes, value);
            value += parameters[i].Length;
        }

        return bytes;
    }
}

using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tests.Extract;

/// <summary>Reads results back through <c>res</c> and <c>res_len</c>, as the framework does.</summary>
internal static unsafe class ExtractResults
{
    public static ulong[] UInt64s(ExtractField* field) =>
        new ReadOnlySpan<ulong>(field->Res, checked((int)field->ResLen)).ToArray();

    public static uint[] Bools(ExtractField* field) =>
        new ReadOnlySpan<uint>(field->Res, checked((int)field->ResLen)).ToArray();

    public static string[] Strings(ExtractField* field)
    {
        var result = new string[field->ResLen];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Marshal.PtrToStringUTF8((nint)((byte**)field->Res)[i])!;
        }

        return result;
    }

    public static byte[][] Buffers(ExtractField* field)
    {
        var result = new byte[field->ResLen][];
        for (int i = 0; i < result.Length; i++)
        {
            ByteBuffer* buffer = &((ByteBuffer*)field->Res)[i];
            result[i] = new ReadOnlySpan<byte>(buffer->Ptr, (int)buffer->Len).ToArray();
        }

        return result;
    }

    /// <summary>The (start, length) reported for field <paramref name="index"/>, or null when no array was handed over.</summary>
    public static (uint Start, uint Length)? Offset(ExtractValueOffsets* offsets, uint index) =>
        offsets->Start is null ? null : (offsets->Start[index], offsets->Length[index]);
}

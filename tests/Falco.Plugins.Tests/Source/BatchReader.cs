using System;
using Falco.Plugins.Abi;
using Falco.Plugins.Source;

namespace Falco.Plugins.Tests.Source;

/// <summary>Reads back what next_batch would hand to the framework.</summary>
internal static unsafe class BatchReader
{
    /// <summary>The bytes of event <paramref name="index"/>, as long as its header's len says.</summary>
    public static byte[] Event(BatchBuffer buffer, int index)
    {
        EventHeader* header = buffer.Pointers[index];
        return new ReadOnlySpan<byte>(header, (int)header->Len).ToArray();
    }

    public static nint Address(BatchBuffer buffer, int index) => (nint)buffer.Pointers[index];
}

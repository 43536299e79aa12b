using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;
using Falco.Plugins.Extract;
using Falco.Plugins.Hosting;
using Falco.Plugins.Tests.Events;

namespace Falco.Plugins.Tests.Extract;

/// <summary>
/// What extract_fields receives, in native memory as the framework passes it: one plugin event,
/// an array of <see cref="ExtractField"/> and the value-offsets struct; plus the plugin-side
/// session and descriptor. <see cref="Begin"/> starts a call the way ExtractExports.Begin does.
/// </summary>
internal sealed unsafe class ExtractHarness : IDisposable
{
    public static readonly string[] FieldNames = ["test.u64", "test.str", "test.idx", "test.key", "test.ip"];

    private readonly byte* _event;

    public ExtractHarness(ReadOnlySpan<byte> payload, uint fieldCount = 5, ulong timestamp = 1_000)
    {
        byte[] bytes = TestEvents.Plugin(999, payload, timestamp);
        _event = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>(_event, bytes.Length));

        Count = fieldCount;
        Fields = (ExtractField*)NativeMemory.AllocZeroed(fieldCount, (nuint)sizeof(ExtractField));
        for (uint i = 0; i < fieldCount; i++)
        {
            Fields[i].FieldId = i;
        }

        Offsets = (ExtractValueOffsets*)NativeMemory.AllocZeroed((nuint)sizeof(ExtractValueOffsets));
    }

    public ExtractSession Session { get; } = new();

    public PluginDescriptor Descriptor { get; } = new("test", 12, 999, FieldNames);

    public uint Count { get; }

    public ExtractField* Fields { get; }

    public ExtractValueOffsets* Offsets { get; }

    /// <summary>The event source name, a C string in static data.</summary>
    private static byte* EventSource => (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetReference("test\0"u8));

    /// <summary>Starts an extract_fields call on the event, with value offsets when <paramref name="offsets"/>.</summary>
    public ExtractCall Begin(bool offsets = false, ulong eventNumber = 1)
    {
        Session.Arena.Reset();
        Session.BeginOffsets(offsets ? Offsets : null, Count);
        if (!EventView.TryCreate((EventHeader*)_event, out EventView view, out string? error))
        {
            throw new InvalidOperationException(error);
        }

        var context = new ExtractContext(view, eventNumber, EventSource);
        return new ExtractCall(Fields, Count, Session, Descriptor, context, (EventHeader*)_event, offsets);
    }

    /// <summary>Sets the argument of field <paramref name="index"/> as the framework would for <c>field[arg]</c>.</summary>
    public void SetIndexArgument(uint index, ulong value)
    {
        Fields[index].ArgPresent = 1;
        Fields[index].ArgIndex = value;
    }

    /// <summary>Sets a key argument; the string is leaked into native memory for the harness's life.</summary>
    public void SetKeyArgument(uint index, string? key)
    {
        Fields[index].ArgPresent = 1;
        Fields[index].ArgKey = key is null ? null : (byte*)Marshal.StringToCoTaskMemUTF8(key);
    }

    public void Dispose()
    {
        for (uint i = 0; i < Count; i++)
        {
            Marshal.FreeCoTaskMem((nint)Fields[i].ArgKey);
        }

        NativeMemory.Free(_event);
        NativeMemory.Free(Fields);
        NativeMemory.Free(Offsets);
        Session.Dispose();
    }
}

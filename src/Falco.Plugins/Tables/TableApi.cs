using System;
using Falco.Plugins.Abi;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tables;

/// <summary>
/// The table vtables and owner of one plugin API call (init, parse, extract), as the framework
/// passed them. They are valid only during that call, which is why the public types that carry
/// this are ref structs.
/// </summary>
internal readonly unsafe struct TableApi
{
    public readonly TableReaderVtableExt* Reader;
    public readonly TableWriterVtableExt* Writer;
    public readonly void* Owner;
    public readonly delegate* unmanaged<void*, byte*> OwnerLastError;

    public TableApi(TableReaderVtableExt* reader, TableWriterVtableExt* writer, void* owner, delegate* unmanaged<void*, byte*> ownerLastError)
    {
        Reader = reader;
        Writer = writer;
        Owner = owner;
        OwnerLastError = ownerLastError;
    }

    public bool CanRead => Reader is not null;

    public bool CanWrite => Writer is not null;

    /// <summary>An exception for a failed table call, with the framework's own explanation when it gives one.</summary>
    public PluginException Failure(string what)
    {
        byte* error = OwnerLastError is null ? null : OwnerLastError(Owner);
        string detail = error is null ? "" : Utf8Interop.ToString(error);
        return new PluginException(detail.Length == 0 ? what : $"{what}: {detail}");
    }
}

/// <summary>Turns a key into the <c>ss_plugin_state_data</c> the table API takes.</summary>
internal static unsafe class StateKeys
{
    /// <summary>Stack space for string keys; longer keys use a pinned array.</summary>
    public const int ScratchSize = 256;

    /// <summary>
    /// Fills <paramref name="data"/> with <paramref name="key"/>. For string keys it returns the
    /// C string to pin (in <paramref name="scratch"/> when it fits) and the caller sets
    /// <c>data.Str</c> to it; for other keys it returns an empty span.
    /// </summary>
    public static Span<byte> Encode<TKey>(TKey key, ref StateData data, Span<byte> scratch)
    {
        if (typeof(TKey) == typeof(string))
        {
            string text = (string)(object)key!;
            int size = StateValues.CStringSize(text);
            Span<byte> buffer = size <= scratch.Length ? scratch[..size] : new byte[size];
            StateValues.WriteCString(text, buffer);
            return buffer;
        }

        fixed (StateData* target = &data)
        {
            StateValues.Write(target, key);
        }

        return default;
    }

    /// <summary>Reads a key from the framework (for tables the plugin exports).</summary>
    public static TKey Decode<TKey>(StateData* data) => StateValues.Read<TKey>(data);

    /// <summary>The key as text, for messages.</summary>
    public static string Describe<TKey>(TKey key) => Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

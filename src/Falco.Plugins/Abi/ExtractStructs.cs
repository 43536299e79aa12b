using System.Runtime.InteropServices;

namespace Falco.Plugins.Abi;

/// <summary><c>ss_plugin_extract_field</c>: one field requested by extract_fields (64 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ExtractField
{
    /// <summary>The union of result array pointers (<c>str</c>, <c>u64</c>, <c>u32</c>, <c>boolean</c>, <c>buf</c>).</summary>
    public void* Res;
    public ulong ResLen;
    public uint FieldId;
    public byte* Field;
    public byte* ArgKey;
    public ulong ArgIndex;
    public uint ArgPresent;
    public uint FType;
    public uint FList;
}

/// <summary><c>ss_plugin_extract_value_offsets</c> (API 3.11).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ExtractValueOffsets
{
    public uint* Start;
    public uint* Length;
}

/// <summary><c>ss_plugin_field_extract_input</c> (80 bytes in API 3.11 and later).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FieldExtractInput
{
    /// <summary>The size of the struct up to and including <see cref="TableReaderExt"/>: what frameworks before 3.11 pass.</summary>
    public const int SizeBeforeValueOffsets = 72;

    public void* Owner;
    public delegate* unmanaged<void*, byte*> GetOwnerLastError;
    public uint NumFields;
    public ExtractField* Fields;
    public TableReaderVtable TableReader;
    public TableReaderVtableExt* TableReaderExt;
    public ExtractValueOffsets* ValueOffsets;
}

/// <summary><c>ss_plugin_event_parse_input</c> (112 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct EventParseInput
{
    public void* Owner;
    public delegate* unmanaged<void*, byte*> GetOwnerLastError;
    public TableReaderVtable TableReader;
    public TableWriterVtable TableWriter;
    public TableReaderVtableExt* TableReaderExt;
    public TableWriterVtableExt* TableWriterExt;
}

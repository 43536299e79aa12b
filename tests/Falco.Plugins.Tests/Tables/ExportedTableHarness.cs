using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Falco.Plugins.Abi;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Tests.Tables;

/// <summary>
/// Calls the callbacks of a published exported table through its native table input, as the
/// framework and other plugins do, and keeps the errors the table reports.
/// </summary>
internal sealed unsafe class ExportedTableHarness<TKey> : IDisposable
    where TKey : notnull
{
    private readonly List<nint> _strings = new();

    public ExportedTableHarness(ExportedTable<TKey> table)
    {
        Table = table;
        Input = table.Publish();
        table.ReportError = Errors.Add;
    }

    public ExportedTable<TKey> Table { get; }

    public TableInput* Input { get; }

    public List<string> Errors { get; } = new();

    public void* T => Input->Table;

    public TableReaderVtableExt* Reader => Input->ReaderExt;

    public TableWriterVtableExt* Writer => Input->WriterExt;

    public TableFieldsVtableExt* Fields => Input->FieldsExt;

    public void* GetField(string name, StateType type) => Fields->GetTableField(T, Utf8(name), type);

    public void* AddField(string name, StateType type) => Fields->AddTableField(T, Utf8(name), type);

    public void* GetEntry(StateData key) => Reader->GetTableEntry(T, &key);

    public StateData Read(void* entry, void* field)
    {
        StateData data = default;
        PluginRc rc = Reader->ReadEntryField(T, entry, field, &data);
        return rc == PluginRc.Success ? data : throw new InvalidOperationException($"read failed: {string.Join("; ", Errors)}");
    }

    public PluginRc Write(void* entry, void* field, StateData value) => Writer->WriteEntryField(T, entry, field, &value);

    public static string String(StateData data) => Marshal.PtrToStringUTF8((nint)data.Str) ?? "<null>";

    /// <summary>A C string that lives until the harness is disposed.</summary>
    public byte* Utf8(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value + "\0");
        var pointer = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>(pointer, bytes.Length));
        _strings.Add((nint)pointer);
        return pointer;
    }

    public static StateData Key(long key) => new() { S64 = key };

    public StateData Key(string key) => new() { Str = Utf8(key) };

    public void Dispose()
    {
        ((IExportedTable)Table).Release();
        foreach (nint pointer in _strings)
        {
            NativeMemory.Free((void*)pointer);
        }
    }
}

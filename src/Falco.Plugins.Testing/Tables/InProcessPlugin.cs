using System;
using Falco.Plugins.Testing.Running;
using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>
/// A stand-in for a plugin that lives in the test process (see
/// <see cref="PluginHost.AddInProcessPlugin"/>): it has an owner and the native table API a
/// plugin gets, and calls it through function pointers exactly as a plugin would. Handles it
/// obtains "during a callback" die at <see cref="EndCallback"/>, as libsinsp ends init,
/// parse_event and extract_fields.
/// </summary>
public sealed unsafe class InProcessPlugin : IDisposable
{
    private readonly PluginHost _host;
    private readonly HostOwner _owner;
    private readonly TableSession _tables;
    private readonly nint _getLastError;

    internal InProcessPlugin(PluginHost host, string name, nint getLastError, nint state, uint requiredApiMinor)
    {
        _host = host;
        _getLastError = getLastError;
        Name = name;
        State = state;
        _owner = new HostOwner(name, host.Options.Log);
        _tables = new TableSession(host.Registry, _owner, name, requiredApiMinor) { PluginLastError = ReadLastError };
    }

    /// <summary>The <c>ss_plugin_init_tables_input*</c> a parsing or extracting plugin gets in its init input.</summary>
    public static nint InitTablesInput => (nint)RegistryFunctions.InitTablesInput;

    /// <summary>The <c>ss_plugin_table_reader_vtable_ext*</c> of the init, parse and extract inputs.</summary>
    public static nint TableReaderExt => (nint)DispatchFunctions.ReaderExt;

    /// <summary>The <c>ss_plugin_table_writer_vtable_ext*</c> of the init and parse inputs.</summary>
    public static nint TableWriterExt => (nint)DispatchFunctions.WriterExt;

    /// <summary>The <c>ss_plugin_table_fields_vtable_ext*</c> of the init input.</summary>
    public static nint TableFieldsExt => (nint)DispatchFunctions.FieldsExt;

    /// <summary>The input's <c>get_owner_last_error</c>: <c>const char* (*)(ss_plugin_owner_t*)</c>, NULL when there is no error.</summary>
    public static nint GetOwnerLastError => (nint)HostOwner.GetOwnerLastErrorFunction;

    /// <summary>The plugin name, as libsinsp's messages quote it.</summary>
    public string Name { get; }

    /// <summary>The <c>ss_plugin_t*</c> passed to the get_last_error function (when the stand-in has one).</summary>
    public nint State { get; set; }

    /// <summary>The <c>ss_plugin_owner_t*</c> to pass to list_tables, get_table, add_table and get_owner_last_error.</summary>
    public nint Owner => (nint)_owner.Pointer;

    /// <summary>The owner last error the host set for this plugin (null when none), or a value to seed it with.</summary>
    public string? OwnerLastError
    {
        get => _owner.LastError;
        set => _owner.LastError = value;
    }

    /// <summary>How many entry handles the plugin holds (obtained, created or being iterated).</summary>
    public int LiveEntryHandles => _tables.LiveEntryHandles;

    /// <summary>How many nested-table handles the plugin holds.</summary>
    public int LiveNestedTableHandles => _tables.LiveNestedTables;

    /// <summary>
    /// Ends the current "callback" as libsinsp ends one: unreleased entries are released,
    /// created entries never added are destroyed, and nested-table handles become invalid.
    /// </summary>
    public void EndCallback() => _tables.EndCallback();

    /// <summary>Removes the stand-in as a destroyed plugin: its handles die and the tables it added leave the registry.</summary>
    public void Dispose()
    {
        _tables.Dispose();
        _owner.Dispose();
        _host.PluginDisposed(this);
    }

    private string ReadLastError()
    {
        if (_getLastError == 0 || State == 0)
        {
            return "plugin handle or 'get_last_error' function not defined";
        }

        return NativeUtf8.Read(((delegate* unmanaged<void*, byte*>)_getLastError)((void*)State));
    }
}

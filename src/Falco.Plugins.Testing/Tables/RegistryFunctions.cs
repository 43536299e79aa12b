using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Running;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// <c>ss_plugin_init_tables_input</c>: list_tables, get_table and add_table take the owner,
/// whose session holds the calling plugin's tables; the vtables are the dispatchers. One
/// native block serves every plugin, since nothing in it depends on the caller.
/// </summary>
internal static unsafe class RegistryFunctions
{
    public static InitTablesInput* InitTablesInput { get; } = NativeBlock.Of(new InitTablesInput
    {
        ListTables = &ListTables,
        GetTable = &GetTable,
        AddTable = &AddTable,
        Fields = DispatchFunctions.Fields,
        FieldsExt = DispatchFunctions.FieldsExt,
        ReaderExt = DispatchFunctions.ReaderExt,
        WriterExt = DispatchFunctions.WriterExt,
    });

    [UnmanagedCallersOnly]
    private static TableInfo* ListTables(void* owner, uint* count)
    {
        TableSession? session = Session(owner);
        try
        {
            if (count is null)
            {
                throw new TableApiException("ntables is null");
            }

            *count = 0;
            return session is null ? null : session.ListTables(count);
        }
        catch (Exception error)
        {
            Fail(session, error);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static TableInput* GetTable(void* owner, byte* name, StateType keyType)
    {
        TableSession? session = Session(owner);
        try
        {
            if (name is null)
            {
                throw new TableApiException("table name is null");
            }

            return session is null ? null : session.GetTable(NativeUtf8.Read(name), keyType);
        }
        catch (Exception error)
        {
            Fail(session, error);
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static PluginRc AddTable(void* owner, TableInput* input)
    {
        TableSession? session = Session(owner);
        try
        {
            if (session is null)
            {
                return PluginRc.Failure;
            }

            session.AddTable(input);
            return PluginRc.Success;
        }
        catch (Exception error)
        {
            Fail(session, error);
            return PluginRc.Failure;
        }
    }

    private static TableSession? Session(void* owner)
    {
        try
        {
            return HostOwner.Find(owner)?.Tables;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static void Fail(TableSession? session, Exception error)
    {
        try
        {
            if (session is not null)
            {
                session.Owner.LastError = error.Message;
            }
        }
        catch (Exception)
        {
            // Nothing more can be reported from here.
        }
    }
}

using System.Linq;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tests.Abi;

/// <summary>
/// The offset of every field of every Abi struct, measured by pointer arithmetic on a stack
/// instance, against plugin_api.h / plugin_types.h 3.12 on x86-64 (pointers 8 bytes, C enums
/// and ss_plugin_bool 4 bytes, natural alignment; ss_plugin_event packed).
/// </summary>
public unsafe class AbiFieldOffsetTests
{
    public static TheoryData<string, long, int> Offsets => new()
    {
        { "EventHeader.Ts", AbiLayout.Of<EventHeader>(static p => &p->Ts), 0 },
        { "EventHeader.Tid", AbiLayout.Of<EventHeader>(static p => &p->Tid), 8 },
        { "EventHeader.Len", AbiLayout.Of<EventHeader>(static p => &p->Len), 16 },
        { "EventHeader.Type", AbiLayout.Of<EventHeader>(static p => &p->Type), 20 },
        { "EventHeader.NParams", AbiLayout.Of<EventHeader>(static p => &p->NParams), 22 },

        { "EventInput.Evt", AbiLayout.Of<EventInput>(static p => &p->Evt), 0 },
        { "EventInput.EvtNum", AbiLayout.Of<EventInput>(static p => &p->EvtNum), 8 },
        { "EventInput.EvtSrc", AbiLayout.Of<EventInput>(static p => &p->EvtSrc), 16 },

        { "ByteBuffer.Len", AbiLayout.Of<ByteBuffer>(static p => &p->Len), 0 },
        { "ByteBuffer.Ptr", AbiLayout.Of<ByteBuffer>(static p => &p->Ptr), 8 },

        { "ExtractField.Res", AbiLayout.Of<ExtractField>(static p => &p->Res), 0 },
        { "ExtractField.ResLen", AbiLayout.Of<ExtractField>(static p => &p->ResLen), 8 },
        { "ExtractField.FieldId", AbiLayout.Of<ExtractField>(static p => &p->FieldId), 16 },
        { "ExtractField.Field", AbiLayout.Of<ExtractField>(static p => &p->Field), 24 },
        { "ExtractField.ArgKey", AbiLayout.Of<ExtractField>(static p => &p->ArgKey), 32 },
        { "ExtractField.ArgIndex", AbiLayout.Of<ExtractField>(static p => &p->ArgIndex), 40 },
        { "ExtractField.ArgPresent", AbiLayout.Of<ExtractField>(static p => &p->ArgPresent), 48 },
        { "ExtractField.FType", AbiLayout.Of<ExtractField>(static p => &p->FType), 52 },
        { "ExtractField.FList", AbiLayout.Of<ExtractField>(static p => &p->FList), 56 },

        { "ExtractValueOffsets.Start", AbiLayout.Of<ExtractValueOffsets>(static p => &p->Start), 0 },
        { "ExtractValueOffsets.Length", AbiLayout.Of<ExtractValueOffsets>(static p => &p->Length), 8 },

        { "FieldExtractInput.Owner", AbiLayout.Of<FieldExtractInput>(static p => &p->Owner), 0 },
        { "FieldExtractInput.GetOwnerLastError", AbiLayout.Of<FieldExtractInput>(static p => &p->GetOwnerLastError), 8 },
        { "FieldExtractInput.NumFields", AbiLayout.Of<FieldExtractInput>(static p => &p->NumFields), 16 },
        { "FieldExtractInput.Fields", AbiLayout.Of<FieldExtractInput>(static p => &p->Fields), 24 },
        { "FieldExtractInput.TableReader", AbiLayout.Of<FieldExtractInput>(static p => &p->TableReader), 32 },
        { "FieldExtractInput.TableReaderExt", AbiLayout.Of<FieldExtractInput>(static p => &p->TableReaderExt), 64 },
        { "FieldExtractInput.ValueOffsets", AbiLayout.Of<FieldExtractInput>(static p => &p->ValueOffsets), 72 },

        { "EventParseInput.Owner", AbiLayout.Of<EventParseInput>(static p => &p->Owner), 0 },
        { "EventParseInput.GetOwnerLastError", AbiLayout.Of<EventParseInput>(static p => &p->GetOwnerLastError), 8 },
        { "EventParseInput.TableReader", AbiLayout.Of<EventParseInput>(static p => &p->TableReader), 16 },
        { "EventParseInput.TableWriter", AbiLayout.Of<EventParseInput>(static p => &p->TableWriter), 48 },
        { "EventParseInput.TableReaderExt", AbiLayout.Of<EventParseInput>(static p => &p->TableReaderExt), 96 },
        { "EventParseInput.TableWriterExt", AbiLayout.Of<EventParseInput>(static p => &p->TableWriterExt), 104 },

        { "StateData.S8", AbiLayout.Of<StateData>(static p => &p->S8), 0 },
        { "StateData.S16", AbiLayout.Of<StateData>(static p => &p->S16), 0 },
        { "StateData.S32", AbiLayout.Of<StateData>(static p => &p->S32), 0 },
        { "StateData.S64", AbiLayout.Of<StateData>(static p => &p->S64), 0 },
        { "StateData.U8", AbiLayout.Of<StateData>(static p => &p->U8), 0 },
        { "StateData.U16", AbiLayout.Of<StateData>(static p => &p->U16), 0 },
        { "StateData.U32", AbiLayout.Of<StateData>(static p => &p->U32), 0 },
        { "StateData.U64", AbiLayout.Of<StateData>(static p => &p->U64), 0 },
        { "StateData.Str", AbiLayout.Of<StateData>(static p => &p->Str), 0 },
        { "StateData.B", AbiLayout.Of<StateData>(static p => &p->B), 0 },
        { "StateData.Table", AbiLayout.Of<StateData>(static p => &p->Table), 0 },

        { "TableInfo.Name", AbiLayout.Of<TableInfo>(static p => &p->Name), 0 },
        { "TableInfo.KeyType", AbiLayout.Of<TableInfo>(static p => &p->KeyType), 8 },

        { "TableFieldInfo.Name", AbiLayout.Of<TableFieldInfo>(static p => &p->Name), 0 },
        { "TableFieldInfo.FieldType", AbiLayout.Of<TableFieldInfo>(static p => &p->FieldType), 8 },
        { "TableFieldInfo.ReadOnly", AbiLayout.Of<TableFieldInfo>(static p => &p->ReadOnly), 12 },

        { "TableFieldsVtable.ListTableFields", AbiLayout.Of<TableFieldsVtable>(static p => &p->ListTableFields), 0 },
        { "TableFieldsVtable.GetTableField", AbiLayout.Of<TableFieldsVtable>(static p => &p->GetTableField), 8 },
        { "TableFieldsVtable.AddTableField", AbiLayout.Of<TableFieldsVtable>(static p => &p->AddTableField), 16 },

        { "TableFieldsVtableExt.ListTableFields", AbiLayout.Of<TableFieldsVtableExt>(static p => &p->ListTableFields), 0 },
        { "TableFieldsVtableExt.GetTableField", AbiLayout.Of<TableFieldsVtableExt>(static p => &p->GetTableField), 8 },
        { "TableFieldsVtableExt.AddTableField", AbiLayout.Of<TableFieldsVtableExt>(static p => &p->AddTableField), 16 },

        { "TableReaderVtable.GetTableName", AbiLayout.Of<TableReaderVtable>(static p => &p->GetTableName), 0 },
        { "TableReaderVtable.GetTableSize", AbiLayout.Of<TableReaderVtable>(static p => &p->GetTableSize), 8 },
        { "TableReaderVtable.GetTableEntry", AbiLayout.Of<TableReaderVtable>(static p => &p->GetTableEntry), 16 },
        { "TableReaderVtable.ReadEntryField", AbiLayout.Of<TableReaderVtable>(static p => &p->ReadEntryField), 24 },

        { "TableReaderVtableExt.GetTableName", AbiLayout.Of<TableReaderVtableExt>(static p => &p->GetTableName), 0 },
        { "TableReaderVtableExt.GetTableSize", AbiLayout.Of<TableReaderVtableExt>(static p => &p->GetTableSize), 8 },
        { "TableReaderVtableExt.GetTableEntry", AbiLayout.Of<TableReaderVtableExt>(static p => &p->GetTableEntry), 16 },
        { "TableReaderVtableExt.ReadEntryField", AbiLayout.Of<TableReaderVtableExt>(static p => &p->ReadEntryField), 24 },
        { "TableReaderVtableExt.ReleaseTableEntry", AbiLayout.Of<TableReaderVtableExt>(static p => &p->ReleaseTableEntry), 32 },
        { "TableReaderVtableExt.IterateEntries", AbiLayout.Of<TableReaderVtableExt>(static p => &p->IterateEntries), 40 },

        { "TableWriterVtable.ClearTable", AbiLayout.Of<TableWriterVtable>(static p => &p->ClearTable), 0 },
        { "TableWriterVtable.EraseTableEntry", AbiLayout.Of<TableWriterVtable>(static p => &p->EraseTableEntry), 8 },
        { "TableWriterVtable.CreateTableEntry", AbiLayout.Of<TableWriterVtable>(static p => &p->CreateTableEntry), 16 },
        { "TableWriterVtable.DestroyTableEntry", AbiLayout.Of<TableWriterVtable>(static p => &p->DestroyTableEntry), 24 },
        { "TableWriterVtable.AddTableEntry", AbiLayout.Of<TableWriterVtable>(static p => &p->AddTableEntry), 32 },
        { "TableWriterVtable.WriteEntryField", AbiLayout.Of<TableWriterVtable>(static p => &p->WriteEntryField), 40 },

        { "TableWriterVtableExt.ClearTable", AbiLayout.Of<TableWriterVtableExt>(static p => &p->ClearTable), 0 },
        { "TableWriterVtableExt.EraseTableEntry", AbiLayout.Of<TableWriterVtableExt>(static p => &p->EraseTableEntry), 8 },
        { "TableWriterVtableExt.CreateTableEntry", AbiLayout.Of<TableWriterVtableExt>(static p => &p->CreateTableEntry), 16 },
        { "TableWriterVtableExt.DestroyTableEntry", AbiLayout.Of<TableWriterVtableExt>(static p => &p->DestroyTableEntry), 24 },
        { "TableWriterVtableExt.AddTableEntry", AbiLayout.Of<TableWriterVtableExt>(static p => &p->AddTableEntry), 32 },
        { "TableWriterVtableExt.WriteEntryField", AbiLayout.Of<TableWriterVtableExt>(static p => &p->WriteEntryField), 40 },

        { "TableInput.Name", AbiLayout.Of<TableInput>(static p => &p->Name), 0 },
        { "TableInput.KeyType", AbiLayout.Of<TableInput>(static p => &p->KeyType), 8 },
        { "TableInput.Table", AbiLayout.Of<TableInput>(static p => &p->Table), 16 },
        { "TableInput.Reader", AbiLayout.Of<TableInput>(static p => &p->Reader), 24 },
        { "TableInput.Writer", AbiLayout.Of<TableInput>(static p => &p->Writer), 56 },
        { "TableInput.Fields", AbiLayout.Of<TableInput>(static p => &p->Fields), 104 },
        { "TableInput.ReaderExt", AbiLayout.Of<TableInput>(static p => &p->ReaderExt), 128 },
        { "TableInput.WriterExt", AbiLayout.Of<TableInput>(static p => &p->WriterExt), 136 },
        { "TableInput.FieldsExt", AbiLayout.Of<TableInput>(static p => &p->FieldsExt), 144 },

        { "InitTablesInput.ListTables", AbiLayout.Of<InitTablesInput>(static p => &p->ListTables), 0 },
        { "InitTablesInput.GetTable", AbiLayout.Of<InitTablesInput>(static p => &p->GetTable), 8 },
        { "InitTablesInput.AddTable", AbiLayout.Of<InitTablesInput>(static p => &p->AddTable), 16 },
        { "InitTablesInput.Fields", AbiLayout.Of<InitTablesInput>(static p => &p->Fields), 24 },
        { "InitTablesInput.FieldsExt", AbiLayout.Of<InitTablesInput>(static p => &p->FieldsExt), 48 },
        { "InitTablesInput.ReaderExt", AbiLayout.Of<InitTablesInput>(static p => &p->ReaderExt), 56 },
        { "InitTablesInput.WriterExt", AbiLayout.Of<InitTablesInput>(static p => &p->WriterExt), 64 },

        { "InitInput.Config", AbiLayout.Of<InitInput>(static p => &p->Config), 0 },
        { "InitInput.Owner", AbiLayout.Of<InitInput>(static p => &p->Owner), 8 },
        { "InitInput.GetOwnerLastError", AbiLayout.Of<InitInput>(static p => &p->GetOwnerLastError), 16 },
        { "InitInput.Tables", AbiLayout.Of<InitInput>(static p => &p->Tables), 24 },
        { "InitInput.LogFn", AbiLayout.Of<InitInput>(static p => &p->LogFn), 32 },

        { "SetConfigInput.Config", AbiLayout.Of<SetConfigInput>(static p => &p->Config), 0 },

        { "MetricValue.U32", AbiLayout.Of<MetricValue>(static p => &p->U32), 0 },
        { "MetricValue.S32", AbiLayout.Of<MetricValue>(static p => &p->S32), 0 },
        { "MetricValue.U64", AbiLayout.Of<MetricValue>(static p => &p->U64), 0 },
        { "MetricValue.S64", AbiLayout.Of<MetricValue>(static p => &p->S64), 0 },
        { "MetricValue.D", AbiLayout.Of<MetricValue>(static p => &p->D), 0 },
        { "MetricValue.F", AbiLayout.Of<MetricValue>(static p => &p->F), 0 },
        { "MetricValue.I", AbiLayout.Of<MetricValue>(static p => &p->I), 0 },

        { "Metric.Name", AbiLayout.Of<Metric>(static p => &p->Name), 0 },
        { "Metric.Type", AbiLayout.Of<Metric>(static p => &p->Type), 8 },
        { "Metric.Value", AbiLayout.Of<Metric>(static p => &p->Value), 16 },
        { "Metric.ValueType", AbiLayout.Of<Metric>(static p => &p->ValueType), 24 },

        { "RoutineVtable.Subscribe", AbiLayout.Of<RoutineVtable>(static p => &p->Subscribe), 0 },
        { "RoutineVtable.Unsubscribe", AbiLayout.Of<RoutineVtable>(static p => &p->Unsubscribe), 8 },

        { "CaptureListenInput.Owner", AbiLayout.Of<CaptureListenInput>(static p => &p->Owner), 0 },
        { "CaptureListenInput.Routine", AbiLayout.Of<CaptureListenInput>(static p => &p->Routine), 8 },
        { "CaptureListenInput.TableReaderExt", AbiLayout.Of<CaptureListenInput>(static p => &p->TableReaderExt), 16 },
        { "CaptureListenInput.TableWriterExt", AbiLayout.Of<CaptureListenInput>(static p => &p->TableWriterExt), 24 },
        { "CaptureListenInput.GetOwnerLastError", AbiLayout.Of<CaptureListenInput>(static p => &p->GetOwnerLastError), 32 },

        { "PluginApi.GetRequiredApiVersion", AbiLayout.Of<PluginApi>(static p => &p->GetRequiredApiVersion), 0 },
        { "PluginApi.GetInitSchema", AbiLayout.Of<PluginApi>(static p => &p->GetInitSchema), 8 },
        { "PluginApi.Init", AbiLayout.Of<PluginApi>(static p => &p->Init), 16 },
        { "PluginApi.Destroy", AbiLayout.Of<PluginApi>(static p => &p->Destroy), 24 },
        { "PluginApi.GetLastError", AbiLayout.Of<PluginApi>(static p => &p->GetLastError), 32 },
        { "PluginApi.GetName", AbiLayout.Of<PluginApi>(static p => &p->GetName), 40 },
        { "PluginApi.GetDescription", AbiLayout.Of<PluginApi>(static p => &p->GetDescription), 48 },
        { "PluginApi.GetContact", AbiLayout.Of<PluginApi>(static p => &p->GetContact), 56 },
        { "PluginApi.GetVersion", AbiLayout.Of<PluginApi>(static p => &p->GetVersion), 64 },
        { "PluginApi.GetId", AbiLayout.Of<PluginApi>(static p => &p->GetId), 72 },
        { "PluginApi.GetEventSource", AbiLayout.Of<PluginApi>(static p => &p->GetEventSource), 80 },
        { "PluginApi.Open", AbiLayout.Of<PluginApi>(static p => &p->Open), 88 },
        { "PluginApi.Close", AbiLayout.Of<PluginApi>(static p => &p->Close), 96 },
        { "PluginApi.ListOpenParams", AbiLayout.Of<PluginApi>(static p => &p->ListOpenParams), 104 },
        { "PluginApi.GetProgress", AbiLayout.Of<PluginApi>(static p => &p->GetProgress), 112 },
        { "PluginApi.EventToString", AbiLayout.Of<PluginApi>(static p => &p->EventToString), 120 },
        { "PluginApi.NextBatch", AbiLayout.Of<PluginApi>(static p => &p->NextBatch), 128 },
        { "PluginApi.GetExtractEventTypes", AbiLayout.Of<PluginApi>(static p => &p->GetExtractEventTypes), 136 },
        { "PluginApi.GetExtractEventSources", AbiLayout.Of<PluginApi>(static p => &p->GetExtractEventSources), 144 },
        { "PluginApi.GetFields", AbiLayout.Of<PluginApi>(static p => &p->GetFields), 152 },
        { "PluginApi.ExtractFields", AbiLayout.Of<PluginApi>(static p => &p->ExtractFields), 160 },
        { "PluginApi.GetParseEventTypes", AbiLayout.Of<PluginApi>(static p => &p->GetParseEventTypes), 168 },
        { "PluginApi.GetParseEventSources", AbiLayout.Of<PluginApi>(static p => &p->GetParseEventSources), 176 },
        { "PluginApi.ParseEvent", AbiLayout.Of<PluginApi>(static p => &p->ParseEvent), 184 },
        { "PluginApi.GetAsyncEventSources", AbiLayout.Of<PluginApi>(static p => &p->GetAsyncEventSources), 192 },
        { "PluginApi.GetAsyncEvents", AbiLayout.Of<PluginApi>(static p => &p->GetAsyncEvents), 200 },
        { "PluginApi.SetAsyncEventHandler", AbiLayout.Of<PluginApi>(static p => &p->SetAsyncEventHandler), 208 },
        { "PluginApi.DumpState", AbiLayout.Of<PluginApi>(static p => &p->DumpState), 216 },
        { "PluginApi.SetConfig", AbiLayout.Of<PluginApi>(static p => &p->SetConfig), 224 },
        { "PluginApi.GetMetrics", AbiLayout.Of<PluginApi>(static p => &p->GetMetrics), 232 },
        { "PluginApi.CaptureOpen", AbiLayout.Of<PluginApi>(static p => &p->CaptureOpen), 240 },
        { "PluginApi.CaptureClose", AbiLayout.Of<PluginApi>(static p => &p->CaptureClose), 248 },
        { "PluginApi.GetRequiredEventSchemaVersion", AbiLayout.Of<PluginApi>(static p => &p->GetRequiredEventSchemaVersion), 256 },
    };

    [Theory]
    [MemberData(nameof(Offsets))]
    public void Field_is_at_the_offset_of_the_C_member(string field, long actual, int expected)
    {
        Assert.True(actual == expected, $"{field} is at offset {actual}, the header puts it at {expected}");
    }

    [Fact]
    public void Every_field_of_every_Abi_struct_has_an_offset_row()
    {
        var covered = Offsets.Select(row => (string)row[0]).ToHashSet();
        var missing = AbiLayout.Structs().SelectMany(AbiLayout.Fields).Where(f => !covered.Contains(f)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_offset_row_names_an_existing_field()
    {
        var fields = AbiLayout.Structs().SelectMany(AbiLayout.Fields).ToHashSet();
        var unknown = Offsets.Select(row => (string)row[0]).Where(f => !fields.Contains(f)).ToList();

        Assert.Empty(unknown);
    }
}

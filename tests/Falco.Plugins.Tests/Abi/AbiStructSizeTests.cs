using System.Linq;
using System.Runtime.CompilerServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tests.Abi;

/// <summary>The size of every Abi struct against plugin_api.h / plugin_types.h 3.12 on x86-64.</summary>
public unsafe class AbiStructSizeTests
{
    public static TheoryData<string, int, int> Sizes => new()
    {
        { nameof(EventHeader), Unsafe.SizeOf<EventHeader>(), 26 },
        { nameof(EventInput), Unsafe.SizeOf<EventInput>(), 24 },
        { nameof(ByteBuffer), Unsafe.SizeOf<ByteBuffer>(), 16 },
        { nameof(ExtractField), Unsafe.SizeOf<ExtractField>(), 64 },
        { nameof(ExtractValueOffsets), Unsafe.SizeOf<ExtractValueOffsets>(), 16 },
        { nameof(FieldExtractInput), Unsafe.SizeOf<FieldExtractInput>(), 80 },
        { nameof(EventParseInput), Unsafe.SizeOf<EventParseInput>(), 112 },
        { nameof(StateData), Unsafe.SizeOf<StateData>(), 8 },
        { nameof(TableInfo), Unsafe.SizeOf<TableInfo>(), 16 },
        { nameof(TableFieldInfo), Unsafe.SizeOf<TableFieldInfo>(), 16 },
        { nameof(TableFieldsVtable), Unsafe.SizeOf<TableFieldsVtable>(), 24 },
        { nameof(TableFieldsVtableExt), Unsafe.SizeOf<TableFieldsVtableExt>(), 24 },
        { nameof(TableReaderVtable), Unsafe.SizeOf<TableReaderVtable>(), 32 },
        { nameof(TableReaderVtableExt), Unsafe.SizeOf<TableReaderVtableExt>(), 48 },
        { nameof(TableWriterVtable), Unsafe.SizeOf<TableWriterVtable>(), 48 },
        { nameof(TableWriterVtableExt), Unsafe.SizeOf<TableWriterVtableExt>(), 48 },
        { nameof(TableInput), Unsafe.SizeOf<TableInput>(), 152 },
        { nameof(InitTablesInput), Unsafe.SizeOf<InitTablesInput>(), 72 },
        { nameof(InitInput), Unsafe.SizeOf<InitInput>(), 40 },
        { nameof(SetConfigInput), Unsafe.SizeOf<SetConfigInput>(), 8 },
        { nameof(MetricValue), Unsafe.SizeOf<MetricValue>(), 8 },
        { nameof(Metric), Unsafe.SizeOf<Metric>(), 32 },
        { nameof(RoutineVtable), Unsafe.SizeOf<RoutineVtable>(), 16 },
        { nameof(CaptureListenInput), Unsafe.SizeOf<CaptureListenInput>(), 40 },
        { nameof(PluginApi), Unsafe.SizeOf<PluginApi>(), 264 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Struct_has_the_size_of_the_C_struct(string name, int actual, int expected)
    {
        Assert.True(actual == expected, $"sizeof({name}) is {actual}, the header says {expected}");
    }

    [Fact]
    public void Every_Abi_struct_has_a_size_row()
    {
        var covered = Sizes.Select(row => (string)row[0]).ToHashSet();
        var missing = AbiLayout.Structs().Select(t => t.Name).Where(n => !covered.Contains(n)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Size_constants_match_the_layout()
    {
        Assert.Equal(EventHeader.Size, Unsafe.SizeOf<EventHeader>());
        Assert.Equal(FieldExtractInput.SizeBeforeValueOffsets, AbiLayout.Of<FieldExtractInput>(static p => &p->ValueOffsets));
    }
}

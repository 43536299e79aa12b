using System;
using System.Runtime.CompilerServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tests.Abi;

/// <summary>Enum values against plugin_types.h 3.12; every C enum is 4 bytes.</summary>
public class AbiEnumTests
{
    [Theory]
    [InlineData(PluginRc.Success, 0)]
    [InlineData(PluginRc.Failure, 1)]
    [InlineData(PluginRc.Timeout, -1)]
    [InlineData(PluginRc.Eof, 2)]
    [InlineData(PluginRc.NotSupported, 3)]
    [InlineData(SchemaType.None, 0)]
    [InlineData(SchemaType.Json, 1)]
    [InlineData(FieldType.UInt64, 8)]
    [InlineData(FieldType.String, 9)]
    [InlineData(FieldType.RelTime, 20)]
    [InlineData(FieldType.AbsTime, 21)]
    [InlineData(FieldType.Bool, 25)]
    [InlineData(FieldType.IPAddress, 40)]
    [InlineData(FieldType.IPNetwork, 41)]
    [InlineData(StateType.Int8, 1)]
    [InlineData(StateType.Int16, 2)]
    [InlineData(StateType.Int32, 3)]
    [InlineData(StateType.Int64, 4)]
    [InlineData(StateType.UInt8, 5)]
    [InlineData(StateType.UInt16, 6)]
    [InlineData(StateType.UInt32, 7)]
    [InlineData(StateType.UInt64, 8)]
    [InlineData(StateType.String, 9)]
    [InlineData(StateType.Table, 10)]
    [InlineData(StateType.Bool, 25)]
    [InlineData(LogSeverity.Fatal, 1)]
    [InlineData(LogSeverity.Critical, 2)]
    [InlineData(LogSeverity.Error, 3)]
    [InlineData(LogSeverity.Warning, 4)]
    [InlineData(LogSeverity.Notice, 5)]
    [InlineData(LogSeverity.Info, 6)]
    [InlineData(LogSeverity.Debug, 7)]
    [InlineData(LogSeverity.Trace, 8)]
    [InlineData(MetricType.Monotonic, 0)]
    [InlineData(MetricType.NonMonotonic, 1)]
    [InlineData(MetricValueType.U32, 0)]
    [InlineData(MetricValueType.S32, 1)]
    [InlineData(MetricValueType.U64, 2)]
    [InlineData(MetricValueType.S64, 3)]
    [InlineData(MetricValueType.Double, 4)]
    [InlineData(MetricValueType.Float, 5)]
    [InlineData(MetricValueType.Int, 6)]
    public void Member_has_the_C_value(object member, long expected)
    {
        Assert.Equal(expected, Convert.ToInt64(member, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(typeof(PluginRc), 5)]
    [InlineData(typeof(SchemaType), 2)]
    [InlineData(typeof(StateType), 11)]
    [InlineData(typeof(LogSeverity), 8)]
    [InlineData(typeof(MetricType), 2)]
    [InlineData(typeof(MetricValueType), 7)]
    public void Enum_has_exactly_the_C_members(Type type, int count)
    {
        Assert.Equal(count, Enum.GetValues(type).Length);
    }

    [Fact]
    public void FieldType_adds_only_Inferred_to_the_C_members()
    {
        // Inferred (0) is the SDK's "take it from the return type"; the seven others are FTYPE_*.
        Assert.Equal(0u, (uint)FieldType.Inferred);
        Assert.Equal(8, Enum.GetValues<FieldType>().Length);
    }

    [Fact]
    public void Every_enum_is_four_bytes()
    {
        Assert.Equal(4, Unsafe.SizeOf<PluginRc>());
        Assert.Equal(4, Unsafe.SizeOf<SchemaType>());
        Assert.Equal(4, Unsafe.SizeOf<FieldType>());
        Assert.Equal(4, Unsafe.SizeOf<StateType>());
        Assert.Equal(4, Unsafe.SizeOf<LogSeverity>());
        Assert.Equal(4, Unsafe.SizeOf<MetricType>());
        Assert.Equal(4, Unsafe.SizeOf<MetricValueType>());
    }

    [Fact]
    public void PluginRc_is_signed_for_TIMEOUT()
    {
        Assert.Equal(typeof(int), Enum.GetUnderlyingType(typeof(PluginRc)));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Tests.Syscalls;

/// <summary>The generated schema table says what the libscap schema file says, code by code.</summary>
public sealed class EventSchemaTests
{
    private static readonly Lazy<JsonDocument> Schema = new(() => JsonDocument.Parse(File.ReadAllText(SchemaPath())));

    private static JsonElement Root => Schema.Value.RootElement;

    [Fact]
    public void Table_has_every_code_of_the_schema()
    {
        Assert.Equal("4.5.1", EventSchema.Version);
        Assert.Equal(Root.GetProperty("events").GetArrayLength(), EventSchema.Count);
        Assert.Equal(454, EventSchema.Count);
        Assert.Equal(454, Enum.GetValues<EventCode>().Distinct().Count());
        Assert.False(EventSchema.TryGet(454, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventSchema.Get((EventCode)454));
    }

    [Theory]
    [InlineData("param_types", typeof(ParamType), "PT_")]
    [InlineData("print_formats", typeof(PrintFormat), "PF_")]
    public void Enums_have_the_numbers_of_the_schema(string group, Type enumType, string prefix)
    {
        var numbers = Enum.GetValues(enumType).Cast<object>().Select(Convert.ToInt64).ToHashSet();
        foreach (JsonProperty name in Root.GetProperty("enums").GetProperty(group).EnumerateObject())
        {
            if (name.Name != prefix + "MAX")
            {
                Assert.Contains(name.Value.GetInt64(), numbers);
            }
        }

        Assert.Equal(Root.GetProperty("enums").GetProperty(group).EnumerateObject().Count(n => n.Name != prefix + "MAX"), numbers.Count);
    }

    [Fact]
    public void Names_of_param_types_match_the_schema()
    {
        foreach (JsonProperty name in Root.GetProperty("enums").GetProperty("param_types").EnumerateObject().Where(n => n.Name != "PT_MAX"))
        {
            string expected = name.Name.Substring(3).Replace("_", string.Empty, StringComparison.Ordinal);
            Assert.Equal(expected, ((ParamType)name.Value.GetInt32()).ToString().ToUpperInvariant());
        }
    }

    [Fact]
    public void Category_origin_and_flag_bits_are_those_of_the_schema()
    {
        JsonElement enums = Root.GetProperty("enums");
        foreach (JsonProperty flag in enums.GetProperty("event_flags").EnumerateObject())
        {
            Assert.True(Enum.IsDefined((EventFlags)flag.Value.GetInt32()), flag.Name);
        }

        foreach (JsonProperty category in enums.GetProperty("event_categories").EnumerateObject())
        {
            int value = category.Value.GetInt32();
            Assert.True(value >= 512 ? Enum.IsDefined((EventOrigin)value) : Enum.IsDefined((EventCategory)value), category.Name);
        }
    }

    [Fact]
    public void Every_code_matches_its_schema_entry()
    {
        foreach (JsonElement evt in Root.GetProperty("events").EnumerateArray())
        {
            ushort code = evt.GetProperty("code").GetUInt16();
            EventInfo info = EventSchema.Get((EventCode)code);
            string where = info.EnumName;

            Assert.Equal(evt.GetProperty("enum").GetString(), info.EnumName);
            Assert.Equal(evt.GetProperty("name").GetString(), info.Name);
            Assert.Equal(evt.GetProperty("direction").GetString() == "E" ? EventDirection.Enter : EventDirection.Exit, info.Direction);
            int category = evt.GetProperty("category").GetInt32();
            Assert.Equal((EventCategory)(category & 511), info.Category);
            Assert.Equal((EventOrigin)(category & ~511), info.Origin);
            Assert.Equal((EventFlags)evt.GetProperty("flags").GetInt32(), info.Flags);
            Assert.Equal(info.HasLargePayload ? 4 : 2, info.LengthSize);
            Assert.Equal(info.TypeName, ((EventCode)code).ToString());

            JsonElement[] parameters = evt.GetProperty("params").EnumerateArray().ToArray();
            Assert.True(parameters.Length == info.ParamCount, where);
            for (int i = 0; i < parameters.Length; i++)
            {
                AssertParam(parameters[i], info.Parameters[i], i, $"{where} parameter {i}");
            }
        }
    }

    [Theory]
    [InlineData("PPME_GENERIC_E", "GenericEnter")]
    [InlineData("PPME_SYSCALL_OPEN_X", "SyscallOpenExit")]
    [InlineData("PPME_SYSCALL_OPENAT_2_X", "SyscallOpenat2Exit")]
    [InlineData("PPME_SYSCALL_OPENAT2_X", "SyscallOpenat2Exit327")]
    [InlineData("PPME_SYSCALL_OPENAT2_E", "SyscallOpenat2Enter326")]
    [InlineData("PPME_SOCKET_ACCEPT4_6_X", "SocketAccept46Exit")]
    [InlineData("PPME_PLUGINEVENT_E", "PlugineventEnter")]
    public void Code_names_follow_the_documented_rule(string enumName, string typeName)
    {
        EventInfo info = EventSchema.Events.Single(e => e.EnumName == enumName);

        Assert.Equal(typeName, info.TypeName);
        Assert.Equal(typeName, info.Code.ToString());
    }

    [Fact]
    public void Typed_view_codes_are_their_event_codes()
    {
        Assert.Equal(307, SyscallOpenat2Exit.Code);
        Assert.Equal((ushort)EventCode.SocketConnectExit, SocketConnectExit.Code);
        Assert.Equal(327, SyscallOpenat2Exit327.Code);
        Assert.Equal("openat2", EventSchema.Get(EventCode.SyscallOpenat2Exit327).Name);
    }

    [Fact]
    public void Flag_tables_are_shared_between_parameters_with_the_same_names()
    {
        ParamInfo open = EventSchema.Get(EventCode.SyscallOpenExit).Parameters[2];
        ParamInfo openat = EventSchema.Get(EventCode.SyscallOpenat2Exit).Parameters[3];

        Assert.Same(open.FlagTable, openat.FlagTable);
    }

    private static void AssertParam(JsonElement p, ParamInfo info, int index, string where)
    {
        Assert.True(info.Index == index, where);
        Assert.True(p.GetProperty("name").GetString() == info.Name, where);
        Assert.True(p.GetProperty("type").GetInt32() == (int)info.Type, where);
        Assert.True(p.GetProperty("format").GetInt32() == (int)info.Format, where);
        Assert.True((p.TryGetProperty("dirfd_param", out JsonElement dirfd) ? dirfd.GetInt32() : -1) == info.DirFdIndex, where);

        if (p.TryGetProperty("flags", out JsonElement flags))
        {
            Assert.NotNull(info.FlagTable);
            (string, uint)[] expected = flags.EnumerateArray().Select(f => (f[0].GetString()!, f[1].GetUInt32())).ToArray();
            Assert.Equal(expected, info.FlagTable!.Entries.Select(e => (e.Name, e.Value)).ToArray());
            bool enumeration = info.Type is ParamType.EnumFlags8 or ParamType.EnumFlags16 or ParamType.EnumFlags32;
            Assert.Equal(enumeration ? FlagTableKind.Enumeration : FlagTableKind.Bitmask, info.FlagTable.Kind);
        }
        else
        {
            Assert.True(info.FlagTable is null, where);
        }

        JsonElement[] shapes = p.TryGetProperty("dynamic", out JsonElement dynamic) ? dynamic.EnumerateArray().ToArray() : [];
        Assert.True(shapes.Length == info.DynamicShapes.Count, where);
        for (int s = 0; s < shapes.Length; s++)
        {
            AssertParam(shapes[s], info.DynamicShapes[s], s, $"{where} shape {s}");
        }
    }

    /// <summary>The schema file in the repository, found from the test's output directory upwards.</summary>
    internal static string SchemaPath()
    {
        const string relative = "src/Falco.Plugins/Syscalls/Schema/scap-event-schema-4.5.1.json";
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("The event schema file was not found above " + AppContext.BaseDirectory, relative);
    }
}

using System;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Extract;

/// <summary>Field arguments as the framework passes them (arg_present, arg_index, arg_key).</summary>
public unsafe class ExtractCallArgumentTests : IDisposable
{
    private readonly ExtractHarness _harness = new("payload"u8);

    [Fact]
    public void Index_argument_is_read()
    {
        _harness.SetIndexArgument(2, 0);
        ExtractCall call = _harness.Begin();

        Assert.Equal(0ul, call.RequiredIndex(2));
        Assert.Equal(0ul, call.OptionalIndex(2));
    }

    [Fact]
    public void Missing_required_index_names_the_field()
    {
        var ex = Assert.Throws<PluginException>(() => _harness.Begin().RequiredIndex(2));

        Assert.Equal("field test.idx requires an index argument, as in test.idx[...]", ex.Message);
    }

    [Fact]
    public void Missing_optional_index_is_null()
    {
        Assert.Null(_harness.Begin().OptionalIndex(2));
    }

    [Fact]
    public void Key_argument_is_read_as_string_and_as_bytes()
    {
        _harness.SetKeyArgument(3, "k\u00e9y");
        ExtractCall call = _harness.Begin();

        Assert.Equal("k\u00e9y", call.RequiredKey(3));
        Assert.Equal("k\u00e9y", call.OptionalKey(3));
        Assert.Equal("k\u00e9y"u8.ToArray(), call.RequiredKeyUtf8(3).ToArray());
        Assert.Equal("k\u00e9y"u8.ToArray(), call.OptionalKeyUtf8(3).ToArray());
    }

    [Fact]
    public void Key_strings_are_cached_across_calls()
    {
        _harness.SetKeyArgument(3, "cached");

        string first = _harness.Begin().RequiredKey(3);
        string second = _harness.Begin().RequiredKey(3);

        Assert.Same(first, second);
    }

    [Fact]
    public void Missing_required_key_names_the_field()
    {
        var ex = Assert.Throws<PluginException>(() => _harness.Begin().RequiredKey(3));

        Assert.Equal("field test.key requires a key argument, as in test.key[...]", ex.Message);
    }

    [Fact]
    public void Present_but_NULL_key_counts_as_missing()
    {
        _harness.SetKeyArgument(3, null);

        var ex = Assert.Throws<PluginException>(() => _harness.Begin().RequiredKey(3));

        Assert.Contains("test.key", ex.Message, StringComparison.Ordinal);
        Assert.Null(_harness.Begin().OptionalKey(3));
    }

    [Fact]
    public void Missing_optional_key_is_null_or_empty()
    {
        ExtractCall call = _harness.Begin();

        Assert.Null(call.OptionalKey(3));
        Assert.True(call.OptionalKeyUtf8(3).IsEmpty);
    }

    [Fact]
    public void Field_id_comes_from_the_request()
    {
        _harness.Fields[1].FieldId = 4;

        Assert.Equal(4u, _harness.Begin().FieldId(1));
    }

    [Fact]
    public void Unknown_field_id_is_reported_with_the_declared_count()
    {
        _harness.Fields[0].FieldId = 7;

        var ex = Assert.Throws<PluginException>(() => _harness.Begin().UnknownField(0));

        Assert.Equal("unknown field id 7 (the plugin declares 5 fields)", ex.Message);
    }

    [Fact]
    public void Missing_argument_of_an_undeclared_field_names_its_id()
    {
        _harness.Fields[0].FieldId = 9;

        var ex = Assert.Throws<PluginException>(() => _harness.Begin().RequiredIndex(0));

        Assert.Equal("field #9 requires an index argument, as in #9[...]", ex.Message);
    }

    public void Dispose() => _harness.Dispose();
}

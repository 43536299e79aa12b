using Falco.Plugins.Abi;

namespace Falco.Plugins.Tests.Abi;

/// <summary>The numbers plugin_api.h defines and the event table fixes.</summary>
public class AbiConstantsTests
{
    [Theory]
    [InlineData(nameof(AbiConstants.PluginEventPayloadOffset), AbiConstants.PluginEventPayloadOffset, 38)]
    [InlineData(nameof(AbiConstants.PluginEventCode), AbiConstants.PluginEventCode, 322)]
    [InlineData(nameof(AbiConstants.AsyncEventCode), AbiConstants.AsyncEventCode, 402)]
    [InlineData(nameof(AbiConstants.MaxErrorLength), AbiConstants.MaxErrorLength, 1024)]
    [InlineData(nameof(AbiConstants.ApiMajor), AbiConstants.ApiMajor, 3)]
    [InlineData(nameof(AbiConstants.ApiMinor), AbiConstants.ApiMinor, 12)]
    [InlineData(nameof(AbiConstants.ApiPatch), AbiConstants.ApiPatch, 0)]
    public void Constant_has_the_header_value(string name, int actual, int expected)
    {
        Assert.True(actual == expected, $"{name} is {actual}, the header says {expected}");
    }

    [Fact]
    public void Unset_is_uint64_minus_one()
    {
        Assert.Equal(ulong.MaxValue, AbiConstants.Unset);
    }

    [Fact]
    public void Payload_offset_is_header_plus_two_u32_lengths_plus_the_plugin_id()
    {
        Assert.Equal(EventHeader.Size + (2 * sizeof(uint)) + sizeof(uint), AbiConstants.PluginEventPayloadOffset);
    }
}

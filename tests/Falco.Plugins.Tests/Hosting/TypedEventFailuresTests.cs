using Falco.Plugins.Abi;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Hosting;

/// <summary>What the generated dispatch reports when a typed view cannot read an event of its code.</summary>
public sealed class TypedEventFailuresTests
{
    [Fact]
    public void A_parse_failure_sets_the_last_error_and_returns_FAILURE()
    {
        var state = new PluginState<object>(new PluginDescriptor("audit", 12, 0, []));
        try
        {
            int rc = TypedEventFailures.Parse(state, 12, 307, "SyscallOpenat2Exit", "parameter 2 (name) is 3 bytes past the event end");

            Assert.Equal((int)PluginRc.Failure, rc);
            Assert.Equal("audit: parse_event: event 12 (code 307) is malformed: SyscallOpenat2Exit: parameter 2 (name) is 3 bytes past the event end", state.LastError);
        }
        finally
        {
            state.Release();
        }
    }

    [Fact]
    public void An_extract_failure_is_an_exception_with_the_operator_message()
    {
        PluginException failure = TypedEventFailures.Extract(8, 3, "SyscallOpenExit", "it has 2 parameters, the table says 6");

        Assert.Equal("event 8 (code 3) is malformed: SyscallOpenExit: it has 2 parameters, the table says 6", failure.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_view_that_gives_no_reason_gets_a_generic_one(string? error)
    {
        PluginException failure = TypedEventFailures.Extract(8, 3, "SyscallOpenExit", error);

        Assert.Equal("event 8 (code 3) is malformed: SyscallOpenExit: its parameters do not match the event table", failure.Message);
    }
}

using System;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Hosting;

/// <summary>How a failure becomes the one-line last error an operator reads in Falco's log.</summary>
public sealed class ErrorDescriptionTests
{
    [Fact]
    public void Expected_failures_read_as_their_message_and_others_name_their_type()
    {
        Assert.Equal("no such bucket", PluginState.Describe(new PluginException("no such bucket")));
        Assert.Equal("InvalidOperationException: broken", PluginState.Describe(new InvalidOperationException("broken")));
    }

    [Fact]
    public void Wrapped_causes_are_kept_unless_the_message_already_says_them()
    {
        var cause = new TimeoutException("the backend did not answer");

        Assert.Equal(
            "could not open: TimeoutException: the backend did not answer",
            PluginState.Describe(new PluginException("could not open", cause)));
        Assert.Equal(
            "could not open (the backend did not answer)",
            PluginState.Describe(new PluginException("could not open (the backend did not answer)", cause)));
    }

    [Fact]
    public void A_single_inner_exception_of_an_aggregate_is_described_as_itself()
    {
        var error = new AggregateException(new ArgumentException("bad"));

        Assert.Equal("ArgumentException: bad", PluginState.Describe(error));
    }

    [Fact]
    public void The_last_error_is_one_line_whatever_the_message()
    {
        var state = new PluginState<object>(new PluginDescriptor("audit", 12, 0, []));
        try
        {
            state.SetError(PluginOperation.Open, new ArgumentOutOfRangeException("count", 7, "too many"));

            Assert.Equal("audit: open: ArgumentOutOfRangeException: too many (Parameter 'count') Actual value was 7.", state.LastError);
        }
        finally
        {
            state.Release();
        }
    }
}

using System;
using System.Text;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Extract;

/// <summary>EventCache parses a payload once per event, across extract calls.</summary>
public sealed class EventCacheTests : IDisposable
{
    private static readonly PayloadParser<string> Throwing = _ => throw new FormatException("bad payload");
    private static readonly PayloadParser<string> NullParser = null!;

    private readonly ExtractHarness _first = new("first"u8, timestamp: 100);
    private readonly ExtractHarness _second = new("second"u8, timestamp: 200);
    private readonly EventCache<string> _cache = new();
    private int _parses;

    [Fact]
    public void Parses_once_per_event_number()
    {
        string a = Get(_first, 1);
        string b = Get(_first, 1);
        string c = Get(_first, 1);

        Assert.Equal(1, _parses);
        Assert.Equal("first", a);
        Assert.Same(a, b);
        Assert.Same(a, c);
    }

    [Fact]
    public void Parses_again_on_a_new_event()
    {
        Assert.Equal("first", Get(_first, 1));
        Assert.Equal("second", Get(_second, 2));
        Assert.Equal("second", Get(_second, 2));

        Assert.Equal(2, _parses);
    }

    [Fact]
    public void Parses_again_for_another_event_with_the_same_number()
    {
        // Event numbers restart when a capture is reopened; the cache must still tell the events apart.
        Assert.Equal("first", Get(_first, 1));
        Assert.Equal("second", Get(_second, 1));

        Assert.Equal(2, _parses);
    }

    [Fact]
    public void Parses_again_after_the_parser_throws()
    {
        Assert.IsType<FormatException>(GetFailing(_first, 1, Throwing));

        Assert.Equal("first", Get(_first, 1));
        Assert.Equal(1, _parses);
    }

    [Fact]
    public void A_failure_on_a_new_event_does_not_serve_the_previous_value()
    {
        Assert.Equal("first", Get(_first, 1));
        Assert.IsType<FormatException>(GetFailing(_second, 2, Throwing));

        Assert.Equal("second", Get(_second, 2));
        Assert.Equal(2, _parses);
    }

    [Fact]
    public void Clear_forgets_the_value()
    {
        Get(_first, 1);

        _cache.Clear();
        Get(_first, 1);

        Assert.Equal(2, _parses);
    }

    [Fact]
    public void Null_parser_is_rejected()
    {
        Assert.IsType<ArgumentNullException>(GetFailing(_first, 1, NullParser));
    }

    private string Get(ExtractHarness harness, ulong eventNumber)
    {
        ExtractCall call = harness.Begin(eventNumber: eventNumber);
        return _cache.Get(ref call.Context, payload =>
        {
            _parses++;
            return Encoding.UTF8.GetString(payload);
        });
    }

    private Exception? GetFailing(ExtractHarness harness, ulong eventNumber, PayloadParser<string> parser)
    {
        ExtractCall call = harness.Begin(eventNumber: eventNumber);
        try
        {
            _cache.Get(ref call.Context, parser);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}

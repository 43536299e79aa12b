using System;
using System.Text.Json;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;

namespace Falco.Plugins.EndToEnd.Tests;

/// <summary>Published plugins inside a plain C process (tests/native/plugin_driver.c), as Falco runs them.</summary>
public sealed class NativeProcessTests
{
    [Fact]
    public void Destroy_and_dlclose_of_one_plugin_then_four_threads_using_another_does_not_hang()
    {
        JsonElement result = NativeDriver.Run(
            TimeSpan.FromMinutes(2),
            "threads", PublishedPlugins.Probe, "{\"label\": \"closed\"}", PublishedPlugins.Dummy, "{\"jitter\": 1}", "{\"maxEvents\": 500}", "4");

        Assert.Equal(4, result.GetProperty("threads").GetInt32());
        Assert.Equal(4 * 20 * 500, result.GetProperty("events").GetInt64());
    }

    [Fact]
    public void One_million_events_extracted_keep_a_stable_rss_and_allocate_nothing_managed()
    {
        JsonElement result = NativeDriver.Run(
            TimeSpan.FromMinutes(5),
            "soak", PublishedPlugins.DummyWithDiagnostics, "", "{\"maxEvents\": 1000000, \"batchSize\": 512}", "1000000", "1", "2", "0:3");

        long start = result.GetProperty("rss_kb_start").GetInt64();
        long end = result.GetProperty("rss_kb_end").GetInt64();
        Assert.Equal(1_000_000, result.GetProperty("events").GetInt64());
        Assert.InRange(end - start, -1024, 1024);
        Assert.Equal(0, result.GetProperty("managed_bytes_allocated").GetInt64());
    }

    [Fact]
    public void Ten_million_events_through_next_batch_do_not_leak()
    {
        JsonElement result = NativeDriver.Run(
            TimeSpan.FromMinutes(5),
            "soak", PublishedPlugins.DummyWithDiagnostics, "", "{\"maxEvents\": 10000000, \"batchSize\": 512}", "10000000");

        Assert.InRange(result.GetProperty("rss_kb_end").GetInt64() - result.GetProperty("rss_kb_start").GetInt64(), -1024, 1024);
        Assert.Equal(0, result.GetProperty("managed_bytes_allocated").GetInt64());
    }
}

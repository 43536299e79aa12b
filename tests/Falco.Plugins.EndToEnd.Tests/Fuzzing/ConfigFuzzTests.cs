using System;
using Falco.Plugins.EndToEnd.Tests.Infrastructure;
using Falco.Plugins.Testing;
using Xunit.Abstractions;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Random init configs (the host's schema check off, as a framework that passes configs
/// unchecked does) and random open parameters, on examples/Dummy and tests/plugins/Probe:
/// each init or open succeeds, or fails with one line that names the plugin.
/// </summary>
public sealed class ConfigFuzzTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("dummy", """{"jitter": 10}""")]
    [InlineData("probe", """{"label": "fuzz", "mode": "pull", "failNextBatchAfter": -1}""")]
    [InlineData("tableprobe", """{"threadTable": "threads", "commField": "comm", "writeExe": "/x"}""")]
    public void Init_survives_random_configs(string plugin, string valid)
    {
        string path = Library(plugin);
        FuzzRun run = FuzzRun.Execute(output, plugin + " init configs", 7_001, FuzzBudget.Cases(2_000), (run, random) =>
        {
            string config = JsonMutator.Mutate(random, valid);
            try
            {
                using PluginHost host = FuzzHost.WithThreads(validateConfig: false);
                host.Load(path, config);
                run.Succeeded();
            }
            catch (PluginHostException e)
            {
                run.Failed(plugin, e.Message, "init");
            }
        });

        Assert.True(run.Successes > 0 && run.Failures > 0, "the cases reach both outcomes");
    }

    [Theory]
    [InlineData("dummy", """{"start": 1, "maxEvents": 20, "batchSize": 16}""")]
    [InlineData("probe", """{"count": 10}""")]
    public void Open_survives_random_parameters(string plugin, string valid)
    {
        using Plugin loaded = Plugin.Load(Library(plugin), plugin == "probe" ? """{"label": "fuzz"}""" : "", FuzzHost.Options());
        FuzzRun run = FuzzRun.Execute(output, plugin + " open params", 7_002, FuzzBudget.Cases(10_000), (run, random) =>
        {
            try
            {
                using PluginCapture capture = loaded.Open(JsonMutator.Mutate(random, valid));
                run.Succeeded();
            }
            catch (PluginHostException e)
            {
                run.Failed(plugin, e.Message, "open");
            }
        });

        Assert.True(run.Successes > 0 && run.Failures > 0, "the cases reach both outcomes");
    }

    private static string Library(string plugin) => plugin switch
    {
        "dummy" => PublishedPlugins.Dummy,
        "probe" => PublishedPlugins.Probe,
        _ => PublishedPlugins.TableProbe,
    };
}

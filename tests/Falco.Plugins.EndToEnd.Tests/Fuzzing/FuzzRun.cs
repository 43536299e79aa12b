using System;
using System.Threading;
using Falco.Plugins.Testing;
using Xunit.Abstractions;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Runs the cases of one fuzz test on a thread of its own with a bounded wait (a hang fails the
/// test), checks every call's result, and prints how many cases ran.
/// </summary>
internal sealed class FuzzRun
{
    private readonly string _name;
    private int _case;

    private FuzzRun(string name)
    {
        _name = name;
    }

    /// <summary>Calls that returned SUCCESS.</summary>
    public long Successes { get; private set; }

    /// <summary>Calls that returned FAILURE with a well-formed last error.</summary>
    public long Failures { get; private set; }

    /// <summary>
    /// Runs <paramref name="cases"/> cases of <paramref name="body"/>, each with a
    /// <see cref="Random"/> seeded from <paramref name="seed"/> and the case number, so that any
    /// case can be replayed alone.
    /// </summary>
    public static FuzzRun Execute(ITestOutputHelper output, string name, int seed, int cases, Action<FuzzRun, Random> body)
    {
        var run = new FuzzRun(name);
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                for (run._case = 0; run._case < cases; run._case++)
                {
                    body(run, new Random(unchecked(seed + (run._case * 7919))));
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = "fuzz " + name,
        };
        thread.Start();
        if (!thread.Join(FuzzBudget.Patience(cases)))
        {
            throw new TimeoutException($"{name}: case {run._case} of seed {seed} did not return within {FuzzBudget.Patience(cases).TotalSeconds:F0} s (hang)");
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"{name}: case {run._case} of seed {seed} failed: {failure.Message}", failure);
        }

        output.WriteLine($"fuzz {name}: {cases} cases, {run.Successes} calls succeeded, {run.Failures} failed with a reason (seed {seed})");
        return run;
    }

    /// <summary>
    /// Checks the result of one call into <paramref name="plugin"/>: SUCCESS, or FAILURE with a
    /// non-empty one-line last error that names the plugin.
    /// </summary>
    public void Check(Plugin plugin, int rc, string operation)
    {
        if (rc == 0)
        {
            Successes++;
            return;
        }

        if (rc != 1)
        {
            throw new InvalidOperationException($"{operation} returned {rc}, neither SUCCESS nor FAILURE");
        }

        CheckError(plugin.Info.Name, plugin.LastError, operation);
        Failures++;
    }

    /// <summary>Counts a call that failed with <paramref name="error"/> (a host exception carrying the plugin's last error).</summary>
    public void Failed(string pluginName, string error, string operation)
    {
        if (!IsOneLine(error) || !error.Contains(pluginName + ": ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{_name}: {operation} failed with a message that is not one line naming '{pluginName}': '{error}'");
        }

        Failures++;
    }

    /// <summary>Counts a call that succeeded.</summary>
    public void Succeeded() => Successes++;

    private void CheckError(string pluginName, string error, string operation)
    {
        if (!IsOneLine(error) || !error.StartsWith(pluginName + ": ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{_name}: {operation} failed with a last error that is not one line starting with '{pluginName}: ': '{error}'");
        }
    }

    private static bool IsOneLine(string error) =>
        error.Length > 0 && !error.Contains('\n', StringComparison.Ordinal) && !error.Contains('\r', StringComparison.Ordinal);
}

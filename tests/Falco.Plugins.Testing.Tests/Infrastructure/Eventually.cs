using System;
using System.Diagnostics;
using System.Threading;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>Waits for conditions that other threads make true.</summary>
public static class Eventually
{
    /// <summary>The patience of the tests: long enough for a loaded machine, short enough to fail visibly.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether <paramref name="condition"/> became true within <see cref="Timeout"/>.</summary>
    public static bool True(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Timeout)
            {
                return false;
            }

            Thread.Sleep(1);
        }

        return true;
    }
}

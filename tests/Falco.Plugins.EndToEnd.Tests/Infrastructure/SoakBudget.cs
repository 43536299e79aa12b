using System;
using System.Globalization;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Sizes of the long-running suites: the CI size, or the long mode that <c>FALCO_SOAK_EVENTS</c>
/// (events of the soak) and <c>FALCO_STRESS_ROUNDS</c> (rounds of the concurrency and
/// multi-plugin suites) ask for.
/// </summary>
internal static class SoakBudget
{
    /// <summary>Events the soak pushes: 2M in CI.</summary>
    public static long SoakEvents => Read("FALCO_SOAK_EVENTS", 2_000_000);

    /// <summary>How many times the stress loops repeat: a few in CI.</summary>
    public static int StressRounds => (int)Read("FALCO_STRESS_ROUNDS", 3);

    private static long Read(string variable, long ciValue) =>
        long.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0
            ? value
            : ciValue;
}

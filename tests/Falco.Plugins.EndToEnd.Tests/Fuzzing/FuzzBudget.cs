using System;
using System.Globalization;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>
/// How many cases each fuzz test runs: its CI count, or <c>FALCO_FUZZ_CASES</c> (cases per fuzz
/// test) for the long mode. Seeds are fixed, so a count reruns the same cases.
/// </summary>
internal static class FuzzBudget
{
    /// <summary>The environment variable of the long mode.</summary>
    public const string Variable = "FALCO_FUZZ_CASES";

    /// <summary>The number of cases for a test whose CI count is <paramref name="ciCases"/>.</summary>
    public static int Cases(int ciCases)
    {
        string? value = Environment.GetEnvironmentVariable(Variable);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int cases) && cases > 0 ? cases : ciCases;
    }

    /// <summary>How long a fuzz test may take before it counts as hung: generous, scaled with its cases.</summary>
    public static TimeSpan Patience(int cases) => TimeSpan.FromSeconds(120 + (cases / 5_000.0));
}

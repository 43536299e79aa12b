using System.Collections.Generic;

namespace Falco.Plugins.Cli.Running;

/// <summary>The values of one requested field in one event.</summary>
/// <param name="Name">The field as requested, e.g. <c>dummy.divisible[3]</c>.</param>
/// <param name="IsList">Whether the field is a list field.</param>
/// <param name="Values">
/// The values (<see cref="ulong"/>, <see cref="string"/>, <see cref="bool"/> or
/// <see cref="System.Net.IPAddress"/>); empty when the event lacks the field.
/// </param>
internal sealed record FieldValue(string Name, bool IsList, IReadOnlyList<object> Values)
{
    /// <summary>Whether the event has the field.</summary>
    public bool IsPresent => Values.Count > 0;
}

using System.Collections.Generic;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>
/// What the converter does with events of one code carrying one number of parameters: one
/// entry of libscap's conversion table.
/// </summary>
/// <param name="Code">The code of the events the rule applies to.</param>
/// <param name="ParamCount">The number of parameters they carry.</param>
/// <param name="Action">What to do.</param>
/// <param name="DesiredCode">For <see cref="ConversionAction.ChangeType"/>: the code of the converted event.</param>
/// <param name="Instructions">For the actions that fill parameters: one instruction per parameter filled, in order.</param>
internal sealed record ConversionRule(EventCode Code, int ParamCount, ConversionAction Action, EventCode DesiredCode, IReadOnlyList<ConversionInstruction> Instructions);

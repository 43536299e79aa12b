using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>What the eligibility rules say about an event.</summary>
internal enum ConversionVerdict : byte
{
    /// <summary>The event goes on as it is.</summary>
    Pass,

    /// <summary>The event is dropped.</summary>
    Drop,

    /// <summary>The event needs (another) conversion.</summary>
    Convert,

    /// <summary>The event cannot be right: an old exit event the converter does not manage, or more parameters than its code has.</summary>
    Invalid,
}

/// <summary>
/// libscap's static conversion eligibility rules, checked top-down on every event read and
/// again after every conversion.
/// </summary>
internal static class ConversionCheck
{
    /// <summary>The verdict for an event of <paramref name="code"/> carrying <paramref name="paramCount"/> parameters.</summary>
    public static ConversionVerdict Of(ushort code, int paramCount)
    {
        // Codes newer than the event table are none of the converter's business.
        if (!EventSchema.TryGet(code, out EventInfo? info))
        {
            return ConversionVerdict.Pass;
        }

        bool old = (info.Flags & EventFlags.OldVersion) != 0;
        bool enter = info.Direction == EventDirection.Enter;
        if ((info.Flags & EventFlags.ConverterManaged) == 0)
        {
            if (!old)
            {
                return ConversionVerdict.Pass;
            }

            return enter ? ConversionVerdict.Drop : ConversionVerdict.Invalid;
        }

        if (enter)
        {
            return ConversionVerdict.Convert;
        }

        if (paramCount > info.ParamCount)
        {
            return ConversionVerdict.Invalid;
        }

        return old || paramCount != info.ParamCount ? ConversionVerdict.Convert : ConversionVerdict.Pass;
    }
}

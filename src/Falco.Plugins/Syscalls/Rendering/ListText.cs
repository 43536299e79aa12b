using System;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>Values made of several items, joined the way libsinsp joins them.</summary>
internal static class ListText
{
    /// <summary>The names of a flags, mode or enumeration value joined by <c>|</c>, in parentheses; nothing when no name matches.</summary>
    public static void AppendFlagNames(ref TextBuffer text, FlagValue flags)
    {
        FlagValue.NameEnumerator names = flags.GetNames();
        if (!names.MoveNext())
        {
            return;
        }

        text.Append('(');
        text.Append(names.Current.Name);
        while (names.MoveNext())
        {
            text.Append('|');
            text.Append(names.Current.Name);
        }

        text.Append(')');
    }

    /// <summary>Each entry as <c>fd:</c>type char and flags in hexadecimal, e.g. <c>3:f1 4:?5</c>; <c>?</c> for an fd the table does not know.</summary>
    public static void AppendFdList(ref TextBuffer text, FdList list, ulong threadId, IEventNameResolver? names)
    {
        bool first = true;
        foreach (FdListEntry entry in list)
        {
            if (!first)
            {
                text.Append(' ');
            }

            char type = '?';
            if (names is not null && names.TryGetFd(threadId, entry.Fd, out FdDescription description) && description.TypeChar != '\0')
            {
                type = char.IsControl(description.TypeChar) ? '.' : description.TypeChar;
            }

            text.Append(entry.Fd);
            text.Append(':');
            text.Append(type);
            text.Append(entry.Flags, "x");
            first = false;
        }
    }

    /// <summary>The names of the signals in a set separated by spaces, as libsinsp writes a <c>PT_SIGSET</c> (no number).</summary>
    public static void AppendSignalSet(ref TextBuffer text, SignalSet signals)
    {
        bool first = true;
        foreach (int signal in signals)
        {
            if (SignalNames.Of(signal) is { } name)
            {
                if (!first)
                {
                    text.Append(' ');
                }

                text.Append(name);
                first = false;
            }
        }
    }

    /// <summary>The strings joined by <c>.</c>, as libsinsp joins a <c>PT_CHARBUFARRAY</c>.</summary>
    public static void AppendStrings(ref TextBuffer text, CharBufArray strings)
    {
        bool first = true;
        foreach (ReadOnlySpan<byte> item in strings)
        {
            if (!first)
            {
                text.Append('.');
            }

            text.AppendUtf8(item);
            first = false;
        }
    }

    /// <summary>The pairs as <c>key:value</c> joined by <c>,</c>, as libsinsp joins a <c>PT_CHARBUF_PAIR_ARRAY</c>.</summary>
    public static void AppendPairs(ref TextBuffer text, CharBufPairArray pairs)
    {
        bool first = true;
        foreach (CharBufPair pair in pairs)
        {
            if (!first)
            {
                text.Append(',');
            }

            text.AppendUtf8(pair.Key);
            text.Append(':');
            text.AppendUtf8(pair.Value);
            first = false;
        }
    }
}

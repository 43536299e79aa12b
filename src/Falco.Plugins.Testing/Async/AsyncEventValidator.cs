using System;
using System.Collections.Generic;
using System.Text;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Async;

/// <summary>
/// libsinsp's checks of an event a plugin hands to an async (or dump) handler, in its order:
/// code 402 with three parameters, then a name the plugin declared in get_async_events.
/// </summary>
internal static unsafe class AsyncEventValidator
{
    // A length beyond this is a corrupt header, not an event worth copying.
    private const uint MaxLength = 64 * 1024 * 1024;

    /// <summary>Null and a copy of the event (its <c>len</c> bytes) when it passes; otherwise libsinsp's message.</summary>
    public static string? Check(EventHeader* evt, string pluginName, IReadOnlySet<string> declaredNames, out byte[] copy)
    {
        copy = [];
        string malformed = "malformed async event produced by plugin: " + pluginName;
        if (evt is null || evt->Type != AbiConstants.AsyncEventCode || evt->NParams != AsyncEventLayout.ParamCount)
        {
            return malformed;
        }

        // libsinsp trusts len and reads the name up to its NUL; checking both turns a broken
        // event into an error instead of a read past the event.
        uint length = evt->Len;
        if (length <= AsyncEventLayout.NameOffset || length > MaxLength)
        {
            return malformed;
        }

        var bytes = new ReadOnlySpan<byte>(evt, (int)length);
        int terminator = bytes[AsyncEventLayout.NameOffset..].IndexOf((byte)0);
        if (terminator < 0)
        {
            return malformed;
        }

        string name = Encoding.UTF8.GetString(bytes.Slice(AsyncEventLayout.NameOffset, terminator));
        if (!declaredNames.Contains(name))
        {
            return $"incompatible async event '{name}' produced by plugin: {pluginName}";
        }

        copy = bytes.ToArray();
        return null;
    }
}

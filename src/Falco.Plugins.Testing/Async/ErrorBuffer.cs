using System;
using System.Text;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Async;

/// <summary>The <c>char* err</c> of the async handlers: PLUGIN_MAX_ERRLEN bytes the framework fills with a NUL-terminated message.</summary>
internal static unsafe class ErrorBuffer
{
    /// <summary>Writes <paramref name="message"/>, cut to fit, into <paramref name="buffer"/> (ignored when NULL).</summary>
    public static void Write(byte* buffer, string message)
    {
        if (buffer is null)
        {
            return;
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(message);
        int length = Math.Min(utf8.Length, AbiConstants.MaxErrorLength - 1);
        utf8.AsSpan(0, length).CopyTo(new Span<byte>(buffer, length));
        buffer[length] = 0;
    }
}

using System;

namespace Falco.Plugins;

/// <summary>
/// An expected failure with a message meant for the Falco operator (bad open parameters, an
/// unreachable endpoint, ...). The SDK reports its message as is, without the exception type,
/// through <c>plugin_get_last_error</c>. Any other exception is reported with its type name.
/// </summary>
public class PluginException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginException()
    {
    }

    /// <summary>Creates the exception with the message the operator will read.</summary>
    public PluginException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message the operator will read and its cause.</summary>
    public PluginException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

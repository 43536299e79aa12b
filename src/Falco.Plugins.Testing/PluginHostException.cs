using System;

namespace Falco.Plugins.Testing;

/// <summary>
/// The host refused a plugin or a plugin call failed. Messages follow libsinsp's, so a test
/// that sees one knows what Falco would report.
/// </summary>
public class PluginHostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginHostException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PluginHostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PluginHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

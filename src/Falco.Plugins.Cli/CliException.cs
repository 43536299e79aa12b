using System;

namespace Falco.Plugins.Cli;

/// <summary>
/// An expected failure of the tool itself (a missing file, a failed publish, a plugin without
/// the capability a verb needs). It is reported as one line, without a stack trace.
/// </summary>
internal sealed class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliException()
    {
    }

    /// <summary>Creates the exception with the message shown to the user.</summary>
    public CliException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the user and its cause.</summary>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

using System;

namespace Falco.Plugins.Tests.FaultProbe;

/// <summary>An exception type of the plugin's own, with an inner cause, as libraries plugins use throw.</summary>
public sealed class FaultProbeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FaultProbeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FaultProbeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public FaultProbeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

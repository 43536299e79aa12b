using System;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// A failed table API call. The message is the text libsinsp would put in the calling
/// plugin's owner last error; the host vtable functions catch it and do exactly that.
/// </summary>
internal sealed class TableApiException : Exception
{
    public TableApiException(string message)
        : base(message)
    {
    }

    public TableApiException()
    {
    }

    public TableApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

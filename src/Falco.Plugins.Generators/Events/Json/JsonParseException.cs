using System;

namespace Falco.Plugins.Generators.Events.Json;

/// <summary>The text is not valid JSON; the message says what and where.</summary>
internal sealed class JsonParseException : Exception
{
    public JsonParseException(string message)
        : base(message)
    {
    }

    public JsonParseException()
    {
    }

    public JsonParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Falco.Plugins.Cli;

/// <summary>The exit codes of <c>falco-plugin</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>An expected failure: a missing file, a plugin the loader refuses, a bad config, a failed publish.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>A bug: an exception nobody expected.</summary>
    public const int InternalError = 3;
}

using System;
using Microsoft.Extensions.Logging;

namespace Falco.Plugins.Diagnostics;

/// <summary>
/// An <see cref="ILogger"/> whose messages go to the framework's logger (<c>log_fn</c>) with the
/// plugin name as component. When the framework gives no logger, it logs nothing.
/// </summary>
internal class FalcoLogger : ILogger
{
    private readonly PluginLogger _logger;

    public FalcoLogger(PluginLogger logger)
    {
        _logger = logger;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && _logger.IsEnabled;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        string message = formatter(state, exception);
        if (exception is not null)
        {
            message = message.Length == 0 ? Hosting.PluginState.Describe(exception) : $"{message}: {Hosting.PluginState.Describe(exception)}";
        }

        _logger.Log(Severity(logLevel), message);
    }

    /// <summary>The framework severity of a .NET log level.</summary>
    internal static LogSeverity Severity(LogLevel level) => level switch
    {
        LogLevel.Trace => LogSeverity.Trace,
        LogLevel.Debug => LogSeverity.Debug,
        LogLevel.Information => LogSeverity.Info,
        LogLevel.Warning => LogSeverity.Warning,
        LogLevel.Error => LogSeverity.Error,
        _ => LogSeverity.Critical,
    };
}

/// <summary>The <see cref="ILogger{TCategoryName}"/> form of <see cref="FalcoLogger"/>.</summary>
/// <typeparam name="T">The category type.</typeparam>
internal sealed class FalcoLogger<T> : FalcoLogger, ILogger<T>
{
    public FalcoLogger(PluginLogger logger)
        : base(logger)
    {
    }
}

/// <summary>Creates loggers that all write to the framework's logger.</summary>
internal sealed class FalcoLoggerFactory : ILoggerFactory
{
    private readonly PluginLogger _logger;

    public FalcoLoggerFactory(PluginLogger logger)
    {
        _logger = logger;
    }

    public void AddProvider(ILoggerProvider provider)
    {
        // Every logger already writes to the framework; other providers are not supported.
    }

    public ILogger CreateLogger(string categoryName) => new FalcoLogger(_logger);

    public void Dispose()
    {
    }
}

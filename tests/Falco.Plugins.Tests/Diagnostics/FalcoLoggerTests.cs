using Falco.Plugins.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Falco.Plugins.Tests.Diagnostics;

/// <summary>ILogger messages as the framework's logger sees them.</summary>
public sealed unsafe class FalcoLoggerTests
{
    [Theory]
    [InlineData(LogLevel.Trace, LogSeverity.Trace)]
    [InlineData(LogLevel.Debug, LogSeverity.Debug)]
    [InlineData(LogLevel.Information, LogSeverity.Info)]
    [InlineData(LogLevel.Warning, LogSeverity.Warning)]
    [InlineData(LogLevel.Error, LogSeverity.Error)]
    [InlineData(LogLevel.Critical, LogSeverity.Critical)]
    public void Levels_map_to_framework_severities(LogLevel level, LogSeverity severity)
    {
        Assert.Equal(severity, FalcoLogger.Severity(level));
    }

    [Fact]
    public void Without_a_framework_logger_nothing_is_enabled_and_logging_is_a_no_op()
    {
        var logger = new FalcoLogger(new PluginLogger("p", null, null));

        Assert.False(logger.IsEnabled(LogLevel.Critical));
#pragma warning disable CA1848 // Exercising the plain ILogger path.
        logger.LogError("nobody listens");
#pragma warning restore CA1848
    }
}

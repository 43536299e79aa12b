using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Async;

/// <summary>
/// Runs a plugin's <see cref="IAsyncEventProvider.RunAsync"/> while the framework has a handler
/// set: started when a handler is set, cancelled and awaited when it is cleared or replaced.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The token source is disposed by Stop, which plugin_destroy calls.")]
internal sealed unsafe class AsyncProducer
{
    /// <summary>How long clearing the handler waits for the producer to finish.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly object _sync = new();
    private readonly Action<string>? _reportFailure;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private FailureReport? _report;

    /// <param name="pluginName">The plugin name, for the emitter's messages.</param>
    /// <param name="names">The declared async event names.</param>
    /// <param name="reportFailure">
    /// Told about a run that fails as soon as it fails, rather than when the handler is next
    /// changed (which may be when the capture closes, hours later); such a failure is then not
    /// returned again by <see cref="SetHandler"/> or <see cref="Stop"/>.
    /// </param>
    public AsyncProducer(string pluginName, IReadOnlyList<string> names, Action<string>? reportFailure = null)
    {
        Emitter = new AsyncEventEmitter(pluginName, names);
        _reportFailure = reportFailure;
    }

    public AsyncEventEmitter Emitter { get; }

    /// <summary>What ended the last run, if it failed.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>
    /// Stops the current run, then starts a new one when <paramref name="handler"/> is not NULL.
    /// Returns a stop problem (the previous producer did not end in time, or failed), or null.
    /// </summary>
    public string? SetHandler(IAsyncEventProvider provider, void* owner, delegate* unmanaged<void*, EventHeader*, byte*, PluginRc> handler)
    {
        lock (_sync)
        {
            string? problem = StopLocked();
            if (handler is not null)
            {
                Emitter.Attach(new AsyncHandlerSession(owner, handler));
                _stop = new CancellationTokenSource();
                CancellationToken token = _stop.Token;
                _running = Task.Run(() => provider.RunAsync(Emitter, token), CancellationToken.None);
                WatchForFailure(_running);
            }

            return problem;
        }
    }

    /// <summary>Stops the current run, if any; returns a problem stopping it, or null.</summary>
    public string? Stop()
    {
        lock (_sync)
        {
            return StopLocked();
        }
    }

    private string? StopLocked()
    {
        // Cancel first so that a producer watching its token stops emitting, then detach: from
        // there on the emitter refuses events, whatever the producer does, and no call is in flight.
        _stop?.Cancel();
        Emitter.Detach();
        if (_running is null)
        {
            return null;
        }

        string? problem = null;
        try
        {
            if (!_running.Wait(StopTimeout))
            {
                problem = $"the async event producer did not stop within {StopTimeout.TotalSeconds:F0} s of being cancelled";
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1 && ex.InnerException is OperationCanceledException)
        {
            // Ending by throwing the cancellation is how async code usually stops.
        }
        catch (AggregateException ex)
        {
            Failure = ex.InnerException ?? ex;
            problem = _report?.Claim() == false ? null : Problem(Failure);
        }

        _running = null;
        _report = null;
        _stop?.Dispose();
        _stop = null;
        return problem;
    }

    private static string Problem(Exception failure) => "the async event producer failed: " + Hosting.PluginState.Describe(failure);

    private void WatchForFailure(Task running)
    {
        if (_reportFailure is not { } reportFailure)
        {
            return;
        }

        FailureReport report = _report = new FailureReport();
        running.ContinueWith(
            task =>
            {
                if (task.Exception is { } failure && report.Claim())
                {
                    try
                    {
                        reportFailure(Problem(failure));
                    }
                    catch (Exception)
                    {
                        // Reporting runs on a pool thread: nothing may escape it.
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Makes sure a run's failure is reported once: by the watcher or by the stop, whichever comes first.</summary>
    private sealed class FailureReport
    {
        private int _claimed;

        public bool Claim() => Interlocked.Exchange(ref _claimed, 1) == 0;
    }
}

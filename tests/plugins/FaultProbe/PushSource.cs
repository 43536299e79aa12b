using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Falco.Plugins.Tests.FaultProbe;

/// <summary>
/// The push-style capture: an async iterator yields the counter values, then waits for the
/// capture to close. A close fault strikes in the producer once it is cancelled, so a block
/// there is what <see cref="PushSourceOptions.StopTimeout"/> bounds.
/// </summary>
public sealed class PushSource : AsyncEventSource, IFaultProbeInstance
{
    private readonly FaultPlan _faults;
    private readonly int _count;
    private int _produced;

    internal PushSource(FaultPlan faults, int count, TimeSpan stopTimeout)
        : base(new PushSourceOptions { MaxWait = TimeSpan.FromMilliseconds(5), StopTimeout = stopTimeout })
    {
        _faults = faults;
        _count = count;
    }

    /// <inheritdoc />
    public Progress GetProgress() => new(Volatile.Read(ref _produced) * 100.0 / Math.Max(1, _count), "push");

    /// <inheritdoc />
    protected override async IAsyncEnumerable<PluginEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int i = 1; i <= _count; i++)
        {
            Volatile.Write(ref _produced, i);
            yield return new PluginEvent(Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture)));
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _faults.At(FaultPoint.Close);
        }
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Falco.Plugins.Tests.FaultProbe;

/// <summary>
/// Decides which calls of the configured operation fault (calls <see cref="FaultSpec.OnCall"/>
/// to <see cref="FaultSpec.OnCall"/> + <see cref="FaultSpec.Times"/> - 1, counted over the
/// plugin's life and across threads) and raises the fault. Sites of other operations, and sites
/// of other fault kinds, neither count nor fault.
/// </summary>
internal sealed class FaultPlan
{
    // Out of range of a two-element array: reading there makes the runtime raise its own exception.
    private static int s_outOfRange = 2;

    private readonly FaultSpec? _spec;
    private int _calls;

    public FaultPlan(FaultSpec? spec)
    {
        _spec = spec;
    }

    /// <summary>The configured fault, if any.</summary>
    public FaultSpec? Spec => _spec;

    /// <summary>Raises a throw, fail or block fault if this call of <paramref name="at"/> is one that faults.</summary>
    public void At(string at)
    {
        if (Strikes(at))
        {
            Inject(at);
        }
    }

    /// <summary>Whether this call of <paramref name="at"/> gets the configured throw, fail or block fault.</summary>
    public bool Strikes(string at) =>
        _spec is { } spec && spec.At == at && spec.Kind != FaultKind.Malformed && Counts(spec);

    /// <summary>Whether this call of <paramref name="at"/> should produce the bad data <paramref name="malformedVariant"/>.</summary>
    public bool Strikes(string at, string malformedVariant) =>
        _spec is { } spec && spec.At == at && spec.Kind == FaultKind.Malformed && spec.Variant == malformedVariant && Counts(spec);

    /// <summary>For sites that can produce several kinds of bad data: the variant to produce in this call of <paramref name="at"/>, or null.</summary>
    public string? MalformedStrike(string at) =>
        _spec is { } spec && spec.At == at && spec.Kind == FaultKind.Malformed && Counts(spec) ? spec.Variant : null;

    /// <summary>Raises the configured throw, fail or block fault; a block returns once its time is over.</summary>
    public void Inject(string at)
    {
        FaultSpec spec = _spec ?? throw new InvalidOperationException("no fault is configured");
        switch (spec.Kind)
        {
            case FaultKind.Throw:
                Throw(at, spec.Variant ?? ThrowVariant.InvalidOperation);
                break;
            case FaultKind.Fail:
                throw new PluginException($"injected failure in {at}");
            case FaultKind.Block:
                // Deliberately deaf to cancellation: the SDK cannot preempt author code.
                Thread.Sleep(spec.BlockMs);
                break;
            default:
                throw new PluginException($"unknown fault kind '{spec.Kind}'");
        }
    }

    private bool Counts(FaultSpec spec)
    {
        int call = Interlocked.Increment(ref _calls);
        return call >= spec.OnCall && call - spec.OnCall < spec.Times;
    }

    private static void Throw(string at, string variant)
    {
        string message = $"injected fault in {at}";
        switch (variant)
        {
            case ThrowVariant.InvalidOperation:
                throw new InvalidOperationException(message);
            case ThrowVariant.NullReference:
                _ = Nothing()!.Message;
                break;
            case ThrowVariant.IndexOutOfRange:
                int[] slots = new int[2];
                _ = slots[Volatile.Read(ref s_outOfRange)];
                break;
            case ThrowVariant.Custom:
                throw new FaultProbeException(message, new TimeoutException("the backend did not answer"));
            case ThrowVariant.OutOfMemory:
#pragma warning disable CA2201 // Raising the reserved type is the point: the SDK must contain it like any other.
                throw new OutOfMemoryException(message);
#pragma warning restore CA2201
        }

        throw new PluginException($"unknown throw variant '{variant}'");
    }

    // Not inlined, so that the compiler cannot see the null: the dereference is a real one.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FaultProbeException? Nothing() => null;
}

using System;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// Event views for the harness. <see cref="FromEvent"/> goes through the SDK's own
/// <c>EventView.TryCreate</c>, as the exports do; <see cref="FromSpan"/> makes a view over
/// exactly the given bytes, whatever the header's <c>len</c> says.
/// </summary>
public static unsafe class EventViews
{
    private static readonly delegate*<byte*, out EventView, out string?, bool> TryCreate = Resolve();

    /// <summary>The view the exports create for the event at <paramref name="evt"/>.</summary>
    public static EventView FromEvent(byte* evt)
    {
        if (!TryCreate(evt, out EventView view, out string? error))
        {
            throw new InvalidOperationException("EventView.TryCreate rejected the event: " + error);
        }

        return view;
    }

    /// <summary>A view whose bytes are exactly <paramref name="length"/> bytes at <paramref name="start"/>.</summary>
    public static EventView FromSpan(byte* start, int length)
    {
        var bytes = new ReadOnlySpan<byte>(start, length);
        EventView view = Unsafe.As<ReadOnlySpan<byte>, EventView>(ref bytes);
        if (view.Raw.Length != length || (length > 0 && !Unsafe.AreSame(ref Unsafe.AsRef(in view.Raw[0]), ref *start)))
        {
            throw new InvalidOperationException("EventView is no longer a single span over the event.");
        }

        return view;
    }

    private static delegate*<byte*, out EventView, out string?, bool> Resolve()
    {
        // internal static bool TryCreate(EventHeader* evt, out EventView view, out string? error):
        // a pointer is a pointer, so it is called with byte*.
        Type header = typeof(EventView).Assembly.GetType("Falco.Plugins.Abi.EventHeader", throwOnError: true)!;
        MethodInfo method = typeof(EventView).GetMethod(
            "TryCreate",
            BindingFlags.NonPublic | BindingFlags.Static,
            [header.MakePointerType(), typeof(EventView).MakeByRefType(), typeof(string).MakeByRefType()])
            ?? throw new InvalidOperationException("EventView.TryCreate(EventHeader*, out EventView, out string?) was not found.");
        return (delegate*<byte*, out EventView, out string?, bool>)method.MethodHandle.GetFunctionPointer();
    }
}

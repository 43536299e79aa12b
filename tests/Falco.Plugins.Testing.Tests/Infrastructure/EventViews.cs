using System;
using System.Reflection;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>
/// Event views over copied events, made by the SDK's own <c>EventView.TryCreate</c> (internal:
/// the exports call it on the framework's pointer), so that a test reads a captured event as a
/// plugin would be given it.
/// </summary>
internal static unsafe class EventViews
{
    public delegate void ViewAction(EventView view);

    private static readonly delegate*<byte*, out EventView, out string?, bool> TryCreate = Resolve();

    /// <summary>Runs <paramref name="action"/> on the view the exports would create over <paramref name="bytes"/>.</summary>
    public static void With(ReadOnlyMemory<byte> bytes, ViewAction action)
    {
        fixed (byte* start = bytes.Span)
        {
            Assert.True(TryCreate(start, out EventView view, out string? error), error);
            action(view);
        }
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

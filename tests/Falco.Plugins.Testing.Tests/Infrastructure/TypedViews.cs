using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using Falco.Plugins.Syscalls;
using EventInfo = Falco.Plugins.Syscalls.EventInfo;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>
/// Reads an event through the typed view of its code, found by name from the event schema
/// (<see cref="EventInfo.TypeName"/>): the view's <c>TryRead(EventView, out TView, out string?)</c>
/// and its <c>ParamCount</c>. The views are ref structs, which reflection cannot box, so each
/// reader is a small dynamic method that keeps the view in a local.
/// </summary>
internal static class TypedViews
{
    public delegate bool Reader(EventView evt, out string? error, out int paramCount);

    private static readonly ConcurrentDictionary<EventCode, Reader> Readers = new();

    /// <summary>Reads <paramref name="evt"/> with the view of <paramref name="code"/>.</summary>
    public static bool TryRead(EventCode code, EventView evt, out string? error, out int paramCount) =>
        Readers.GetOrAdd(code, Create)(evt, out error, out paramCount);

    private static Reader Create(EventCode code)
    {
        EventInfo info = EventSchema.Get(code);
        Type view = typeof(EventSchema).Assembly.GetType($"{typeof(EventSchema).Namespace}.{info.TypeName}", throwOnError: true)!;
        MethodInfo tryRead = view.GetMethod("TryRead", [typeof(EventView), view.MakeByRefType(), typeof(string).MakeByRefType()])
            ?? throw new InvalidOperationException($"{info.TypeName} has no TryRead(EventView, out {info.TypeName}, out string?)");
        MethodInfo paramCount = view.GetProperty("ParamCount")?.GetMethod
            ?? throw new InvalidOperationException($"{info.TypeName} has no ParamCount");

        var method = new DynamicMethod(
            $"Read{info.TypeName}", typeof(bool), [typeof(EventView), typeof(string).MakeByRefType(), typeof(int).MakeByRefType()], typeof(TypedViews).Module);
        ILGenerator il = method.GetILGenerator();
        LocalBuilder local = il.DeclareLocal(view);
        LocalBuilder ok = il.DeclareLocal(typeof(bool));
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldloca, local);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, tryRead);
        il.Emit(OpCodes.Stloc, ok);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Ldloca, local);
        il.Emit(OpCodes.Call, paramCount);
        il.Emit(OpCodes.Stind_I4);
        il.Emit(OpCodes.Ldloc, ok);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Reader>();
    }
}

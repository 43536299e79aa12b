using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Tests.Abi;

/// <summary>Measures managed struct layouts the way native code sees them: by pointer arithmetic.</summary>
internal static unsafe class AbiLayout
{
    /// <summary>Returns the address of one member of the struct at <paramref name="instance"/>.</summary>
    public delegate void* Member<T>(T* instance)
        where T : unmanaged;

    /// <summary>The byte offset of the member selected by <paramref name="member"/> within a stack instance of <typeparamref name="T"/>.</summary>
    public static long Of<T>(Member<T> member)
        where T : unmanaged
    {
        T instance = default;
        T* start = &instance;
        return (byte*)member(start) - (byte*)start;
    }

    /// <summary>Every struct declared in the Abi folder (namespace <c>Falco.Plugins.Abi</c>).</summary>
    public static IEnumerable<Type> Structs() =>
        typeof(EventHeader).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(EventHeader).Namespace && t.IsValueType && !t.IsEnum)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>The instance fields of <paramref name="type"/>, as <c>Type.Field</c>.</summary>
    public static IEnumerable<string> Fields(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(f => type.Name + "." + f.Name);
}

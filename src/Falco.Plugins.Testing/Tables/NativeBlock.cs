using System.Runtime.InteropServices;

namespace Falco.Plugins.Testing.Tables;

/// <summary>Native copies of structs that live as long as the process (the host's vtables).</summary>
internal static unsafe class NativeBlock
{
    public static T* Of<T>(T value)
        where T : unmanaged
    {
        T* block = (T*)NativeMemory.Alloc((nuint)sizeof(T));
        *block = value;
        return block;
    }
}

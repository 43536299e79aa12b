using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// A native array handed to plugins that stays valid until the next <see cref="Fill"/>, the
/// lifetime libsinsp gives the results of list_tables and list_table_fields.
/// </summary>
internal sealed unsafe class NativeArray<T> : IDisposable
    where T : unmanaged
{
    private T* _items;

    public T* Fill(IReadOnlyList<T> items)
    {
        NativeMemory.Free(_items);
        // Never hand out NULL for an empty list: NULL means failure to the plugin.
        _items = (T*)NativeMemory.AllocZeroed((nuint)Math.Max(1, items.Count), (nuint)sizeof(T));
        for (int i = 0; i < items.Count; i++)
        {
            _items[i] = items[i];
        }

        return _items;
    }

    public void Dispose()
    {
        NativeMemory.Free(_items);
        _items = null;
    }
}

using System.Collections.Generic;
using System.Threading;

namespace Falco.Plugins.Testing.Tables;

/// <summary>
/// Opaque handles for managed objects handed to plugins (<c>ss_plugin_table_t*</c>,
/// entries, fields). Handles are looked up instead of dereferenced, so a stale or foreign
/// handle gives an error message rather than a crash. Values are unique process-wide and
/// non-canonical addresses, so a plugin that dereferences one faults at once.
/// </summary>
internal sealed class HandleTable<T>
    where T : class
{
    private const long Tag = 0x5EED_0000_0000_0000;
    private static long s_counter;
    private readonly Dictionary<nint, T> _objects = new();

    public int Count
    {
        get
        {
            lock (_objects)
            {
                return _objects.Count;
            }
        }
    }

    public nint Add(T value)
    {
        nint handle = (nint)(Tag | (Interlocked.Increment(ref s_counter) << 4));
        lock (_objects)
        {
            _objects.Add(handle, value);
        }

        return handle;
    }

    public T? Find(nint handle)
    {
        lock (_objects)
        {
            return _objects.GetValueOrDefault(handle);
        }
    }

    public bool Remove(nint handle)
    {
        lock (_objects)
        {
            return _objects.Remove(handle);
        }
    }

    /// <summary>Removes and returns every object, for bulk invalidation.</summary>
    public List<T> RemoveAll()
    {
        lock (_objects)
        {
            var all = new List<T>(_objects.Values);
            _objects.Clear();
            return all;
        }
    }
}

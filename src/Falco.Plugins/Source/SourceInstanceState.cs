using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Falco.Plugins.Source;

/// <summary>The object behind an <c>ss_instance_t*</c>: an open capture and its batch memory.</summary>
internal sealed unsafe class SourceInstanceState
{
    private GCHandle _handle;

    public SourceInstanceState(IEventSourceInstance instance, uint pluginId)
    {
        Instance = instance;
        Batch = new BatchBuffer(instance.BatchCapacity, pluginId);
        _handle = GCHandle.Alloc(this);
    }

    public IEventSourceInstance Instance { get; }

    public BatchBuffer Batch { get; }

    /// <summary>A failure that happened after events were added to a batch: reported by the next call.</summary>
    public Exception? PendingFailure { get; set; }

    public void* Handle => (void*)GCHandle.ToIntPtr(_handle);

    public static SourceInstanceState? FromHandle(void* handle) =>
        handle is null ? null : Unsafe.As<SourceInstanceState>(GCHandle.FromIntPtr((nint)handle).Target);

    public void Release()
    {
        try
        {
            (Instance as IDisposable)?.Dispose();
        }
        finally
        {
            Batch.Dispose();
            if (_handle.IsAllocated)
            {
                _handle.Free();
            }
        }
    }
}

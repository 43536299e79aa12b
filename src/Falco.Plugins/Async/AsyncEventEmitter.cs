using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.Abi;
using Falco.Plugins.Async;

namespace Falco.Plugins;

/// <summary>
/// Sends async events to the framework. Thread-safe: any number of threads may emit at once.
/// Only the names the plugin declared with <see cref="AsyncEventsAttribute"/> are accepted,
/// and only while the framework has a handler set; the handler's errors come back as
/// exceptions (or as the error of <see cref="TryEmit"/>).
/// </summary>
public sealed unsafe class AsyncEventEmitter
{
    private const int StackLimit = 1024;

    private readonly byte[][] _names;
    private volatile AsyncHandlerSession? _session;

    internal AsyncEventEmitter(string pluginName, IReadOnlyList<string> names)
    {
        PluginName = pluginName;
        Names = names;
        _names = names.Select(n => Encoding.UTF8.GetBytes(n)).ToArray();
    }

    /// <summary>The declared event names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether the framework currently takes events.</summary>
    public bool IsActive => _session is not null;

    internal string PluginName { get; }

    /// <summary>Sends an event.</summary>
    /// <param name="name">A declared event name.</param>
    /// <param name="data">The event data.</param>
    /// <param name="timestamp">Nanoseconds since the epoch, or <see cref="EventBatch.NoTimestamp"/> for the time of arrival.</param>
    /// <param name="threadId">The thread the event is about; none by default (required for plugin sources).</param>
    /// <exception cref="PluginException">The name is not declared, no handler is set, or the handler refused the event.</exception>
    public void Emit(string name, ReadOnlySpan<byte> data, ulong timestamp = EventBatch.NoTimestamp, ulong threadId = ulong.MaxValue)
    {
        if (!TryEmit(name, data, out string? error, timestamp, threadId))
        {
            throw new PluginException(error!);
        }
    }

    /// <summary>Sends an event whose data is <paramref name="text"/> in UTF-8.</summary>
    public void Emit(string name, string text, ulong timestamp = EventBatch.NoTimestamp, ulong threadId = ulong.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        int length = Encoding.UTF8.GetByteCount(text);
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> data = rented ?? stackalloc byte[StackLimit];
            int written = Encoding.UTF8.GetBytes(text, data);
            Emit(name, data[..written], timestamp, threadId);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Sends an event; returns false with the reason instead of throwing.</summary>
    public bool TryEmit(string name, ReadOnlySpan<byte> data, out string? error, ulong timestamp = EventBatch.NoTimestamp, ulong threadId = ulong.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(name);
        byte[]? declared = Find(name);
        if (declared is null)
        {
            error = $"'{name}' is not an async event this plugin declared (declared: {string.Join(", ", Names)})";
            return false;
        }

        if ((long)AsyncEventEncoder.Size(declared.Length, 0) + data.Length > Array.MaxLength)
        {
            // Checked before anything reads the data: the event could not even be laid out.
            error = $"'{name}' data of {data.Length} bytes does not fit in an async event";
            return false;
        }

        AsyncHandlerSession? session = _session;
        if (session is null || !session.Enter())
        {
            error = "the framework takes no async events now (its handler is not set)";
            return false;
        }

        try
        {
            return Send(session, declared, data, timestamp, threadId, out error);
        }
        finally
        {
            session.Exit();
        }
    }

    internal void Attach(AsyncHandlerSession session) => _session = session;

    /// <summary>Detaches the session and waits for the calls in flight: no event reaches its handler after this returns.</summary>
    internal void Detach()
    {
        AsyncHandlerSession? session = _session;
        _session = null;
        session?.Close();
    }

    private static bool Send(AsyncHandlerSession session, byte[] name, ReadOnlySpan<byte> data, ulong timestamp, ulong threadId, out string? error)
    {
        int size = AsyncEventEncoder.Size(name.Length, data.Length);
        byte[]? rented = size > StackLimit ? ArrayPool<byte>.Shared.Rent(size) : null;
        try
        {
            Span<byte> evt = (rented ?? stackalloc byte[StackLimit])[..size];
            AsyncEventEncoder.Write(evt, name, data, timestamp, threadId);
            byte* err = stackalloc byte[AbiConstants.MaxErrorLength];
            err[0] = 0;
            fixed (byte* bytes = evt)
            {
                if (session.Handler(session.Owner, (EventHeader*)bytes, err) == PluginRc.Success)
                {
                    error = null;
                    return true;
                }
            }

            err[AbiConstants.MaxErrorLength - 1] = 0;
            string detail = Hosting.Utf8Interop.ToString(err);
            error = detail.Length == 0 ? "the framework refused the async event" : $"the framework refused the async event: {detail}";
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private byte[]? Find(string name)
    {
        for (int i = 0; i < _names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return _names[i];
            }
        }

        return null;
    }
}

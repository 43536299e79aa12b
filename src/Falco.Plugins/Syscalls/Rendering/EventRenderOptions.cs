using System;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>How <see cref="EventRenderer"/> renders events. Create one and reuse it: rendering reads it, never changes it.</summary>
public sealed record EventRenderOptions
{
    /// <summary>The length <see cref="MaxBufferLength"/> has unless set: 80 characters, the first bytes of an I/O buffer that sysdig shows.</summary>
    public const int DefaultMaxBufferLength = 80;

    private readonly int _maxBufferLength = DefaultMaxBufferLength;

    /// <summary>The defaults: byte buffers cut at 80 characters, no names from state.</summary>
    public static EventRenderOptions Default { get; } = new();

    /// <summary>
    /// The most characters a byte buffer parameter (<c>PT_BYTEBUF</c>, e.g. the data of a read)
    /// renders to: a longer one is cut and ends with <c>...</c>, as libsinsp cuts it. 0 for no
    /// limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxBufferLength
    {
        get => _maxBufferLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxBufferLength = value;
        }
    }

    /// <summary>Where fd, thread, user and group names come from; <see langword="null"/> to show only what events carry.</summary>
    public IEventNameResolver? Names { get; init; }
}

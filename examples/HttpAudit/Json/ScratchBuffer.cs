using System;

namespace Falco.Plugins.Examples.HttpAudit.Json;

/// <summary>A byte array reused from call to call, grown when a call needs more.</summary>
internal sealed class ScratchBuffer
{
    private byte[] _bytes;

    /// <summary>Creates the buffer with <paramref name="initialSize"/> bytes.</summary>
    public ScratchBuffer(int initialSize = 256)
    {
        _bytes = new byte[initialSize];
    }

    /// <summary>A span of at least <paramref name="size"/> bytes; its content is not kept from the previous call.</summary>
    public Span<byte> Get(int size)
    {
        if (_bytes.Length < size)
        {
            _bytes = new byte[Math.Max(size, _bytes.Length * 2)];
        }

        return _bytes;
    }
}

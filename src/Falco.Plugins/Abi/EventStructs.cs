using System.Runtime.InteropServices;

namespace Falco.Plugins.Abi;

/// <summary><c>ss_plugin_event</c>: the packed 26-byte header that starts every event.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct EventHeader
{
    public const int Size = 26;

    /// <summary>Nanoseconds since the epoch; <see cref="ulong.MaxValue"/> lets the framework assign it.</summary>
    public ulong Ts;

    /// <summary>The thread id; <see cref="ulong.MaxValue"/> means no thread.</summary>
    public ulong Tid;

    /// <summary>The length of the whole event, header included.</summary>
    public uint Len;

    /// <summary>The event code.</summary>
    public ushort Type;

    /// <summary>The number of parameters.</summary>
    public uint NParams;
}

/// <summary><c>ss_plugin_event_input</c>: an event handed to extract, parse and event_to_string.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct EventInput
{
    public EventHeader* Evt;
    public ulong EvtNum;
    public byte* EvtSrc;
}

/// <summary><c>ss_plugin_byte_buffer</c>: the result type of ipaddr and ipnet fields.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ByteBuffer
{
    public uint Len;
    public void* Ptr;
}

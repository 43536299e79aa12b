using System.Net;

namespace Falco.Plugins.Testing;

/// <summary>A file descriptor of a capture's fd list (libscap's <c>scap_fdinfo</c>).</summary>
public sealed record CaptureFd
{
    /// <summary>The fd number.</summary>
    public long Fd { get; init; }

    /// <summary>The inode.</summary>
    public ulong Ino { get; init; }

    /// <summary>The kind of descriptor, as recorded (an unknown kind reads as <see cref="FdType.Unsupported"/>).</summary>
    public FdType Type { get; init; }

    /// <summary>
    /// The name as libsinsp shows it (<c>fd.name</c>): the path for files, the tuple
    /// <c>sip:sport-&gt;dip:dport</c> for connected sockets, <c>ip:port</c> for listening ones.
    /// </summary>
    public string Name { get; init; } = "";

    /// <summary>For regular files recorded with their flags, the PPM_O_* open flags.</summary>
    public uint OpenFlags { get; init; }

    /// <summary>For regular files recorded with their device, the device number.</summary>
    public uint Dev { get; init; }

    /// <summary>For IP sockets, the source (or, listening, the local) address.</summary>
    public IPAddress? SourceAddress { get; init; }

    /// <summary>For IP sockets, the source (or, listening, the local) port.</summary>
    public ushort SourcePort { get; init; }

    /// <summary>For connected IP sockets, the destination address.</summary>
    public IPAddress? DestinationAddress { get; init; }

    /// <summary>For connected IP sockets, the destination port.</summary>
    public ushort DestinationPort { get; init; }

    /// <summary>For IP sockets, libscap's layer-4 protocol (<c>scap_l4_proto</c>: 2 TCP, 3 UDP, 4 ICMP, 5 raw).</summary>
    public byte L4Protocol { get; init; }

    /// <summary>For unix sockets, the kernel address of the source end.</summary>
    public ulong UnixSource { get; init; }

    /// <summary>For unix sockets, the kernel address of the destination end.</summary>
    public ulong UnixDestination { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"fd {Fd} ({Type} {Name})";
}

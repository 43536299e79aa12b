using System;
using System.Buffers.Binary;
using System.Text;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// Both ends of a connection (<c>PT_SOCKTUPLE</c>), as libscap lays them out: the family byte,
/// then for IPv4 the source address and port and the destination address and port (13 bytes),
/// for IPv6 the same with 16-byte addresses (37 bytes), for Unix sockets the 8-byte kernel
/// pointers of both sockets and the NUL-terminated path (at least 17 bytes), and for other
/// families bytes this SDK does not interpret (<see cref="Data"/>). Ports are little-endian.
/// </summary>
public readonly ref struct SockTuple
{
    private const int InetSize = 1 + (2 * (IPv4Address.Size + 2));
    private const int Inet6Size = 1 + (2 * (IPv6Address.Size + 2));
    private const int UnixHeaderSize = 1 + 8 + 8;

    // The Unix path (without its NUL) or, for other families, the bytes after the family.
    private readonly ReadOnlySpan<byte> _tail;

    private SockTuple(SocketFamily family, SocketEndpoint source, SocketEndpoint destination, ulong sourcePointer, ulong destinationPointer, ReadOnlySpan<byte> tail)
    {
        Family = family;
        Source = source;
        Destination = destination;
        SourcePointer = sourcePointer;
        DestinationPointer = destinationPointer;
        _tail = tail;
    }

    /// <summary>The address family.</summary>
    public SocketFamily Family { get; }

    /// <summary>For IPv4 and IPv6: the source (client) end; otherwise default.</summary>
    public SocketEndpoint Source { get; }

    /// <summary>For IPv4 and IPv6: the destination (server) end; otherwise default.</summary>
    public SocketEndpoint Destination { get; }

    /// <summary>For Unix sockets: the kernel address of the source socket; otherwise 0.</summary>
    public ulong SourcePointer { get; }

    /// <summary>For Unix sockets: the kernel address of the destination socket; otherwise 0.</summary>
    public ulong DestinationPointer { get; }

    /// <summary>For Unix sockets: the path, without its NUL; otherwise empty.</summary>
    public ReadOnlySpan<byte> UnixPath => Family == SocketFamily.Unix ? _tail : default;

    /// <summary>For families other than IPv4, IPv6 and Unix: the bytes after the family byte; otherwise empty.</summary>
    public ReadOnlySpan<byte> Data => SockAddr.IsOtherFamily(Family) ? _tail : default;

    /// <summary>An IPv4 or IPv6 tuple.</summary>
    /// <exception cref="ArgumentException">One end is IPv4 and the other IPv6.</exception>
    public static SockTuple FromEndpoints(SocketEndpoint source, SocketEndpoint destination)
    {
        if (source.Family != destination.Family)
        {
            throw new ArgumentException("Both ends of a tuple have the same address family.", nameof(destination));
        }

        return new SockTuple(source.Family, source, destination, 0, 0, default);
    }

    /// <summary>A Unix socket tuple; <paramref name="path"/> is UTF-8 without a NUL.</summary>
    public static SockTuple FromUnix(ulong sourcePointer, ulong destinationPointer, ReadOnlySpan<byte> path) =>
        new(SocketFamily.Unix, default, default, sourcePointer, destinationPointer, path);

    /// <summary>A tuple of another family, with the bytes that follow the family byte.</summary>
    /// <exception cref="ArgumentException">The family is IPv4, IPv6 or Unix: use the other factories.</exception>
    public static SockTuple FromData(SocketFamily family, ReadOnlySpan<byte> data)
    {
        if (!SockAddr.IsOtherFamily(family))
        {
            throw new ArgumentException($"Use FromEndpoints or FromUnix for the {family} family.", nameof(family));
        }

        return new SockTuple(family, default, default, 0, 0, data);
    }

    /// <summary>The size of the tuple in an event.</summary>
    public int EncodedLength => Family switch
    {
        SocketFamily.Inet => InetSize,
        SocketFamily.Inet6 => Inet6Size,
        SocketFamily.Unix => UnixHeaderSize + _tail.Length + 1,
        _ => 1 + _tail.Length,
    };

    /// <summary>Writes the tuple as an event carries it; <paramref name="destination"/> holds at least <see cref="EncodedLength"/> bytes.</summary>
    internal void WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)Family;
        switch (Family)
        {
            case SocketFamily.Inet:
            case SocketFamily.Inet6:
                int size = Source.Size;
                WriteEndpoint(destination.Slice(1, size), Source);
                WriteEndpoint(destination.Slice(1 + size, size), Destination);
                break;
            case SocketFamily.Unix:
                BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(1), SourcePointer);
                BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(9), DestinationPointer);
                _tail.CopyTo(destination.Slice(UnixHeaderSize));
                destination[UnixHeaderSize + _tail.Length] = 0;
                break;
            default:
                _tail.CopyTo(destination.Slice(1));
                break;
        }
    }

    /// <summary>Reads a tuple from a parameter's bytes; false when its length does not fit its family.</summary>
    internal static bool TryRead(ReadOnlySpan<byte> bytes, out SockTuple value)
    {
        value = default;
        if (bytes.IsEmpty)
        {
            return false;
        }

        var family = (SocketFamily)bytes[0];
        switch (family)
        {
            case SocketFamily.Inet:
                if (bytes.Length != InetSize)
                {
                    return false;
                }

                value = new SockTuple(family, ReadV4(bytes.Slice(1)), ReadV4(bytes.Slice(7)), 0, 0, default);
                return true;
            case SocketFamily.Inet6:
                if (bytes.Length != Inet6Size)
                {
                    return false;
                }

                value = new SockTuple(family, ReadV6(bytes.Slice(1)), ReadV6(bytes.Slice(19)), 0, 0, default);
                return true;
            case SocketFamily.Unix:
                if (bytes.Length < UnixHeaderSize)
                {
                    return false;
                }

                value = new SockTuple(
                    family,
                    default,
                    default,
                    BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(1)),
                    BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(9)),
                    Utf8Strings.UntilNul(bytes.Slice(UnixHeaderSize)));
                return true;
            default:
                value = new SockTuple(family, default, default, 0, 0, bytes.Slice(1));
                return true;
        }
    }

    private static SocketEndpoint ReadV4(ReadOnlySpan<byte> bytes) =>
        new(IPv4Address.Read(bytes), BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(IPv4Address.Size)));

    private static SocketEndpoint ReadV6(ReadOnlySpan<byte> bytes) =>
        new(IPv6Address.Read(bytes), BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(IPv6Address.Size)));

    private static void WriteEndpoint(Span<byte> destination, SocketEndpoint endpoint)
    {
        endpoint.Address.CopyTo(destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(endpoint.Address.Size), endpoint.Port);
    }

    /// <summary>The form <c>1.2.3.4:5000->5.6.7.8:80</c>, the Unix pointers and path, or <c>family N</c> for others.</summary>
    public override string ToString() => Family switch
    {
        SocketFamily.Inet or SocketFamily.Inet6 => $"{Source}->{Destination}",
        SocketFamily.Unix => $"{SourcePointer:x}->{DestinationPointer:x} {Encoding.UTF8.GetString(_tail)}",
        _ => $"family {(byte)Family}",
    };
}

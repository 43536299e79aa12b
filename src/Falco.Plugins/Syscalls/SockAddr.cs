using System;
using System.Buffers.Binary;
using System.Text;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// A socket address (<c>PT_SOCKADDR</c>), as libscap lays it out: the family byte, then for
/// IPv4 the 4-byte address and the little-endian port (7 bytes), for IPv6 the 16-byte address
/// and the port (19 bytes), for Unix sockets the NUL-terminated path, and for other families
/// bytes this SDK does not interpret (<see cref="Data"/>).
/// </summary>
public readonly ref struct SockAddr
{
    private const int InetSize = 1 + IPv4Address.Size + 2;
    private const int Inet6Size = 1 + IPv6Address.Size + 2;

    // The Unix path (without its NUL) or, for other families, the bytes after the family.
    private readonly ReadOnlySpan<byte> _tail;

    private SockAddr(SocketFamily family, SocketEndpoint endpoint, ReadOnlySpan<byte> tail)
    {
        Family = family;
        Endpoint = endpoint;
        _tail = tail;
    }

    /// <summary>The address family.</summary>
    public SocketFamily Family { get; }

    /// <summary>For <see cref="SocketFamily.Inet"/> and <see cref="SocketFamily.Inet6"/>: the address and port; otherwise default.</summary>
    public SocketEndpoint Endpoint { get; }

    /// <summary>For <see cref="SocketFamily.Unix"/>: the path, without its NUL; otherwise empty.</summary>
    public ReadOnlySpan<byte> UnixPath => Family == SocketFamily.Unix ? _tail : default;

    /// <summary>For families other than IPv4, IPv6 and Unix: the bytes after the family byte; otherwise empty.</summary>
    public ReadOnlySpan<byte> Data => IsOtherFamily(Family) ? _tail : default;

    /// <summary>An IPv4 or IPv6 socket address.</summary>
    public static SockAddr FromEndpoint(SocketEndpoint endpoint) => new(endpoint.Family, endpoint, default);

    /// <summary>A Unix socket address; <paramref name="path"/> is UTF-8 without a NUL.</summary>
    public static SockAddr FromUnixPath(ReadOnlySpan<byte> path) => new(SocketFamily.Unix, default, path);

    /// <summary>An address of another family, with the bytes that follow the family byte.</summary>
    /// <exception cref="ArgumentException">The family is IPv4, IPv6 or Unix: use the other factories.</exception>
    public static SockAddr FromData(SocketFamily family, ReadOnlySpan<byte> data)
    {
        if (!IsOtherFamily(family))
        {
            throw new ArgumentException($"Use FromEndpoint or FromUnixPath for the {family} family.", nameof(family));
        }

        return new SockAddr(family, default, data);
    }

    /// <summary>The size of the address in an event.</summary>
    public int EncodedLength => Family switch
    {
        SocketFamily.Inet => InetSize,
        SocketFamily.Inet6 => Inet6Size,
        SocketFamily.Unix => 1 + _tail.Length + 1,
        _ => 1 + _tail.Length,
    };

    /// <summary>Writes the address as an event carries it; <paramref name="destination"/> holds at least <see cref="EncodedLength"/> bytes.</summary>
    internal void WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)Family;
        switch (Family)
        {
            case SocketFamily.Inet:
            case SocketFamily.Inet6:
                Endpoint.Address.CopyTo(destination.Slice(1));
                BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(1 + Endpoint.Address.Size), Endpoint.Port);
                break;
            case SocketFamily.Unix:
                _tail.CopyTo(destination.Slice(1));
                destination[1 + _tail.Length] = 0;
                break;
            default:
                _tail.CopyTo(destination.Slice(1));
                break;
        }
    }

    /// <summary>Reads an address from a parameter's bytes; false when its length does not fit its family.</summary>
    internal static bool TryRead(ReadOnlySpan<byte> bytes, out SockAddr value)
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

                value = new SockAddr(family, new SocketEndpoint(IPv4Address.Read(bytes.Slice(1)), BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(5))), default);
                return true;
            case SocketFamily.Inet6:
                if (bytes.Length != Inet6Size)
                {
                    return false;
                }

                value = new SockAddr(family, new SocketEndpoint(IPv6Address.Read(bytes.Slice(1)), BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(17))), default);
                return true;
            case SocketFamily.Unix:
                value = new SockAddr(family, default, Utf8Strings.UntilNul(bytes.Slice(1)));
                return true;
            default:
                value = new SockAddr(family, default, bytes.Slice(1));
                return true;
        }
    }

    internal static bool IsOtherFamily(SocketFamily family) =>
        family is not (SocketFamily.Inet or SocketFamily.Inet6 or SocketFamily.Unix);

    /// <summary>The form <c>1.2.3.4:80</c>, <c>[::1]:80</c>, the Unix path, or <c>family N</c> for others.</summary>
    public override string ToString() => Family switch
    {
        SocketFamily.Inet or SocketFamily.Inet6 => Endpoint.ToString(),
        SocketFamily.Unix => Encoding.UTF8.GetString(_tail),
        _ => $"family {(byte)Family}",
    };
}

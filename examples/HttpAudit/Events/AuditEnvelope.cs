using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Falco.Plugins.Examples.HttpAudit.Events;

/// <summary>
/// The payload of an <c>httpaudit</c> event: a small binary header that records who sent the
/// object and when, then the object's JSON. Keeping both in the payload makes events
/// self-contained, so a capture file replays with every field intact.
/// <code>
/// offset 0   version, 1
/// offset 1   length of the client address: 4 (IPv4) or 16 (IPv6)
/// offset 2   client port, uint16 little-endian
/// offset 4   time of receipt, uint64 little-endian, nanoseconds since the Unix epoch
/// offset 12  client address, network byte order
/// then       the JSON object, UTF-8, without whitespace between tokens
/// </code>
/// </summary>
internal readonly ref struct AuditEnvelope
{
    /// <summary>The layout version written by this plugin.</summary>
    public const byte Version = 1;

    private const int FixedSize = 12;

    private AuditEnvelope(ReadOnlySpan<byte> address, ushort port, ulong receivedAt, int jsonOffset, ReadOnlySpan<byte> json)
    {
        RemoteAddress = address;
        RemotePort = port;
        ReceivedAt = receivedAt;
        JsonOffset = jsonOffset;
        Json = json;
    }

    /// <summary>The client address: 4 or 16 bytes in network order.</summary>
    public ReadOnlySpan<byte> RemoteAddress { get; }

    /// <summary>The client port.</summary>
    public ushort RemotePort { get; }

    /// <summary>When the request was received, in nanoseconds since the Unix epoch.</summary>
    public ulong ReceivedAt { get; }

    /// <summary>Where the JSON starts in the payload.</summary>
    public int JsonOffset { get; }

    /// <summary>The JSON object.</summary>
    public ReadOnlySpan<byte> Json { get; }

    /// <summary>The header size for a client address of <paramref name="addressLength"/> bytes.</summary>
    public static int HeaderSize(int addressLength) => FixedSize + addressLength;

    /// <summary>The client address as the header stores it: IPv4-mapped IPv6 addresses become IPv4.</summary>
    public static IPAddress Normalize(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Writes the header into <paramref name="target"/>; returns its size.</summary>
    /// <param name="target">At least <see cref="HeaderSize"/> bytes.</param>
    /// <param name="address">The client address, already <see cref="Normalize">normalized</see>.</param>
    /// <param name="port">The client port.</param>
    /// <param name="receivedAt">Nanoseconds since the Unix epoch.</param>
    public static int WriteHeader(Span<byte> target, IPAddress address, ushort port, ulong receivedAt)
    {
        if (!address.TryWriteBytes(target.Slice(FixedSize), out int length) || length is not (4 or 16))
        {
            throw new ArgumentException($"cannot store the address {address}", nameof(address));
        }

        target[0] = Version;
        target[1] = (byte)length;
        BinaryPrimitives.WriteUInt16LittleEndian(target.Slice(2), port);
        BinaryPrimitives.WriteUInt64LittleEndian(target.Slice(4), receivedAt);
        return FixedSize + length;
    }

    /// <summary>Reads a payload; <see langword="false"/> when it does not have this layout.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out AuditEnvelope envelope)
    {
        envelope = default;
        if (payload.Length < FixedSize || payload[0] != Version || payload[1] is not (4 or 16))
        {
            return false;
        }

        int jsonOffset = FixedSize + payload[1];
        if (payload.Length <= jsonOffset)
        {
            return false;
        }

        envelope = new AuditEnvelope(
            payload.Slice(FixedSize, payload[1]),
            BinaryPrimitives.ReadUInt16LittleEndian(payload.Slice(2)),
            BinaryPrimitives.ReadUInt64LittleEndian(payload.Slice(4)),
            jsonOffset,
            payload.Slice(jsonOffset));
        return true;
    }
}

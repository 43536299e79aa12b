using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>What a socket address parameter was built from.</summary>
/// <param name="Family">The family.</param>
/// <param name="Endpoint">For IPv4 and IPv6.</param>
/// <param name="Tail">The Unix path (without NUL) or the bytes of another family.</param>
public sealed record SockAddrModel(SocketFamily Family, SocketEndpoint Endpoint, byte[] Tail);

/// <summary>What a socket tuple parameter was built from.</summary>
/// <param name="Family">The family.</param>
/// <param name="Source">For IPv4 and IPv6.</param>
/// <param name="Destination">For IPv4 and IPv6.</param>
/// <param name="SourcePointer">For Unix sockets.</param>
/// <param name="DestinationPointer">For Unix sockets.</param>
/// <param name="Tail">The Unix path (without NUL) or the bytes of another family.</param>
public sealed record SockTupleModel(SocketFamily Family, SocketEndpoint Source, SocketEndpoint Destination, ulong SourcePointer, ulong DestinationPointer, byte[] Tail);

/// <summary>What a dynamic parameter was built from.</summary>
/// <param name="Index">The shape index.</param>
/// <param name="Bytes">The value's bytes.</param>
public sealed record DynamicModel(byte Index, byte[] Bytes);

/// <summary>What a string list parameter was built from.</summary>
/// <param name="Items">The strings, in UTF-8 without NULs.</param>
/// <param name="Encoded">Their layout in the event.</param>
public sealed record StringListModel(byte[][] Items, byte[] Encoded);

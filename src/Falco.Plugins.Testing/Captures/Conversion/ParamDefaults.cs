using System;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>
/// The default value libscap's converter gives a parameter it cannot fill otherwise: zero in the
/// size of the type, all ones for uids and gids (no user), a lone unspecified family byte for
/// socket addresses, and nothing for types whose size varies.
/// </summary>
internal static class ParamDefaults
{
    private static readonly byte[] NoId = [0xff, 0xff, 0xff, 0xff];
    private static readonly byte[] UnspecifiedFamily = [0];
    private static readonly byte[] Zeros = new byte[16];

    /// <summary>The default value of a parameter of <paramref name="type"/>.</summary>
    public static ReadOnlyMemory<byte> Of(ParamType type) => type switch
    {
        ParamType.Uid or ParamType.Gid => NoId,
        ParamType.SockAddr => UnspecifiedFamily,
        _ => Zeros.AsMemory(0, ParamSizes.FixedSize(type)),
    };
}

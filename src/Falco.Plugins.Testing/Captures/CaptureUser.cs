namespace Falco.Plugins.Testing;

/// <summary>A user of a capture's user list (libscap's <c>scap_userinfo</c>).</summary>
/// <param name="Uid">The user id.</param>
/// <param name="Gid">The primary group id.</param>
/// <param name="Name">The user name.</param>
/// <param name="HomeDirectory">The home directory.</param>
/// <param name="Shell">The login shell.</param>
public sealed record CaptureUser(uint Uid, uint Gid, string Name, string HomeDirectory, string Shell);

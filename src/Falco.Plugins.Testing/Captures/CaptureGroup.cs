namespace Falco.Plugins.Testing;

/// <summary>A group of a capture's user list (libscap's <c>scap_groupinfo</c>).</summary>
/// <param name="Gid">The group id.</param>
/// <param name="Name">The group name.</param>
public sealed record CaptureGroup(uint Gid, string Name);

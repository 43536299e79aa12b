using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>
/// The <c>file_descriptors</c> table of a thread (key INT64 fd). Every thread's table shares
/// one set of fields: a dynamic field defined through one is defined for all.
/// </summary>
public sealed class FdTable : HostTableView<FdEntry>
{
    internal FdTable(HostTable table)
        : base(table)
    {
    }

    /// <summary>Adds a file descriptor (replacing any with that number), as if libsinsp had seen it opened.</summary>
    /// <param name="fd">The fd number (the key, and the <c>fd</c> field).</param>
    /// <param name="name">The resolved name, for example a path.</param>
    /// <param name="type">The kind of descriptor.</param>
    /// <param name="openFlags">The PPM_O_* open flags (<c>open_flags</c>).</param>
    public FdEntry Add(long fd, string name = "", FdType type = FdType.File, uint openFlags = 0) =>
        new(Insert(fd))
        {
            Name = name,
            Type = type,
            OpenFlags = openFlags,
        };

    private protected override FdEntry View(HostEntry entry) => new(entry);
}

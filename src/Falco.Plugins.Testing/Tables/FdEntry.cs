using Falco.Plugins.Testing.Tables;

namespace Falco.Plugins.Testing;

/// <summary>A file descriptor of a thread's <c>file_descriptors</c> table.</summary>
public sealed class FdEntry : HostTableEntry
{
    internal FdEntry(HostEntry entry)
        : base(entry)
    {
    }

    /// <summary>The fd number (<c>fd</c>).</summary>
    public long Fd => Value<long>("fd");

    /// <summary>The kind of descriptor (<c>type</c>).</summary>
    public FdType Type { get => (FdType)Value<byte>("type"); set => SetValue("type", (byte)value); }

    /// <summary>The resolved name (<c>name</c>).</summary>
    public string Name { get => Value<string>("name"); set => SetValue("name", value); }

    /// <summary>The name as the syscall gave it (<c>name_raw</c>).</summary>
    public string NameRaw { get => Value<string>("name_raw"); set => SetValue("name_raw", value); }

    /// <summary>The name before a rename (<c>old_name</c>).</summary>
    public string OldName { get => Value<string>("old_name"); set => SetValue("old_name", value); }

    /// <summary>The open flags (<c>open_flags</c>).</summary>
    public uint OpenFlags { get => Value<uint>("open_flags"); set => SetValue("open_flags", value); }

    /// <summary>libsinsp's fd flags (<c>flags</c>).</summary>
    public uint Flags { get => Value<uint>("flags"); set => SetValue("flags", value); }

    /// <summary>The device (<c>dev</c>).</summary>
    public uint Dev { get => Value<uint>("dev"); set => SetValue("dev", value); }

    /// <summary>The mount id (<c>mount_id</c>).</summary>
    public uint MountId { get => Value<uint>("mount_id"); set => SetValue("mount_id", value); }

    /// <summary>The inode (<c>ino</c>).</summary>
    public ulong Ino { get => Value<ulong>("ino"); set => SetValue("ino", value); }

    /// <summary>For a pidfd, the process it refers to (<c>pid</c>).</summary>
    public long Pid { get => Value<long>("pid"); set => SetValue("pid", value); }

    /// <inheritdoc />
    public override string ToString() => $"fd {Fd} ({Type} {Name})";

    private protected override object NestedView(FieldDefinition field, HostTable table) => new FdTable(table);
}

using System;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Examples.FileAccess.Paths;

/// <summary>
/// Turns the path a syscall received into the absolute, normal path it names, the way libsinsp
/// resolves <c>fd.name</c>: a relative path is taken from the thread's working directory
/// (<c>cwd</c> in the <c>threads</c> table) or, for openat and openat2, from the directory the
/// <c>dirfd</c> descriptor names (its <c>file_descriptors</c> entry).
/// </summary>
internal sealed class PathResolver
{
    /// <summary>The dirfd value that means the working directory.</summary>
    public const long AtFdCwd = -100;

    private readonly ImportedTable<long> _threads;
    private readonly TableField<string> _cwd;
    private readonly NestedTableField<long> _fileDescriptors;
    private readonly TableField<string> _fdName;

    public PathResolver(ImportedTable<long> threads)
    {
        _threads = threads;
        _cwd = threads.GetField<string>("cwd");
        _fileDescriptors = threads.GetTableField<long>("file_descriptors");
        _fdName = _fileDescriptors.GetField<string>("name");
    }

    /// <summary>
    /// The normal absolute form of <paramref name="path"/>, written into
    /// <paramref name="destination"/>; <paramref name="path"/> itself when it is relative and
    /// its directory is unknown (the thread or descriptor is not in the tables), or when the
    /// result does not fit.
    /// </summary>
    public ReadOnlySpan<byte> Resolve(TableReader tables, long tid, long dirfd, ReadOnlySpan<byte> path, Span<byte> destination)
    {
        if (path.IsEmpty)
        {
            return path;
        }

        int written;
        if (path[0] == (byte)'/')
        {
            return PathNormalizer.TryNormalize(default, path, destination, out written) ? destination[..written] : path;
        }

        if (!tables.IsAvailable || !tables.Table(_threads).TryGetEntry(tid, out TableEntry thread))
        {
            return path;
        }

        using (thread)
        {
            if (dirfd == AtFdCwd)
            {
                return PathNormalizer.TryNormalize(thread.GetUtf8(_cwd), path, destination, out written) ? destination[..written] : path;
            }

            if (dirfd < 0 || !thread.GetTable(_fileDescriptors).TryGetEntry(dirfd, out TableEntry directory))
            {
                return path;
            }

            using (directory)
            {
                return PathNormalizer.TryNormalize(directory.GetUtf8(_fdName), path, destination, out written) ? destination[..written] : path;
            }
        }
    }
}

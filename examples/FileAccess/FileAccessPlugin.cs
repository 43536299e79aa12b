using System;
using Falco.Plugins.Examples.FileAccess.Classification;
using Falco.Plugins.Examples.FileAccess.Events;
using Falco.Plugins.Examples.FileAccess.Paths;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Examples.FileAccess;

/// <summary>
/// Classifies the files that open, openat, openat2, creat and execve touch, by path prefix
/// (credentials, ssh, binaries, temporary, ...), for Falco rules on the syscall source. Parsing
/// counts the successful accesses of each class, and each thread's sensitive accesses in a field
/// the plugin adds to the framework's <c>threads</c> table; fields expose the path, its class,
/// whether the call asked to write, and the counts.
/// </summary>
[FalcoPlugin("fileaccess",
    Version = "0.1.0",
    Description = "Classifies the files syscalls open or execute, and counts accesses per class and per thread",
    Contact = "github.com/falco-plugin-sdk-dotnet")]
[ParseEventSources("syscall")]
[ExtractEventSources("syscall")]
public sealed partial class FileAccessPlugin : IPlugin<FileAccessConfig>, IFieldExtractor
{
    /// <summary>The field the plugin adds to the <c>threads</c> table.</summary>
    public const string ThreadSensitiveField = "fileaccess.sensitive_accesses";

    /// <summary>Room for a working directory and a path of PATH_MAX each, joined.</summary>
    private const int PathBufferBytes = (2 * 4096) + 1;

    private readonly PathClassifier _classifier;
    private readonly PathResolver _resolver;
    private readonly ImportedTable<long> _threads;
    private readonly TableField<ulong> _threadSensitive;
    private readonly ulong[] _classCounts;

    // Separate buffers: a field value must not be overwritten by a parse running in between.
    private readonly byte[] _parsePath = new byte[PathBufferBytes];
    private readonly byte[] _extractPath = new byte[PathBufferBytes];

    /// <summary>Checks the rules, and adds the per-thread counter to <c>threads</c>.</summary>
    /// <exception cref="PluginException">The config is invalid; the message names the key.</exception>
    public FileAccessPlugin(FileAccessConfig config, TableRegistry tables)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tables);
        _classifier = ClassifierBuilder.Build(config);
        _classCounts = new ulong[_classifier.Classes.Count];
        _threads = tables.GetTable<long>("threads");
        _threadSensitive = _threads.AddField<ulong>(ThreadSensitiveField);
        _resolver = new PathResolver(_threads);
    }

    /// <summary>Counts a successful open.</summary>
    [ParseHandler]
    public void OnOpen(ref ParseContext context, SyscallOpenExit evt) => Count(ref context, FileAccessEvents.From(evt));

    /// <summary>Counts a successful openat.</summary>
    [ParseHandler]
    public void OnOpenat(ref ParseContext context, SyscallOpenat2Exit evt) => Count(ref context, FileAccessEvents.From(evt));

    /// <summary>Counts a successful openat2.</summary>
    [ParseHandler]
    public void OnOpenat2(ref ParseContext context, SyscallOpenat2Exit327 evt) => Count(ref context, FileAccessEvents.From(evt));

    /// <summary>Counts a successful creat.</summary>
    [ParseHandler]
    public void OnCreat(ref ParseContext context, SyscallCreatExit evt) => Count(ref context, FileAccessEvents.From(evt));

    /// <summary>Counts a successful execve.</summary>
    [ParseHandler]
    public void OnExecve(ref ParseContext context, SyscallExecve19Exit evt) => Count(ref context, FileAccessEvents.From(evt));

    private void Count(ref ParseContext context, FileAccessEvent access)
    {
        if (!access.Succeeded || access.Path.IsEmpty)
        {
            return;
        }

        long tid = (long)context.Event.ThreadId;
        ReadOnlySpan<byte> path = _resolver.Resolve(context.Tables.Reader, tid, access.DirFd, access.Path, _parsePath);
        int fileClass = _classifier.Classify(path);
        _classCounts[fileClass]++;
        if (!_classifier.Classes.IsSensitive(fileClass) || !context.Tables.IsAvailable)
        {
            return;
        }

        // libsinsp adds threads as it sees them; a thread it does not know is not counted.
        WritableTable<long> threads = context.Tables.Table(_threads);
        if (threads.TryGetEntry(tid, out WritableTableEntry thread))
        {
            using (thread)
            {
                thread.Set(_threadSensitive, thread.Get(_threadSensitive) + 1);
            }
        }
    }
}

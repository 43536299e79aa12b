using System;
using Falco.Plugins.Syscalls;
using Falco.Plugins.Tables;

namespace Falco.Plugins.Examples.FileAccess;

/// <summary>
/// The fields that report what parsing counted so far, this event included (the framework parses
/// an event before extracting its fields). They are declared for the handled event types only,
/// so that the plugin is asked to extract nothing else.
/// </summary>
public sealed partial class FileAccessPlugin
{
    private const string ClassCountDescription = "Successful accesses of the class given as key, by all threads so far, e.g. fileaccess.class_count[credentials]";
    private const string ThreadSensitiveDescription = "Successful accesses of sensitive files by the event's thread so far; absent when the thread is not in the threads table";

    /// <summary>The accesses of a class so far, on an open event.</summary>
    [Field("fileaccess.class_count", ClassCountDescription, Arg = FieldArg.RequiredKey)]
    public ulong ClassCount(ref ExtractContext context, SyscallOpenExit evt, ReadOnlySpan<byte> name) => CountOf(name);

    /// <summary>The accesses of a class so far, on an openat event.</summary>
    [Field("fileaccess.class_count", ClassCountDescription, Arg = FieldArg.RequiredKey)]
    public ulong ClassCount(ref ExtractContext context, SyscallOpenat2Exit evt, ReadOnlySpan<byte> name) => CountOf(name);

    /// <summary>The accesses of a class so far, on an openat2 event.</summary>
    [Field("fileaccess.class_count", ClassCountDescription, Arg = FieldArg.RequiredKey)]
    public ulong ClassCount(ref ExtractContext context, SyscallOpenat2Exit327 evt, ReadOnlySpan<byte> name) => CountOf(name);

    /// <summary>The accesses of a class so far, on a creat event.</summary>
    [Field("fileaccess.class_count", ClassCountDescription, Arg = FieldArg.RequiredKey)]
    public ulong ClassCount(ref ExtractContext context, SyscallCreatExit evt, ReadOnlySpan<byte> name) => CountOf(name);

    /// <summary>The accesses of a class so far, on an execve event.</summary>
    [Field("fileaccess.class_count", ClassCountDescription, Arg = FieldArg.RequiredKey)]
    public ulong ClassCount(ref ExtractContext context, SyscallExecve19Exit evt, ReadOnlySpan<byte> name) => CountOf(name);

    /// <summary>The thread's sensitive accesses so far, on an open event.</summary>
    [Field("fileaccess.thread_sensitive_count", ThreadSensitiveDescription)]
    public ulong? ThreadSensitiveCount(ref ExtractContext context, SyscallOpenExit evt) => ThreadSensitive(ref context);

    /// <summary>The thread's sensitive accesses so far, on an openat event.</summary>
    [Field("fileaccess.thread_sensitive_count", ThreadSensitiveDescription)]
    public ulong? ThreadSensitiveCount(ref ExtractContext context, SyscallOpenat2Exit evt) => ThreadSensitive(ref context);

    /// <summary>The thread's sensitive accesses so far, on an openat2 event.</summary>
    [Field("fileaccess.thread_sensitive_count", ThreadSensitiveDescription)]
    public ulong? ThreadSensitiveCount(ref ExtractContext context, SyscallOpenat2Exit327 evt) => ThreadSensitive(ref context);

    /// <summary>The thread's sensitive accesses so far, on a creat event.</summary>
    [Field("fileaccess.thread_sensitive_count", ThreadSensitiveDescription)]
    public ulong? ThreadSensitiveCount(ref ExtractContext context, SyscallCreatExit evt) => ThreadSensitive(ref context);

    /// <summary>The thread's sensitive accesses so far, on an execve event.</summary>
    [Field("fileaccess.thread_sensitive_count", ThreadSensitiveDescription)]
    public ulong? ThreadSensitiveCount(ref ExtractContext context, SyscallExecve19Exit evt) => ThreadSensitive(ref context);

    /// <summary>The count of the class named <paramref name="name"/>.</summary>
    /// <exception cref="PluginException">No rule gives that class: a typo in a rule must not read as zero.</exception>
    private ulong CountOf(ReadOnlySpan<byte> name)
    {
        int index = _classifier.Classes.IndexOf(name);
        return index >= 0
            ? _classCounts[index]
            : throw new PluginException($"'{System.Text.Encoding.UTF8.GetString(name)}' is not a class; the classes are {_classifier.Classes.Describe()}");
    }

    private ulong? ThreadSensitive(ref ExtractContext context)
    {
        if (!context.Tables.IsAvailable || !context.Tables.Table(_threads).TryGetEntry((long)context.Event.ThreadId, out TableEntry thread))
        {
            return null;
        }

        using (thread)
        {
            return thread.Get(_threadSensitive);
        }
    }
}

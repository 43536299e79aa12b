using System.Runtime.InteropServices;

namespace Falco.Plugins.Testing.Native;

/// <summary>The dynamic loader of glibc (dlopen lives in libc since glibc 2.34).</summary>
internal static unsafe partial class LibDl
{
    public const int RtldNow = 0x00002;
    public const int RtldLocal = 0;
    public const int RtldNoLoad = 0x00004;

    /// <summary>
    /// dlopen. dlerror is called first: that clears stale errors and binds its P/Invoke, whose
    /// lazy binding would otherwise run dlopen/dlsym after a failure and erase the error.
    /// </summary>
    public static nint Open(string path, int flags)
    {
        _ = Error();
        return DlOpen(path, flags);
    }

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dlsym", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Symbol(nint handle, string name);

    [LibraryImport("libc", EntryPoint = "dlclose")]
    public static partial int Close(nint handle);

    [LibraryImport("libc", EntryPoint = "dlerror")]
    public static partial byte* Error();

    /// <summary>The last loader error, or a generic text.</summary>
    public static string LastError()
    {
        byte* message = Error();
        return message is null ? "unknown dynamic loader error" : Marshal.PtrToStringUTF8((nint)message) ?? "";
    }
}

using System;
using System.Threading;

namespace Falco.Plugins.TestSupport;

/// <summary>
/// The machine-wide lock around <c>dotnet publish</c> that every test project of the repository
/// takes: publishing restores and builds the SDK too, so one publish runs at a time.
/// </summary>
internal static class PublishLock
{
    public static T Run<T>(Func<T> publish)
    {
        using var mutex = new Mutex(false, "Global\\falco-plugin-sdk-dotnet-publish");
        try
        {
            mutex.WaitOne();
        }
        catch (AbandonedMutexException)
        {
            // A test process killed while publishing left the lock behind; it is ours now.
        }

        try
        {
            return publish();
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }
}

using Falco.Plugins.Testing;

namespace Falco.Plugins.EndToEnd.Tests.Fuzzing;

/// <summary>The host the fuzz tests load plugins in: every event ends at a guard page.</summary>
internal static class FuzzHost
{
    /// <summary>Guarded event memory; the schema check off where a test feeds the plugin's own config handling.</summary>
    public static PluginHostOptions Options(bool validateConfig = true) => new() { GuardEventMemory = true, ValidateConfig = validateConfig };

    /// <summary>A host with guarded event memory and a few threads, one with file descriptors.</summary>
    public static PluginHost WithThreads(bool validateConfig = true)
    {
        var host = new PluginHost(Options(validateConfig));
        ThreadEntry bash = host.Threads.Add(100, comm: "bash", exe: "/bin/bash", pid: 100);
        bash.Fds.Add(3, name: "/etc/passwd");
        bash.Fds.Add(0, name: "/dev/null");
        host.Threads.Add(101, comm: "bash", pid: 100);
        host.Threads.Add(200, comm: "curl", exe: "/usr/bin/curl", pid: 200);
        return host;
    }
}

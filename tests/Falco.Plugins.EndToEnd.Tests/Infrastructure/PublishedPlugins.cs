using System;
using System.Collections.Concurrent;
using System.IO;

namespace Falco.Plugins.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The plugin libraries under test, published with NativeAOT once per test run (and reused by
/// every test), the way a plugin author builds them: <c>dotnet publish</c> of the project.
/// </summary>
internal static class PublishedPlugins
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Published = new();

    /// <summary>examples/Dummy: libdummy.so.</summary>
    public static string Dummy => Get("examples/Dummy/Dummy.csproj", "dummy");

    /// <summary>tests/plugins/Probe: libprobe.so.</summary>
    public static string Probe => Get("tests/plugins/Probe/Probe.csproj", "probe");

    /// <summary>examples/ThreadCounter: libthreadcounter.so.</summary>
    public static string ThreadCounter => Get("examples/ThreadCounter/ThreadCounter.csproj", "threadcounter");

    /// <summary>tests/plugins/TableProbe: libtableprobe.so.</summary>
    public static string TableProbe => Get("tests/plugins/TableProbe/TableProbe.csproj", "tableprobe");

    /// <summary>tests/plugins/TableClient: libtableclient.so.</summary>
    public static string TableClient => Get("tests/plugins/TableClient/TableClient.csproj", "tableclient");

    /// <summary>tests/plugins/AsyncProbe: libasyncprobe.so.</summary>
    public static string AsyncProbe => Get("tests/plugins/AsyncProbe/AsyncProbe.csproj", "asyncprobe");

    /// <summary>tests/plugins/FaultProbe: libfaultprobe.so.</summary>
    public static string FaultProbe => Get("tests/plugins/FaultProbe/FaultProbe.csproj", "faultprobe");

    /// <summary>examples/Heartbeat: libheartbeat.so.</summary>
    public static string Heartbeat => Get("examples/Heartbeat/Heartbeat.csproj", "heartbeat");

    /// <summary>examples/HttpAudit: libhttpaudit.so.</summary>
    public static string HttpAudit => Get("examples/HttpAudit/HttpAudit.csproj", "httpaudit");

    /// <summary>tests/plugins/SyscallProbe: libsyscallprobe.so.</summary>
    public static string SyscallProbe => Get("tests/plugins/SyscallProbe/SyscallProbe.csproj", "syscallprobe");

    /// <summary>examples/FileAccess: libfileaccess.so.</summary>
    public static string FileAccess => Get("examples/FileAccess/FileAccess.csproj", "fileaccess");

    /// <summary>The file access example published with the benchmark-only allocation counter export.</summary>
    public static string FileAccessWithDiagnostics => Get("examples/FileAccess/FileAccess.csproj", "fileaccess", diagnostics: true);

    /// <summary>The probe published with the benchmark-only allocation counter export.</summary>
    public static string ProbeWithDiagnostics => Get("tests/plugins/Probe/Probe.csproj", "probe", diagnostics: true);

    /// <summary>The syscall probe published with the benchmark-only allocation and collection counter exports.</summary>
    public static string SyscallProbeWithDiagnostics => Get("tests/plugins/SyscallProbe/SyscallProbe.csproj", "syscallprobe", diagnostics: true);

    /// <summary>The dummy published with the benchmark-only allocation counter export.</summary>
    public static string DummyWithDiagnostics => Get("examples/Dummy/Dummy.csproj", "dummy", diagnostics: true);

    private static string Get(string project, string name, bool diagnostics = false)
    {
        string key = name + (diagnostics ? "-diagnostics" : "");
        return Published.GetOrAdd(key, _ => new Lazy<string>(() => Publish(project, name, key, diagnostics))).Value;
    }

    private static string Publish(string project, string name, string key, bool diagnostics)
    {
        string output = Repository.Path("artifacts", "test-plugins", key);
        string library = Path.Combine(output, $"lib{name}.so");

        // Publishing restores and builds the SDK too: one publish at a time across test processes.
        return PublishLock.Run(() =>
        {
            string[] arguments = ["publish", Repository.Path(project), "-c", "Release", "-o", output, "-nologo", "-clp:ErrorsOnly"];
            if (diagnostics)
            {
                // A separate build: the allocation counter export must not leak into the shipped library.
                arguments = [.. arguments, "-p:FalcoPluginDiagnostics=true", "-p:BaseOutputPath=bin/diagnostics/", "-p:IntermediateOutputPath=obj/diagnostics/"];
            }

            ProcessRunner.Result result = ProcessRunner.Run("dotnet", arguments, TimeSpan.FromMinutes(10));
            if (result.ExitCode != 0 || !File.Exists(library))
            {
                throw new InvalidOperationException($"publishing {project} failed ({result.ExitCode}):\n{result.Output}\n{result.Error}");
            }

            return library;
        });
    }
}

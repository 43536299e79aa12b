using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Falco.Plugins.Testing.Tests.Infrastructure;

/// <summary>
/// The C plugins of Native/ compiled with gcc, once per variant and run: table_plugin.c (real
/// .so plugins that use the table API) and async_plugin.c (async events, dump_state, capture
/// listening, set_config and metrics).
/// </summary>
public static class NativePlugins
{
    private const string TablePlugin = "table_plugin.c";
    private const string AsyncPlugin = "async_plugin.c";
    private static readonly Lazy<string> s_a = new(() => Compile("tp_a", TablePlugin, "-DPLUGIN_NAME=\"tp_a\""));
    private static readonly Lazy<string> s_b = new(() => Compile("tp_b", TablePlugin, "-DPLUGIN_NAME=\"tp_b\""));
    private static readonly Lazy<string> s_otherSource = new(() => Compile("tp_other", TablePlugin, "-DPLUGIN_NAME=\"tp_other\"", "-DPARSE_SOURCES=\"[\\\"other\\\"]\""));
    private static readonly Lazy<string> s_sourceOnly = new(() => Compile("tp_source", TablePlugin, "-DPLUGIN_NAME=\"tp_source\"", "-DSOURCE_ONLY"));
    private static readonly Lazy<string> s_undeclared = new(() => Compile("tp_undeclared", TablePlugin, "-DPLUGIN_NAME=\"tp_undeclared\"", "-DNO_EVENT_SCHEMA_VERSION"));
    private static readonly Lazy<string> s_undeclaredOtherSource = new(() => Compile(
        "tp_undeclared_other", TablePlugin, "-DPLUGIN_NAME=\"tp_undeclared_other\"", "-DNO_EVENT_SCHEMA_VERSION", "-DPARSE_SOURCES=\"[\\\"other\\\"]\"", "-DEXTRACT_SOURCES=\"[\\\"other\\\"]\""));
    private static readonly Lazy<string> s_async = new(() => Compile("ap", AsyncPlugin, "-pthread", "-DPLUGIN_NAME=\"ap\""));

    /// <summary>A parse + extract plugin named tp_a.</summary>
    public static string A => s_a.Value;

    /// <summary>The same plugin named tp_b.</summary>
    public static string B => s_b.Value;

    /// <summary>The same plugin named tp_other, parsing only events of the source "other".</summary>
    public static string OtherSource => s_otherSource.Value;

    /// <summary>The parse + extract plugin without get_required_event_schema_version, named tp_undeclared.</summary>
    public static string Undeclared => s_undeclared.Value;

    /// <summary>The same undeclared plugin parsing and extracting only events of the source "other", named tp_undeclared_other.</summary>
    public static string UndeclaredOtherSource => s_undeclaredOtherSource.Value;

    /// <summary>A source-only plugin (no table API) named tp_source.</summary>
    public static string SourceOnly => s_sourceOnly.Value;

    /// <summary>The plugin of Native/async_plugin.c, named ap: async events, dump_state, capture listening, set_config, metrics, source "apsrc" (id 1999).</summary>
    public static string Async => s_async.Value;

    /// <summary>A plugin event of thread <paramref name="tid"/> whose payload tells the plugin what to do.</summary>
    public static CapturedEvent Event(long tid, string payload, string source = "test")
    {
        byte[] bytes = CapturedEvent.PluginEvent(999, Encoding.UTF8.GetBytes(payload)).Bytes.ToArray();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), tid);
        return CapturedEvent.FromBytes(bytes, source: source);
    }

    private static string Compile(string name, string source, params string[] options)
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "native-plugins");
        Directory.CreateDirectory(directory);
        string output = Path.Combine(directory, name + ".so");
        var start = new ProcessStartInfo("gcc") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", "-o", output })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Native", source));
        using Process gcc = Process.Start(start)!;
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        return gcc.ExitCode == 0 ? output : throw new InvalidOperationException($"gcc failed for {name}: {errors}");
    }
}

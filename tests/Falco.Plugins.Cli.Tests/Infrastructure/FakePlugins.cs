using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;

namespace Falco.Plugins.Cli.Tests.Infrastructure;

/// <summary>Native/fake_plugin.c compiled with gcc, once per variant and run, into libraries the loader accepts or refuses.</summary>
internal static class FakePlugins
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Compiled = new();

    /// <summary>A plugin the loader accepts: an event source that ends at once.</summary>
    public static string Valid => Get("valid");

    /// <summary>A shared library that is not a plugin.</summary>
    public static string PlainLibrary => Get("plain", "-DPLAIN_LIBRARY");

    /// <summary>A plugin without plugin_init.</summary>
    public static string WithoutInit => Get("noinit", "-DNO_INIT");

    /// <summary>A plugin without any capability.</summary>
    public static string WithoutCapability => Get("nocapability", "-DNO_CAPABILITY");

    /// <summary>A plugin that requires API <paramref name="version"/>.</summary>
    public static string Requiring(string version) => Get("api-" + version, $"-DREQUIRED_API=\"{version}\"");

    private static string Get(string name, params string[] options) =>
        Compiled.GetOrAdd(name, _ => new Lazy<string>(() => Compile(name, options))).Value;

    private static string Compile(string name, string[] options)
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "fake-plugins");
        Directory.CreateDirectory(directory);
        string output = Path.Combine(directory, $"lib{name}.so");
        var start = new ProcessStartInfo("gcc") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", "-o", output, .. options])
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(Repository.Path("tests", "Falco.Plugins.Cli.Tests", "Native", "fake_plugin.c"));
        using Process gcc = Process.Start(start) ?? throw new InvalidOperationException("cannot start gcc");
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        return gcc.ExitCode == 0 ? output : throw new InvalidOperationException($"gcc failed for {name}: {errors}");
    }
}

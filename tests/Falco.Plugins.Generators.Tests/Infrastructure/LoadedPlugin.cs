using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.Emit;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>
/// A snippet plugin compiled with its generated exports and loaded into this process: its
/// <c>plugin_*</c> exports are called through function pointers with inputs laid out as the
/// framework lays them out, so that tests see what the generated dispatch does at run time.
/// </summary>
internal sealed unsafe class LoadedPlugin : IDisposable
{
    // Sizes and offsets of the plugin API structs (x86-64): init input, event input, parse and extract inputs, extract field.
    private const int InitInputSize = 40;
    private const int ParseInputSize = 112;
    private const int ExtractInputSize = 80;
    private const int ExtractFieldSize = 64;

    private readonly Dictionary<string, nint> _exports;
    private void* _state;

    private LoadedPlugin(Type pluginType, Dictionary<string, nint> exports)
    {
        PluginType = pluginType;
        _exports = exports;
    }

    /// <summary>The plugin class, for reading what its methods recorded.</summary>
    public Type PluginType { get; }

    /// <summary>The <c>plugin_*</c> entry points the assembly exports.</summary>
    public IReadOnlyCollection<string> EntryPoints => _exports.Keys;

    /// <summary>Compiles the run's output, loads it and calls plugin_init with an empty config.</summary>
    public static LoadedPlugin Init(GeneratorRun run, string pluginClass = "TestPlugins.TestPlugin")
    {
        run.AssertCleanBuild();
        using var image = new MemoryStream();
        EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;

        // Falco.Plugins resolves to the copy this process already runs, so the SDK's statics are shared.
        Assembly assembly = new AssemblyLoadContext($"snippet-{Guid.NewGuid():N}").LoadFromStream(image);
        Type pluginType = assembly.GetType(pluginClass, throwOnError: true)!;
        Dictionary<string, nint> exports = pluginType.GetNestedTypes(BindingFlags.NonPublic)
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<UnmanagedCallersOnlyAttribute>()))
            .Where(e => e.Attribute?.EntryPoint is not null)
            .ToDictionary(e => e.Attribute!.EntryPoint!, e => e.Method.MethodHandle.GetFunctionPointer());

        var plugin = new LoadedPlugin(pluginType, exports);
        plugin.CallInit();
        return plugin;
    }

    /// <summary>The plugin's last error.</summary>
    public string LastError => Marshal.PtrToStringUTF8((nint)((delegate* unmanaged<void*, byte*>)Export("get_last_error"))(_state)) ?? "";

    /// <summary>What plugin_get_required_event_schema_version returns (called with a NULL state, as the API allows).</summary>
    public string? RequiredEventSchemaVersion() =>
        Marshal.PtrToStringUTF8((nint)((delegate* unmanaged<void*, byte*>)Export("get_required_event_schema_version"))(null));

    /// <summary>The codes plugin_get_&lt;capability&gt;_event_types returns.</summary>
    public ushort[] EventTypes(string capability)
    {
        uint count = 0;
        ushort* types = ((delegate* unmanaged<uint*, void*, ushort*>)Export($"get_{capability}_event_types"))(&count, _state);
        return new ReadOnlySpan<ushort>(types, (int)count).ToArray();
    }

    /// <summary>The value of a static field of the plugin class.</summary>
    public object? Static(string field) => PluginType.GetField(field, BindingFlags.Static | BindingFlags.Public)!.GetValue(null);

    /// <summary>Calls plugin_parse_event on <paramref name="evt"/> and returns its result code.</summary>
    public int Parse(byte[] evt, ulong eventNumber = 1)
    {
        void* input = NativeMemory.AllocZeroed(ParseInputSize);
        try
        {
            fixed (byte* bytes = evt)
            {
                EventInput eventInput = Event(bytes, eventNumber);
                return ((delegate* unmanaged<void*, void*, void*, int>)Export("parse_event"))(_state, &eventInput, input);
            }
        }
        finally
        {
            NativeMemory.Free(input);
        }
    }

    /// <summary>
    /// Calls plugin_extract_fields for one field and returns its result code and the value as
    /// the framework would read it: a uint64 or a string (null when the field is absent).
    /// </summary>
    public (int Rc, object? Value) Extract(byte[] evt, uint fieldId, bool isString, ulong? index = null, ulong eventNumber = 1)
    {
        byte* input = (byte*)NativeMemory.AllocZeroed(ExtractInputSize);
        byte* field = (byte*)NativeMemory.AllocZeroed(ExtractFieldSize);
        try
        {
            *(uint*)(field + 16) = fieldId;
            if (index is { } argument)
            {
                *(ulong*)(field + 40) = argument;
                *(uint*)(field + 48) = 1;
            }

            *(uint*)(input + 16) = 1;
            *(byte**)(input + 24) = field;
            fixed (byte* bytes = evt)
            {
                EventInput eventInput = Event(bytes, eventNumber);
                int rc = ((delegate* unmanaged<void*, void*, void*, int>)Export("extract_fields"))(_state, &eventInput, input);
                void* res = *(void**)field;
                ulong count = *(ulong*)(field + 8);
                object? value = rc != 0 || count == 0 ? null
                    : isString ? Marshal.PtrToStringUTF8((nint)(*(byte**)res))
                    : *(ulong*)res;
                return (rc, value);
            }
        }
        finally
        {
            NativeMemory.Free(input);
            NativeMemory.Free(field);
        }
    }

    /// <summary>The managed bytes this thread allocates over <paramref name="calls"/> parse_event calls on <paramref name="evt"/>, after a first call.</summary>
    public long ParseAllocations(byte[] evt, int calls)
    {
        void* input = NativeMemory.AllocZeroed(ParseInputSize);
        var parse = (delegate* unmanaged<void*, void*, void*, int>)Export("parse_event");
        try
        {
            fixed (byte* bytes = evt)
            {
                EventInput eventInput = Event(bytes, 1);
                Assert.Equal(0, parse(_state, &eventInput, input));
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < calls; i++)
                {
                    eventInput.EvtNum = (ulong)i + 2;
                    parse(_state, &eventInput, input);
                }

                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        finally
        {
            NativeMemory.Free(input);
        }
    }

    /// <summary>The managed bytes this thread allocates over <paramref name="calls"/> extract_fields calls of one field, after a first call.</summary>
    public long ExtractAllocations(byte[] evt, uint fieldId, int calls)
    {
        byte* input = (byte*)NativeMemory.AllocZeroed(ExtractInputSize);
        byte* field = (byte*)NativeMemory.AllocZeroed(ExtractFieldSize);
        var extract = (delegate* unmanaged<void*, void*, void*, int>)Export("extract_fields");
        try
        {
            *(uint*)(field + 16) = fieldId;
            *(uint*)(input + 16) = 1;
            *(byte**)(input + 24) = field;
            fixed (byte* bytes = evt)
            {
                EventInput eventInput = Event(bytes, 1);
                Assert.Equal(0, extract(_state, &eventInput, input));
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < calls; i++)
                {
                    eventInput.EvtNum = (ulong)i + 2;
                    extract(_state, &eventInput, input);
                }

                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        finally
        {
            NativeMemory.Free(input);
            NativeMemory.Free(field);
        }
    }

    public void Dispose()
    {
        if (_state is not null)
        {
            ((delegate* unmanaged<void*, void>)Export("destroy"))(_state);
            _state = null;
        }
    }

    private void CallInit()
    {
        byte* config = stackalloc byte[1];
        config[0] = 0;
        void** input = stackalloc void*[InitInputSize / sizeof(void*)];
        new Span<nint>(input, InitInputSize / sizeof(void*)).Clear();
        input[0] = config;
        int rc = -1;
        _state = ((delegate* unmanaged<void*, int*, void*>)Export("init"))(input, &rc);
        Assert.True(rc == 0, $"plugin_init failed ({rc}): {(_state is null ? "no state" : LastError)}");
    }

    private nint Export(string name) =>
        _exports.TryGetValue("plugin_" + name, out nint pointer) ? pointer : throw new InvalidOperationException($"plugin_{name} is not exported");

    private static EventInput Event(byte* bytes, ulong eventNumber) => new() { Evt = bytes, EvtNum = eventNumber, EvtSrc = (byte*)SyscallSource };

    /// <summary>"syscall" as a C string that lives as long as the process.</summary>
    private static readonly nint SyscallSource = Marshal.StringToCoTaskMemUTF8("syscall");

    /// <summary><c>ss_plugin_event_input</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct EventInput
    {
        public byte* Evt;
        public ulong EvtNum;
        public byte* EvtSrc;
    }
}

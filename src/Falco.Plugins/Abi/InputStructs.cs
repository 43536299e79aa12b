using System.Runtime.InteropServices;

namespace Falco.Plugins.Abi;

/// <summary><c>ss_plugin_init_input</c> (40 bytes; <see cref="LogFn"/> exists from API 3.3).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct InitInput
{
    public byte* Config;
    public void* Owner;
    public delegate* unmanaged<void*, byte*> GetOwnerLastError;
    public InitTablesInput* Tables;

    /// <summary><c>void (*)(owner, component, msg, severity)</c>: the 3.4 signature, with the owner first.</summary>
    public delegate* unmanaged<void*, byte*, byte*, LogSeverity, void> LogFn;
}

/// <summary><c>ss_plugin_set_config_input</c> (API 3.4).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SetConfigInput
{
    public byte* Config;
}

/// <summary><c>ss_plugin_metric_value</c>: an 8-byte union.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal struct MetricValue
{
    [FieldOffset(0)] public uint U32;
    [FieldOffset(0)] public int S32;
    [FieldOffset(0)] public ulong U64;
    [FieldOffset(0)] public long S64;
    [FieldOffset(0)] public double D;
    [FieldOffset(0)] public float F;
    [FieldOffset(0)] public int I;
}

/// <summary><c>ss_plugin_metric</c> (API 3.6, 32 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Metric
{
    public byte* Name;
    public MetricType Type;
    public MetricValue Value;
    public MetricValueType ValueType;
}

/// <summary><c>ss_plugin_routine_vtable</c> (API 3.7).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct RoutineVtable
{
    /// <summary>Takes the owner, a routine <c>ss_plugin_bool (*)(plugin, state)</c> and its state; returns a routine handle.</summary>
    public delegate* unmanaged<void*, delegate* unmanaged<void*, void*, uint>, void*, void*> Subscribe;
    public delegate* unmanaged<void*, void*, PluginRc> Unsubscribe;
}

/// <summary><c>ss_plugin_capture_listen_input</c> (API 3.7; <see cref="GetOwnerLastError"/> from 3.9).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CaptureListenInput
{
    public void* Owner;
    public RoutineVtable* Routine;
    public TableReaderVtableExt* TableReaderExt;
    public TableWriterVtableExt* TableWriterExt;
    public delegate* unmanaged<void*, byte*> GetOwnerLastError;
}

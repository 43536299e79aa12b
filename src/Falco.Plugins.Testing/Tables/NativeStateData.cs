using System;
using System.Runtime.InteropServices;
using Falco.Plugins.Abi;

namespace Falco.Plugins.Testing.Tables;

/// <summary>An <c>ss_plugin_state_data</c> in native memory holding a .NET value (strings copied), for calls made on a test's behalf.</summary>
internal sealed unsafe class NativeStateData : IDisposable
{
    private byte* _text;

    public NativeStateData(StateType type, object value)
    {
        Pointer = (StateData*)NativeMemory.AllocZeroed((nuint)sizeof(StateData));
        if (type == StateType.String)
        {
            _text = NativeUtf8.Allocate(value as string ?? throw new ArgumentException("a string is expected", nameof(value)));
            Pointer->Str = _text;
        }
        else
        {
            StateValueCodec.WriteBits(type, StateValueCodec.FromObject(type, value), Pointer);
        }
    }

    public StateData* Pointer { get; private set; }

    public void Dispose()
    {
        NativeUtf8.Free(_text);
        _text = null;
        NativeMemory.Free(Pointer);
        Pointer = null;
    }
}

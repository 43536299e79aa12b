using System;
using System.Text;

namespace Falco.Plugins.Syscalls;

/// <summary>One name of a flag table: a flag, a mode bit or an enumerated value (libscap's <c>ppm_name_value</c>).</summary>
public sealed class FlagEntry
{
    private readonly byte[] _utf8Name;

    /// <summary>Creates an entry.</summary>
    /// <param name="name">The name, e.g. <c>O_CLOEXEC</c>.</param>
    /// <param name="value">The value the name stands for.</param>
    public FlagEntry(string name, uint value)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Value = value;
        _utf8Name = Encoding.UTF8.GetBytes(name);
    }

    /// <summary>The name, e.g. <c>O_CLOEXEC</c>.</summary>
    public string Name { get; }

    /// <summary>The value the name stands for.</summary>
    public uint Value { get; }

    /// <summary>The name in UTF-8, for rendering without allocating.</summary>
    public ReadOnlySpan<byte> Utf8Name => _utf8Name;

    /// <inheritdoc />
    public override string ToString() => $"{Name}={Value}";
}

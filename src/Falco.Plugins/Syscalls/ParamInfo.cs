using System;
using System.Collections.Generic;

namespace Falco.Plugins.Syscalls;

/// <summary>One parameter of an event code in the libscap event table (<c>ppm_param_info</c>).</summary>
public sealed class ParamInfo
{
    private static readonly ParamInfo[] NoShapes = [];

    /// <summary>Creates the description of a parameter.</summary>
    /// <param name="index">The position of the parameter in its event.</param>
    /// <param name="name">The name, e.g. <c>fd</c>; empty for the shapes of a dynamic parameter.</param>
    /// <param name="type">How the value is laid out.</param>
    /// <param name="format">How libsinsp prints it.</param>
    /// <param name="flagTable">The names of its values, for flags, modes and enumerations.</param>
    /// <param name="dirFdIndex">For a relative path, the index of the directory fd parameter; otherwise -1.</param>
    /// <param name="dynamicShapes">For a dynamic parameter, the shapes its index byte selects.</param>
    public ParamInfo(int index, string name, ParamType type, PrintFormat format, FlagTable? flagTable = null, int dirFdIndex = -1, ParamInfo[]? dynamicShapes = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Index = index;
        Name = name;
        Type = type;
        Format = format;
        FlagTable = flagTable;
        DirFdIndex = dirFdIndex;
        DynamicShapesArray = dynamicShapes is null ? NoShapes : (ParamInfo[])dynamicShapes.Clone();
        FixedSize = ParamSizes.FixedSize(type);
    }

    /// <summary>The position of the parameter in its event (for a dynamic shape: its index byte).</summary>
    public int Index { get; }

    /// <summary>The name, e.g. <c>fd</c>; empty for the shapes of a dynamic parameter.</summary>
    public string Name { get; }

    /// <summary>How the value is laid out.</summary>
    public ParamType Type { get; }

    /// <summary>How libsinsp prints it.</summary>
    public PrintFormat Format { get; }

    /// <summary>The names of its values, for flags, modes and enumerations; otherwise <see langword="null"/>.</summary>
    public FlagTable? FlagTable { get; }

    /// <summary>For a <see cref="ParamType.FsRelPath"/>, the index of the directory fd parameter it is relative to; otherwise -1.</summary>
    public int DirFdIndex { get; }

    /// <summary>For a <see cref="ParamType.Dyn"/> parameter, the shapes its leading index byte selects; otherwise empty.</summary>
    public IReadOnlyList<ParamInfo> DynamicShapes => DynamicShapesArray;

    /// <summary>The size in bytes of a value of a fixed-size type; 0 for types whose size varies.</summary>
    public int FixedSize { get; }

    internal ParamInfo[] DynamicShapesArray { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Type})";
}

using Falco.Plugins.Generators.Model;

namespace Falco.Plugins.Generators.Events;

/// <summary>
/// The event schema as the emitters need it: equatable, so that the incremental pipeline skips
/// emitting when the schema file did not change. <see cref="Error"/> is set instead of events
/// when the file cannot be used.
/// </summary>
internal sealed record EventSchemaModel(string FileName, string Version, EquatableArray<EventModel> Events, string? Error)
{
    public static EventSchemaModel Failed(string fileName, string error) => new(fileName, string.Empty, EquatableArray<EventModel>.Empty, error);
}

/// <summary>One event code.</summary>
/// <param name="Code">The code, also its index in the table.</param>
/// <param name="EnumName">The libscap enum name, e.g. <c>PPME_SYSCALL_OPENAT_2_X</c>.</param>
/// <param name="Name">The event name, e.g. <c>openat</c>.</param>
/// <param name="TypeName">The C# name of its <c>EventCode</c> member and typed view.</param>
/// <param name="Category">The raw <c>EC_*</c> bits.</param>
/// <param name="Flags">The raw <c>EF_*</c> bits.</param>
/// <param name="LargePayload">Whether parameter lengths take 4 bytes.</param>
/// <param name="Params">The parameters in event order.</param>
internal sealed record EventModel(
    int Code,
    string EnumName,
    string Name,
    string TypeName,
    long Category,
    long Flags,
    bool LargePayload,
    EquatableArray<ParamModel> Params)
{
    public bool IsEnter => (Code & 1) == 0;
}

/// <summary>One parameter (or one shape of a dynamic parameter).</summary>
/// <param name="Index">Its position in the event (or the shape's index byte).</param>
/// <param name="Name">The name in the table, e.g. <c>fd</c>.</param>
/// <param name="TypeName">The <c>PT_*</c> name of its type.</param>
/// <param name="Type">The <c>PT_*</c> number.</param>
/// <param name="FormatName">The <c>PF_*</c> name of its print format.</param>
/// <param name="Format">The <c>PF_*</c> number.</param>
/// <param name="Flags">The names of its values, for flags, modes and enumerations.</param>
/// <param name="DirFd">For a relative path, the index of the directory fd parameter; otherwise -1.</param>
/// <param name="Shapes">For a dynamic parameter, the shapes its index byte selects.</param>
/// <param name="Member">The C# name of its accessor in the typed view.</param>
/// <param name="Argument">The C# name of its argument in the encoders.</param>
internal sealed record ParamModel(
    int Index,
    string Name,
    string TypeName,
    long Type,
    string FormatName,
    long Format,
    EquatableArray<FlagModel> Flags,
    int DirFd,
    EquatableArray<ParamModel> Shapes,
    string Member,
    string Argument);

/// <summary>One name of a flag table.</summary>
internal sealed record FlagModel(string Name, long Value);

namespace Falco.Plugins.Generators.Events;

/// <summary>What a parameter's accessor reads with: nothing more than its bytes, its flag table, or its dynamic shapes.</summary>
internal enum ReaderInput
{
    Bytes,
    FlagTable,
    Shapes,
}

/// <summary>How the typed views read and write one <c>PT_*</c> type.</summary>
/// <param name="ValueType">The accessor's C# type.</param>
/// <param name="Reader">The <c>ParamReader</c> method that reads it.</param>
/// <param name="Input">What the reader needs besides the bytes.</param>
/// <param name="ArgumentType">The encoders' C# type for it.</param>
/// <param name="Writer">The <c>EventWriter</c> method that writes it.</param>
/// <param name="IsText">Whether it is a NUL-terminated string, which also gets a string helper.</param>
internal sealed record ParamKind(string ValueType, string Reader, ReaderInput Input, string ArgumentType, string Writer, bool IsText = false);

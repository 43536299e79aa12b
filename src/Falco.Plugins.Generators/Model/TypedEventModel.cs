namespace Falco.Plugins.Generators.Model;

/// <summary>A typed syscall event view of <c>Falco.Plugins.Syscalls</c>: its type and the event code it reads.</summary>
/// <param name="TypeName">The fully qualified type name, as generated code refers to it.</param>
/// <param name="Name">The type's simple name, for messages.</param>
/// <param name="Code">The value of its <c>Code</c> constant.</param>
internal sealed record TypedEventModel(string TypeName, string Name, ushort Code);

/// <summary>A [ParseHandler] method and the typed event it takes.</summary>
internal sealed record ParseHandlerModel(string MethodName, bool IsStatic, TypedEventModel Event);

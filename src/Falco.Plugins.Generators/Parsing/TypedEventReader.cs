using System.Linq;
using Falco.Plugins.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Falco.Plugins.Generators.Parsing;

/// <summary>
/// Recognizes the typed syscall event views of the SDK by their shape: a ref struct of
/// <c>Falco.Plugins.Syscalls</c> with a <c>const ushort Code</c>, the event code it reads.
/// </summary>
internal static class TypedEventReader
{
    public const string Namespace = "Falco.Plugins.Syscalls";

    /// <summary>The event a parameter of type <paramref name="type"/> receives, or <see langword="null"/> when it is not a typed event view.</summary>
    public static TypedEventModel? Read(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { IsRefLikeType: true, TypeKind: TypeKind.Struct, IsGenericType: false } view
            || view.ContainingType is not null
            || view.ContainingNamespace?.ToDisplayString() != Namespace)
        {
            return null;
        }

        IFieldSymbol? code = view.GetMembers("Code").OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.IsConst && f.Type.SpecialType == SpecialType.System_UInt16 && f.ConstantValue is ushort);
        return code is null
            ? null
            : new TypedEventModel(view.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), view.Name, (ushort)code.ConstantValue!);
    }

    /// <summary>
    /// Whether events of <paramref name="code"/> come only from the <c>syscall</c> source: every
    /// code but plugin events (322) and async events (402), which plugin sources carry too.
    /// </summary>
    public static bool IsSyscallOnly(ushort code) => code is not (322 or 402);
}

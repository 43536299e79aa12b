using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>Reads facts out of the generated exports file through its syntax tree.</summary>
internal static class GeneratedExports
{
    /// <summary>The <c>EntryPoint</c> names of every <c>[UnmanagedCallersOnly]</c> method.</summary>
    public static IReadOnlySet<string> EntryPoints(SyntaxTree exports) =>
        exports.GetRoot().DescendantNodes().OfType<AttributeSyntax>()
            .Where(a => a.Name.ToString().EndsWith("UnmanagedCallersOnly", System.StringComparison.Ordinal))
            .SelectMany(a => a.ArgumentList?.Arguments ?? default)
            .Where(arg => arg.NameEquals?.Name.Identifier.ValueText == "EntryPoint")
            .Select(arg => ((LiteralExpressionSyntax)arg.Expression).Token.ValueText)
            .ToHashSet();

    /// <summary>The text of the UTF-8 literal that the property or method <paramref name="member"/> returns, without its NUL terminator.</summary>
    public static string Utf8Literal(SyntaxTree exports, string member)
    {
        SyntaxNode declaration = exports.GetRoot().DescendantNodes()
            .Single(n => n is PropertyDeclarationSyntax p && p.Identifier.ValueText == member
                || n is MethodDeclarationSyntax m && m.Identifier.ValueText == member);
        SyntaxToken literal = declaration.DescendantTokens().Single(t => t.IsKind(SyntaxKind.Utf8StringLiteralToken));
        string text = literal.ValueText;
        Assert.True(text.EndsWith('\0'), $"The literal of {member} must end with a NUL byte: {literal.Text}");
        return text[..^1];
    }

    /// <summary>The argument at <paramref name="index"/> of the <c>PluginDescriptor</c> the exports create, as source text.</summary>
    public static string DescriptorArgument(SyntaxTree exports, int index)
    {
        VariableDeclaratorSyntax descriptor = exports.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Single(v => v.Identifier.ValueText == "Descriptor");
        var creation = (BaseObjectCreationExpressionSyntax)descriptor.Initializer!.Value;
        return creation.ArgumentList!.Arguments[index].ToString();
    }

    /// <summary>Whether the exports declare a member with this name.</summary>
    public static bool Declares(SyntaxTree exports, string member) =>
        exports.GetRoot().DescendantNodes().Any(n =>
            n is PropertyDeclarationSyntax p && p.Identifier.ValueText == member
            || n is MethodDeclarationSyntax m && m.Identifier.ValueText == member);
}

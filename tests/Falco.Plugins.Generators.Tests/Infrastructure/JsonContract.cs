using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis.Emit;

namespace Falco.Plugins.Generators.Tests.Infrastructure;

/// <summary>
/// What System.Text.Json itself makes of a snippet's config type: the snippet is emitted and
/// loaded, and the JsonTypeInfo of its source-generated context lists the JSON property names
/// and which ones are required. The init schema must agree with it.
/// </summary>
internal static class JsonContract
{
    public static IReadOnlyList<(string Name, bool IsRequired)> Properties(GeneratorRun run, string contextType, string configType)
    {
        using var image = new MemoryStream();
        EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;

        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromStream(image);
            Type serializerContext = assembly.GetType(contextType, throwOnError: true)!;
            var instance = (JsonSerializerContext)serializerContext.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            JsonTypeInfo info = instance.GetTypeInfo(assembly.GetType(configType, throwOnError: true)!)!;
            return info.Properties.Select(p => (p.Name, p.IsRequired)).ToArray();
        }
        finally
        {
            context.Unload();
        }
    }
}

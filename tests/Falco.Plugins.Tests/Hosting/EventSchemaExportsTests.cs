using System.Runtime.InteropServices;
using Falco.Plugins.Hosting;

namespace Falco.Plugins.Tests.Hosting;

/// <summary>plugin_get_required_event_schema_version as the generated export answers it.</summary>
public sealed unsafe class EventSchemaExportsTests
{
    [Fact]
    public void The_required_version_is_the_schema_of_the_typed_views_as_a_C_string()
    {
        Assert.Equal(TypedEventSchema.Version, Marshal.PtrToStringUTF8((nint)EventSchemaExports.RequiredVersion()));
        Assert.Matches(@"^\d+\.\d+\.\d+$", TypedEventSchema.Version);
    }

    [Fact]
    public void The_constant_is_the_version_of_the_generated_event_schema()
    {
        Assert.Equal(TypedEventSchema.Version, Falco.Plugins.Syscalls.EventSchema.Version);
    }

    [Fact]
    public void The_framework_may_keep_the_pointer_it_is_the_same_on_every_call()
    {
        Assert.True(EventSchemaExports.RequiredVersion() == EventSchemaExports.RequiredVersion());
    }
}

using System;

namespace Falco.Plugins;

/// <summary>
/// Declares a method of a plugin as the parser of one syscall event type. The method has the
/// signature <c>void M(ref ParseContext context, TEvent evt)</c>, where <c>TEvent</c> is a typed
/// event of <c>Falco.Plugins.Syscalls</c> (e.g. <c>SyscallOpenat2Exit</c>): the SDK reads the
/// event into it before the call, and the plugin asks the framework for exactly the event types
/// its handlers take. A class with handlers has the event parsing capability; if it also
/// implements <see cref="IEventParser"/>, <see cref="IEventParser.ParseEvent"/> receives the
/// events that no handler takes.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ParseHandlerAttribute : Attribute
{
}

namespace Falco.Plugins.Syscalls;

/// <summary>Whether an event marks the entry into a system call or its exit: even codes enter, odd codes exit.</summary>
public enum EventDirection
{
    /// <summary>An enter event (<c>_E</c>).</summary>
    Enter = 0,

    /// <summary>An exit event (<c>_X</c>).</summary>
    Exit = 1,
}

namespace Falco.Plugins.Testing;

/// <summary>Where a routine a plugin subscribed stands.</summary>
public enum RoutineStatus
{
    /// <summary>The host keeps calling it.</summary>
    Running,

    /// <summary>It returned false (0) and so ended itself.</summary>
    Finished,

    /// <summary>The plugin unsubscribed it.</summary>
    Unsubscribed,

    /// <summary>The host stopped it because its plugin was disposed while it ran.</summary>
    Stopped,
}

namespace Falco.Plugins.Tests.FaultProbe;

/// <summary>An open capture of the probe, pull or push style; both report progress.</summary>
public interface IFaultProbeInstance : IEventSourceInstance, IProgressReporter
{
}

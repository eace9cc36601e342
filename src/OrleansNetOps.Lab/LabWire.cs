using OrleansNetOps.Topology;

namespace OrleansNetOps.Lab;

/// <summary>A topology link as a veth pair between two namespaces.</summary>
/// <param name="Link">The topology link.</param>
/// <param name="AInterface">Interface name in the A end's namespace.</param>
/// <param name="BInterface">Interface name in the B end's namespace.</param>
public sealed record LabWire(TopologyLink Link, string AInterface, string BInterface)
{
    /// <summary>The interface on <paramref name="nodeId"/>'s side.</summary>
    public string InterfaceOf(string nodeId) => Link.A == nodeId ? AInterface : BInterface;
}

namespace OrleansNetOps.Topology;

/// <summary>How the service carries a change to one router (<c>driver.kind</c> in topology.yaml).</summary>
public enum RouterDriverKind
{
    /// <summary>The embedded simulated network's policy (only meaningful when the network is simulated).</summary>
    Simulated,

    /// <summary>Renders and shows the exact commands, sends nothing; reads the router when it can be reached.</summary>
    DryRun,

    /// <summary>Real FRR through vtysh: snapshot, apply, read back, roll back.</summary>
    Frr,
}

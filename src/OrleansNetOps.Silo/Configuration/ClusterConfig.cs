namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>cluster</c> section: how this silo joins the others.</summary>
public sealed record ClusterConfig
{
    /// <summary>Silos with the same cluster id (and service id) form one cluster.</summary>
    public string ClusterId { get; init; } = "netops";

    /// <summary>Identifies the service across deployments; persisted grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; init; } = "netops";

    /// <summary>TCP port silos talk to each other on; 0 picks a free port at start.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>TCP port for external Orleans clients; 0 (the default) runs no gateway: the REST API is the way in.</summary>
    public int GatewayPort { get; init; }
}

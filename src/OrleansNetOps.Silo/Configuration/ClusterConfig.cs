namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>cluster</c> section: how this silo joins the others.</summary>
public sealed record ClusterConfig
{
    /// <summary>The advertised address when none is configured.</summary>
    public const string DefaultAdvertisedAddress = "127.0.0.1";

    /// <summary>Silos with the same cluster id (and service id) form one cluster.</summary>
    public string ClusterId { get; init; } = "netops";

    /// <summary>Identifies the service across deployments; persisted grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; init; } = "netops";

    /// <summary>TCP port silos talk to each other on; 0 picks a free port at start.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>TCP port for external Orleans clients; 0 (the default) runs no gateway: the REST API is the way in.</summary>
    public int GatewayPort { get; init; }

    /// <summary>
    /// The IP address other silos reach this one at, written to the membership table (<c>storage.kind: postgres</c>).
    /// On a loopback address the silo listens on loopback only; on any other it listens on every interface, so that
    /// it also works behind NAT or in a container whose own address differs from the advertised one.
    /// </summary>
    public string AdvertisedAddress { get; init; } = DefaultAdvertisedAddress;

    /// <summary>How fast a dead silo is noticed and a restarted cluster re-forms.</summary>
    public MembershipConfig Membership { get; init; } = new();
}

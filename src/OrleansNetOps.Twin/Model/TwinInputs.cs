using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Twin.Model;

/// <summary>What the twin is built from besides the topology.</summary>
public sealed record TwinInputs
{
    /// <summary>No overrides: the lab's default policies and the topology's announcements.</summary>
    public static TwinInputs Default { get; } = new();

    /// <summary>Per-node policy overrides by node id; nodes not listed run <see cref="DefaultPolicies"/>.</summary>
    public IReadOnlyDictionary<string, RoutingPolicy>? Policies { get; init; }

    /// <summary>What ISPs actually sent (live pre-policy Adj-RIB-In); replaces their announcements on those sessions.</summary>
    public IReadOnlyList<ExternalFeed>? Feeds { get; init; }

    /// <summary>Links (by <c>TopologyLink.Name</c>, e.g. <c>R1-ISP-A</c>) whose session is down.</summary>
    public IReadOnlyCollection<string>? DownLinks { get; init; }
}

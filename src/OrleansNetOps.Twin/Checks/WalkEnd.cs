namespace OrleansNetOps.Twin.Checks;

/// <summary>Where following next hops from a router ends.</summary>
public enum WalkEnd
{
    /// <summary>At the router that originates the prefix.</summary>
    Delivered,

    /// <summary>Handed to an ISP.</summary>
    Egress,

    /// <summary>Back at a router already on the chain.</summary>
    Loop,

    /// <summary>At a router with no path, or a next hop no node owns.</summary>
    Blackhole,
}

namespace OrleansNetOps.Topology;

/// <summary>What a router does in the network.</summary>
public enum RouterRole
{
    /// <summary>Peers with ISPs.</summary>
    Edge,

    /// <summary>Reflects iBGP routes to its clients.</summary>
    RouteReflector,

    /// <summary>Data-centre spine.</summary>
    Spine,

    /// <summary>Any other core router.</summary>
    Core,
}

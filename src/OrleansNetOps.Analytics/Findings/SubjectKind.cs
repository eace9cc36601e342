using Orleans;

namespace OrleansNetOps.Analytics.Findings;

/// <summary>What sort of network object a finding or a cause is about.</summary>
[GenerateSerializer]
public enum SubjectKind
{
    /// <summary>One of our routers.</summary>
    Router,

    /// <summary>A BGP session of one of our routers.</summary>
    Session,

    /// <summary>A topology link (ours or toward an ISP).</summary>
    Link,

    /// <summary>A provider.</summary>
    Isp,

    /// <summary>A prefix (its origin or its reachability).</summary>
    Prefix,

    /// <summary>A router interface.</summary>
    Interface,

    /// <summary>A metric series.</summary>
    Series,

    /// <summary>An autonomous system outside our topology, e.g. <c>AS6175</c>: the leaker of a route leak or the origin of a hijack.</summary>
    AutonomousSystem,
}

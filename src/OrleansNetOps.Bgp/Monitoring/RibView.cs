using Orleans;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>Which RIB of a monitored router (API names in brackets).</summary>
[GenerateSerializer]
public enum RibView
{
    /// <summary>Adj-RIB-In before inbound policy (<c>adj-in-pre</c>).</summary>
    AdjInPre,

    /// <summary>Adj-RIB-In after inbound policy (<c>adj-in-post</c>).</summary>
    AdjInPost,

    /// <summary>Adj-RIB-Out before outbound policy (<c>adj-out-pre</c>, RFC 8671).</summary>
    AdjOutPre,

    /// <summary>Adj-RIB-Out after outbound policy (<c>adj-out-post</c>, RFC 8671).</summary>
    AdjOutPost,

    /// <summary>The router's own best paths (<c>loc</c>, RFC 9069).</summary>
    LocRib,
}

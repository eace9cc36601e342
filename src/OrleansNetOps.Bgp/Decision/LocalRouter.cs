using System.Net;

namespace OrleansNetOps.Bgp.Decision;

/// <summary>The local BGP speaker's identity and the instance-wide settings the export rules need.</summary>
/// <param name="Asn">Our AS (the member AS when in a confederation).</param>
/// <param name="RouterId">Our BGP identifier.</param>
public sealed record LocalRouter(uint Asn, IPAddress RouterId)
{
    /// <summary><c>bgp cluster-id</c>; FRR uses the router-id when it is not configured.</summary>
    public IPAddress? ClusterId { get; init; }

    /// <summary><c>bgp confederation identifier</c>, when this router is in a confederation.</summary>
    public uint? ConfederationId { get; init; }

    /// <summary><c>bgp client-to-client reflection</c> (on by default in FRR).</summary>
    public bool ClientToClientReflection { get; init; } = true;

    /// <summary><c>bgp default local-preference</c>: sent to iBGP peers when a path has none.</summary>
    public uint DefaultLocalPref { get; init; } = 100;

    /// <summary>The cluster id actually in force.</summary>
    public IPAddress EffectiveClusterId => ClusterId ?? RouterId;

    /// <summary>The AS that outsiders see: the confederation identifier, else our AS.</summary>
    public uint ExternalAsn => ConfederationId ?? Asn;
}

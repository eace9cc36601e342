namespace OrleansNetOps.Bgp.Attributes;

/// <summary>Path attribute type codes (IANA "BGP Path Attributes").</summary>
public enum PathAttributeType : byte
{
    /// <summary>ORIGIN (RFC 4271).</summary>
    Origin = 1,

    /// <summary>AS_PATH (RFC 4271).</summary>
    AsPath = 2,

    /// <summary>NEXT_HOP (RFC 4271).</summary>
    NextHop = 3,

    /// <summary>MULTI_EXIT_DISC (RFC 4271).</summary>
    MultiExitDisc = 4,

    /// <summary>LOCAL_PREF (RFC 4271).</summary>
    LocalPref = 5,

    /// <summary>ATOMIC_AGGREGATE (RFC 4271).</summary>
    AtomicAggregate = 6,

    /// <summary>AGGREGATOR (RFC 4271).</summary>
    Aggregator = 7,

    /// <summary>COMMUNITIES (RFC 1997).</summary>
    Communities = 8,

    /// <summary>ORIGINATOR_ID (RFC 4456).</summary>
    OriginatorId = 9,

    /// <summary>CLUSTER_LIST (RFC 4456).</summary>
    ClusterList = 10,

    /// <summary>MP_REACH_NLRI (RFC 4760).</summary>
    MpReachNlri = 14,

    /// <summary>MP_UNREACH_NLRI (RFC 4760).</summary>
    MpUnreachNlri = 15,

    /// <summary>EXTENDED COMMUNITIES (RFC 4360).</summary>
    ExtendedCommunities = 16,

    /// <summary>AS4_PATH (RFC 6793).</summary>
    As4Path = 17,

    /// <summary>AS4_AGGREGATOR (RFC 6793).</summary>
    As4Aggregator = 18,

    /// <summary>LARGE_COMMUNITY (RFC 8092).</summary>
    LargeCommunities = 32,
}

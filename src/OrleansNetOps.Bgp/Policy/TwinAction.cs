namespace OrleansNetOps.Bgp.Policy;

/// <summary>The twin's action catalogue (API.md, "Twin"); <see cref="TwinActionNames"/> maps the wire names.</summary>
public enum TwinAction : byte
{
    /// <summary><c>LOCAL_PREF_ADJUST</c>.</summary>
    LocalPrefAdjust,

    /// <summary><c>MED_ADJUST</c>.</summary>
    MedAdjust,

    /// <summary><c>COMMUNITY_TAG</c>.</summary>
    CommunityTag,

    /// <summary><c>AS_PATH_PREPEND</c>.</summary>
    AsPathPrepend,

    /// <summary><c>NEXT_HOP_CHANGE</c>.</summary>
    NextHopChange,

    /// <summary><c>PEER_ACTIVATE</c>.</summary>
    PeerActivate,

    /// <summary><c>PEER_DEACTIVATE</c>.</summary>
    PeerDeactivate,

    /// <summary><c>PREFIX_FILTER</c>.</summary>
    PrefixFilter,

    /// <summary><c>ISP_FAILOVER</c>.</summary>
    IspFailover,

    /// <summary><c>FULL_REROUTE</c>.</summary>
    FullReroute,

    /// <summary><c>DEPEER</c>.</summary>
    Depeer,

    /// <summary><c>NO_ACTION</c>.</summary>
    NoAction,
}

using System.Collections.Frozen;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>The catalogue names of <see cref="TwinAction"/>, exactly as the API spells them.</summary>
public static class TwinActionNames
{
    private static readonly FrozenDictionary<string, TwinAction> ByName = new Dictionary<string, TwinAction>(StringComparer.Ordinal)
    {
        ["LOCAL_PREF_ADJUST"] = TwinAction.LocalPrefAdjust,
        ["MED_ADJUST"] = TwinAction.MedAdjust,
        ["COMMUNITY_TAG"] = TwinAction.CommunityTag,
        ["AS_PATH_PREPEND"] = TwinAction.AsPathPrepend,
        ["NEXT_HOP_CHANGE"] = TwinAction.NextHopChange,
        ["PEER_ACTIVATE"] = TwinAction.PeerActivate,
        ["PEER_DEACTIVATE"] = TwinAction.PeerDeactivate,
        ["PREFIX_FILTER"] = TwinAction.PrefixFilter,
        ["ISP_FAILOVER"] = TwinAction.IspFailover,
        ["FULL_REROUTE"] = TwinAction.FullReroute,
        ["DEPEER"] = TwinAction.Depeer,
        ["NO_ACTION"] = TwinAction.NoAction,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every catalogue name, in the API's (the enumeration's) order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<TwinAction>().Select(a => ByName.First(pair => pair.Value == a).Key).ToArray();

    /// <summary>Parses a catalogue name (case-sensitive, as the API defines the enumeration).</summary>
    public static bool TryParse(string? name, out TwinAction action) => ByName.TryGetValue(name ?? string.Empty, out action);

    /// <summary>The catalogue name of <paramref name="action"/>.</summary>
    public static string Name(TwinAction action) => ByName.First(pair => pair.Value == action).Key;
}

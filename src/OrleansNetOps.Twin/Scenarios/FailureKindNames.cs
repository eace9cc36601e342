using System.Collections.Frozen;

namespace OrleansNetOps.Twin.Scenarios;

/// <summary>The API's names of <see cref="FailureKind"/> (<c>POST /api/v1/twin/scenarios</c> <c>kinds</c>).</summary>
public static class FailureKindNames
{
    private static readonly FrozenDictionary<string, FailureKind> s_byName = new Dictionary<string, FailureKind>(StringComparer.Ordinal)
    {
        ["LINK_CUT"] = FailureKind.LinkCut,
        ["PEER_LOSS"] = FailureKind.PeerLoss,
        ["PREFIX_WITHDRAWAL"] = FailureKind.PrefixWithdrawal,
        ["ISP_ROUTE_LEAK"] = FailureKind.IspRouteLeak,
        ["EDGE_ROUTE_LEAK"] = FailureKind.EdgeRouteLeak,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every name, in the enumeration's order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<FailureKind>().Select(Name).ToArray();

    /// <summary>Parses a name (case-sensitive, as the API spells it).</summary>
    public static bool TryParse(string? name, out FailureKind kind) => s_byName.TryGetValue(name ?? string.Empty, out kind);

    /// <summary>The API name of <paramref name="kind"/>.</summary>
    public static string Name(FailureKind kind) => s_byName.First(pair => pair.Value == kind).Key;
}

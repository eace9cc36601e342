using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Twin.Recordings;

/// <summary>
/// The twin's best paths against what routers showed: on our routers every prefix, on the ISPs our own prefixes (what
/// an ISP announces itself it holds as its own, which FRR shows without the AS path its outbound policy prepends).
/// Next hop and AS path must be equal; LOCAL_PREF and MED are compared where the router showed them (FRR shows no
/// LOCAL_PREF for eBGP-learnt paths, which then count as the default 100).
/// </summary>
public static class BestPathComparison
{
    /// <summary>Every difference as <c>R1 8.8.8.0/24: twin via … | observed via …</c>; empty when they agree.</summary>
    public static IReadOnlyList<string> Compare(TwinState state, IReadOnlyList<ObservedRoute> observed)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(observed);
        var model = state.Model;
        var ours = model.Nodes.Where(n => n.IsOurs).SelectMany(n => state.OriginatedBy(n.Index).Select(state.PrefixAt)).ToHashSet();
        var seen = observed.Where(o => Compared(model.IndexOf(o.Node) is var i and >= 0 && model.Nodes[i].IsOurs, o.Prefix, ours))
            .GroupBy(o => (o.Node, o.Prefix)).ToDictionary(g => g.Key, g => g.First());
        var keys = new SortedSet<(string Node, string Prefix)>(seen.Keys);
        foreach (var node in model.Nodes)
        {
            foreach (var prefix in state.Prefixes)
            {
                if (state.Best(node.Id, prefix) is not null && Compared(node.IsOurs, prefix.ToString(), ours))
                {
                    keys.Add((node.Id, prefix.ToString()));
                }
            }
        }

        var differences = new List<string>();
        foreach (var (node, text) in keys)
        {
            var twin = model.IndexOf(node) >= 0 && IpPrefix.TryParse(text, out var prefix) ? state.Best(node, prefix) : null;
            var shown = seen.GetValueOrDefault((node, text));
            if (!Agree(twin, shown))
            {
                differences.Add($"{node} {text}: twin {(twin is null ? "(no path)" : Describe(twin))} | observed {shown?.ToString() ?? "(no path)"}");
            }
        }

        return differences;
    }

    private static bool Compared(bool ourRouter, string prefix, HashSet<IpPrefix> ours) =>
        ourRouter || (IpPrefix.TryParse(prefix, out var p) && ours.Contains(p));

    private static bool Agree(CandidatePath? twin, ObservedRoute? shown)
    {
        if (twin is null || shown is null)
        {
            return twin is null && shown is null;
        }

        var attributes = twin.Attributes;
        var path = (attributes.EffectiveAsPath ?? AsPath.Empty).Segments.SelectMany(s => s.Asns);
        var nextHop = twin.EffectiveNextHop ?? (twin.Peer.Type == PeerType.Local ? IPAddress.Any : null);
        return Equals(Normal(nextHop), Normal(shown.NextHop)) && path.SequenceEqual(shown.AsPath)
            && (shown.LocalPref is null || (attributes.LocalPref ?? 100) == shown.LocalPref)
            && (shown.Med is null || attributes.MultiExitDisc == shown.Med);
    }

    // FRR shows our own routes' next hop as 0.0.0.0 or :: ; the twin as the unspecified address of either family.
    private static IPAddress? Normal(IPAddress? address) =>
        address is null || address.Equals(IPAddress.IPv6Any) ? IPAddress.Any : address;

    private static string Describe(CandidatePath path) =>
        $"via {path.EffectiveNextHop} [{path.Attributes.EffectiveAsPath}] lp {path.Attributes.LocalPref?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} med {path.Attributes.MultiExitDisc?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
}

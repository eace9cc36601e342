using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Twin.Checks;

/// <summary>
/// Asymmetric paths, as the twin defines them: a flow between one of our prefixes q (originated by router o) and an
/// external prefix p is asymmetric when the ISP o's traffic to p leaves through is not one of the ISPs through which
/// return traffic to q is expected. The Internet's choice is not visible, so "expected" is approximated by the ISPs
/// that hold a path to q with the shortest AS path (what prepending and withdrawals change); with no prepending all
/// ISPs that hear q qualify.
/// </summary>
internal static class AsymmetryCheck
{
    public static List<string> Find(TwinState state, IReadOnlyList<(int Prefix, int Origin)> own, IReadOnlyList<int> externalPrefixes)
    {
        var model = state.Model;
        var result = new List<string>();
        var inbound = own.ToDictionary(o => o, o => InboundIsps(state, o.Prefix));
        foreach (var p in externalPrefixes)
        {
            var prefix = state.PrefixAt(p);
            foreach (var (q, origin) in own)
            {
                if (state.PrefixAt(q).IsIPv6 != prefix.IsIPv6)
                {
                    continue;
                }

                var path = ForwardingWalk.From(state, origin, p);
                if (path.EgressIsp is not { } egress)
                {
                    continue;
                }

                var expected = inbound[(q, origin)];
                if (expected.Count > 0 && !expected.Contains(egress))
                {
                    result.Add($"{model.Nodes[origin].Id} {state.PrefixAt(q)} <-> {prefix}: out via {egress}, in via {string.Join("/", expected)}");
                }
            }
        }

        return result;
    }

    private static List<string> InboundIsps(TwinState state, int prefix) =>
        Inbound.InboundPredictor.Shortest(state, prefix).Select(i => state.Model.Nodes[i].Id).Order(StringComparer.Ordinal).ToList();
}

using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.Frr;

namespace OrleansNetOps.Drivers.Tests;

/// <summary>A routing policy as sorted FRR lines (objects and bindings), for comparing two policies structurally.</summary>
internal static class PolicyLines
{
    public static List<string> Of(RoutingPolicy policy)
    {
        var lines = new List<string>();
        lines.AddRange(policy.PrefixLists.Values.Concat(policy.IPv6PrefixLists.Values).SelectMany(FrrPolicyText.Lines));
        lines.AddRange(policy.AsPathLists.Values.SelectMany(FrrPolicyText.Lines));
        lines.AddRange(policy.CommunityLists.Values.SelectMany(FrrPolicyText.Lines));
        lines.AddRange(policy.LargeCommunityLists.Values.SelectMany(FrrPolicyText.Lines));
        foreach (var map in policy.RouteMaps.Values)
        {
            foreach (var entry in map.Entries)
            {
                var header = FrrPolicyText.Header(map.Name, entry);
                lines.Add(header);
                lines.AddRange(FrrPolicyText.Lines(entry).Select(l => $"{header} › {l}"));
            }
        }

        foreach (var (peer, binding) in policy.Peers)
        {
            lines.Add($"peer {peer}: route-map in {binding.RouteMapIn ?? "-"} out {binding.RouteMapOut ?? "-"}, prefix-list in {binding.PrefixListIn ?? "-"} out {binding.PrefixListOut ?? "-"}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}

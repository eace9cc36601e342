using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Sla;

namespace OrleansNetOps.Grains.Twin;

/// <summary>
/// Puts measured traffic onto the prefixes the twin routes. Flow stores bucket destinations by /24 and /48 (or by
/// their own prefix table), while the twin knows the announced prefixes: 151.101.7.0/24 is forwarded as part of
/// 151.101.0.0/16. Each volume counts toward the longest routed prefix that covers it — as a router forwards it — and
/// volumes that end on one prefix are added up; a volume no routed prefix covers is kept as it is (the twin then
/// reports it as traffic without a way out, which it is).
/// </summary>
public static class RoutedTraffic
{
    /// <summary>The volumes of <paramref name="traffic"/> keyed by the routed prefixes of <paramref name="state"/>.</summary>
    public static IReadOnlyList<TrafficVolume> Onto(TwinState state, IReadOnlyList<TrafficVolume> traffic)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(traffic);
        if (traffic.Count == 0)
        {
            return traffic;
        }

        var routed = state.Prefixes.ToHashSet();
        var lengths = routed.Select(p => (p.IsIPv6, p.Length)).Distinct().OrderByDescending(l => l.Length).ToList();
        var summed = new Dictionary<(IpPrefix Prefix, string? From), double>();
        foreach (var volume in traffic)
        {
            var onto = routed.Contains(volume.Prefix)
                ? volume.Prefix
                : lengths.Where(l => l.IsIPv6 == volume.Prefix.IsIPv6 && l.Length < volume.Prefix.Length)
                    .Select(l => IpPrefix.Create(volume.Prefix.Address, l.Length))
                    .FirstOrDefault(routed.Contains, volume.Prefix);
            var key = (onto, volume.FromRouter);
            summed[key] = summed.GetValueOrDefault(key) + volume.BytesPerSecond;
        }

        return [.. summed.Select(s => new TrafficVolume(s.Key.Prefix, s.Value, s.Key.From))];
    }
}

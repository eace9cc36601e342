using System.Diagnostics.Metrics;

namespace OrleansNetOps.Grains.Network;

/// <summary>
/// The peer grains' counters on the <c>OrleansNetOps.Grains</c> meter: flaps and suppressions per router, counted
/// once, by the grain that owns the session's history, whichever silo it lives on.
/// </summary>
internal static class BgpPeerMetrics
{
    /// <summary>The meter's name; the silo's exporter listens to <c>OrleansNetOps.*</c>.</summary>
    public const string MeterName = "OrleansNetOps.Grains";

    private static readonly Meter s_meter = new(MeterName);

    private static readonly Counter<long> s_flaps = s_meter.CreateCounter<long>(
        "netops.bgp.session.flaps", "{flap}", "BGP sessions leaving Established, by router.");

    private static readonly Counter<long> s_suppressions = s_meter.CreateCounter<long>(
        "netops.bgp.session.suppressions", "{suppression}", "BGP sessions whose RFC 2439 penalty crossed the suppress limit (flapping), by router.");

    /// <summary>Counts what one change did to a session's history.</summary>
    public static void Record(string router, PeerHistory before, PeerHistory after)
    {
        var tag = new KeyValuePair<string, object?>("router", router);
        if (after.FlapCount > before.FlapCount)
        {
            s_flaps.Add(after.FlapCount - before.FlapCount, tag);
        }

        if (after.Suppressed && !before.Suppressed)
        {
            s_suppressions.Add(1, tag);
        }
    }
}

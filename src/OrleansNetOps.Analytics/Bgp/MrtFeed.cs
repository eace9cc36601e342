using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>Turns BGP4MP records of a route collector's update dump into detector input.</summary>
public static class MrtFeed
{
    /// <summary>The record's time, with microseconds for the _ET types.</summary>
    public static DateTimeOffset TimeOf(MrtRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return DateTimeOffset.FromUnixTimeSeconds(record.Header.Timestamp).AddTicks(record.Header.Microseconds * 10L);
    }

    /// <summary>The session subject id of the collector's peer: <c>collector|peer address</c>.</summary>
    public static string Vantage(string collector, Bgp4mpPeering peering)
    {
        ArgumentNullException.ThrowIfNull(peering);
        return $"{collector}|{peering.PeerAddress}";
    }

    /// <summary>
    /// Every IPv4/IPv6 unicast prefix an UPDATE received by the collector withdrew or announced, withdrawals first as on
    /// the wire. Messages the collector sent itself (the _LOCAL subtypes) and other message types yield nothing.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="collector">A name for the collector, the first half of each update's vantage.</param>
    public static IEnumerable<RouteUpdate> Updates(Bgp4mpMessageRecord record, string collector)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.IsLocal || record.Message is not UpdateMessage update)
        {
            return [];
        }

        var at = TimeOf(record);
        var vantage = Vantage(collector, record.Peering);
        var path = update.Attributes.EffectiveAsPath ?? AsPath.Empty;
        var updates = new List<RouteUpdate>(update.PrefixCount);
        foreach (var nlri in update.Withdrawn)
        {
            updates.Add(new RouteUpdate(at, vantage, null, nlri.Prefix, null));
        }

        if (update.MpUnreach is { Family.HasPlainPrefixes: true } unreach && unreach.Family.Safi == Safi.Unicast)
        {
            foreach (var nlri in unreach.Withdrawn)
            {
                updates.Add(new RouteUpdate(at, vantage, null, nlri.Prefix, null));
            }
        }

        if (update.MpReach is { Family.HasPlainPrefixes: true } reach && reach.Family.Safi == Safi.Unicast)
        {
            foreach (var nlri in reach.Nlri)
            {
                updates.Add(new RouteUpdate(at, vantage, null, nlri.Prefix, path));
            }
        }

        foreach (var nlri in update.Announced)
        {
            updates.Add(new RouteUpdate(at, vantage, null, nlri.Prefix, path));
        }

        return updates;
    }

    /// <summary>A STATE_CHANGE record as a session change of the collector's session with its peer.</summary>
    public static SessionChange Change(Bgp4mpStateChangeRecord record, string collector)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new SessionChange(
            TimeOf(record),
            collector,
            record.Peering.PeerAddress.ToString(),
            State(record.OldState),
            State(record.NewState),
            record.NewState == BgpState.Established ? null : $"FSM {record.OldState} to {record.NewState}",
            "mrt");
    }

    private static SessionState State(BgpState state) => state switch
    {
        BgpState.Idle => SessionState.Idle,
        BgpState.Connect => SessionState.Connect,
        BgpState.Active => SessionState.Active,
        BgpState.OpenSent => SessionState.OpenSent,
        BgpState.OpenConfirm => SessionState.OpenConfirm,
        BgpState.Established => SessionState.Established,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a BGP FSM state"),
    };
}

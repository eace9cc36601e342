namespace OrleansNetOps.Lab.Frr;

/// <summary>Names of the FRR objects the lab generates, shared by the config writer and the scenario player.</summary>
public static class RoutePolicyNames
{
    /// <summary>AS-path list matching routes originated inside our AS (empty AS_PATH).</summary>
    public const string OwnRoutes = "OWN-ROUTES";

    /// <summary>Route-map an ISP applies towards every neighbour: its announcements, with their AS paths and MEDs.</summary>
    public const string IspAnnouncements = "ISP-OUT";

    /// <summary>Sequence numbers of announcements added at run time (after the topology's own).</summary>
    public const int ExtraAnnouncementBase = 500;

    /// <summary>The route-map a node applies to a neighbour in one direction.</summary>
    public static string RouteMap(string neighborId, Scenarios.PolicyDirection direction) =>
        $"RM-{neighborId}-{(direction == Scenarios.PolicyDirection.In ? "IN" : "OUT")}";

    /// <summary>The prefix-list of prefixes that a neighbour policy denies, per address family.</summary>
    public static string DeniedPrefixes(string neighborId, Scenarios.PolicyDirection direction, bool ipv6) =>
        $"{RouteMap(neighborId, direction)}-DENY{(ipv6 ? "6" : "4")}";

    /// <summary>The prefix-list matching one ISP announcement.</summary>
    public static string Announcement(int sequence) => $"ANN-{sequence}";
}

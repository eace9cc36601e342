using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.TestSupport;
using Xunit.Abstractions;

namespace OrleansNetOps.Bgp.Tests.Monitoring;

/// <summary>
/// Acceptance against pmacct: every real BMP capture with pmacct's decoded log beside it is reassembled from its pcap,
/// fed frame by frame into a <see cref="MonitoredRouter"/> per connection (as the router grain feeds it), and the RIB
/// views must then hold exactly the routes pmacct holds after the same messages — same view, peer, family, RD,
/// prefix and path id — with the same labels, AS path, communities (standard, extended, large), next hop, origin,
/// MED and LOCAL_PREF, and nothing else. Driven by the logs alone, so a capture added to the folder is checked too.
/// </summary>
public sealed class PmacctRibTests(ITestOutputHelper output)
{
    private static readonly RibView[] Views = Enum.GetValues<RibView>();
    private static readonly AfiSafi[] Families =
    [
        AfiSafi.IPv4Unicast, AfiSafi.IPv6Unicast,
        new(Afi.IPv4, Safi.MplsLabel), new(Afi.IPv6, Safi.MplsLabel),
        new(Afi.IPv4, Safi.MplsVpn), new(Afi.IPv6, Safi.MplsVpn),
    ];

    /// <summary>Every pmacct BMP log (<c>output-bmp-*.json</c>) in a folder that has captures.</summary>
    public static TheoryData<string, string> Logs()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(TestData.File("pmacct")).Order(StringComparer.Ordinal))
        {
            if (Directory.GetFiles(folder, "*.pcap").Length == 0)
            {
                continue;
            }

            foreach (var log in Directory.GetFiles(folder, "output-bmp-*.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(folder), Path.GetFileName(log));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void The_rib_views_hold_every_route_pmacct_holds_and_nothing_else(string capture, string log)
    {
        var golden = PmacctBmpLog.Load(TestData.File("pmacct", capture, log));
        var observed = new Dictionary<string, (ObservedRoute Route, MonitoredRouter Router, ReplayedConnection Connection)>();
        foreach (var connection in ReplayedConnection.All(TestData.File("pmacct", capture)))
        {
            var router = connection.Router;
            var exporters = golden.SysNames.Where(s => s.Value == router.SysName).Select(s => s.Key).ToList();
            Assert.True(exporters.Count == 1, $"{connection.Source}: sysName {router.SysName} names {exporters.Count} exporters in {log}");
            foreach (var route in AllRoutes(router))
            {
                observed.Add(route.KeyFor(exporters[0]), (route, router, connection));
            }
        }

        var expected = golden.Routes.ToDictionary(r => r.Key);
        var missing = expected.Keys.Where(k => !observed.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var extra = observed.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var differences = new List<string>();
        var asPathsNotComparable = 0;
        var asPathsWithoutPrepend = 0;
        var mappedNextHops = 0;
        foreach (var (key, route) in expected)
        {
            if (!observed.TryGetValue(key, out var ours))
            {
                continue;
            }

            var asPath = ExpectedAsPath(route, ours.Route, ours.Router, ours.Connection);
            asPathsNotComparable += asPath is null ? 1 : 0;
            asPathsWithoutPrepend += asPath is not null && asPath != string.Join(' ', PmacctBmpLog.Items(route.Line, "as_path")) ? 1 : 0;
            mappedNextHops += PmacctBmpLog.Text(route.Line, "bgp_nexthop") is { } printed && printed != (ours.Route.Attributes.NextHop ?? System.Net.IPAddress.Any).ToString() ? 1 : 0;
            differences.AddRange(PmacctRouteComparison.Differences(route, ours.Route, asPath).Select(d => $"{key}: {d}"));
        }

        output.WriteLine($"{capture}/{log}: pmacct holds {expected.Count} routes after {golden.Updates} announcements; "
            + $"the RIB views hold {observed.Count}; {expected.Count - missing.Count} present, {missing.Count} missing, {extra.Count} extra, "
            + $"{differences.Count} field differences; AS path not comparable for {asPathsNotComparable}, compared without FRR's prepended own AS for "
            + $"{asPathsWithoutPrepend}; next hop equal only as IPv4 and IPv4-mapped IPv6 for {mappedNextHops}");
        foreach (var group in expected.Values.GroupBy(r => (r.View, r.Family)).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key.View} {group.Key.Family}: {group.Count()}");
        }

        Assert.NotEmpty(expected);
        Assert.True(missing.Count == 0, $"{missing.Count} of pmacct's routes missing, e.g.\n{string.Join('\n', missing.Take(10))}");
        Assert.True(extra.Count == 0, $"{extra.Count} routes pmacct does not hold, e.g.\n{string.Join('\n', extra.Take(10))}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences, e.g.\n{string.Join('\n', differences.Take(10))}");
    }

    [Theory]
    [InlineData("204-BMP-CISCO-peer_down")]
    [InlineData("205-BMP-6wind-FRR-peer_down")]
    public void Decoded_messages_and_raw_frames_fill_the_same_rib_views(string capture)
    {
        foreach (var connection in ReplayedConnection.All(TestData.File("pmacct", capture)))
        {
            var fromMessages = new MonitoredRouter();
            var reader = new BmpReader();
            foreach (var frame in connection.Frames)
            {
                fromMessages.Apply(reader.Decode(frame), DateTimeOffset.UnixEpoch);
            }

            var expected = AllRoutes(fromMessages).Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, AllRoutes(connection.Router).Select(r => r.ToString()).Order(StringComparer.Ordinal));
            Assert.Equal(fromMessages.Messages, connection.Router.Messages);
            Assert.Equal(fromMessages.PrefixUpdates, connection.Router.PrefixUpdates);
            Assert.Equal(
                fromMessages.Tables.Select(t => t.ToString()).Order(StringComparer.Ordinal),
                connection.Router.Tables.Select(t => t.ToString()).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>Every route of every view and family through the query API, in <see cref="ObservedRoute"/> terms.</summary>
    private static IEnumerable<ObservedRoute> AllRoutes(MonitoredRouter router) =>
        from view in Views
        from family in Families
        from route in router.Routes(view, family.Afi, safi: family.Safi)
        select new ObservedRoute(route.Peer, view, family, route.Distinguisher, route.Route.Prefix, route.Route.PathId,
            route.Labels, route.Attributes);

    /// <summary>
    /// pmacct prints the AS path as it is on the wire; the RIB holds it as the router holds it. Two known differences:
    /// <list type="bullet">
    /// <item>FRR 8 and older put the router's own AS in front of paths from eBGP peers and of its Loc-RIB
    /// (<see cref="BmpVendorQuirks.LocalAsPrependedForEbgpPeers"/>, see FRR-NOTES); the RIB holds the path without it.</item>
    /// <item>FRR 8 sends its own routes with a 2-octet AS_PATH on 4-octet sessions. This system reads a path that only
    /// parses as 2-octet as such; pmacct reads it as 4-octet, fails, and prints an empty path (<c>65000</c> on the wire,
    /// <c>[]</c> in the log): nothing to compare with, so null.</item>
    /// </list>
    /// </summary>
    private static string? ExpectedAsPath(PmacctRoute route, ObservedRoute ours, MonitoredRouter router, ReplayedConnection connection)
    {
        var peer = ours.Peer;
        if (connection.TwoOctetPaths.Contains(ReplayedConnection.RouteId(peer, ours.View, ours.Family, ours.Rd, new Nlri(ours.Prefix, ours.PathId))))
        {
            return null;
        }

        var path = PmacctBmpLog.Items(route.Line, "as_path").ToList();
        var local = router.LocalAs?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var peerAs = router.Session(peer)?.PeerAs;
        var prepended = router.Quirks.LocalAsPrependedForEbgpPeers && local is not null && path.Count > 0 && path[0] == local
            && (route.View == RibView.LocRib
                || (route.View is RibView.AdjInPre or RibView.AdjInPost && peerAs is not 0 && peerAs != router.LocalAs));
        return string.Join(' ', prepended ? path.Skip(1) : path);
    }
}

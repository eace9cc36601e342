using System.Globalization;
using System.Text;
using OrleansNetOps.Lab.Scenarios;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Lab.Frr;

/// <summary>
/// Writes the startup configuration of one lab bgpd. Everything a lab needs to converge in seconds is here:
/// short timers, no import check (there is no zebra to resolve anything), a policy on every neighbour (FRR's
/// traditional defaults require one on eBGP), soft-reconfiguration inbound (BMP pre-policy is read from it),
/// IPv6 unicast as MP-BGP over the IPv4 sessions, and BMP towards the in-namespace relay on our routers.
/// </summary>
public static class BgpdConfigWriter
{
    /// <summary>The hold time every lab bgpd runs with (<c>timers bgp 3 9</c>): how long a silently dead link takes to notice.</summary>
    public const int HoldTimeSeconds = 9;

    /// <summary>The bgpd configuration of <paramref name="node"/>.</summary>
    public static string Render(LabLayout layout, LabNode node)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(node);
        var topology = layout.Topology;
        var router = topology.Router(node.Id);
        var isp = topology.Isp(node.Id);
        var links = topology.LinksOf(node.Id).ToList();
        var isEdge = links.Any(l => l.Kind == SessionKind.Ebgp);
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        Line("frr defaults traditional");
        Line($"hostname {node.Hostname}");
        Line($"log file {node.LogFile} informational");

        // Route-map edits are what scenarios do; apply them after 1 s instead of FRR's 5 s.
        Line("bgp route-map delay-timer 1");
        Line("!");

        if (router is not null)
        {
            Line(Invariant($"bgp as-path access-list {RoutePolicyNames.OwnRoutes} seq 5 permit ^$"));
            foreach (var link in links)
            {
                var peer = link.Other(node.Id);
                text.AppendJoin('\n', RoutePolicyText.RouteMap(peer, PolicyDirection.In, ownRoutesOnly: false, [])).Append('\n');
                text.AppendJoin('\n', RoutePolicyText.RouteMap(peer, PolicyDirection.Out, ownRoutesOnly: link.Kind == SessionKind.Ebgp, [])).Append('\n');
            }
        }
        else if (isp is not null)
        {
            foreach (var link in links)
            {
                text.AppendJoin('\n', RoutePolicyText.RouteMap(link.Other(node.Id), PolicyDirection.In, ownRoutesOnly: false, [])).Append('\n');
            }

            // No catch-all entry: an ISP announces its own prefixes only, never what it learnt from us (no transit leak
            // from ISP-B between R1 and R2).
            for (var i = 0; i < isp.Announcements.Count; i++)
            {
                var announcement = isp.Announcements[i];
                text.AppendJoin('\n', RoutePolicyText.Announcement(10 + i, announcement.Prefix, announcement.AsPath, announcement.Med)).Append('\n');
            }
        }

        Line("!");
        Line(Invariant($"router bgp {node.Asn}"));
        Line($" bgp router-id {node.RouterId}");
        Line(" no bgp ebgp-requires-policy");
        // Without it FRR keeps the older of two equal eBGP paths, which depends on session timing; the twin must be
        // able to predict the choice, so ties go to the lower router-id.
        Line(" bgp bestpath compare-routerid");
        Line(" no bgp network import-check");
        Line(" no bgp default ipv4-unicast");
        Line(Invariant($" timers bgp 3 {HoldTimeSeconds}"));
        foreach (var link in links)
        {
            var peer = link.Other(node.Id);
            var address = link.AddressOf(peer);
            Line(Invariant($" neighbor {address} remote-as {topology.AsnOf(peer)}"));
            Line($" neighbor {address} description {peer}");
            Line($" neighbor {address} update-source {link.AddressOf(node.Id)}");
            Line($" neighbor {address} timers connect 5");
            Line($" neighbor {address} advertisement-interval 0");
        }

        foreach (var (family, ipv6) in new[] { ("ipv4", false), ("ipv6", true) })
        {
            Line($" address-family {family} unicast");
            var prefixes = router?.Originates ?? isp?.Announcements.Select(a => a.Prefix).ToList() ?? [];
            foreach (var prefix in prefixes.Where(p => p.IsIPv6 == ipv6))
            {
                Line($"  network {prefix}");
            }

            foreach (var link in links)
            {
                var peer = link.Other(node.Id);
                var address = link.AddressOf(peer);
                Line($"  neighbor {address} activate");
                Line($"  neighbor {address} soft-reconfiguration inbound");
                Line($"  neighbor {address} route-map {RoutePolicyNames.RouteMap(peer, PolicyDirection.In)} in");
                Line($"  neighbor {address} route-map {(router is null ? RoutePolicyNames.IspAnnouncements : RoutePolicyNames.RouteMap(peer, PolicyDirection.Out))} out");
                if (router is not null && link.Kind == SessionKind.Ibgp)
                {
                    if (router.ReflectorClients.Contains(peer))
                    {
                        Line($"  neighbor {address} route-reflector-client");
                    }

                    // Without zebra any next hop counts as reachable, so this is not needed for the lab to converge; it
                    // keeps the next hops realistic (an ISP's address is not routable inside our AS).
                    if (isEdge)
                    {
                        Line($"  neighbor {address} next-hop-self");
                    }
                }
            }

            Line(" exit-address-family");
        }

        if (router is not null)
        {
            Line(" bmp targets collector");
            // One target per collector: bgpd streams to all of them at once. After a lost connection it retries after
            // min-retry, doubling up to max-retry: low, so a router is back on a surviving silo within a second.
            foreach (var port in layout.Options.BmpPorts)
            {
                Line(Invariant($"  bmp connect 127.0.0.1 port {port} min-retry 100 max-retry 1000"));
            }

            foreach (var family in new[] { "ipv4", "ipv6" })
            {
                Line($"  bmp monitor {family} unicast pre-policy");
                Line($"  bmp monitor {family} unicast post-policy");
            }

            Line("  bmp stats interval 5000");
            Line(" exit");
        }

        Line("exit");
        Line("!");
        Line("end");
        return text.ToString();
    }
}

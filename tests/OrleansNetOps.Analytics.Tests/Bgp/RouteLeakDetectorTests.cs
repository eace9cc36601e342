using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Tests.Bgp;

public sealed class RouteLeakDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Our_router_sending_one_providers_route_to_another_is_a_leak()
    {
        var detector = new RouteLeakDetector(AsRelationships.Empty, SeedTopology.Value);
        // R1 learned 8.8.8.0/24 from ISP-A (1234 15169) and ISP-B receives it with our AS prepended.
        var leak = detector.ObserveExported(new ExportedRoute(T0, "R1", "ISP-B", IpPrefix.Parse("8.8.8.0/24"), AsPath.FromSequence(65001, 1234, 15169)))!;

        Assert.Equal(FindingKind.RouteLeak, leak.Kind);
        Assert.Equal(new FindingSubject(SubjectKind.Prefix, "8.8.8.0/24"), leak.Subject);
        Assert.Equal("R1", leak.Router);
        Assert.Equal(1, leak.Score);
        Assert.Equal("R1 leaks 8.8.8.0/24 learned from ISP-A to ISP-B", leak.Summary);
        var data = leak.Evidence[0].Data;
        Assert.Equal(("65001", "1234", "5678", "ISP-B"), (data["leaker"], data["learnedFrom"], data["sentTo"], data["isp"]));

        // Reported once; the same route by session address is the same leak.
        Assert.Null(detector.ObserveExported(new ExportedRoute(T0.AddSeconds(5), "R1", "203.0.113.6", IpPrefix.Parse("8.8.8.0/24"), AsPath.FromSequence(1234, 15169))));
    }

    [Fact]
    public void Our_own_prefixes_and_routes_to_our_own_routers_are_fine()
    {
        var detector = new RouteLeakDetector(AsRelationships.Empty, SeedTopology.Value);

        Assert.Null(detector.ObserveExported(new ExportedRoute(T0, "R1", "ISP-A", IpPrefix.Parse("172.16.10.0/24"), AsPath.FromSequence(65001))));
        Assert.Null(detector.ObserveExported(new ExportedRoute(T0, "R1", "ISP-A", IpPrefix.Parse("172.16.20.0/24"), AsPath.Empty)));
        Assert.Null(detector.ObserveExported(new ExportedRoute(T0, "R1", "R3", IpPrefix.Parse("8.8.8.0/24"), AsPath.FromSequence(1234, 15169))));
        var error = Assert.Throws<ArgumentException>(() => detector.ObserveExported(new ExportedRoute(T0, "R1", "192.0.2.99", IpPrefix.Parse("8.8.8.0/24"), AsPath.FromSequence(1234))));
        Assert.Contains("192.0.2.99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leak_upstream_of_our_isp_is_seen_in_received_paths_with_a_relationship_file()
    {
        // ISP-A (1234) buys from 3356 and 174; AS64500, a customer of both, passes 174's route up to 3356.
        var file = AsRelationships.Parse(new StringReader("3356|1234|-1\n174|1234|-1\n174|13335|-1\n174|64500|-1\n3356|64500|-1"), "rel.txt");
        var detector = new RouteLeakDetector(file, SeedTopology.Value);
        var route = new RouteUpdate(T0, "R1|203.0.113.2", "R1", IpPrefix.Parse("1.1.1.0/24"), AsPath.FromSequence(65001, 1234, 3356, 64500, 174, 13335));

        var leak = detector.ObserveReceived(route)!;
        Assert.Equal(("64500", "174", "3356"), (leak.Evidence[0].Data["leaker"], leak.Evidence[0].Data["learnedFrom"], leak.Evidence[0].Data["sentTo"]));
        Assert.Equal("Route leak of 1.1.1.0/24: AS64500 passed a route from its provider AS174 to its provider AS3356", leak.Summary);
        Assert.Equal("explicit", leak.Evidence[0].Data["inference"]);
        Assert.Equal(0.9, leak.Score);

        // The ordinary path through ISP-A is not a leak, with or without FRR's prepended local AS.
        Assert.Null(detector.ObserveReceived(route with { Prefix = IpPrefix.Parse("1.0.0.0/24"), Path = AsPath.FromSequence(65001, 1234, 174, 13335) }));
        Assert.Null(detector.ObserveReceived(route with { Prefix = IpPrefix.Parse("1.0.0.0/24"), Path = AsPath.FromSequence(1234, 174, 13335) }));
    }

    [Fact]
    public void Our_isps_are_providers_unless_the_file_says_otherwise()
    {
        var asPeer = AsRelationships.Parse(new StringReader("1234|65001|0"), "rel.txt");

        Assert.Equal(AsRelationship.ProviderOf, new RouteLeakDetector(AsRelationships.Empty, SeedTopology.Value).Relationships.Of(5678, 65001));
        Assert.Equal(AsRelationship.PeerOf, new RouteLeakDetector(asPeer, SeedTopology.Value).Relationships.Of(1234, 65001));
    }
}

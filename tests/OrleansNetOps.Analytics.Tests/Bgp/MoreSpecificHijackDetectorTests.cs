using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Tests.Bgp;

public sealed class MoreSpecificHijackDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    private static RouteUpdate Seen(string prefix, params uint[] path) =>
        new(T0, "R1|203.0.113.2", "R1", IpPrefix.Parse(prefix), AsPath.FromSequence(path));

    [Fact]
    public void A_more_specific_of_our_prefix_from_someone_else_is_a_hijack()
    {
        var detector = new MoreSpecificHijackDetector(PrefixOwnership.FromTopology(SeedTopology.Value));

        var finding = detector.Observe(Seen("172.16.10.128/25", 1234, 64666))!;

        Assert.Equal(FindingKind.MoreSpecificHijack, finding.Kind);
        Assert.Equal(new FindingSubject(SubjectKind.Prefix, "172.16.10.128/25"), finding.Subject);
        Assert.Equal(1, finding.Score);
        Assert.Equal("Hijack of our space: 172.16.10.128/25, inside 172.16.10.0/24 of AS65001, announced by AS64666", finding.Summary);
        Assert.Equal(("172.16.10.0/24", "configured", "bmp"), (finding.Evidence[0].Data["covering"], finding.Evidence[0].Data["ownership"], finding.Evidence[0].Source));
        Assert.Null(detector.Observe(Seen("172.16.10.128/25", 5678, 64666))); // reported once
    }

    [Fact]
    public void Our_exact_prefix_from_someone_else_is_an_origin_hijack_and_ours_is_fine()
    {
        var detector = new MoreSpecificHijackDetector(PrefixOwnership.FromTopology(SeedTopology.Value));

        Assert.Equal(FindingKind.OriginHijack, detector.Observe(Seen("172.16.20.0/24", 5678, 64666))!.Kind);
        Assert.Equal(FindingKind.OriginHijack, detector.Observe(Seen("fd00:10::/48", 5678, 64666))!.Kind);
        Assert.Null(detector.Observe(Seen("172.16.20.0/24", 65001)));
        Assert.Null(detector.Observe(Seen("172.16.20.0/25", 65001)));
        Assert.Null(detector.Observe(Seen("172.16.0.0/16", 1234, 64666))); // a less-specific takes nothing from us
    }

    [Fact]
    public void Learned_ownership_spares_downstreams_of_the_owner()
    {
        var detector = new MoreSpecificHijackDetector(new PrefixOwnership([]), new MoreSpecificOptions { LearnFromAnnouncements = true });
        Assert.Null(detector.Observe(Seen("64.21.0.0/17", 8426, 8001)));

        // A customer of AS8001 announcing its part through AS8001: fine. Someone unrelated: reported, at learned-ownership strength.
        Assert.Null(detector.Observe(Seen("64.21.15.0/24", 8426, 8001, 26522)));
        var finding = detector.Observe(Seen("64.21.79.0/24", 8426, 174, 29876))!;
        Assert.Equal(0.6, finding.Score);
        Assert.Equal("learned", finding.Evidence[0].Data["ownership"]);
        Assert.Equal(2, detector.LearnedPrefixes);
    }
}

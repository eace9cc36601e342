using CsCheck;
using OrleansNetOps.Governance.Priority;

namespace OrleansNetOps.Governance.Tests;

public sealed class QueueOrderTests
{
    private static readonly DateTimeOffset s_noon = Plans.Noon;

    private static QueueClaim Claim(string id, string severity = "minor", double impact = 0.2, double? spare = null, int minute = 0) =>
        new(id, severity, impact, spare, s_noon.AddMinutes(minute));

    private static readonly Gen<QueueClaim> s_claim =
        Gen.Select(Gen.Int[0, 999], Gen.OneOf(Gen.Const("info"), Gen.Const("minor"), Gen.Const("major"), Gen.Const("critical"), Gen.Const("CRITICAL"), Gen.Const("bogus")),
            Gen.OneOf(Gen.Double[0, 1], Gen.Const(double.NaN)), Gen.OneOf(Gen.Double[0, 1].Select(d => (double?)d), Gen.Const((double?)null), Gen.Const((double?)double.NaN)),
            Gen.Int[0, 60])
        .Select((id, severity, impact, spare, minute) => Claim("act-" + id, severity, Math.Round(impact, 1), spare is { } s ? Math.Round(s, 1) : null, minute));

    [Fact]
    public void Severity_goes_before_service_impact_and_spare_capacity()
    {
        var major = Claim("act-major", "major", impact: 0.1, spare: 0.9, minute: 5);
        var minor = Claim("act-minor", "minor", impact: 1.0, spare: 0.0, minute: 0);
        var critical = Claim("act-critical", "critical", impact: 0.0, minute: 9);

        Assert.Equal(["act-critical", "act-major", "act-minor"], QueueOrder.Order([minor, major, critical]).Select(c => c.ActionId));
    }

    [Fact]
    public void At_one_severity_the_larger_impact_goes_first_then_the_one_with_less_spare_capacity()
    {
        var wide = Claim("act-wide", impact: 0.8, spare: 0.9, minute: 3);
        var tight = Claim("act-tight", impact: 0.4, spare: 0.05, minute: 2);
        var roomy = Claim("act-roomy", impact: 0.4, spare: 0.6, minute: 1);
        var unmeasured = Claim("act-unmeasured", impact: 0.4, spare: null, minute: 0);

        Assert.Equal(["act-wide", "act-tight", "act-roomy", "act-unmeasured"],
            QueueOrder.Order([unmeasured, roomy, tight, wide]).Select(c => c.ActionId));
    }

    [Fact]
    public void Equal_claims_go_oldest_first_then_by_id()
    {
        Assert.Equal(["act-b", "act-a", "act-c"],
            QueueOrder.Order([Claim("act-c", minute: 1), Claim("act-a", minute: 1), Claim("act-b", minute: 0)]).Select(c => c.ActionId));
    }

    [Fact]
    public void Ahead_names_only_the_rivals_that_go_first()
    {
        var me = Claim("act-me", "major", impact: 0.5, spare: 0.3, minute: 2);
        var rivals = new[] { me, Claim("act-crit", "critical"), Claim("act-older", "major", 0.5, 0.3, minute: 1), Claim("act-minor", "minor", 1, 0) };

        Assert.Equal(["act-crit", "act-older"], QueueOrder.Ahead(me, rivals).Select(c => c.ActionId));
        Assert.Empty(QueueOrder.Ahead(rivals[1], rivals));
    }

    [Fact]
    public void Unknown_severity_and_NaN_figures_never_jump_the_queue()
    {
        Assert.True(QueueOrder.Compare(Claim("act-info", "info"), Claim("act-bogus", "bogus")) < 0);
        Assert.True(QueueOrder.Compare(Claim("act-some", impact: 0.1), Claim("act-nan", impact: double.NaN, minute: -1)) < 0);
        Assert.True(QueueOrder.Compare(Claim("act-roomy", spare: 0.9), Claim("act-nan", spare: double.NaN, minute: -1)) < 0);
        Assert.Equal(3, QueueOrder.Rank(" Critical "));
    }

    [Fact]
    public void The_order_is_total_and_the_same_whatever_order_the_claims_arrive_in()
    {
        Gen.Select(s_claim.List[0, 30], Gen.Int).Sample((claims, seed) =>
        {
            var distinct = claims.DistinctBy(c => c.ActionId).ToList();
            var ordered = QueueOrder.Order(distinct);
            var random = new Random(seed);
            var shuffled = distinct.OrderBy(_ => random.Next()).ToList();
            foreach (var (a, b) in ordered.Zip(ordered.Skip(1)))
            {
                Assert.True(QueueOrder.Compare(a, b) < 0, $"{a} before {b}");
                Assert.True(QueueOrder.Compare(b, a) > 0, $"{b} after {a}");
            }

            Assert.Equal(ordered.Select(c => c.ActionId), QueueOrder.Order(shuffled).Select(c => c.ActionId));
            Assert.All(ordered.Select((c, i) => (c, i)), x => Assert.Equal(x.i, QueueOrder.Ahead(x.c, distinct).Length));
        }, iter: 2_000);
    }
}

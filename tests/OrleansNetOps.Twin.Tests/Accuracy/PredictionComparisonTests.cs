using System.Net;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Accuracy;
using OrleansNetOps.Twin.Drift;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests.Accuracy;

public sealed class PredictionComparisonTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static RibRoute Route(string prefix, string nextHop, uint[] asPath, uint? localPref = 100, uint? med = null) =>
        new(prefix, nextHop, nextHop, asPath, "igp", med, localPref, [], true);

    private static LiveBestPath Live(string router, string prefix, string nextHop, uint[] asPath, uint? localPref = null, uint? med = null) =>
        new(router, IpPrefix.Parse(prefix), IPAddress.Parse(nextHop), asPath, localPref, med);

    [Fact]
    public void Predicted_paths_of_our_routers_are_compared_with_bmp_and_each_mismatch_is_named()
    {
        BestPathChange[] predicted =
        [
            new("R1", "8.8.8.0/24", Route("8.8.8.0/24", "203.0.113.2", [1234, 15169]), Route("8.8.8.0/24", "203.0.113.6", [5678, 15169], 200)),
            new("R1", "1.1.1.0/24", Route("1.1.1.0/24", "203.0.113.2", [1234, 13335]), Route("1.1.1.0/24", "203.0.113.6", [5678, 13335], 200)),
            new("R2", "9.9.9.0/24", Route("9.9.9.0/24", "203.0.113.10", [5678, 19281]), null),
            new("R3", "2001:db8:1::/48", null, Route("2001:db8:1::/48", "::ffff:198.51.100.2", [1234, 64500])),
            new("ISP-A", "198.51.100.0/24", null, Route("198.51.100.0/24", "203.0.113.1", [65001])),
        ];
        LiveBestPath[] live =
        [
            Live("R1", "8.8.8.0/24", "203.0.113.6", [5678, 15169], localPref: 200),
            Live("R1", "1.1.1.0/24", "203.0.113.2", [1234, 13335], localPref: 100),
            Live("R3", "2001:db8:1::/48", "198.51.100.2", [1234, 64500]),
            Live("R3", "10.0.0.0/8", "198.51.100.2", [64512]),
        ];

        var result = PredictionComparison.Compare("act-1", At, predicted, live, ["R1", "R2", "R3"]);

        Assert.Equal((4, 3), (result.PathsCompared, result.PathsEqual));
        Assert.Equal(0.75, result.Ratio);
        Assert.Equal(new PathMismatch("R1", "1.1.1.0/24", "via 203.0.113.6 [5678 13335] lp 200 med -", "via 203.0.113.2 [1234 13335] lp 100 med -"), Assert.Single(result.Mismatches));
    }

    [Fact]
    public void A_predicted_withdrawal_that_is_still_there_and_a_predicted_path_that_is_missing_disagree()
    {
        BestPathChange[] predicted =
        [
            new("R2", "9.9.9.0/24", Route("9.9.9.0/24", "203.0.113.10", [5678, 19281]), null),
            new("R2", "4.4.4.0/24", null, Route("4.4.4.0/24", "203.0.113.10", [5678, 3356], med: 10)),
            new("R2", "5.5.5.0/24", null, Route("5.5.5.0/24", "203.0.113.10", [5678, 3356], med: 10)),
        ];
        var result = PredictionComparison.Compare("act-2", At, predicted,
            [Live("R2", "9.9.9.0/24", "203.0.113.10", [5678, 19281]), Live("R2", "5.5.5.0/24", "203.0.113.10", [5678, 3356], med: 20)], ["R2"]);

        Assert.Equal((3, 0), (result.PathsCompared, result.PathsEqual));
        Assert.Equal(
        [
            new PathMismatch("R2", "4.4.4.0/24", "via 203.0.113.10 [5678 3356] lp 100 med 10", "none"),
            new PathMismatch("R2", "5.5.5.0/24", "via 203.0.113.10 [5678 3356] lp 100 med 10", "via 203.0.113.10 [5678 3356] lp - med 20"),
            new PathMismatch("R2", "9.9.9.0/24", "none", "via 203.0.113.10 [5678 19281] lp - med -"),
        ], result.Mismatches);
    }

    [Fact]
    public void Nothing_to_compare_has_no_ratio_and_a_bad_prediction_is_refused_naming_router_and_prefix()
    {
        var empty = PredictionComparison.Compare("act-3", At, [new BestPathChange("ISP-A", "8.8.8.0/24", null, null)], [], ["R1"]);
        Assert.Equal((0, 0, null), (empty.PathsCompared, empty.PathsEqual, empty.Ratio));

        var error = Assert.Throws<ArgumentException>(() => PredictionComparison.Compare("act-4", At, [new BestPathChange("R1", "8.8.8.0/33", null, null)], [], ["R1"]));
        Assert.StartsWith("predicted change of R1: '8.8.8.0/33' is not an IP prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ledger_counts_every_action_once_and_a_repeat_replaces_the_earlier_result()
    {
        var first = new ActionAccuracy("a", At, 4, 3, []);
        var second = new ActionAccuracy("b", At, 6, 6, []);
        var ledger = AccuracyLedger.Empty.Add(first).Add(second);
        Assert.Equal((2L, 10L, 9L, 0.9), (ledger.Actions, ledger.PathsCompared, ledger.PathsEqual, ledger.Ratio));

        var again = ledger.Add(first with { PathsEqual = 4 });
        Assert.Equal((2L, 10L, 10L), (again.Actions, again.PathsCompared, again.PathsEqual));
        Assert.Equal(["b", "a"], again.Recent.Select(r => r.ActionId));

        var bounded = Enumerable.Range(0, 5).Aggregate(AccuracyLedger.Empty, (l, i) => l.Add(new ActionAccuracy($"x{i}", At, 1, 1, []), retention: 3));
        Assert.Equal((5L, 5L), (bounded.Actions, bounded.PathsCompared));
        Assert.Equal(["x2", "x3", "x4"], bounded.Recent.Select(r => r.ActionId));
        Assert.Null(AccuracyLedger.Empty.Ratio);
    }
}

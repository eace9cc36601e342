using System.Text;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Lab.Scenarios;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Recordings;
using OrleansNetOps.Twin.WhatIf;
using Xunit.Abstractions;
using LabDirection = OrleansNetOps.Lab.Scenarios.PolicyDirection;

namespace OrleansNetOps.Twin.Tests;

/// <summary>
/// The twin against real FRR 8.4, including the ISPs (FRR too): after inbound traffic-engineering actions toward an
/// ISP, the ISPs' own tables hold the best paths to our prefixes the twin predicts; after events (an ISP withdrawing
/// a prefix, a fibre cut noticed at the hold time) every router's best paths equal the twin's; and the project's lab
/// recordings played on FRR end, event by event, where the twin's replay of them ends.
/// </summary>
public sealed class InboundLabAcceptanceTests(IspLabFixture fixture, ITestOutputHelper output) : IClassFixture<IspLabFixture>
{
    private const string Dc1 = "172.16.10.0/24";

    private sealed record Case(string Name, TwinChange Twin, LabChange[] Apply, LabChange[] Revert, Action<WhatIfResult, IReadOnlyList<ObservedRoute>>? Check = null);

    private static SetNeighborPolicy Default(string router, string neighbor) => new(router, neighbor, LabDirection.Out, []);

    private static IEnumerable<Case> Cases()
    {
        // ISP-B hears our prefixes from R1 and R2 with equal paths and takes R1's (lower router-id); the prepend sends it to R2.
        yield return new Case("prepend 65001 x2 out from R1 to ISP-B",
            new CatalogueChange("R1", "AS_PATH_PREPEND", new ActionParameters { Peer = "ISP-B", PrependCount = 2 }),
            [new SetNeighborPolicy("R1", "ISP-B", LabDirection.Out, [new PrependAsPath(65001, 2)])], [Default("R1", "ISP-B")],
            (result, frr) => AssertIspEntry(result, frr, "ISP-B", "R2", "203.0.113.9"));

        // Same AS on both paths, so ISP-B compares MED: 500 from R1 loses to R2's 0.
        yield return new Case("MED 500 out from R1 to ISP-B",
            new CatalogueChange("R1", "MED_ADJUST", new ActionParameters { Peer = "ISP-B", Med = 500 }),
            [new SetNeighborPolicy("R1", "ISP-B", LabDirection.Out, [new SetMed(500)])], [Default("R1", "ISP-B")],
            (result, frr) => AssertIspEntry(result, frr, "ISP-B", "R2", "203.0.113.9"));

        // A single-homed ISP keeps its only way in, with the longer path (and the inbound model moves its traffic away).
        yield return new Case("prepend 65001 x3 out from R2 to ISP-C",
            new CatalogueChange("R2", "AS_PATH_PREPEND", new ActionParameters { Peer = "ISP-C", PrependCount = 3 }),
            [new SetNeighborPolicy("R2", "ISP-C", LabDirection.Out, [new PrependAsPath(65001, 3)])], [Default("R2", "ISP-C")],
            (result, frr) =>
            {
                AssertIspEntry(result, frr, "ISP-C", "R2", "203.0.113.13");
                Assert.Equal([65001u, 65001, 65001, 65001], frr.Single(r => r.Node == "ISP-C" && r.Prefix == Dc1).AsPath);
            });

        yield return new Case("ISP-C withdraws its unique 104.16.0.0/13",
            new PrefixWithdrawal("ISP-C", IpPrefix.Parse("104.16.0.0/13")),
            [new WithdrawPrefix("ISP-C", IpPrefix.Parse("104.16.0.0/13"))], [new AdvertisePrefix("ISP-C", IpPrefix.Parse("104.16.0.0/13"), [13335])]);

        // Both veths down: bgpd has no zebra to tell it, so the sessions die when the 9 s hold timer expires.
        yield return new Case("fibre cut R1-ISP-A (noticed at the hold time)",
            new LinkStateChange("R1", "ISP-A", false),
            [new SetLinkState("R1", "ISP-A", false)], [new SetLinkState("R1", "ISP-A", true)],
            (result, _) => Assert.Equal(9_000, result.PredictedSla.Convergence.DetectionMs));
    }

    // The ISP's own table enters through the predicted edge router, with the route the twin predicts.
    private static void AssertIspEntry(WhatIfResult result, IReadOnlyList<ObservedRoute> frr, string isp, string router, string peerAddress)
    {
        var predicted = result.Inbound.Single(i => i.Isp == isp).Paths.Single(p => p.Prefix == Dc1).After!;
        Assert.Equal(router, predicted.Router);
        Assert.Equal(peerAddress, predicted.Route.PeerAddress);
        var shown = frr.Single(r => r.Node == isp && r.Prefix == Dc1);
        Assert.Equal(peerAddress, shown.NextHop?.ToString());
        Assert.Equal(predicted.Route.AsPath, shown.AsPath);
        Assert.Equal(predicted.Route.Med, shown.Med);
    }

    [Fact]
    public async Task Twin_predicts_the_isps_tables_after_inbound_actions_and_every_router_after_events()
    {
        var baseline = Seed.State;
        var initial = await fixture.WaitForAsync(baseline, "baseline");
        Assert.True(initial.Count == 0, "baseline differs from FRR:\n" + string.Join('\n', initial));

        var failures = new StringBuilder();
        foreach (var c in Cases())
        {
            var result = WhatIfEngine.Run(baseline, new WhatIfRequest([c.Twin]));
            Assert.False(result.Invalid, c.Name + ": " + string.Join("; ", result.Errors));
            foreach (var change in c.Apply)
            {
                await fixture.Lab.ApplyAsync(change);
            }

            var diff = await fixture.WaitForAsync(result.After!, c.Name);
            output.WriteLine($"{c.Name}: {result.Changes.Count} best-path changes predicted ({result.Changes.Count(x => x.Router.StartsWith("ISP", StringComparison.Ordinal))} at ISPs), {diff.Count} differences from FRR");
            if (diff.Count > 0)
            {
                failures.AppendLine($"{c.Name}: twin and FRR differ:").AppendLine(string.Join('\n', diff.Select(d => "  " + d)));
            }
            else
            {
                c.Check?.Invoke(result, await fixture.Lab.ObserveAsync());
            }

            foreach (var change in c.Revert)
            {
                await fixture.Lab.ApplyAsync(change);
            }

            var back = await fixture.WaitForAsync(baseline, c.Name + " (revert)");
            Assert.True(back.Count == 0, $"{c.Name}: the lab did not return to the baseline:\n{string.Join('\n', back)}");
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public async Task The_seed_lab_recordings_play_on_frr_as_the_twin_replays_them()
    {
        var failures = new StringBuilder();
        foreach (var file in RecordingTests.Files())
        {
            var recording = ScenarioRecording.Load(file, out var errors) ?? throw new InvalidOperationException(string.Join('\n', errors));
            var steps = RecordingReplay.Run(Seed.State, recording);
            Assert.All(steps, s => Assert.False(s.Result.Invalid, string.Join("; ", s.Result.Errors)));
            var initial = await fixture.WaitForAsync(Seed.State, recording.Name + " start");
            Assert.True(initial.Count == 0, $"{recording.Name}: the lab is not at the baseline:\n{string.Join('\n', initial)}");

            await new RecordingPlayer(fixture.Lab).PlayAsync(recording, async (i, _) =>
            {
                var what = $"{recording.Name} at {recording.Events[i].AtSeconds} s: {string.Join("; ", recording.Events[i].Changes.Select(c => c.Describe()))}";
                var diff = await fixture.WaitForAsync(steps[i].Result.After!, what);
                output.WriteLine($"{what}: {diff.Count} differences from FRR");
                if (diff.Count > 0)
                {
                    failures.AppendLine(what).AppendLine(string.Join('\n', diff.Select(d => "  " + d)));
                }
            });

            // Every recording ends where it started.
            var end = await fixture.WaitForAsync(Seed.State, recording.Name + " end");
            Assert.True(end.Count == 0, $"{recording.Name}: the lab did not return to the baseline:\n{string.Join('\n', end)}");
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }
}

using System.Diagnostics;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.Frr;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;
using Xunit.Abstractions;

namespace OrleansNetOps.Drivers.Tests.Lab;

/// <summary>
/// Every catalogue action through the FRR driver on real FRR 8.4: the read-back confirms it; FRR's running config holds
/// exactly the twin's edited policy; FRR's best paths become the twin's prediction for the same change; executing it
/// again sends nothing and leaves the same config; the rollback restores the snapshot's text exactly.
/// </summary>
[Collection(DriverLabCollection.Name)]
public sealed class FrrDriverLabTests(DriverLab fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan s_converge = TimeSpan.FromSeconds(60);

    private sealed record Step(string Router, string Action, ActionParameters Parameters);

    private static readonly Dictionary<string, (Step[] Setup, Step[] Steps)> s_cases = new(StringComparer.Ordinal)
    {
        ["LOCAL_PREF_ADJUST 200 on R2 from ISP-B"] = ([], [new("R2", "LOCAL_PREF_ADJUST", new() { Peer = "ISP-B", LocalPref = 200 })]),
        ["LOCAL_PREF_ADJUST 200 on R2 from ISP-B for 2001:4860::/32 only"] = ([], [new("R2", "LOCAL_PREF_ADJUST", new() { Peer = "203.0.113.10", LocalPref = 200, Prefixes = ["2001:4860::/32"] })]),
        ["LOCAL_PREF_ADJUST 50 on R1 from ISP-A for 8.8.8.0/24 only (the closed loop's narrow congestion shift)"] =
            ([], [new("R1", "LOCAL_PREF_ADJUST", new() { Peer = "ISP-A", Direction = "in", LocalPref = 50, Prefixes = ["8.8.8.0/24"] })]),
        ["LOCAL_PREF_ADJUST 150 on the reflector from R2"] = ([], [new("R3", "LOCAL_PREF_ADJUST", new() { Peer = "R2", LocalPref = 150 })]),
        ["MED_ADJUST 500 out from R1 to the reflector"] = ([], [new("R1", "MED_ADJUST", new() { Peer = "R3", Direction = "out", Med = 500 })]),
        ["AS_PATH_PREPEND 65099 x2 out from R1 to the reflector"] = ([], [new("R1", "AS_PATH_PREPEND", new() { Peer = "R3", Direction = "out", PrependCount = 2, PrependAs = 65099 })]),
        ["AS_PATH_PREPEND own AS x3 out from R1 to ISP-A"] = ([], [new("R1", "AS_PATH_PREPEND", new() { Peer = "ISP-A", PrependCount = 3 })]),
        ["COMMUNITY_TAG no-advertise out from R1 to the reflector"] = ([], [new("R1", "COMMUNITY_TAG", new() { Peer = "R3", Direction = "out", Community = "no-advertise" })]),
        ["COMMUNITY_TAG remove 65001:100 from what R2 sends the reflector, after tagging it"] =
            ([new("R2", "COMMUNITY_TAG", new() { Peer = "R3", Direction = "out", Community = "65001:100 65001:200" })],
             [new("R3", "COMMUNITY_TAG", new() { Peer = "R2", Direction = "in", Community = "65001:100", Mode = "remove" })]),
        ["NEXT_HOP_CHANGE on R1 from ISP-A for 8.8.8.0/24"] = ([], [new("R1", "NEXT_HOP_CHANGE", new() { Peer = "ISP-A", NextHop = "203.0.113.6", Prefixes = ["8.8.8.0/24"] })]),
        ["PREFIX_FILTER R1 denies 8.8.8.0/24 and 2001:4860::/32 from ISP-A"] = ([], [new("R1", "PREFIX_FILTER", new() { Peer = "ISP-A", Prefixes = ["8.8.8.0/24", "2001:4860::/32"] })]),
        ["PREFIX_FILTER remove 8.8.8.0/24 again, after filtering it"] =
            ([new("R1", "PREFIX_FILTER", new() { Peer = "ISP-A", Prefixes = ["8.8.8.0/24", "1.1.1.0/24"] })],
             [new("R1", "PREFIX_FILTER", new() { Peer = "ISP-A", Prefixes = ["8.8.8.0/24"], Mode = "remove" })]),
        ["PEER_DEACTIVATE R1 shuts ISP-A"] = ([], [new("R1", "PEER_DEACTIVATE", new() { Peer = "ISP-A" })]),
        ["PEER_ACTIVATE R1 brings ISP-A back"] = ([new("R1", "PEER_DEACTIVATE", new() { Peer = "ISP-A" })], [new("R1", "PEER_ACTIVATE", new() { Peer = "ISP-A" })]),
        ["ISP_FAILOVER away from ISP-B on both edges"] = ([], [new("R1", "ISP_FAILOVER", new() { Peer = "ISP-B" }), new("R2", "ISP_FAILOVER", new() { Peer = "ISP-B" })]),
        ["DEPEER R2 removes ISP-C"] = ([], [new("R2", "DEPEER", new() { Peer = "ISP-C" })]),
        ["FULL_REROUTE on the reflector"] = ([], [new("R3", "FULL_REROUTE", new())]),
        ["NO_ACTION on R1"] = ([], [new("R1", "NO_ACTION", new())]),
    };

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Action_applied_by_the_driver_matches_the_twin_and_rolls_back(string name)
    {
        var (setup, steps) = s_cases[name];
        var driver = fixture.Driver;
        var lab = fixture.Lab;
        var baseline = SeedNetwork.State;
        Expect(await BestPaths.WaitForAsync(lab, BestPaths.Predicted(baseline), s_converge), "the baseline");

        // The setup brings the lab and the twin to the case's starting point, through the driver too.
        var setupSnapshots = new List<DeviceSnapshot>();
        var snapshots = new Dictionary<string, DeviceSnapshot>(StringComparer.Ordinal);
        try
        {
            var before = baseline;
            foreach (var step in setup)
            {
                var snapshot = await driver.SnapshotAsync(Action(step));
                setupSnapshots.Add(snapshot);
                Assert.True((await driver.ExecuteAsync(Action(step), snapshot)).ReadBack.Confirmed);
                before = Twin(before, step);
            }

            Expect(await BestPaths.WaitForAsync(lab, BestPaths.Predicted(before), s_converge), "the setup");
            foreach (var step in steps.DistinctBy(s => s.Router))
            {
                snapshots[step.Router] = await driver.SnapshotAsync(Action(step));
            }

            var after = WhatIfEngine.Run(before, new WhatIfRequest([.. steps.Select(s => (TwinChange)new CatalogueChange(s.Router, s.Action, s.Parameters))]));
            Assert.False(after.Invalid, string.Join("; ", after.Errors));

            // Apply, and confirm by reading back.
            var clock = Stopwatch.StartNew();
            foreach (var step in steps)
            {
                var execute = Stopwatch.StartNew();
                var result = await driver.ExecuteAsync(Action(step), snapshots[step.Router]);
                output.WriteLine($"{step.Router} {step.Action}: execute (read, send, read back) {execute.ElapsedMilliseconds} ms, "
                    + $"{result.Apply.Sent.Length} lines sent in {result.Apply.Duration.TotalMilliseconds:0} ms\n  " + string.Join("\n  ", result.Apply.Sent));
                Assert.True(result.ReadBack.Confirmed, "not confirmed: " + string.Join("; ", result.ReadBack.Failed));
                Assert.Equal(result.Change.Expectations.Length, result.Missing.Length);
                Assert.Equal(!result.Change.IsEmpty, result.Apply.Touched);
            }

            // FRR's running config holds the twin's edited policy, object for object. The twin keeps a removed
            // neighbour's bindings (for it DEPEER is a session down); FRR drops them with the neighbour.
            foreach (var router in snapshots.Keys)
            {
                var running = FrrPolicyReader.Read(await lab.RunningConfigAsync(router), SeedNetwork.NeighborNames(router));
                var twin = after.After!.PolicyOf(router);
                twin = twin with { Peers = twin.Peers.RemoveRange(twin.Peers.Keys.Where(p => running.Neighbors.All(n => n.Name != p))) };
                Assert.Equal(PolicyLines.Of(twin), PolicyLines.Of(running.Policy));
            }

            Expect(await BestPaths.WaitForAsync(lab, BestPaths.Predicted(after.After!), s_converge), name);
            output.WriteLine($"FRR matched the twin's {after.Changes.Count} predicted best-path changes {clock.Elapsed.TotalSeconds:0.0} s after the first command");

            // Again, with the same baselines (as after a crash): nothing is missing, nothing is sent, the config stays.
            foreach (var step in steps)
            {
                var configBefore = await lab.RunningConfigAsync(step.Router);
                var again = await driver.ExecuteAsync(Action(step), snapshots[step.Router]);
                Assert.Empty(again.Missing);
                Assert.True(again.ReadBack.Confirmed);
                Assert.Equal(configBefore, await lab.RunningConfigAsync(step.Router));
                if (again.Change.OperationalCommands.IsEmpty || !again.Change.Expectations.IsEmpty)
                {
                    Assert.False(again.Apply.Touched);
                }
            }

            // Roll back: the running config is the snapshot again, and FRR returns to the starting point.
            foreach (var (router, snapshot) in snapshots.Reverse())
            {
                var restore = Stopwatch.StartNew();
                var rollback = await driver.RollbackAsync(snapshot);
                output.WriteLine($"{router} rollback with frr-reload.py: {restore.ElapsedMilliseconds} ms");
                Assert.True(rollback.Restored, $"{router}: " + string.Join('\n', rollback.Differences));
                Assert.Equal(snapshot.Text, await lab.RunningConfigAsync(router));
            }

            snapshots.Clear();
            Expect(await BestPaths.WaitForAsync(lab, BestPaths.Predicted(before), s_converge), "the rollback");
        }
        finally
        {
            // Whatever failed, the next case starts from the seed configuration.
            foreach (var snapshot in snapshots.Values.Reverse().Concat(Enumerable.Reverse(setupSnapshots)))
            {
                await driver.RollbackAsync(snapshot);
            }
        }

        Expect(await BestPaths.WaitForAsync(lab, BestPaths.Predicted(baseline), s_converge), "the setup's rollback");
    }

    private static void Expect(List<string> differences, string what) =>
        Assert.True(differences.Count == 0, $"FRR's best paths differ from the twin's after {what}:\n" + string.Join('\n', differences));

    private static DeviceAction Action(Step step) => new($"{step.Action}-{step.Router}", step.Router, step.Action, step.Parameters);

    private static TwinState Twin(TwinState state, Step step)
    {
        var result = WhatIfEngine.Run(state, new WhatIfRequest([new CatalogueChange(step.Router, step.Action, step.Parameters)]));
        Assert.False(result.Invalid, string.Join("; ", result.Errors));
        return result.After!;
    }
}

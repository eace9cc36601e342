using System.Text;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Scenarios;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;
using Xunit.Abstractions;
using LabDirection = OrleansNetOps.Lab.Scenarios.PolicyDirection;

namespace OrleansNetOps.Twin.Tests;

/// <summary>
/// THE acceptance test: for each change, the twin's predicted best path for every prefix on every one of R1..R5, and
/// every ISP's to our prefixes, equals what real FRR 8.4 chooses after the same change (next hop, AS path; LOCAL_PREF
/// and MED where FRR shows them), and the lab returns to the baseline after the revert.
/// </summary>
public sealed class LabAcceptanceTests(TwinLabFixture fixture, ITestOutputHelper output) : IClassFixture<TwinLabFixture>
{
    private sealed record Case(string Name, TwinChange Twin, LabChange[] Apply, LabChange[] Revert);

    private static ActionParameters Params(string peer, string? direction = null) => new() { Peer = peer, Direction = direction };

    private static IEnumerable<Case> Cases()
    {
        IpPrefix P(string text) => IpPrefix.Parse(text);
        SetNeighborPolicy Default(string router, string neighbor, LabDirection direction) => new(router, neighbor, direction, []);

        yield return new Case("LOCAL_PREF 200 on R2 from ISP-B",
            new CatalogueChange("R2", "LOCAL_PREF_ADJUST", Params("ISP-B") with { LocalPref = 200 }),
            [new SetNeighborPolicy("R2", "ISP-B", LabDirection.In, [new Lab.Scenarios.SetLocalPreference(200)])], [Default("R2", "ISP-B", LabDirection.In)]);
        yield return new Case("MED 500 out from R1 to the reflector",
            new CatalogueChange("R1", "MED_ADJUST", Params("R3", "out") with { Med = 500 }),
            [new SetNeighborPolicy("R1", "R3", LabDirection.Out, [new SetMed(500)])], [Default("R1", "R3", LabDirection.Out)]);
        yield return new Case("prepend 65099 x2 out from R1 to the reflector (IPv4 and IPv6 best paths move)",
            new CatalogueChange("R1", "AS_PATH_PREPEND", Params("R3", "out") with { PrependCount = 2, PrependAs = 65099 }),
            [new SetNeighborPolicy("R1", "R3", LabDirection.Out, [new PrependAsPath(65099, 2)])], [Default("R1", "R3", LabDirection.Out)]);
        yield return new Case("community 65001:100 added out from R2 to the reflector",
            new CatalogueChange("R2", "COMMUNITY_TAG", Params("R3", "out") with { Community = "65001:100" }),
            [new SetNeighborPolicy("R2", "R3", LabDirection.Out, [new AddCommunity("65001:100")])], [Default("R2", "R3", LabDirection.Out)]);
        yield return new Case("community no-advertise added out from R1 to the reflector",
            new CatalogueChange("R1", "COMMUNITY_TAG", Params("R3", "out") with { Community = "no-advertise" }),
            [new SetNeighborPolicy("R1", "R3", LabDirection.Out, [new AddCommunity("no-advertise")])], [Default("R1", "R3", LabDirection.Out)]);
        yield return new Case("prefix filter: R1 denies 8.8.8.0/24 from ISP-A",
            new CatalogueChange("R1", "PREFIX_FILTER", Params("ISP-A") with { Prefixes = ["8.8.8.0/24"] }),
            [new SetNeighborPolicy("R1", "ISP-A", LabDirection.In, [new DenyPrefix(P("8.8.8.0/24"))])], [Default("R1", "ISP-A", LabDirection.In)]);
        yield return new Case("session down: R1 shuts ISP-A",
            new CatalogueChange("R1", "PEER_DEACTIVATE", Params("ISP-A")),
            [new SetSessionEnabled("R1", "ISP-A", false)], [new SetSessionEnabled("R1", "ISP-A", true)]);
        yield return new Case("ISP-C withdraws its unique 104.16.0.0/13",
            new PrefixWithdrawal("ISP-C", P("104.16.0.0/13")),
            [new WithdrawPrefix("ISP-C", P("104.16.0.0/13"))], [new AdvertisePrefix("ISP-C", P("104.16.0.0/13"), [13335])]);
        yield return new Case("route reflector: LOCAL_PREF 150 on R3 from R2",
            new CatalogueChange("R3", "LOCAL_PREF_ADJUST", Params("R2") with { LocalPref = 150 }),
            [new SetNeighborPolicy("R3", "R2", LabDirection.In, [new Lab.Scenarios.SetLocalPreference(150)])], [Default("R3", "R2", LabDirection.In)]);
        yield return new Case("IPv6: LOCAL_PREF 200 on R2 from ISP-B for 2001:4860::/32 only",
            new CatalogueChange("R2", "LOCAL_PREF_ADJUST", Params("ISP-B") with { LocalPref = 200, Prefixes = ["2001:4860::/32"] }),
            [], []);
        yield return new Case("ISP_FAILOVER away from ISP-B (both sessions down)",
            new CatalogueChange("R1", "ISP_FAILOVER", Params("ISP-B")),
            [new SetSessionEnabled("R1", "ISP-B", false), new SetSessionEnabled("R2", "ISP-B", false)],
            [new SetSessionEnabled("R1", "ISP-B", true), new SetSessionEnabled("R2", "ISP-B", true)]);
        yield return new Case("iBGP session down on the reflector: R3 shuts R2",
            new CatalogueChange("R3", "PEER_DEACTIVATE", Params("R2")),
            [new SetSessionEnabled("R3", "R2", false)], [new SetSessionEnabled("R3", "R2", true)]);
    }

    [Fact]
    public async Task Twin_predicts_FRR_best_paths_for_every_change()
    {
        var lab = fixture.Lab;
        var baseline = Seed.State;
        var initial = await fixture.WaitForAsync(baseline, "baseline");
        Assert.True(initial.Count == 0, "baseline differs from FRR:\n" + string.Join('\n', initial));

        var matched = new List<string>();
        var failures = new StringBuilder();
        foreach (var c in Cases())
        {
            if (c.Name.StartsWith("IPv6", StringComparison.Ordinal))
            {
                // The lab's policy text has no prefix-scoped set; render a scoped LOCAL_PREF by vtysh directly below.
                await RunIPv6ScopedAsync(lab, c, baseline, matched, failures);
                continue;
            }

            var result = WhatIfEngine.Run(baseline, new WhatIfRequest([c.Twin]));
            Assert.False(result.Invalid, c.Name + ": " + string.Join("; ", result.Errors));
            foreach (var change in c.Apply)
            {
                await lab.ApplyAsync(change);
            }

            var diff = await fixture.WaitForAsync(result.After!, c.Name);
            Report(c.Name, diff, result, matched, failures);
            foreach (var change in c.Revert)
            {
                await lab.ApplyAsync(change);
            }

            var back = await fixture.WaitForAsync(baseline, c.Name + " (revert)");
            Assert.True(back.Count == 0, $"{c.Name}: the lab did not return to the baseline:\n{string.Join('\n', back)}");
        }

        output.WriteLine($"{matched.Count} changes match FRR:\n  " + string.Join("\n  ", matched));
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(matched.Count >= 10);
    }

    private async Task RunIPv6ScopedAsync(FrrLab lab, Case c, TwinState baseline, List<string> matched, StringBuilder failures)
    {
        var result = WhatIfEngine.Run(baseline, new WhatIfRequest([c.Twin]));
        Assert.False(result.Invalid, string.Join("; ", result.Errors));
        var map = "RM-ISP-B-IN";
        await lab.VtyshAsync("R2",
        [
            "configure terminal", "ipv6 prefix-list TWIN-V6 seq 5 permit 2001:4860::/32",
            $"route-map {map} permit 50", " match ipv6 address prefix-list TWIN-V6", " set local-preference 200", "exit", "end",
        ]);
        var diff = await fixture.WaitForAsync(result.After!, c.Name);
        Report(c.Name, diff, result, matched, failures);
        await lab.VtyshAsync("R2", ["configure terminal", $"no route-map {map} permit 50", "no ipv6 prefix-list TWIN-V6", "end"]);
        var back = await fixture.WaitForAsync(baseline, c.Name + " (revert)");
        Assert.True(back.Count == 0, $"{c.Name}: the lab did not return to the baseline:\n{string.Join('\n', back)}");
    }

    private void Report(string name, IReadOnlyList<string> diff, WhatIfResult result, List<string> matched, StringBuilder failures)
    {
        output.WriteLine($"{name}: {result.Changes.Count} best-path changes predicted, {diff.Count} differences from FRR");
        if (diff.Count == 0)
        {
            matched.Add(name);
        }
        else
        {
            failures.AppendLine($"{name}: twin and FRR differ:").AppendLine(string.Join('\n', diff.Select(d => "  " + d)));
        }
    }
}

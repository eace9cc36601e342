using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Frr;
using OrleansNetOps.Lab.Host;
using OrleansNetOps.Lab.Scenarios;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;
using Xunit.Abstractions;
using LabDirection = OrleansNetOps.Lab.Scenarios.PolicyDirection;

namespace OrleansNetOps.Twin.Tests;

/// <summary>One seed lab of real FRR routers for the acceptance test; always torn down.</summary>
public sealed class TwinLabFixture : IAsyncLifetime
{
    private FrrLab? _lab;

    /// <summary>The running lab.</summary>
    public FrrLab Lab => _lab ?? throw new InvalidOperationException("the lab is not up");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Assert.True(HostProcesses.IsRoot, "the twin acceptance test needs root (network namespaces, veths, bgpd)");

        // Nobody listens on the BMP port: bgpd just retries; a free port keeps us off anyone else's collector.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _lab = new FrrLab(Seed.Topology, new LabOptions(string.Create(CultureInfo.InvariantCulture, $"twin{Environment.ProcessId % 100000}"), port));
        try
        {
            await _lab.UpAsync(await File.ReadAllTextAsync(Seed.File("topology.yaml")));
            await _lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await _lab.DownAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DownAsync();
        }
    }
}

/// <summary>
/// THE acceptance test: for each change, the twin's predicted best path for every prefix on every one of R1..R5
/// equals what real FRR 8.4 chooses after the same change (prefix, next hop, AS path, best; LOCAL_PREF and MED where
/// FRR shows them), and the lab returns to the baseline after the revert.
/// </summary>
public sealed class LabAcceptanceTests(TwinLabFixture fixture, ITestOutputHelper output) : IClassFixture<TwinLabFixture>
{
    private static readonly string[] s_routers = ["R1", "R2", "R3", "R4", "R5"];
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(45);

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
        var expectedBaseline = Predict(baseline);
        var initial = await WaitForAsync(lab, expectedBaseline, "baseline");
        Assert.True(initial.Count == 0, "baseline differs from FRR:\n" + string.Join('\n', initial));

        var matched = new List<string>();
        var failures = new StringBuilder();
        foreach (var c in Cases())
        {
            if (c.Name.StartsWith("IPv6", StringComparison.Ordinal))
            {
                // The lab's policy text has no prefix-scoped set; render a scoped LOCAL_PREF by vtysh directly below.
                await RunIPv6ScopedAsync(lab, c, baseline, expectedBaseline, matched, failures);
                continue;
            }

            var result = WhatIfEngine.Run(baseline, new WhatIfRequest([c.Twin]));
            Assert.False(result.Invalid, c.Name + ": " + string.Join("; ", result.Errors));
            foreach (var change in c.Apply)
            {
                await lab.ApplyAsync(change);
            }

            var diff = await WaitForAsync(lab, Predict(result.After!), c.Name);
            Report(c.Name, diff, result, matched, failures);
            foreach (var change in c.Revert)
            {
                await lab.ApplyAsync(change);
            }

            var back = await WaitForAsync(lab, expectedBaseline, c.Name + " (revert)");
            Assert.True(back.Count == 0, $"{c.Name}: the lab did not return to the baseline:\n{string.Join('\n', back)}");
        }

        output.WriteLine($"{matched.Count} changes match FRR:\n  " + string.Join("\n  ", matched));
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(matched.Count >= 10);
    }

    private async Task RunIPv6ScopedAsync(FrrLab lab, Case c, TwinState baseline, Dictionary<(string, string), string> expectedBaseline,
        List<string> matched, StringBuilder failures)
    {
        var result = WhatIfEngine.Run(baseline, new WhatIfRequest([c.Twin]));
        Assert.False(result.Invalid, string.Join("; ", result.Errors));
        var map = "RM-ISP-B-IN";
        await lab.VtyshAsync("R2",
        [
            "configure terminal", "ipv6 prefix-list TWIN-V6 seq 5 permit 2001:4860::/32",
            $"route-map {map} permit 50", " match ipv6 address prefix-list TWIN-V6", " set local-preference 200", "exit", "end",
        ]);
        var diff = await WaitForAsync(lab, Predict(result.After!), c.Name);
        Report(c.Name, diff, result, matched, failures);
        await lab.VtyshAsync("R2", ["configure terminal", $"no route-map {map} permit 50", "no ipv6 prefix-list TWIN-V6", "end"]);
        var back = await WaitForAsync(lab, expectedBaseline, c.Name + " (revert)");
        Assert.True(back.Count == 0, $"{c.Name}: the lab did not return to the baseline:\n{string.Join('\n', back)}");
    }

    private void Report(string name, List<string> diff, WhatIfResult result, List<string> matched, StringBuilder failures)
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

    /// <summary>The twin's best path per (router, prefix) in a comparable text form.</summary>
    private static Dictionary<(string, string), string> Predict(TwinState state)
    {
        var result = new Dictionary<(string, string), string>();
        foreach (var router in s_routers)
        {
            foreach (var prefix in state.Prefixes)
            {
                if (state.Best(router, prefix) is { } best)
                {
                    var nextHop = best.EffectiveNextHop!;
                    result[(router, prefix.ToString())] = Describe(nextHop, best.Attributes.EffectiveAsPath?.ToString() ?? string.Empty,
                        best.Attributes.LocalPref, best.Attributes.MultiExitDisc);
                }
            }
        }

        return result;
    }

    private static string Describe(IPAddress nextHop, string asPath, uint? localPref, uint? med) =>
        $"via {nextHop} [{asPath}] lp {localPref?.ToString(CultureInfo.InvariantCulture) ?? "-"} med {med?.ToString(CultureInfo.InvariantCulture) ?? "-"}";

    /// <summary>Polls FRR until its best paths equal <paramref name="expected"/> (then returns no differences) or the timeout.</summary>
    private static async Task<List<string>> WaitForAsync(FrrLab lab, Dictionary<(string, string), string> expected, string what)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        List<string> diff;
        do
        {
            await Task.Delay(1000);
            diff = await CompareAsync(lab, expected);
            if (diff.Count == 0)
            {
                return diff;
            }
        }
        while (DateTime.UtcNow < deadline);

        diff.Insert(0, $"after {s_timeout.TotalSeconds:0} s waiting for {what}:");
        return diff;
    }

    private static async Task<List<string>> CompareAsync(FrrLab lab, Dictionary<(string, string), string> expected)
    {
        var actual = new Dictionary<(string, string), string>();
        foreach (var router in s_routers)
        {
            foreach (var ipv6 in new[] { false, true })
            {
                foreach (var route in (await lab.RoutesAsync(router, ipv6)).Where(r => r.IsBest))
                {
                    // FRR shows LOCAL_PREF and MED only when the attribute is present; fields it does not show take the
                    // twin's value so that only shown fields are compared.
                    var key = (router, route.Prefix);
                    var nextHop = IPAddress.Parse(route.NextHop ?? (ipv6 ? "::" : "0.0.0.0"));
                    var twin = expected.GetValueOrDefault(key);
                    var twinLp = twin is null ? null : ParseOrNull(Field(twin, "lp"));
                    var twinMed = twin is null ? null : ParseOrNull(Field(twin, "med"));
                    actual[key] = Describe(nextHop, route.AsPath, route.LocalPreference ?? twinLp, route.Med ?? twinMed);
                }
            }
        }

        var differences = new List<string>();
        foreach (var key in expected.Keys.Union(actual.Keys).OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal))
        {
            var twin = expected.GetValueOrDefault(key) ?? "(no path)";
            var frr = actual.GetValueOrDefault(key) ?? "(no path)";
            var twinLpDefaulted = twin.Replace(" lp - ", " lp 100 ", StringComparison.Ordinal);
            if (twin != frr && twinLpDefaulted != frr)
            {
                differences.Add($"{key.Item1} {key.Item2}: twin {twin} | frr {frr}");
            }
        }

        return differences;
    }

    private static string? Field(string text, string name)
    {
        var parts = text.Split(' ');
        var index = Array.IndexOf(parts, name);
        return index >= 0 && index + 1 < parts.Length && parts[index + 1] != "-" ? parts[index + 1] : null;
    }

    private static uint? ParseOrNull(string? text) => text is null ? null : uint.Parse(text, CultureInfo.InvariantCulture);
}

using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Twin.Scenarios;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests;

/// <summary>The key property: an incremental what-if ends exactly where a full recomputation of the changed network ends.</summary>
public sealed class IncrementalPropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_failures_match_full_recomputation(int seed)
    {
        foreach (var scenario in FailureScenarioGenerator.Generate(Seed.Topology, seed, 8, maxFailuresPerScenario: 3))
        {
            var result = WhatIfEngine.Run(Seed.State, scenario.Request);
            Assert.False(result.Invalid, scenario + ": " + string.Join("; ", result.Errors));
            var differences = Seed.Differences(result.After!.Recompute(), result.After);
            Assert.True(differences.Count == 0, $"{scenario}:\n{string.Join('\n', differences)}");
        }
    }

    public static TheoryData<string, string, string?, string?, long?, long?, string?> PolicyChanges() => new()
    {
        { "R2", "LOCAL_PREF_ADJUST", "ISP-B", null, 200, null, null },
        { "R1", "MED_ADJUST", "R3", "out", null, 500, null },
        { "R1", "AS_PATH_PREPEND", "R3", "out", null, null, null },
        { "R2", "AS_PATH_PREPEND", "ISP-C", "out", null, null, null },
        { "R1", "COMMUNITY_TAG", "R3", "out", null, null, "no-advertise" },
        { "R3", "COMMUNITY_TAG", "R4", "out", null, null, "no-export" },
        { "R2", "PREFIX_FILTER", "ISP-C", null, null, null, "104.16.0.0/13" },
        { "R2", "LOCAL_PREF_ADJUST", "ISP-B", null, 200, null, "2001:4860::/32" },
        { "R3", "PEER_DEACTIVATE", "R1", null, null, null, null },
        { "R1", "DEPEER", "ISP-A", null, null, null, null },
        { "R4", "NEXT_HOP_CHANGE", "R3", "out", null, null, null },
    };

    [Theory]
    [MemberData(nameof(PolicyChanges))]
    public void Catalogue_changes_match_full_recomputation(string router, string action, string? peer, string? direction, long? localPref, long? med, string? extra)
    {
        var parameters = new ActionParameters { Peer = peer, Direction = direction, LocalPref = localPref, Med = med };
        parameters = action switch
        {
            "COMMUNITY_TAG" => parameters with { Community = extra },
            "PREFIX_FILTER" => parameters with { Prefixes = [extra!] },
            "NEXT_HOP_CHANGE" => parameters with { NextHop = "198.51.100.99" },
            _ when extra is not null => parameters with { Prefixes = [extra] },
            _ => parameters,
        };
        var result = WhatIfEngine.Run(Seed.State, Seed.Change(router, action, parameters));
        Assert.False(result.Invalid, string.Join("; ", result.Errors));
        Assert.Empty(Seed.Differences(result.After!.Recompute(), result.After));
    }

    /// <summary>
    /// LOCAL_PREF 150 on the reflector for R2's paths has two stable outcomes for 2001:4860::/32 (R2 prefers the
    /// reflected ISP-A path and so never sends ISP-B's to R3 — or, if R2 sent its ISP-B path first, R3 takes it and R2
    /// never hears ISP-A's). Which one a network reaches depends on history: from the converged baseline it is the
    /// first (FRR agrees, see the lab test); a from-scratch run happens to reach the second. Everything else agrees.
    /// </summary>
    [Fact]
    public void A_history_dependent_outcome_is_the_only_difference_from_full_recomputation()
    {
        var result = WhatIfEngine.Run(Seed.State, Seed.Change("R3", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "R2", LocalPref = 150 }));
        var differences = Seed.Differences(result.After!.Recompute(), result.After!);
        Assert.Equal(5, differences.Count);
        Assert.All(differences, d => Assert.Contains("2001:4860::/32", d, StringComparison.Ordinal));
        Assert.Equal(System.Net.IPAddress.Parse("::ffff:198.51.100.18"), result.After!.Best("R3", Bgp.Prefixes.IpPrefix.Parse("2001:4860::/32"))!.EffectiveNextHop);
    }

    [Fact]
    public void Scenarios_are_deterministic_from_the_seed()
    {
        var a = FailureScenarioGenerator.Generate(Seed.Topology, 42, 20, 3).Select(s => s.ToString());
        var b = FailureScenarioGenerator.Generate(Seed.Topology, 42, 20, 3).Select(s => s.ToString());
        Assert.Equal(a, b);
        var kinds = FailureScenarioGenerator.Generate(Seed.Topology, 7, 60).Select(s => s.Kind).Distinct().Count();
        Assert.Equal(5, kinds);
    }

    [Fact]
    public void A_fork_of_a_fork_stacks_changes()
    {
        var first = WhatIfEngine.Run(Seed.State, Seed.Change("R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 200 }));
        var second = WhatIfEngine.Run(first.After!, Seed.Change("R1", "PEER_DEACTIVATE", new ActionParameters { Peer = "R3" }));
        Assert.Empty(Seed.Differences(second.After!.Recompute(), second.After!));
        Assert.Empty(Seed.Differences(first.After!.Recompute(), first.After!));
    }
}

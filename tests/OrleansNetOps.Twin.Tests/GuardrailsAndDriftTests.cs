using System.Net;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Configuration;
using OrleansNetOps.Twin.Drift;
using OrleansNetOps.Twin.Guardrails;

namespace OrleansNetOps.Twin.Tests;

public sealed class GuardrailsAndDriftTests
{
    [Fact]
    public void Loads_the_repository_guardrails()
    {
        var guardrails = GuardrailsLoader.Parse(File.ReadAllText(Seed.File("guardrails.yaml")), "guardrails.yaml");
        Assert.Equal(300u, guardrails.LocalPrefMax);
        Assert.Equal(uint.MaxValue, guardrails.MedMax);
        Assert.Equal(["65001:999", "65001:998"], guardrails.ProtectedCommunities.ToArray());
        Assert.Equal(5, guardrails.FailLossPct);
    }

    [Fact]
    public void Errors_carry_file_line_and_field()
    {
        var yaml = "localPref:\n  min: 10\n  max: 5\nprotectedCommunities: [\"65001:999\", \"bogus\"]\nsla:\n  lossPct: 120\n  colour: red\n";
        var error = Assert.Throws<ConfigException>(() => GuardrailsLoader.Parse(yaml, "g.yaml"));
        Assert.Contains(error.Errors, e => e.ToString() == "g.yaml:3:8: localPref.max: 5 is below min 10");
        Assert.Contains(error.Errors, e => e.Location == "g.yaml:4:37" && e.Path == "protectedCommunities[1]");
        Assert.Contains(error.Errors, e => e.Path == "sla.lossPct");
        Assert.Contains(error.Errors, e => e.Path == "sla.colour");
    }

    [Fact]
    public void Drift_lists_differences_between_live_and_twin()
    {
        var google = IpPrefix.Parse("8.8.8.0/24");
        var live = Seed.State.Prefixes
            .Where(p => p != google && p != IpPrefix.Parse("1.1.1.0/24"))
            .Select(p => Seed.State.Best("R1", p)!)
            .Zip(Seed.State.Prefixes.Where(p => p != google && p != IpPrefix.Parse("1.1.1.0/24")))
            .Select(x => new LiveBestPath("R1", x.Second, x.First.EffectiveNextHop, x.First.Attributes.EffectiveAsPath!.Segments.SelectMany(s => s.Asns).ToArray()))
            .Append(new LiveBestPath("R1", google, IPAddress.Parse("203.0.113.6"), [5678, 15169]))
            .ToList();
        var drift = DriftDetector.Compare(Seed.State, live);
        Assert.Equal(2, drift.Count);
        Assert.Equal(new DriftEntry("R1", "1.1.1.0/24", "missing-live", "twin has via 203.0.113.6 [5678 13335]"), drift[0]);
        Assert.Equal("different", drift[1].Kind);
        Assert.Equal("next hop: twin 203.0.113.2, live 203.0.113.6; as path: twin [1234 15169], live [5678 15169]", drift[1].Detail);
    }
}

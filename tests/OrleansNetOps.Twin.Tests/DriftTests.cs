using System.Net;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Drift;

namespace OrleansNetOps.Twin.Tests;

public sealed class DriftTests
{
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

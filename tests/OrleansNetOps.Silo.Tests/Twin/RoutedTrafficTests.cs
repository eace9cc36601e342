using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Silo.Network;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Sla;

namespace OrleansNetOps.Silo.Tests.Twin;

public sealed class RoutedTrafficTests
{
    [Fact]
    public void Flow_buckets_count_toward_the_longest_routed_prefix_that_covers_them()
    {
        var state = TwinState.Converge(TopologyFiles.LoadEmbedded());

        // The flow store's /24 and /48 buckets; the twin routes 151.101.0.0/16, 104.16.0.0/13 and 2001:4860::/32.
        var routed = RoutedTraffic.Onto(state,
        [
            new(IpPrefix.Parse("151.101.7.0/24"), 100),
            new(IpPrefix.Parse("151.101.200.0/24"), 50),
            new(IpPrefix.Parse("104.23.0.0/24"), 10),
            new(IpPrefix.Parse("2001:4860:4860::/48"), 7),
            new(IpPrefix.Parse("8.8.8.0/24"), 5),
            new(IpPrefix.Parse("192.0.2.0/24"), 3),
        ]);

        Assert.Equal(
            [("104.16.0.0/13", 10.0), ("151.101.0.0/16", 150.0), ("192.0.2.0/24", 3.0), ("2001:4860::/32", 7.0), ("8.8.8.0/24", 5.0)],
            routed.Select(v => (v.Prefix.ToString(), v.BytesPerSecond)).Order());
    }
}

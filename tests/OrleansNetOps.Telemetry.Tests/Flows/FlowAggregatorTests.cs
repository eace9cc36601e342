using System.Net;
using OrleansNetOps.Telemetry.Flows;

namespace OrleansNetOps.Telemetry.Tests.Flows;

public sealed class FlowAggregatorTests
{
    private static readonly DateTimeOffset T = new(2025, 1, 1, 12, 0, 30, TimeSpan.Zero);
    private static readonly IPAddress Router = IPAddress.Parse("192.0.2.254");

    private static FlowRecord Flow(string src, string dst, ulong bytes, ulong packets, uint input, uint output, DateTimeOffset end, uint sampling = 1) =>
        new(Router, IPAddress.Parse(src), IPAddress.Parse(dst), 1, 2, 6, bytes, packets, input, output, 64500, 64501, end.AddSeconds(-1), end)
        {
            SamplingInterval = sampling,
        };

    [Fact]
    public void Rolls_up_by_fixed_length_prefix_and_interface_per_window()
    {
        var aggregator = new FlowAggregator(new FlowAggregatorOptions { Window = TimeSpan.FromMinutes(1), IPv4PrefixLength = 24, IPv6PrefixLength = 32 });
        aggregator.Add(Flow("10.0.0.1", "203.0.113.7", 100, 1, 1, 2, T), T);
        aggregator.Add(Flow("10.0.0.200", "203.0.113.9", 300, 3, 1, 3, T.AddSeconds(10)), T);
        aggregator.Add(Flow("2001:db8:1::1", "2001:db8:2::1", 50, 1, 4, 2, T.AddSeconds(20)), T);
        aggregator.Add(Flow("10.0.0.1", "203.0.113.7", 1000, 10, 1, 2, T.AddMinutes(1)), T);

        var closed = aggregator.Flush(T.AddSeconds(31)); // 12:01:01 closes the 12:00 window only

        Assert.All(closed, v => Assert.Equal(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero), v.WindowStart));
        var src = closed.Where(v => v.Kind == FlowVolumeKind.SourcePrefix).ToList();
        Assert.Equal(("10.0.0.0/24", 400ul, 4ul, 2L), (src[0].Key, src[0].Bytes, src[0].Packets, src[0].Flows));
        Assert.Equal(("2001:db8::/32", 50ul), (src[1].Key, src[1].Bytes));
        var input = Assert.Single(closed, v => v.Kind == FlowVolumeKind.InputInterface && v.Key == "192.0.2.254/1");
        Assert.Equal(400ul, input.Bytes);
        var output = closed.Where(v => v.Kind == FlowVolumeKind.OutputInterface).ToDictionary(v => v.Key, v => v.Bytes);
        Assert.Equal(new Dictionary<string, ulong> { ["192.0.2.254/2"] = 150, ["192.0.2.254/3"] = 300 }, output);
        Assert.Equal(450ul, Assert.Single(closed, v => v.Kind == FlowVolumeKind.DestinationAs).Bytes);

        var open = aggregator.Snapshot();
        Assert.Equal(1000ul, Assert.Single(open, v => v.Kind == FlowVolumeKind.DestinationPrefix).Bytes);
    }

    [Fact]
    public void Longest_prefix_match_table_decides_the_prefix_and_sampling_scales()
    {
        var table = new PrefixTable([IpPrefix.Parse("203.0.113.0/24"), IpPrefix.Parse("203.0.113.128/25"), IpPrefix.Parse("0.0.0.0/0")]);
        var aggregator = new FlowAggregator(new FlowAggregatorOptions { Prefixes = table });

        aggregator.Add(Flow("10.0.0.1", "203.0.113.7", 100, 1, 1, 2, T, sampling: 10), T);
        aggregator.Add(Flow("10.0.0.1", "203.0.113.200", 100, 1, 1, 2, T), T);
        aggregator.Add(Flow("10.0.0.1", "198.51.100.1", 5, 1, 1, 2, T), T);

        var dst = aggregator.Snapshot().Where(v => v.Kind == FlowVolumeKind.DestinationPrefix).ToDictionary(v => v.Key, v => (v.Bytes, v.Packets));
        Assert.Equal((1000ul, 10ul), dst["203.0.113.0/24"]);
        Assert.Equal((100ul, 1ul), dst["203.0.113.128/25"]);
        Assert.Equal((5ul, 1ul), dst["0.0.0.0/0"]);
    }

    [Fact]
    public void Prefix_table_matches_the_most_specific_prefix()
    {
        var table = new PrefixTable([IpPrefix.Parse("2001:db8::/32"), IpPrefix.Parse("2001:db8:abcd::/48"), IpPrefix.Parse("10.0.0.0/8")]);

        Assert.True(table.TryMatch(IPAddress.Parse("2001:db8:abcd:1::5"), out var p1));
        Assert.Equal("2001:db8:abcd::/48", p1.ToString());
        Assert.True(table.TryMatch(IPAddress.Parse("2001:db8:1::5"), out var p2));
        Assert.Equal("2001:db8::/32", p2.ToString());
        Assert.True(table.TryMatch(IPAddress.Parse("::ffff:10.1.2.3"), out var p3));
        Assert.Equal("10.0.0.0/8", p3.ToString());
        Assert.False(table.TryMatch(IPAddress.Parse("192.0.2.1"), out _));
        Assert.Equal(3, table.Count);
        Assert.Equal("10.0.0.0/8", IpPrefix.Parse("10.9.8.7/8").ToString());
        Assert.True(IpPrefix.Parse("10.0.0.0/8").Contains(IPAddress.Parse("10.255.0.1")));
    }
}

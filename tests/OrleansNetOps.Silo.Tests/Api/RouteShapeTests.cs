using System.Net;
using System.Text.Json;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Tests.Api;

/// <summary>One route shape: the twin's routes (what-if before/after) read like the live RIB's.</summary>
public sealed class RouteShapeTests
{
    private static readonly JsonSerializerOptions s_web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_twins_route_has_every_field_of_the_live_route_but_the_instance_ones()
    {
        var live = typeof(RibRouteView).GetProperties().Select(p => p.Name).ToHashSet();
        var twin = typeof(RibRoute).GetProperties().Select(p => p.Name).ToHashSet();

        // The twin models unicast best paths of the global instance: no ADD-PATH id, RD, labels or VRF.
        Assert.Equal(["Labels", "PathId", "Rd", "Vrf"], live.Except(twin).Order(StringComparer.Ordinal));
        Assert.Empty(twin.Except(live));
    }

    [Fact]
    public void The_twin_writes_communities_of_every_kind_and_the_atomic_aggregate_as_the_live_rib_does()
    {
        var attributes = new PathAttributes
        {
            Origin = Origin.Igp,
            AsPath = AsPath.FromSequence(64500, 64510),
            NextHop = IPAddress.Parse("203.0.113.1"),
            Communities = new[] { new Community(64500, 100) },
            LargeCommunities = new[] { new LargeCommunity(64500, 1, 2) },
            ExtendedCommunities = new[] { new ExtendedCommunity(0x0002FDE800000001) },
            AtomicAggregate = true,
            OriginatorId = IPAddress.Parse("198.51.100.7"),
            ClusterList = new[] { IPAddress.Parse("198.51.100.1") },
        };
        var peer = new BgpPeer(IPAddress.Parse("203.0.113.1"), 64500, IPAddress.Parse("203.0.113.1"), PeerType.External);

        var route = JsonSerializer.SerializeToElement(RibRoute.From(IpPrefix.Parse("8.8.8.0/24"), new CandidatePath(attributes, peer), best: true), s_web);

        Assert.Equal(["64500:100"], Strings(route, "communities"));
        Assert.Equal([new LargeCommunity(64500, 1, 2).ToString()], Strings(route, "largeCommunities"));
        Assert.Equal([new ExtendedCommunity(0x0002FDE800000001).ToString()], Strings(route, "extCommunities"));
        Assert.True(route.GetProperty("atomicAggregate").GetBoolean());
        Assert.Equal("198.51.100.7", route.GetProperty("originatorId").GetString());
        Assert.Equal(["198.51.100.1"], Strings(route, "clusterList"));
        Assert.Equal("igp", route.GetProperty("origin").GetString());
    }

    private static string[] Strings(JsonElement route, string name) => [.. route.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}

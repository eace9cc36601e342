using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Tests.Policy;

/// <summary>
/// <see cref="PolicyEdit.ForAll"/> against applying the same edits one by one with <see cref="PolicyEdit.For"/>: every
/// route, on every neighbour and direction, must be permitted or denied alike and leave with the same attributes.
/// </summary>
public sealed class PolicyBatchTests
{
    private static readonly string[] s_peers = ["192.0.2.1", "192.0.2.5"];

    private static readonly IpPrefix[] s_pool =
    [
        .. Enumerable.Range(0, 40).Select(i => IpPrefix.Parse(string.Create(CultureInfo.InvariantCulture, $"203.0.{i}.0/24"))),
        .. Enumerable.Range(0, 6).Select(i => IpPrefix.Parse(string.Create(CultureInfo.InvariantCulture, $"2001:db8:{i:x}::/48"))),
        IpPrefix.Parse("10.1.0.0/16"),
    ];

    private static readonly PathAttributes s_attributes = new()
    {
        Origin = Origin.Igp,
        AsPath = AsPath.FromSequence(65010, 65020),
        NextHop = IPAddress.Parse("192.0.2.1"),
        MultiExitDisc = 7,
        Communities = new[] { new Community(65000, 1), new Community(65000, 2) },
        LargeCommunities = new[] { new LargeCommunity(65000, 1, 1) },
    };

    // One neighbour starts with a policy of its own (deny 10/8 and longer; LP 150 for AS 65010 paths).
    private static RoutingPolicy Existing() => RoutingPolicy.Empty
        .With(new PrefixList("BOGONS", false, [new PrefixListEntry(5, AccessAction.Permit, IpPrefix.Parse("10.0.0.0/8"), LessEqual: 32)]))
        .With(new AsPathAccessList("FROM-65010", [new AsPathAccessListEntry(5, AccessAction.Permit, "^65010_")]))
        .With(new RouteMap("ISP-IN",
        [
            new RouteMapEntry(10, AccessAction.Deny) { Matches = [new MatchPrefixList("BOGONS")] },
            new RouteMapEntry(20, AccessAction.Permit) { Matches = [new MatchAsPath("FROM-65010")], Sets = [new SetLocalPreference(150)] },
        ]))
        .WithPeer(s_peers[0], new PeerPolicy { RouteMapIn = "ISP-IN" });

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 200)]
    [InlineData(5, 7)]
    public void A_batch_means_what_the_edits_one_by_one_mean(int seed, int count)
    {
        var random = new Random(seed);
        var edits = Enumerable.Range(0, count).Select(_ => RandomEdit(random)).ToList();

        var sequential = Existing();
        var expected = new List<PolicyEditResult>();
        foreach (var (action, parameters) in edits)
        {
            var result = PolicyEdit.For(action, parameters, sequential, 65001);
            expected.Add(result);
            if (result.IsValid)
            {
                sequential = result.Policy;
            }
        }

        var batch = PolicyEdit.ForAll(edits, Existing(), 65001);
        Assert.Equal(edits.Count, batch.Edits.Length);
        for (var i = 0; i < edits.Count; i++)
        {
            Assert.Equal(expected[i].Errors.AsEnumerable(), batch.Edits[i].Errors);
            Assert.Equal(expected[i].Warnings.Order(StringComparer.Ordinal), batch.Edits[i].Warnings.Order(StringComparer.Ordinal));
            Assert.Equal(expected[i].Session, batch.Edits[i].Session);
        }

        AssertSameOutcomes(sequential, batch.Policy);
    }

    [Fact]
    public void Thousands_of_per_prefix_edits_make_one_stage_looked_up_by_prefix()
    {
        var prefixes = Enumerable.Range(0, 5000).Select(i => IpPrefix.FromIPv4((16u << 24) + ((uint)i << 8), 24)).ToList();
        var edits = prefixes.Select((p, i) => (TwinAction.LocalPrefAdjust, new ActionParameters { Peer = s_peers[1], LocalPref = 100 + i, Prefixes = [p.ToString()] })).ToList();
        var batch = PolicyEdit.ForAll(edits, RoutingPolicy.Empty, 65001);
        Assert.True(batch.IsValid);

        var map = batch.Policy.RouteMaps[batch.Policy.PeerBinding(s_peers[1]).RouteMapIn!];
        Assert.Equal(prefixes.Count + 1, map.Entries.Length);
        for (var i = 0; i < prefixes.Count; i += 499)
        {
            var result = batch.Policy.ApplyPeer(s_peers[1], PolicyDirection.In, new PolicyRoute(prefixes[i], s_attributes));
            Assert.True(result.Permitted);
            Assert.Equal((uint)(100 + i), result.Route.Attributes.LocalPref);
        }

        var untouched = batch.Policy.ApplyPeer(s_peers[1], PolicyDirection.In, new PolicyRoute(IpPrefix.Parse("198.51.100.0/24"), s_attributes));
        Assert.True(untouched.Permitted);
        Assert.Null(untouched.Route.Attributes.LocalPref);
    }

    [Fact]
    public void Invalid_edits_keep_their_errors_and_change_nothing()
    {
        var edits = new List<(TwinAction, ActionParameters)>
        {
            (TwinAction.LocalPrefAdjust, new ActionParameters { Peer = s_peers[0], LocalPref = 200 }),
            (TwinAction.MedAdjust, new ActionParameters { Peer = s_peers[0], Med = -1 }),
            (TwinAction.PeerDeactivate, new ActionParameters { Peer = s_peers[1] }),
        };
        var batch = PolicyEdit.ForAll(edits, Existing(), 65001);
        Assert.False(batch.IsValid);
        Assert.True(batch.Edits[0].IsValid);
        Assert.Contains(batch.Edits[1].Errors, e => e.Parameter == "med");
        Assert.Equal(new SessionEdit(SessionEditKind.Deactivate, s_peers[1]), batch.Edits[2].Session);
        Assert.Equal(PolicyEdit.For(edits[0].Item1, edits[0].Item2, Existing(), 65001).Policy.RouteMaps.Keys, batch.Policy.RouteMaps.Keys);
    }

    private static (TwinAction, ActionParameters) RandomEdit(Random random)
    {
        var peer = s_peers[random.Next(s_peers.Length)];
        var direction = random.Next(2) == 0 ? "in" : "out";
        ImmutableArray<string>? prefixes = random.Next(3) == 0
            ? null
            : [.. Enumerable.Range(0, 1 + random.Next(random.Next(4) == 0 ? 12 : 2)).Select(_ => s_pool[random.Next(s_pool.Length)].ToString())];
        var parameters = new ActionParameters { Peer = peer, Direction = direction, Prefixes = prefixes };
        switch (random.Next(8))
        {
            case 0:
                return (TwinAction.LocalPrefAdjust, parameters with { LocalPref = random.Next(50, 300) });
            case 1:
                return (TwinAction.MedAdjust, parameters with { Med = random.Next(0, 500) });
            case 2:
                return (TwinAction.AsPathPrepend, parameters with { PrependCount = random.Next(1, 3) });
            case 3:
                var mode = new[] { "add", "remove", "replace" }[random.Next(3)];
                var community = new[] { "65000:1", "65000:9", "65000:2 65000:3", "65000:1:1", "no-export" }[random.Next(5)];
                return (TwinAction.CommunityTag, parameters with { Community = community, Mode = mode });
            case 4:
                return (TwinAction.NextHopChange, parameters with { NextHop = "198.51.100." + random.Next(1, 9).ToString(CultureInfo.InvariantCulture) });
            case 5:
                // Filters always name prefixes; some remove what may not be filtered.
                return (TwinAction.PrefixFilter, parameters with { Prefixes = prefixes ?? [s_pool[random.Next(s_pool.Length)].ToString()], Mode = random.Next(3) == 0 ? "remove" : "add" });
            case 6:
                return (TwinAction.PeerDeactivate, new ActionParameters { Peer = peer });
            default:
                // Now and then an invalid one.
                return (TwinAction.LocalPrefAdjust, parameters with { LocalPref = random.Next(4) == 0 ? -5 : 120 });
        }
    }

    private static void AssertSameOutcomes(RoutingPolicy expected, RoutingPolicy actual)
    {
        var routes = s_pool.Concat([IpPrefix.Parse("198.51.100.0/24"), IpPrefix.Parse("2001:db8:ff::/48")])
            .SelectMany(p => new[]
            {
                new PolicyRoute(p, s_attributes),
                new PolicyRoute(p, s_attributes with { AsPath = AsPath.FromSequence(65099), Communities = [] }),
            });
        foreach (var peer in s_peers)
        {
            foreach (var direction in new[] { PolicyDirection.In, PolicyDirection.Out })
            {
                foreach (var route in routes)
                {
                    var a = expected.ApplyPeer(peer, direction, route);
                    var b = actual.ApplyPeer(peer, direction, route);
                    var where = $"{peer} {direction} {route.Prefix} {route.Attributes.AsPath}";
                    Assert.True(a.Permitted == b.Permitted, $"{where}: permitted {a.Permitted} one by one, {b.Permitted} batched");
                    if (a.Permitted)
                    {
                        Assert.True(a.Route.Attributes.Equals(b.Route.Attributes) && Equals(a.Route.NextHop, b.Route.NextHop) && a.Route.Weight == b.Route.Weight,
                            $"{where}: one by one {Show(a.Route)}, batched {Show(b.Route)}");
                    }
                }
            }
        }
    }

    private static string Show(PolicyRoute route) =>
        $"lp {route.Attributes.LocalPref} med {route.Attributes.MultiExitDisc} path {route.Attributes.AsPath} nh {route.Attributes.NextHop}/{route.NextHop} "
        + $"comm [{string.Join(' ', route.Attributes.Communities)}] large [{string.Join(' ', route.Attributes.LargeCommunities)}]";
}

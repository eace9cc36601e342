using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Tests.Policy;

/// <summary>Route-map evaluation (FRR semantics) and each match and set clause.</summary>
public sealed class RouteMapTests
{
    private static readonly PathAttributes Attributes = new()
    {
        Origin = Origin.Igp,
        AsPath = AsPath.FromSequence(65010, 65020),
        NextHop = IPAddress.Parse("192.0.2.1"),
        Communities = new[] { new Community(65000, 1), new Community(65000, 2) },
        LargeCommunities = new[] { new LargeCommunity(65000, 1, 1) },
    };

    private static readonly PolicyRoute Route = new(IpPrefix.Parse("203.0.113.0/24"), Attributes) { PeerAsn = 65010 };

    private static readonly RoutingPolicy Lists = RoutingPolicy.Empty
        .With(new PrefixList("TEST-NET-3", false, [new PrefixListEntry(5, AccessAction.Permit, IpPrefix.Parse("203.0.113.0/24"))]))
        .With(new PrefixList("V6", true, [new PrefixListEntry(5, AccessAction.Permit, IpPrefix.Parse("2001:db8::/32"), LessEqual: 48)]))
        .With(new AsPathAccessList("FROM-65010", [new AsPathAccessListEntry(5, AccessAction.Permit, "^65010_")]))
        .With(new CommunityList("ONE", [new CommunityListEntry(5, AccessAction.Permit, new[] { new Community(65000, 1) })]))
        .With(new LargeCommunityList("L-ONE", [new LargeCommunityListEntry(5, AccessAction.Permit, new[] { new LargeCommunity(65000, 1, 1) })]));

    private static PolicyResult Run(params RouteMapEntry[] entries) => new RouteMap("RM", entries).Apply(Route, Lists);

    private static PolicyResult RunWith(RouteMapSet set) => Run(new RouteMapEntry(10, AccessAction.Permit) { Sets = [set] });

    [Fact]
    public void No_matching_entry_is_an_implicit_deny()
    {
        var result = Run(new RouteMapEntry(10, AccessAction.Permit) { Matches = [new MatchCommunity("ABSENT-LIST")] });
        Assert.False(result.Permitted);
        Assert.Null(result.MatchedSequence);
        Assert.Same(Route, result.Route);
    }

    [Fact]
    public void An_empty_route_map_denies() => Assert.False(Run().Permitted);

    [Fact]
    public void Entry_without_matches_matches_everything() => Assert.Equal(10, Run(new RouteMapEntry(10, AccessAction.Permit)).MatchedSequence);

    [Fact]
    public void First_matching_entry_by_sequence_decides()
    {
        var result = Run(
            new RouteMapEntry(20, AccessAction.Permit) { Sets = [new SetLocalPreference(200)] },
            new RouteMapEntry(10, AccessAction.Deny) { Matches = [new MatchAsPath("FROM-65010")] });
        Assert.False(result.Permitted);
        Assert.Equal(10, result.MatchedSequence);
    }

    [Fact]
    public void All_match_clauses_must_hold()
    {
        var both = new RouteMapEntry(10, AccessAction.Permit) { Matches = [new MatchPrefixList("TEST-NET-3"), new MatchCommunity("ONE")] };
        Assert.True(Run(both).Permitted);
        var oneFails = both with { Matches = [new MatchPrefixList("TEST-NET-3"), new MatchAsPath("NOPE")] };
        Assert.False(Run(oneFails).Permitted);
    }

    [Fact]
    public void Each_match_clause_matches()
    {
        RouteMapMatch[] matching = [new MatchPrefixList("TEST-NET-3"), new MatchAsPath("FROM-65010"), new MatchCommunity("ONE"), new MatchLargeCommunity("L-ONE")];
        foreach (var match in matching)
        {
            Assert.True(match.Matches(Route, Lists), match.ToString());
        }

        Assert.False(new MatchPrefixList("V6", IsIPv6: true).Matches(Route, Lists));
        Assert.True(new MatchPrefixList("V6", IsIPv6: true).Matches(Route with { Prefix = IpPrefix.Parse("2001:db8:1::/48") }, Lists));
        Assert.False(new MatchPrefixList("TEST-NET-3").Matches(Route with { Prefix = IpPrefix.Parse("198.51.100.0/24") }, Lists));
        Assert.False(new MatchCommunity("ONE", ExactMatch: true).Matches(Route, Lists));
    }

    [Fact]
    public void Undefined_prefix_list_in_a_match_matches_nothing() =>
        Assert.False(new MatchPrefixList("UNDEFINED").Matches(Route, Lists));

    [Fact]
    public void On_match_next_applies_later_entries_too()
    {
        var result = Run(
            new RouteMapEntry(10, AccessAction.Permit) { Sets = [new SetLocalPreference(200)], OnMatch = OnMatch.Next },
            new RouteMapEntry(20, AccessAction.Permit) { Matches = [new MatchCommunity("ONE")], Sets = [new SetMetric(5)] });
        Assert.True(result.Permitted);
        Assert.Equal(200u, result.Route.Attributes.LocalPref);
        Assert.Equal(5u, result.Route.Attributes.MultiExitDisc);
        Assert.Equal(20, result.MatchedSequence);
    }

    [Fact]
    public void Permit_then_running_off_the_end_is_a_permit()
    {
        var result = Run(
            new RouteMapEntry(10, AccessAction.Permit) { Sets = [new SetLocalPreference(200)], OnMatch = OnMatch.Next },
            new RouteMapEntry(20, AccessAction.Permit) { Matches = [new MatchAsPath("NOPE")] });
        Assert.True(result.Permitted);
        Assert.Equal(10, result.MatchedSequence);
    }

    [Fact]
    public void Goto_skips_to_the_target_and_a_later_deny_still_denies()
    {
        var skipping = Run(
            new RouteMapEntry(10, AccessAction.Permit) { Sets = [new SetLocalPreference(200)], OnMatch = OnMatch.Goto, GotoSequence = 30 },
            new RouteMapEntry(20, AccessAction.Deny),
            new RouteMapEntry(30, AccessAction.Permit) { Sets = [new SetWeight(7)] });
        Assert.True(skipping.Permitted);
        Assert.Equal(7u, skipping.Route.Weight);
        Assert.Equal(200u, skipping.Route.Attributes.LocalPref);

        var denied = Run(
            new RouteMapEntry(10, AccessAction.Permit) { OnMatch = OnMatch.Next },
            new RouteMapEntry(20, AccessAction.Deny));
        Assert.False(denied.Permitted);
        Assert.Same(Route, denied.Route);
    }

    [Theory]
    [InlineData(ValueOperation.Set, 300u, 300u)]
    [InlineData(ValueOperation.Add, 50u, 150u)]
    [InlineData(ValueOperation.Subtract, 150u, 0u)]
    public void Set_local_preference(ValueOperation operation, uint value, uint expected)
    {
        var route = Route with { Attributes = Attributes with { LocalPref = 100 } };
        var result = new RouteMap("RM", [new RouteMapEntry(10, AccessAction.Permit) { Sets = [new SetLocalPreference(value, operation)] }]).Apply(route, Lists);
        Assert.Equal(expected, result.Route.Attributes.LocalPref);
    }

    [Fact]
    public void Set_metric_absolute_and_relative_saturates()
    {
        Assert.Equal(40u, RunWith(new SetMetric(40)).Route.Attributes.MultiExitDisc);
        Assert.Equal(10u, RunWith(new SetMetric(10, ValueOperation.Add)).Route.Attributes.MultiExitDisc);
        var high = Route with { Attributes = Attributes with { MultiExitDisc = uint.MaxValue - 1 } };
        var result = new RouteMap("RM", [new RouteMapEntry(10, AccessAction.Permit) { Sets = [new SetMetric(10, ValueOperation.Add)] }]).Apply(high, Lists);
        Assert.Equal(uint.MaxValue, result.Route.Attributes.MultiExitDisc);
    }

    [Fact]
    public void Set_as_path_prepend_list_and_last_as()
    {
        Assert.Equal(AsPath.FromSequence(65000, 65000, 65010, 65020), RunWith(new SetAsPathPrepend(new uint[] { 65000, 65000 })).Route.Attributes.AsPath);
        Assert.Equal(AsPath.FromSequence(65010, 65010, 65010, 65020), RunWith(new SetAsPathPrepend(EquatableArray<uint>.Empty, 2)).Route.Attributes.AsPath);

        var empty = Route with { Attributes = Attributes with { AsPath = AsPath.Empty } };
        var fromPeer = new RouteMap("RM", [new RouteMapEntry(10, AccessAction.Permit) { Sets = [new SetAsPathPrepend(EquatableArray<uint>.Empty, 1)] }]).Apply(empty, Lists);
        Assert.Equal(AsPath.FromSequence(65010), fromPeer.Route.Attributes.AsPath);
    }

    [Fact]
    public void Set_community_replaces_adds_or_removes_all()
    {
        var extra = new Community(65000, 9);
        Assert.Equal(new[] { extra }, RunWith(new SetCommunities(new[] { extra })).Route.Attributes.Communities.ToArray());
        Assert.Equal(
            new[] { new Community(65000, 1), new Community(65000, 2), extra },
            RunWith(new SetCommunities(new[] { extra, new Community(65000, 1) }, Additive: true)).Route.Attributes.Communities.ToArray());
        Assert.True(RunWith(SetCommunities.None).Route.Attributes.Communities.IsEmpty);
    }

    [Fact]
    public void Comm_list_delete_removes_only_permitted_values()
    {
        Assert.Equal(new[] { new Community(65000, 2) }, RunWith(new DeleteCommunities("ONE")).Route.Attributes.Communities.ToArray());
        Assert.Equal(2, RunWith(new DeleteCommunities("UNDEFINED")).Route.Attributes.Communities.Count);
    }

    [Fact]
    public void Large_community_set_add_and_delete()
    {
        var extra = new LargeCommunity(65000, 2, 2);
        Assert.Equal(new[] { extra }, RunWith(new SetLargeCommunities(new[] { extra })).Route.Attributes.LargeCommunities.ToArray());
        Assert.Equal(2, RunWith(new SetLargeCommunities(new[] { extra }, Additive: true)).Route.Attributes.LargeCommunities.Count);
        Assert.True(RunWith(SetLargeCommunities.None).Route.Attributes.LargeCommunities.IsEmpty);
        Assert.True(RunWith(new DeleteLargeCommunities("L-ONE")).Route.Attributes.LargeCommunities.IsEmpty);
    }

    [Fact]
    public void Set_next_hop_by_family_and_weight()
    {
        var v4 = RunWith(new SetNextHop(IPAddress.Parse("192.0.2.99"))).Route;
        Assert.Equal(IPAddress.Parse("192.0.2.99"), v4.EffectiveNextHop);
        Assert.Equal(IPAddress.Parse("192.0.2.99"), v4.Attributes.NextHop);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), RunWith(new SetNextHop(IPAddress.Parse("2001:db8::9"))).Route.EffectiveNextHop);

        var v6Route = new PolicyRoute(IpPrefix.Parse("2001:db8:1::/48"), Attributes with { NextHop = null }) { NextHop = IPAddress.Parse("2001:db8::1") };
        var v6 = new RouteMap("RM", [new RouteMapEntry(10, AccessAction.Permit) { Sets = [new SetNextHop(IPAddress.Parse("2001:db8::9"))] }]).Apply(v6Route, Lists);
        Assert.Equal(IPAddress.Parse("2001:db8::9"), v6.Route.EffectiveNextHop);

        Assert.Equal(500u, RunWith(new SetWeight(500)).Route.Weight);
    }

    [Fact]
    public void Peer_chain_undefined_prefix_list_permits_undefined_route_map_denies()
    {
        var policy = Lists.WithPeer("192.0.2.1", new PeerPolicy { PrefixListIn = "UNDEFINED" });
        Assert.True(policy.ApplyPeer("192.0.2.1", PolicyDirection.In, Route).Permitted);

        var missingMap = Lists.WithPeer("192.0.2.1", new PeerPolicy { RouteMapIn = "UNDEFINED" });
        Assert.False(missingMap.ApplyPeer("192.0.2.1", PolicyDirection.In, Route).Permitted);

        Assert.True(Lists.ApplyPeer("198.51.100.1", PolicyDirection.Out, Route).Permitted);

        var filtered = Lists.With(new PrefixList("ONLY-OTHER", false, [new PrefixListEntry(5, AccessAction.Permit, IpPrefix.Parse("198.51.100.0/24"))]))
            .WithPeer("192.0.2.1", new PeerPolicy { PrefixListIn = "ONLY-OTHER" });
        Assert.False(filtered.ApplyPeer("192.0.2.1", PolicyDirection.In, Route).Permitted);
    }
}

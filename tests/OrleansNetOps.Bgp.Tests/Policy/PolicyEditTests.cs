using System.Net;
using System.Text.Json;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Tests.Policy;

/// <summary>The action catalogue mapped onto route-map and prefix-list edits, checked by running the result.</summary>
public sealed class PolicyEditTests
{
    private const string Peer = "192.0.2.1";

    private static readonly PathAttributes Attributes = new()
    {
        Origin = Origin.Igp,
        AsPath = AsPath.FromSequence(65010),
        NextHop = IPAddress.Parse(Peer),
        Communities = new[] { new Community(65000, 1) },
    };

    private static PolicyRoute R(string prefix) => new(IpPrefix.Parse(prefix), Attributes);

    private static PolicyResult In(RoutingPolicy policy, string prefix) => policy.ApplyPeer(Peer, PolicyDirection.In, R(prefix));

    private static PolicyResult Out(RoutingPolicy policy, string prefix) => policy.ApplyPeer(Peer, PolicyDirection.Out, R(prefix));

    private static PolicyEditResult Edit(TwinAction action, ActionParameters parameters, RoutingPolicy? existing = null, uint? asn = 65000)
    {
        var result = PolicyEdit.For(action, parameters, existing ?? RoutingPolicy.Empty, asn);
        return result;
    }

    // An existing inbound policy: deny 10.0.0.0/8 and longer, set LP 150 on AS 65010 paths; anything else is implicitly denied.
    private static RoutingPolicy Existing() => RoutingPolicy.Empty
        .With(new PrefixList("BOGONS", false, [new PrefixListEntry(5, AccessAction.Permit, IpPrefix.Parse("10.0.0.0/8"), LessEqual: 32)]))
        .With(new AsPathAccessList("FROM-65010", [new AsPathAccessListEntry(5, AccessAction.Permit, "^65010_")]))
        .With(new RouteMap("ISP-IN",
        [
            new RouteMapEntry(10, AccessAction.Deny) { Matches = [new MatchPrefixList("BOGONS")] },
            new RouteMapEntry(20, AccessAction.Permit) { Matches = [new MatchAsPath("FROM-65010")], Sets = [new SetLocalPreference(150), new SetMetric(3)] },
        ]))
        .WithPeer(Peer, new PeerPolicy { RouteMapIn = "ISP-IN" });

    [Fact]
    public void Local_pref_on_a_peer_without_policy_creates_and_binds_a_route_map()
    {
        var result = Edit(TwinAction.LocalPrefAdjust, new() { Peer = Peer, LocalPref = 250 });
        Assert.True(result.IsValid);
        Assert.Equal("NETOPS-192-0-2-1-IN", result.Policy.PeerBinding(Peer).RouteMapIn);
        var applied = In(result.Policy, "203.0.113.0/24");
        Assert.True(applied.Permitted);
        Assert.Equal(250u, applied.Route.Attributes.LocalPref);
    }

    [Fact]
    public void Local_pref_edit_keeps_existing_filters_and_wins_over_existing_sets()
    {
        var result = Edit(TwinAction.LocalPrefAdjust, new() { Peer = Peer, LocalPref = 250 }, Existing());
        Assert.True(result.IsValid);
        Assert.Equal("ISP-IN", result.Policy.PeerBinding(Peer).RouteMapIn);

        Assert.False(In(result.Policy, "10.1.0.0/16").Permitted);
        var permitted = In(result.Policy, "203.0.113.0/24");
        Assert.True(permitted.Permitted);
        Assert.Equal(250u, permitted.Route.Attributes.LocalPref);
        Assert.Equal(3u, permitted.Route.Attributes.MultiExitDisc);

        var otherAs = result.Policy.ApplyPeer(Peer, PolicyDirection.In, R("203.0.113.0/24") with { Attributes = Attributes with { AsPath = AsPath.FromSequence(65099) } });
        Assert.False(otherAs.Permitted);
    }

    [Fact]
    public void Prefixes_limit_the_edit_and_others_pass_unchanged()
    {
        var result = Edit(TwinAction.LocalPrefAdjust, new() { Peer = Peer, LocalPref = 250, Prefixes = ["203.0.113.0/24", "2001:db8::/32"] }, Existing());
        Assert.True(result.IsValid);
        Assert.Equal(250u, In(result.Policy, "203.0.113.0/24").Route.Attributes.LocalPref);
        Assert.Equal(250u, In(result.Policy, "2001:db8::/32").Route.Attributes.LocalPref);
        var other = In(result.Policy, "198.51.100.0/24");
        Assert.True(other.Permitted);
        Assert.Equal(150u, other.Route.Attributes.LocalPref);
        Assert.False(In(result.Policy, "10.0.0.0/8").Permitted);
    }

    [Fact]
    public void Edits_compose()
    {
        var first = Edit(TwinAction.LocalPrefAdjust, new() { Peer = Peer, LocalPref = 250 }, Existing()).Policy;
        var second = Edit(TwinAction.LocalPrefAdjust, new() { Peer = Peer, LocalPref = 90, Prefixes = ["203.0.113.0/24"] }, first).Policy;
        Assert.Equal(90u, In(second, "203.0.113.0/24").Route.Attributes.LocalPref);
        Assert.Equal(250u, In(second, "198.51.100.0/24").Route.Attributes.LocalPref);
        Assert.False(In(second, "10.0.0.0/8").Permitted);
    }

    [Fact]
    public void Undefined_bound_route_map_leaves_policy_unchanged_with_a_warning()
    {
        var existing = RoutingPolicy.Empty.WithPeer(Peer, new PeerPolicy { RouteMapIn = "MISSING" });
        var result = Edit(TwinAction.LocalPrefAdjust, new() { Peer = Peer, LocalPref = 250 }, existing);
        Assert.True(result.IsValid);
        Assert.Same(existing, result.Policy);
        Assert.Contains(result.Warnings, w => w.Contains("MISSING", StringComparison.Ordinal));
    }

    [Fact]
    public void Med_adjust_defaults_to_outbound()
    {
        var result = Edit(TwinAction.MedAdjust, new() { Peer = Peer, Med = 40 });
        Assert.Equal(40u, Out(result.Policy, "203.0.113.0/24").Route.Attributes.MultiExitDisc);
        Assert.Null(result.Policy.PeerBinding(Peer).RouteMapIn);
    }

    [Fact]
    public void Community_tag_add_replace_and_remove()
    {
        var tag = new Community(65000, 77);
        var add = Edit(TwinAction.CommunityTag, new() { Peer = Peer, Community = "65000:77" });
        Assert.Equal(new[] { new Community(65000, 1), tag }, Out(add.Policy, "203.0.113.0/24").Route.Attributes.Communities.ToArray());

        var replace = Edit(TwinAction.CommunityTag, new() { Peer = Peer, Community = "65000:77 no-export", Mode = "replace" });
        Assert.Equal(new[] { tag, Community.NoExport }, Out(replace.Policy, "203.0.113.0/24").Route.Attributes.Communities.ToArray());

        var remove = Edit(TwinAction.CommunityTag, new() { Peer = Peer, Community = "65000:1", Mode = "remove" });
        Assert.True(Out(remove.Policy, "203.0.113.0/24").Route.Attributes.Communities.IsEmpty);
        Assert.Single(remove.Policy.CommunityLists);

        var large = Edit(TwinAction.CommunityTag, new() { Peer = Peer, Community = "65000:5:5" });
        Assert.Equal(new[] { new LargeCommunity(65000, 5, 5) }, Out(large.Policy, "203.0.113.0/24").Route.Attributes.LargeCommunities.ToArray());
    }

    [Fact]
    public void As_path_prepend_uses_the_router_as_by_default()
    {
        var result = Edit(TwinAction.AsPathPrepend, new() { Peer = Peer, PrependCount = 3 });
        Assert.Equal(AsPath.FromSequence(65000, 65000, 65000, 65010), Out(result.Policy, "203.0.113.0/24").Route.Attributes.AsPath);

        var explicitAs = Edit(TwinAction.AsPathPrepend, new() { Peer = Peer, PrependAs = 64999 }, asn: null);
        Assert.Equal(AsPath.FromSequence(64999, 65010), Out(explicitAs.Policy, "203.0.113.0/24").Route.Attributes.AsPath);

        var unknown = Edit(TwinAction.AsPathPrepend, new() { Peer = Peer }, asn: null);
        Assert.Contains(unknown.Errors, e => e.Parameter == "prependAs");
    }

    [Fact]
    public void Next_hop_change_sets_the_next_hop_inbound()
    {
        var result = Edit(TwinAction.NextHopChange, new() { Peer = Peer, NextHop = "192.0.2.254" });
        Assert.Equal(IPAddress.Parse("192.0.2.254"), In(result.Policy, "203.0.113.0/24").Route.EffectiveNextHop);
    }

    [Fact]
    public void Prefix_filter_denies_listed_prefixes_first_and_remove_lifts_it()
    {
        var result = Edit(TwinAction.PrefixFilter, new() { Peer = Peer, Prefixes = ["203.0.113.0/24"] }, Existing());
        Assert.True(result.IsValid);
        Assert.False(In(result.Policy, "203.0.113.0/24").Permitted);
        Assert.True(In(result.Policy, "198.51.100.0/24").Permitted);
        Assert.Equal(150u, In(result.Policy, "198.51.100.0/24").Route.Attributes.LocalPref);
        Assert.False(In(result.Policy, "10.0.0.0/8").Permitted);
        Assert.Equal(5, result.Policy.RouteMaps["ISP-IN"].Entries[0].Sequence);

        var lifted = Edit(TwinAction.PrefixFilter, new() { Peer = Peer, Prefixes = ["203.0.113.0/24"], Mode = "remove" }, result.Policy);
        Assert.True(In(lifted.Policy, "203.0.113.0/24").Permitted);
        Assert.False(lifted.Policy.PrefixLists.ContainsKey("NETOPS-FILTER-192-0-2-1-IN"));
        Assert.Equal(2, lifted.Policy.RouteMaps["ISP-IN"].Entries.Length);
    }

    [Fact]
    public void Prefix_filter_on_a_peer_without_policy_permits_the_rest()
    {
        var result = Edit(TwinAction.PrefixFilter, new() { Peer = Peer, Prefixes = ["203.0.113.0/24"] });
        Assert.False(In(result.Policy, "203.0.113.0/24").Permitted);
        Assert.True(In(result.Policy, "198.51.100.0/24").Permitted);
    }

    [Theory]
    [InlineData(TwinAction.PeerActivate, SessionEditKind.Activate)]
    [InlineData(TwinAction.PeerDeactivate, SessionEditKind.Deactivate)]
    [InlineData(TwinAction.Depeer, SessionEditKind.Remove)]
    [InlineData(TwinAction.IspFailover, SessionEditKind.Failover)]
    [InlineData(TwinAction.FullReroute, SessionEditKind.FullReroute)]
    [InlineData(TwinAction.NoAction, SessionEditKind.None)]
    public void Session_actions_become_session_edits(TwinAction action, SessionEditKind kind)
    {
        var existing = Existing();
        var result = Edit(action, new() { Peer = "ISP-A" }, existing);
        Assert.Equal(new SessionEdit(kind, "ISP-A"), result.Session);
        Assert.Same(existing, result.Policy);
    }

    [Fact]
    public void Errors_name_the_parameter_and_leave_policy_unchanged()
    {
        var existing = Existing();
        var result = Edit(TwinAction.LocalPrefAdjust, new() { Peer = Peer, LocalPref = 4294967296, Direction = "sideways", Prefixes = ["10.0.0/33"] }, existing);
        Assert.False(result.IsValid);
        Assert.Same(existing, result.Policy);
        var messages = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("params.localPref: 4294967296 is out of range 0..4294967295", messages);
        Assert.Contains("params.direction: 'sideways' is not one of in, out", messages);
        Assert.Contains("params.prefixes[0]: '10.0.0/33' is not an IP prefix", messages);
    }

    [Fact]
    public void Required_parameters_are_reported()
    {
        Assert.Contains("params.peer: is required for MED_ADJUST", Edit(TwinAction.MedAdjust, new() { Med = 1 }).Errors.Select(e => e.ToString()));
        Assert.Contains("params.med: is required", Edit(TwinAction.MedAdjust, new() { Peer = Peer }).Errors.Select(e => e.ToString()));
        Assert.Contains(Edit(TwinAction.CommunityTag, new() { Peer = Peer, Community = "bogus" }).Errors, e => e.Parameter == "community");
        Assert.Contains(Edit(TwinAction.CommunityTag, new() { Peer = Peer, Community = "1:1", Mode = "toggle" }).Errors, e => e.Parameter == "mode");
        Assert.Contains(Edit(TwinAction.PrefixFilter, new() { Peer = Peer }).Errors, e => e.Parameter == "prefixes");
        Assert.Contains(Edit(TwinAction.NextHopChange, new() { Peer = Peer, NextHop = "nope" }).Errors, e => e.Parameter == "nextHop");
        Assert.Contains(Edit(TwinAction.AsPathPrepend, new() { Peer = Peer, PrependCount = 0 }).Errors, e => e.ToString() == "params.prependCount: 0 is out of range 1..255");
    }

    [Fact]
    public void Json_params_are_type_checked()
    {
        using var document = JsonDocument.Parse("""{ "peer": "ISP-A", "localPref": "high", "med": 1.5, "prefixes": ["192.0.2.0/24", 7], "prependAs": 99999999999999999999, "extra": true }""");
        var parameters = ActionParameters.FromJson(document.RootElement, out var errors);
        Assert.Equal("ISP-A", parameters.Peer);
        var messages = errors.Select(e => e.ToString()).ToList();
        Assert.Contains("params.localPref: expected an integer, got string", messages);
        Assert.Contains("params.med: 1.5 is not an integer", messages);
        Assert.Contains("params.prefixes[1]: expected a string, got number", messages);
        Assert.Contains("params.prependAs: 99999999999999999999 is out of range", messages);
        Assert.Equal(4, messages.Count);
    }

    [Fact]
    public void Json_params_read_values()
    {
        using var document = JsonDocument.Parse("""{ "peer": "192.0.2.1", "direction": "in", "localPref": 200, "prefixes": ["203.0.113.0/24"] }""");
        var parameters = ActionParameters.FromJson(document.RootElement, out var errors);
        Assert.Empty(errors);
        var result = Edit(TwinAction.LocalPrefAdjust, parameters);
        Assert.Equal(200u, In(result.Policy, "203.0.113.0/24").Route.Attributes.LocalPref);
    }

    [Theory]
    [InlineData("LOCAL_PREF_ADJUST", TwinAction.LocalPrefAdjust)]
    [InlineData("PREFIX_FILTER", TwinAction.PrefixFilter)]
    [InlineData("NO_ACTION", TwinAction.NoAction)]
    public void Catalogue_names_round_trip(string name, TwinAction action)
    {
        Assert.True(TwinActionNames.TryParse(name, out var parsed));
        Assert.Equal(action, parsed);
        Assert.Equal(name, TwinActionNames.Name(action));
        Assert.False(TwinActionNames.TryParse(name.ToLowerInvariant(), out _));
    }
}

using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Rib;

namespace OrleansNetOps.Bgp.Tests.Rib;

/// <summary>Announce, withdraw, lookup and enumeration semantics of <see cref="AdjRibIn"/>.</summary>
public sealed class AdjRibInTests
{
    private static readonly PathAttributes A = new() { Origin = Origin.Igp, AsPath = AsPath.FromSequence(65001, 65002), LocalPref = 100 };
    private static readonly PathAttributes B = new() { Origin = Origin.Igp, AsPath = AsPath.FromSequence(65001, 65003), LocalPref = 100 };

    private static Nlri Route(string prefix, uint? pathId = null) => new(IpPrefix.Parse(prefix), pathId);

    [Fact]
    public void Announce_then_lookup_returns_the_attributes()
    {
        var rib = new AdjRibIn(Afi.IPv4);
        Assert.Equal(RibChange.Added, rib.Announce(Route("192.0.2.0/24"), A));
        Assert.True(rib.TryGetAttributes(Route("192.0.2.0/24"), out var found));
        Assert.Same(A, found);
        Assert.False(rib.Contains(Route("192.0.2.0/25")));
        Assert.False(rib.Contains(Route("192.0.3.0/24")));
        Assert.Equal(1, rib.Count);
    }

    [Fact]
    public void Reannouncing_with_new_attributes_is_an_implicit_withdraw()
    {
        var rib = new AdjRibIn(Afi.IPv4);
        rib.Announce(Route("192.0.2.0/24"), A);
        Assert.Equal(RibChange.Replaced, rib.Announce(Route("192.0.2.0/24"), B));
        Assert.True(rib.TryGetAttributes(Route("192.0.2.0/24"), out var found));
        Assert.Same(B, found);
        Assert.Equal(1, rib.Count);

        // A's set is no longer referenced, so the table has let go of it.
        Assert.Equal(1, rib.AttributeSets.Count);
    }

    [Fact]
    public void Reannouncing_equal_attributes_changes_nothing()
    {
        var rib = new AdjRibIn(Afi.IPv4);
        rib.Announce(Route("192.0.2.0/24"), A);
        Assert.Equal(RibChange.Unchanged, rib.Announce(Route("192.0.2.0/24"), A with { }));
        Assert.Equal(1, rib.Count);
    }

    [Fact]
    public void Withdraw_removes_only_that_route()
    {
        var rib = new AdjRibIn(Afi.IPv4);
        rib.Announce(Route("192.0.2.0/24"), A);
        rib.Announce(Route("198.51.100.0/24"), A);
        Assert.True(rib.Withdraw(Route("192.0.2.0/24")));
        Assert.False(rib.Withdraw(Route("192.0.2.0/24")));
        Assert.False(rib.Contains(Route("192.0.2.0/24")));
        Assert.True(rib.Contains(Route("198.51.100.0/24")));
        Assert.Equal(1, rib.Count);
        Assert.True(rib.Withdraw(Route("198.51.100.0/24")));
        Assert.Equal(0, rib.Count);
        Assert.Equal(0, rib.AttributeSets.Count);
    }

    [Fact]
    public void Add_path_identifiers_make_distinct_routes()
    {
        var rib = new AdjRibIn(Afi.IPv4);
        rib.Announce(Route("192.0.2.0/24", 1), A);
        rib.Announce(Route("192.0.2.0/24", 2), B);
        rib.Announce(Route("192.0.2.0/24", 0), A);
        rib.Announce(Route("192.0.2.0/24"), B);
        Assert.Equal(4, rib.Count);
        Assert.True(rib.TryGetAttributes(Route("192.0.2.0/24", 1), out var one));
        Assert.True(rib.TryGetAttributes(Route("192.0.2.0/24", 2), out var two));
        Assert.Same(A, one);
        Assert.Same(B, two);

        Assert.True(rib.Withdraw(Route("192.0.2.0/24", 0)));
        Assert.True(rib.Contains(Route("192.0.2.0/24")));
        Assert.Contains(rib.Routes, r => r.Route == Route("192.0.2.0/24", 2));
        Assert.Contains(rib.Routes, r => r.Route.PathId is null);
    }

    [Fact]
    public void IPv6_routes_round_trip_and_families_do_not_mix()
    {
        var rib = new AdjRibIn(Afi.IPv6);
        rib.Announce(Route("2001:db8::/32"), A);
        rib.Announce(Route("2001:db8:0:0:8000::/65"), B);
        rib.Announce(Route("2001:db8::1/128", 7), B);
        Assert.Equal(3, rib.Count);
        Assert.True(rib.TryGetAttributes(Route("2001:db8:0:0:8000::/65"), out var found));
        Assert.Same(B, found);
        Assert.False(rib.Contains(Route("2001:db8::/33")));
        Assert.Equal(
            new[] { Route("2001:db8::/32"), Route("2001:db8:0:0:8000::/65"), Route("2001:db8::1/128", 7) }.Select(r => r.ToString()).Order(),
            rib.Routes.Select(r => r.Route.ToString()).Order());

        Assert.Throws<ArgumentException>(() => rib.Announce(Route("192.0.2.0/24"), A));
        Assert.False(rib.Withdraw(Route("192.0.2.0/24")));
        Assert.False(new AdjRibIn(Afi.IPv4).Contains(Route("2001:db8::/32")));
    }

    [Fact]
    public void Enumeration_order_is_stable_and_deterministic()
    {
        static AdjRibIn Build()
        {
            var rib = new AdjRibIn(Afi.IPv4);
            for (var i = 0u; i < 1000; i++)
            {
                rib.Announce(new Nlri(IpPrefix.FromIPv4(0x0A000000u + (i * 256 * 7919 % (1u << 24)), 24)), i % 3 == 0 ? A : B);
            }

            for (var i = 0u; i < 1000; i += 5)
            {
                rib.Withdraw(new Nlri(IpPrefix.FromIPv4(0x0A000000u + (i * 256 * 7919 % (1u << 24)), 24)));
            }

            rib.Announce(Route("203.0.113.0/24"), A);
            return rib;
        }

        var first = Build();
        var once = first.Routes.Select(r => r.Route).ToList();
        Assert.Equal(once, first.Routes.Select(r => r.Route));
        Assert.Equal(once, Build().Routes.Select(r => r.Route));
        Assert.Equal(801, once.Count);
        Assert.Equal(first.Count, once.Distinct().Count());
    }

    [Fact]
    public void Counts_and_shared_attribute_sets_track_routes()
    {
        var sets = new AttributeSetTable();
        var pre = new AdjRibIn(Afi.IPv4, sets);
        var post = new AdjRibIn(Afi.IPv4, sets);
        pre.Announce(Route("192.0.2.0/24"), A);
        pre.Announce(Route("198.51.100.0/24"), A);
        post.Announce(Route("192.0.2.0/24"), A with { });
        post.Announce(Route("203.0.113.0/24"), B);
        Assert.Equal(2, pre.Count);
        Assert.Equal(2, post.Count);
        Assert.Equal(2, sets.Count);

        pre.Clear();
        Assert.Equal(0, pre.Count);
        Assert.Equal(2, sets.Count);
        post.Withdraw(Route("192.0.2.0/24"));
        Assert.Equal(1, sets.Count);
        Assert.True(post.TryGetAttributes(Route("203.0.113.0/24"), out var found));
        Assert.Same(B, found);
    }

    [Fact]
    public void Modifying_while_enumerating_throws()
    {
        var rib = new AdjRibIn(Afi.IPv4);
        rib.Announce(Route("192.0.2.0/24"), A);
        rib.Announce(Route("198.51.100.0/24"), A);
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var route in rib.Routes)
            {
                rib.Announce(Route("203.0.113.0/24"), B);
            }
        });
    }
}

using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Rib;

namespace OrleansNetOps.Bgp.Tests.Rib;

/// <summary>Keys and semantics of <see cref="LabeledRib"/>: RD, prefix and path id identify a route; labels do not.</summary>
public sealed class LabeledRibTests
{
    private static readonly AfiSafi Vpn4 = new(Afi.IPv4, Safi.MplsVpn);
    private static readonly PathAttributes A = new() { Origin = Origin.Igp, AsPath = AsPath.FromSequence(65001), NextHop = System.Net.IPAddress.Parse("203.0.113.1") };
    private static readonly PathAttributes B = A with { LocalPref = 200 };

    private static LabeledNlri Vpn(string rd, string prefix, uint label = 16, uint? pathId = null) =>
        new(IpPrefix.Parse(prefix), new[] { label }, RouteDistinguisher.TryParse(rd, out var value) ? value : throw new ArgumentException(rd), pathId);

    [Fact]
    public void The_same_prefix_in_two_rds_is_two_routes_and_a_withdrawal_removes_only_its_own()
    {
        var rib = new LabeledRib(Vpn4);
        Assert.Equal(RibChange.Added, rib.Announce(Vpn("65000:1", "192.0.2.0/24", 100), A));
        Assert.Equal(RibChange.Added, rib.Announce(Vpn("65000:2", "192.0.2.0/24", 200), B));
        Assert.Equal(2, rib.Count);

        // The withdrawal's label is a placeholder: it does not take part in the key.
        Assert.True(rib.Withdraw(Vpn("65000:1", "192.0.2.0/24", 0x80000)));

        var left = Assert.Single(rib.Routes);
        Assert.Equal(Vpn("65000:2", "192.0.2.0/24", 200), left.Route);
        Assert.Same(B, left.Attributes);
        Assert.False(rib.Withdraw(Vpn("65000:1", "192.0.2.0/24")));
    }

    [Fact]
    public void A_new_label_or_new_attributes_replace_the_route_and_the_same_ones_change_nothing()
    {
        var rib = new LabeledRib(Vpn4);
        rib.Announce(Vpn("65000:1", "192.0.2.0/24", 100), A);
        Assert.Equal(RibChange.Unchanged, rib.Announce(Vpn("65000:1", "192.0.2.0/24", 100), A));
        Assert.Equal(RibChange.Replaced, rib.Announce(Vpn("65000:1", "192.0.2.0/24", 101), A));
        Assert.Equal(RibChange.Replaced, rib.Announce(Vpn("65000:1", "192.0.2.0/24", 101), B));
        Assert.True(rib.TryGet(Vpn("65000:1", "192.0.2.0/24"), out var found));
        Assert.Equal(new uint[] { 101 }, found.Route.Labels.ToArray());
        Assert.Same(B, found.Attributes);
        Assert.Equal(1, rib.AttributeSets.Count);
    }

    [Fact]
    public void Label_stacks_and_path_ids_are_kept()
    {
        var rib = new LabeledRib(new AfiSafi(Afi.IPv6, Safi.MplsLabel));
        var stacked = new LabeledNlri(IpPrefix.Parse("2001:db8::/48"), new uint[] { 3001, 16 }, null, 7);
        var single = stacked with { PathId = 8, Labels = new uint[] { 3002 } };
        rib.Announce(stacked, A);
        rib.Announce(single, A);
        Assert.Equal(RibChange.Unchanged, rib.Announce(stacked with { Labels = new uint[] { 3001, 16 } }, A));
        Assert.Equal(RibChange.Replaced, rib.Announce(stacked with { Labels = new uint[] { 3001, 17 } }, A));

        Assert.Equal(
            new[] { stacked with { Labels = new uint[] { 3001, 17 } }, single }.OrderBy(r => r.PathId),
            rib.Routes.Select(r => r.Route).OrderBy(r => r.PathId));

        // Back to one label: the stack's side entry goes.
        Assert.Equal(RibChange.Replaced, rib.Announce(stacked with { Labels = new uint[] { 5 } }, A));
        Assert.True(rib.TryGet(stacked, out var found));
        Assert.Equal(new uint[] { 5 }, found.Route.Labels.ToArray());
    }

    [Fact]
    public void Withdrawing_and_clearing_release_the_attribute_sets()
    {
        var table = new AttributeSetTable();
        var rib = new LabeledRib(Vpn4, table);
        rib.Announce(Vpn("65000:1", "192.0.2.0/24"), A);
        rib.Announce(Vpn("65000:1", "192.0.2.128/25"), B);
        rib.Withdraw(Vpn("65000:1", "192.0.2.0/24"));
        Assert.Equal(1, table.Count);
        rib.Clear();
        Assert.Equal(0, table.Count);
        Assert.Equal(0, rib.Count);
    }

    [Fact]
    public void Routes_of_another_family_are_refused()
    {
        var rib = new LabeledRib(Vpn4);
        Assert.Throws<ArgumentException>(() => rib.Announce(new LabeledNlri(IpPrefix.Parse("192.0.2.0/24"), new uint[] { 16 }, null), A));
        Assert.Throws<ArgumentException>(() => rib.Announce(Vpn("65000:1", "2001:db8::/32"), A));
        Assert.Throws<ArgumentException>(() => rib.Announce(Vpn("65000:1", "192.0.2.0/24") with { Labels = default }, A));
        Assert.False(rib.Withdraw(Vpn("65000:1", "2001:db8::/32")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabeledRib(AfiSafi.IPv4Unicast));
    }
}

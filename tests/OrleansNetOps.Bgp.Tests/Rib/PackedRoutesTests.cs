using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Rib;

namespace OrleansNetOps.Bgp.Tests.Rib;

public sealed class PackedRoutesTests
{
    [Fact]
    public void A_real_rib_dump_packs_and_unpacks_to_the_same_routes_with_each_attribute_set_once()
    {
        var routes = MrtReader.Read(File.OpenRead(TestData.File("mrt", "bgpdump", "test_data", "bview.20020722.2337.gz")))
            .OfType<TableDumpRecord>()
            .Select(r => (r.Prefix, r.Attributes))
            .ToList();
        Assert.True(routes.Count > 100_000);

        var packed = PackedRoutes.Pack(routes);
        var unpacked = packed.Unpack();

        Assert.Equal(routes.Count, packed.Count);
        Assert.Equal(routes.Select(r => r.Attributes).Distinct().Count(), packed.AttributeSets.Length);
        Assert.Equal(routes.Count, unpacked.Count);
        for (var i = 0; i < routes.Count; i++)
        {
            Assert.Equal(routes[i].Prefix, unpacked[i].Prefix);
            Assert.Equal(routes[i].Attributes, unpacked[i].Attributes);
        }

        Assert.Equal(packed.AttributeSets.Length, unpacked.Select(r => r.Attributes).Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void Ipv6_prefixes_and_next_hops_survive_packing()
    {
        var attributes = new PathAttributes
        {
            Origin = Origin.Igp,
            AsPath = AsPath.FromSequence(64512, 13335),
            NextHop = IPAddress.Parse("2001:db8::1"),
            MultiExitDisc = 7,
            Communities = new[] { new Community(64512, 100) },
        };
        var routes = new[] { (IpPrefix.Parse("2001:db8:100::/40"), attributes), (IpPrefix.Parse("::/0"), attributes), (IpPrefix.Parse("10.0.0.0/8"), attributes with { NextHop = IPAddress.Parse("198.51.100.1") }) };

        var unpacked = PackedRoutes.Pack(routes).Unpack();

        Assert.Equal(routes, unpacked);
    }
}

using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Tests.Mrt;

/// <summary>The tiny BIRD, Quagga and OpenBGPD dumps of mrtparse cover the less common subtypes.</summary>
public sealed class MrtparseSampleTests
{
    private static List<MrtRecord> Read(string name) =>
        MrtReader.Read(File.OpenRead(TestData.File("mrt", "mrtparse", "samples", name))).ToList();

    [Theory]
    [InlineData("bird_bgp")]
    [InlineData("bird-mrtdump_bgp")]
    [InlineData("bird-mrtdump_rib")]
    [InlineData("bird6_bgp")]
    [InlineData("bird6-mrtdump_bgp")]
    [InlineData("bird6-mrtdump_rib")]
    [InlineData("openbgpd_bgp")]
    [InlineData("openbgpd_rib_table")]
    [InlineData("openbgpd_rib_table-mp")]
    [InlineData("openbgpd_rib_table-v2")]
    [InlineData("quagga_bgp")]
    [InlineData("quagga_rib")]
    public void Every_sample_decodes_to_the_end(string name)
    {
        var records = Read(name);
        Assert.NotEmpty(records);

        // Only the deprecated BGP4MP_ENTRY (subtype 2) is left undecoded.
        Assert.All(records.OfType<UnknownMrtRecord>(), r => Assert.Equal((MrtType.Bgp4mp, (ushort)2), (r.Header.Type, r.Header.Subtype)));
    }

    [Fact]
    public void Quagga_rib_has_peer_table_and_four_octet_paths()
    {
        var records = Read("quagga_rib");
        var peers = Assert.IsType<PeerIndexTableRecord>(records[0]);
        Assert.Equal(IPAddress.Parse("192.168.0.18"), peers.CollectorId);
        Assert.Equal(new MrtPeer(IPAddress.Parse("172.16.0.10"), IPAddress.Parse("192.168.0.10"), 65000), peers.Peers[0]);
        Assert.Equal(IPAddress.Parse("fd02::10"), peers.Peers[1].Address);

        var rib = Assert.IsType<RibRecord>(records[1]);
        Assert.Equal(IpPrefix.Parse("172.17.0.0/24"), rib.Prefix);
        var entry = Assert.Single(rib.Entries);
        Assert.Equal(0x589ECD3Cu, entry.OriginatedTime);
        var attributes = entry.Attributes;
        Assert.Equal(Origin.Igp, attributes.Origin);
        Assert.Equal("4200000000 4200000000 4200000000 64512 64512 64512", attributes.AsPath!.ToString());
        Assert.Equal(IPAddress.Parse("192.168.0.10"), attributes.NextHop);
        Assert.Equal(10u, attributes.MultiExitDisc);
        Assert.Equal(100u, attributes.LocalPref);
        Assert.Equal(new[] { new Community(65000, 100), new Community(65000, 200), new Community(65000, 300) }, attributes.Communities);
    }

    [Fact]
    public void Bird_addpath_rib_keeps_path_identifiers_per_entry()
    {
        var rib = Read("bird6-mrtdump_rib").OfType<RibRecord>().First(r => r.IsAddPath);
        Assert.Equal(IpPrefix.Parse("fd01:1::/64"), rib.Prefix);
        Assert.Equal(new uint?[] { 1, 2 }, rib.Entries.Select(e => e.PathId));
        Assert.Equal("4294967194 4294967194 4294967194 65534 65534 65534", rib.Entries[1].Attributes.AsPath!.ToString());
        Assert.Equal(IPAddress.Parse("172.16.0.1"), rib.Entries[0].Attributes.OriginatorId);
        Assert.Equal(new[] { IPAddress.Parse("172.16.0.10") }, rib.Entries[0].Attributes.ClusterList);
    }

    [Fact]
    public void Bird_plain_subtypes_carry_addpath_nlri_recognised_from_the_open()
    {
        var records = Read("bird_bgp").OfType<Bgp4mpMessageRecord>().ToList();
        var open = records.Select(r => r.Message).OfType<OpenMessage>().First();
        Assert.Contains(new AddPathFamily(AfiSafi.IPv4Unicast, AddPathDirection.Both), open.AddPathFamilies);
        Assert.Equal(65000u, open.FourOctetAsn);

        var updates = records.Select(r => r.Message).OfType<UpdateMessage>().ToList();
        var withLarge = updates.First(u => !u.Attributes.LargeCommunities.IsEmpty);
        Assert.Equal(new Nlri(IpPrefix.Parse("192.168.16.0/24"), 1), Assert.Single(withLarge.Announced));
        Assert.Equal(new LargeCommunity(65000, 4294967295, 100), withLarge.Attributes.LargeCommunities[0]);
    }

    [Fact]
    public void Openbgpd_vpnv4_nlri_decode_with_distinguisher_and_label_and_route_targets()
    {
        var updates = Read("openbgpd_bgp").OfType<Bgp4mpMessageRecord>().Select(r => r.Message).OfType<UpdateMessage>().ToList();
        var vpn = updates.First(u => u.MpReach?.Family == new AfiSafi(Afi.IPv4, Safi.MplsVpn));
        Assert.True(vpn.MpReach!.Nlri.IsEmpty);
        Assert.True(vpn.MpReach.UndecodedNlri.IsEmpty);
        var route = Assert.Single(vpn.MpReach.Labeled);
        Assert.NotNull(route.Distinguisher);
        Assert.Single(route.Labels);
        Assert.Equal(IPAddress.Parse("192.168.0.15"), Assert.Single(vpn.MpReach.NextHops));
        Assert.Equal("rt:65000:100", vpn.Attributes.ExtendedCommunities[0].ToString());

        var refreshes = Read("openbgpd_bgp").OfType<Bgp4mpMessageRecord>().Select(r => r.Message).OfType<RouteRefreshMessage>().ToList();
        Assert.Contains(new RouteRefreshMessage(new AfiSafi(Afi.IPv4, Safi.MplsVpn)), refreshes);
    }

    [Fact]
    public void Legacy_table_dump_decodes_two_octet_entries()
    {
        var first = Assert.IsType<TableDumpRecord>(Read("openbgpd_rib_table")[0]);
        Assert.Equal(IpPrefix.Parse("192.168.0.0/16"), first.Prefix);
        Assert.Equal(IPAddress.Parse("192.168.1.10"), first.PeerAddress);
        Assert.Equal((ushort)65000, first.PeerAs);
        Assert.Equal("65015", first.Attributes.AsPath!.ToString());
        Assert.Equal(IPAddress.Parse("192.168.0.15"), first.Attributes.NextHop);
    }

    [Fact]
    public void Bird_notification_is_named()
    {
        var notification = Read("bird-mrtdump_bgp").OfType<Bgp4mpMessageRecord>().Select(r => r.Message).OfType<NotificationMessage>().Single();
        Assert.Equal("6/4 Cease: Administrative Reset", notification.ToString());
    }

    [Fact]
    public async Task Async_reader_yields_the_same_records()
    {
        var path = TestData.File("mrt", "bgpdump", "test_data", "updates.long_withdrawal.gz");
        var expected = MrtReader.Read(File.OpenRead(path)).ToList();
        var actual = new List<MrtRecord>();
        await foreach (var record in MrtReader.ReadAsync(File.OpenRead(path)))
        {
            actual.Add(record);
        }

        Assert.Equal(expected, actual);
    }
}

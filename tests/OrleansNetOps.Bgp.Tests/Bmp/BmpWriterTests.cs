using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;

namespace OrleansNetOps.Bgp.Tests.Bmp;

public sealed class BmpWriterTests
{
    [Fact]
    public void Every_message_of_a_real_frr_capture_re_encodes_to_the_same_records()
    {
        var stream = PmacctBmpStream("205-BMP-6wind-FRR-peer_down");
        var reader = new BmpReader();
        var span = stream.AsSpan();
        var count = 0;
        while (BmpFraming.Frame(span) is { Status: BmpFrameStatus.Complete } frame)
        {
            var original = span[..frame.Length].ToArray();
            var decoded = reader.Decode(original);
            var context = decoded is BmpPeerUp up ? BgpDecodingContext.Negotiate(up.SentOpen, up.ReceivedOpen) : BgpDecodingContext.FourOctet;
            if (decoded is BmpRouteMonitoring or BmpPeerUp or BmpInitiation or BmpStatisticsReport or BmpPeerDown or BmpTermination)
            {
                var encoded = BmpWriter.Encode(decoded, context);
                // Same records back; byte for byte where no BGP PDU inside could be laid out another way
                // (an OPEN may carry its capabilities in one optional parameter or in several).
                Assert.Equal(decoded, reader.Decode(encoded));
                if (decoded is not (BmpRouteMonitoring or BmpPeerUp))
                {
                    Assert.Equal(original, encoded);
                }

                count++;
            }

            span = span[frame.Length..];
        }

        Assert.True(count > 10, $"only {count} messages compared");
    }

    private static byte[] PmacctBmpStream(string folder) =>
        OrleansNetOps.TestSupport.PcapFile.ReadTcpStreams(OrleansNetOps.TestSupport.SharedData.Path("pmacct", folder, "traffic-00.pcap"))
            .OrderByDescending(s => s.Data.Length).First().Data;
}

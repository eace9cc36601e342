using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Bgp.Tests.Bmp;

/// <summary>Reassembles the BMP byte streams of a pcap and cuts them into messages with <see cref="BmpFraming"/>.</summary>
internal static class BmpCapture
{
    /// <summary>Messages of every exporter-to-collector stream, each decoded by that stream's own reader.</summary>
    public static List<(TcpStream Stream, BmpMessage Message)> Decode(string pcap)
    {
        var result = new List<(TcpStream, BmpMessage)>();
        foreach (var stream in PcapFile.ReadTcpStreams(pcap).Where(s => s.Data.Length > 0))
        {
            var reader = new BmpReader();
            var data = stream.Data.AsSpan();
            while (!data.IsEmpty)
            {
                var frame = BmpFraming.Frame(data);
                Assert.True(frame.Status == BmpFrameStatus.Complete, $"{stream.Source}: {frame.Status} {frame.Error} with {data.Length} bytes left");
                result.Add((stream, reader.Decode(data[..frame.Length])));
                data = data[frame.Length..];
            }
        }

        return result;
    }
}

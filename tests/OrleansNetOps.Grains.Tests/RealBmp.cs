using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Grains.Tests;

/// <summary>BMP captured from real routers (pmacct's test data), as raw frames and decoded.</summary>
internal static class RealBmp
{
    /// <summary>The longest BMP stream of a 6WIND/FRR capture with a Peer Down.</summary>
    public static byte[] FrrPeerDownStream() =>
        PcapFile.ReadTcpStreams(SharedData.Path("pmacct", "205-BMP-6wind-FRR-peer_down", "traffic-00.pcap"))
            .OrderByDescending(s => s.Data.Length).First().Data;

    /// <summary>Every whole message of a stream, as one batch.</summary>
    public static BmpFrameBatch Batch(byte[] stream)
    {
        var builder = new BmpFrameBatchBuilder();
        var offset = 0L;
        var sequence = new System.Buffers.ReadOnlySequence<byte>(stream);
        while (BmpFraming.Frame(sequence) is { Status: BmpFrameStatus.Complete } frame)
        {
            builder.Add(sequence.Slice(0, frame.Length), offset);
            offset += frame.Length;
            sequence = sequence.Slice(frame.Length);
        }

        return builder.Take(offset);
    }

    /// <summary>The decoded messages of a stream.</summary>
    public static IReadOnlyList<BmpMessage> Decode(byte[] stream)
    {
        var reader = new BmpReader();
        return [.. Batch(stream).Messages().Select(m => reader.Decode(m.Message.Span))];
    }
}

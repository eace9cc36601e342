using System.Buffers;
using System.Buffers.Binary;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Finds message boundaries in a BMP byte stream (common header: version 3, 4-byte length, type).</summary>
public static class BmpFraming
{
    /// <summary>Common header size.</summary>
    public const int HeaderSize = 6;

    /// <summary>
    /// Largest message accepted. A Route Monitoring message is at most a per-peer header plus a 64 KiB BGP
    /// message; Peer Up carries two OPENs and a few TLVs. Anything far beyond that is a corrupt length.
    /// </summary>
    public const int MaxMessageLength = 1 << 20;

    /// <summary>Looks for a message at the start of <paramref name="buffer"/>.</summary>
    public static BmpFrame Frame(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < HeaderSize)
        {
            return new BmpFrame(BmpFrameStatus.NeedMoreData, HeaderSize);
        }

        if (buffer[0] != 3)
        {
            return new BmpFrame(BmpFrameStatus.FramingLost, 0, $"version {buffer[0]} at offset 0, expected 3");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(buffer[1..]);
        if (length is < HeaderSize or > MaxMessageLength)
        {
            return new BmpFrame(BmpFrameStatus.FramingLost, 0, $"message length {length} at offset 1 is outside {HeaderSize}..{MaxMessageLength}");
        }

        return buffer.Length < length
            ? new BmpFrame(BmpFrameStatus.NeedMoreData, (int)length)
            : new BmpFrame(BmpFrameStatus.Complete, (int)length);
    }

    /// <summary>Looks for a message at the start of a possibly multi-segment buffer, as handed out by a PipeReader.</summary>
    public static BmpFrame Frame(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < HeaderSize)
        {
            return new BmpFrame(BmpFrameStatus.NeedMoreData, HeaderSize);
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var frame = Frame(header);
        if (frame.Status == BmpFrameStatus.FramingLost)
        {
            return frame;
        }

        return buffer.Length >= frame.Length
            ? new BmpFrame(BmpFrameStatus.Complete, frame.Length)
            : new BmpFrame(BmpFrameStatus.NeedMoreData, frame.Length);
    }
}

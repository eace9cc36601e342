using System.Buffers.Binary;
using Orleans;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>
/// Raw BMP messages of one session, whole and in arrival order, concatenated into one array: what a collector hands
/// the router that decodes them. Cheap to copy and to serialise, and it keeps the decoding next to the state it
/// feeds. Build one with <see cref="BmpFrameBatchBuilder"/>.
/// </summary>
/// <param name="Data">The messages, back to back, each starting with its BMP common header.</param>
/// <param name="Count">How many messages <paramref name="Data"/> holds.</param>
/// <param name="FirstOffset">Stream offset of the first message in its session (for error reports).</param>
[GenerateSerializer, Immutable]
public sealed record BmpFrameBatch(byte[] Data, int Count, long FirstOffset)
{
    /// <summary>An empty batch at a stream offset.</summary>
    public static BmpFrameBatch Empty(long offset) => new([], 0, offset);

    /// <summary>The messages with their stream offsets; relies on each frame's length field, as built.</summary>
    public IEnumerable<(long Offset, ReadOnlyMemory<byte> Message)> Messages()
    {
        var position = 0;
        for (var i = 0; i < Count; i++)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(Data.AsSpan(position + 1, 4));
            yield return (FirstOffset + position, Data.AsMemory(position, length));
            position += length;
        }
    }
}

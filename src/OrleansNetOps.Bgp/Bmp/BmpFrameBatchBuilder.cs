using System.Buffers;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Collects framed messages (see <see cref="BmpFraming"/>) into a <see cref="BmpFrameBatch"/>. Not thread-safe.</summary>
public sealed class BmpFrameBatchBuilder
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private long _firstOffset;

    /// <summary>Messages added since the last <see cref="Take"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes added since the last <see cref="Take"/>.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>Appends one whole message found at <paramref name="offset"/> of its session's stream.</summary>
    public void Add(in ReadOnlySequence<byte> message, long offset)
    {
        if (Count == 0)
        {
            _firstOffset = offset;
        }

        message.CopyTo(_buffer.GetSpan((int)message.Length));
        _buffer.Advance((int)message.Length);
        Count++;
    }

    /// <summary>The batch so far; the builder starts over. Empty batches carry <paramref name="nextOffset"/>.</summary>
    public BmpFrameBatch Take(long nextOffset)
    {
        var batch = Count == 0 ? BmpFrameBatch.Empty(nextOffset) : new BmpFrameBatch(_buffer.WrittenSpan.ToArray(), Count, _firstOffset);
        _buffer.ResetWrittenCount();
        Count = 0;
        return batch;
    }
}

using System.Buffers.Binary;

namespace OrleansNetOps.Bgp.Wire;

/// <summary>
/// Bounds-checked cursor over a span. Every read names its field so a short buffer surfaces as a
/// <see cref="BgpDecodeException"/> with an absolute offset instead of an IndexOutOfRangeException.
/// </summary>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly int _base;
    private int _position;

    public WireReader(ReadOnlySpan<byte> span, int baseOffset = 0)
    {
        _span = span;
        _base = baseOffset;
        _position = 0;
    }

    public readonly int Offset => _base + _position;

    public readonly int Remaining => _span.Length - _position;

    public readonly bool IsEmpty => _position >= _span.Length;

    public readonly ReadOnlySpan<byte> Rest => _span[_position..];

    public byte ReadByte(string field)
    {
        Ensure(1, field);
        return _span[_position++];
    }

    public ushort ReadUInt16(string field)
    {
        Ensure(2, field);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_span[_position..]);
        _position += 2;
        return value;
    }

    public uint ReadUInt32(string field)
    {
        Ensure(4, field);
        var value = BinaryPrimitives.ReadUInt32BigEndian(_span[_position..]);
        _position += 4;
        return value;
    }

    public ulong ReadUInt64(string field)
    {
        Ensure(8, field);
        var value = BinaryPrimitives.ReadUInt64BigEndian(_span[_position..]);
        _position += 8;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count, string field)
    {
        Ensure(count, field);
        var slice = _span.Slice(_position, count);
        _position += count;
        return slice;
    }

    /// <summary>Carves out a nested structure so that its reads cannot run past its declared length.</summary>
    public WireReader ReadNested(int count, string field)
    {
        var start = Offset;
        return new WireReader(ReadBytes(count, field), start);
    }

    public void Skip(int count, string field)
    {
        Ensure(count, field);
        _position += count;
    }

    public readonly BgpDecodeException Error(string field, string reason) => new(field, Offset, reason);

    private readonly void Ensure(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            throw new BgpDecodeException(field, Offset, $"needs {count} byte(s) but only {Remaining} remain");
        }
    }
}

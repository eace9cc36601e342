using System.Buffers.Binary;

namespace OrleansNetOps.Bgp.Wire;

/// <summary>Growable big-endian writer with length back-patching, used by the encoders.</summary>
internal sealed class WireWriter
{
    private byte[] _buffer;

    public WireWriter(int capacity = 256) => _buffer = new byte[capacity];

    public int Length { get; private set; }

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64BigEndian(Reserve(8), value);

    public void WriteBytes(ReadOnlySpan<byte> value) => value.CopyTo(Reserve(value.Length));

    public Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    public void PatchUInt16(int position, ushort value) =>
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(position, 2), value);

    public void PatchByte(int position, byte value) => _buffer[position] = value;

    /// <summary>Removes one byte, shifting the tail down (used to shrink a provisional length field).</summary>
    public void RemoveAt(int position)
    {
        _buffer.AsSpan(position + 1, Length - position - 1).CopyTo(_buffer.AsSpan(position));
        Length--;
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();
}

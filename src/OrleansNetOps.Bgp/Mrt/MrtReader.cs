using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Wire;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>
/// Streams MRT records from a plain or gzip-compressed stream, one record in memory at a time.
/// </summary>
public static class MrtReader
{
    /// <summary>Largest record body accepted; guards against a corrupt length allocating gigabytes.</summary>
    public const int MaxRecordLength = 64 * 1024 * 1024;

    /// <summary>Reads records until the end of <paramref name="stream"/>. Gzip input is detected by its magic bytes.</summary>
    /// <param name="stream">The dump; it is disposed when enumeration completes.</param>
    /// <param name="interner">Attribute-set interner; a fresh one per call when null.</param>
    public static IEnumerable<MrtRecord> Read(Stream stream, AttributeSetInterner? interner = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadIterator(stream, interner ?? new AttributeSetInterner());
    }

    /// <summary>Asynchronous variant of <see cref="Read"/>.</summary>
    public static async IAsyncEnumerable<MrtRecord> ReadAsync(
        Stream stream,
        AttributeSetInterner? interner = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        interner ??= new AttributeSetInterner();
        var magic = new byte[2];
        var magicLength = await stream.ReadAtLeastAsync(magic, 2, false, cancellationToken).ConfigureAwait(false);
        await using var input = Unwrap(stream, magic.AsSpan(0, magicLength));
        var headerBytes = new byte[MrtHeader.Size];
        var sessions = new MrtSessionTable();
        var body = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            long position = 0;
            while (true)
            {
                var got = await input.ReadAtLeastAsync(headerBytes, MrtHeader.Size, false, cancellationToken).ConfigureAwait(false);
                if (got == 0)
                {
                    yield break;
                }

                var header = ParseHeader(headerBytes, got, position);
                body = EnsureCapacity(body, (int)header.Length);
                got = await input.ReadAtLeastAsync(body.AsMemory(0, (int)header.Length), (int)header.Length, false, cancellationToken).ConfigureAwait(false);
                yield return DecodeBody(header, body, got, position, interner, sessions);
                position += MrtHeader.Size + header.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    private static IEnumerable<MrtRecord> ReadIterator(Stream stream, AttributeSetInterner interner)
    {
        Span<byte> magic = stackalloc byte[2];
        var magicLength = stream.ReadAtLeast(magic, 2, false);
        using var input = Unwrap(stream, magic[..magicLength]);
        var headerBytes = new byte[MrtHeader.Size];
        var sessions = new MrtSessionTable();
        var body = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            long position = 0;
            while (true)
            {
                var got = input.ReadAtLeast(headerBytes, MrtHeader.Size, false);
                if (got == 0)
                {
                    yield break;
                }

                var header = ParseHeader(headerBytes, got, position);
                body = EnsureCapacity(body, (int)header.Length);
                got = input.ReadAtLeast(body.AsSpan(0, (int)header.Length), (int)header.Length, false);
                yield return DecodeBody(header, body, got, position, interner, sessions);
                position += MrtHeader.Size + header.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    private static Stream Unwrap(Stream stream, ReadOnlySpan<byte> magic)
    {
        var replay = new ReplayStream(magic.ToArray(), stream);
        return magic.Length == 2 && magic[0] == 0x1F && magic[1] == 0x8B
            ? new GZipStream(replay, CompressionMode.Decompress)
            : replay;
    }

    private static MrtHeader ParseHeader(byte[] headerBytes, int got, long position)
    {
        if (got < MrtHeader.Size)
        {
            throw new BgpDecodeException("MRT header", 0, $"record at stream position {position} is truncated: {got} of 12 header bytes");
        }

        var header = MrtRecordDecoder.ReadHeader(headerBytes);
        if (header.Length > MaxRecordLength)
        {
            throw new BgpDecodeException("MRT length", 8, $"record at stream position {position} declares {header.Length} bytes");
        }

        return header;
    }

    private static byte[] EnsureCapacity(byte[] body, int length)
    {
        if (body.Length >= length)
        {
            return body;
        }

        ArrayPool<byte>.Shared.Return(body);
        return ArrayPool<byte>.Shared.Rent(length);
    }

    private static MrtRecord DecodeBody(MrtHeader header, byte[] body, int got, long position, AttributeSetInterner interner, MrtSessionTable sessions)
    {
        if (got < header.Length)
        {
            throw new BgpDecodeException("MRT body", MrtHeader.Size + got, $"record at stream position {position} is truncated: {got} of {header.Length} bytes");
        }

        return MrtRecordDecoder.Decode(header, body.AsSpan(0, (int)header.Length), interner, sessions);
    }
}

using System.Buffers;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>
/// Splits one TCP connection's bytes into syslog messages (RFC 6587), recognising octet-counting and
/// LF-terminated framing from each frame's first byte (a digit or '&lt;'). Works over
/// <see cref="ReadOnlySequence{T}"/> so it can sit directly on a <c>PipeReader</c>. One instance per connection.
/// </summary>
public sealed class SyslogFramer
{
    private const int MaxLengthDigits = 10;
    private readonly int maxFrameLength;
    private bool discardingLine;
    private long discardStart;

    /// <summary>Creates a framer for one connection.</summary>
    /// <param name="maxFrameLength">Largest message accepted; longer ones are skipped with an error rather than buffered.</param>
    public SyslogFramer(int maxFrameLength = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, 16);
        this.maxFrameLength = maxFrameLength;
    }

    /// <summary>The framing of the first frame on this connection, once seen.</summary>
    public SyslogFraming? Framing { get; private set; }

    /// <summary>Stream offset of the first byte of the buffer the next call expects (bytes consumed so far).</summary>
    public long Position { get; private set; }

    /// <summary>Stream offset where the last returned frame's message starts; add it to a parser's offset for a stream position.</summary>
    public long FrameOffset { get; private set; }

    /// <summary>
    /// Takes the next frame from the front of <paramref name="buffer"/>, advancing it past what was consumed.
    /// </summary>
    /// <param name="buffer">Unconsumed bytes; on return, what remains.</param>
    /// <param name="frame">The message bytes (without length prefix or line end) when the status is <see cref="SyslogFrameStatus.Frame"/>.</param>
    /// <param name="error">What was wrong when the status is <see cref="SyslogFrameStatus.Skipped"/>, with its stream offset.</param>
    public SyslogFrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out TelemetryParseError error)
    {
        frame = default;
        error = default;
        while (true)
        {
            if (discardingLine)
            {
                var lf = buffer.PositionOf((byte)'\n');
                if (lf is null)
                {
                    Consume(ref buffer, buffer.End);
                    return SyslogFrameStatus.NeedMoreData;
                }

                Consume(ref buffer, buffer.GetPosition(1, lf.Value));
                discardingLine = false;
                error = new TelemetryParseError($"line longer than {maxFrameLength} bytes skipped", discardStart);
                return SyslogFrameStatus.Skipped;
            }

            if (buffer.IsEmpty)
            {
                return SyslogFrameStatus.NeedMoreData;
            }

            var first = FirstByte(buffer);
            if (first is (byte)'\n' or (byte)'\r' or 0 or (byte)' ')
            {
                // Keep-alive blank lines and stray separators between frames carry nothing.
                Consume(ref buffer, buffer.GetPosition(1));
                continue;
            }

            return first is >= (byte)'0' and <= (byte)'9'
                ? OctetCounted(ref buffer, out frame, out error)
                : LineTerminated(ref buffer, out frame, out error);
        }
    }

    /// <summary>
    /// At end of connection: returns a last LF-framed message that lacked its line feed. Anything else left over is an incomplete frame.
    /// </summary>
    /// <param name="buffer">Remaining bytes; emptied on return.</param>
    /// <param name="frame">The final message, if any.</param>
    /// <param name="error">Set when leftover bytes were an incomplete octet-counted frame.</param>
    /// <returns>True when a frame was returned.</returns>
    public bool TryReadFinalFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out TelemetryParseError? error)
    {
        frame = default;
        error = null;
        if (buffer.IsEmpty || discardingLine)
        {
            Consume(ref buffer, buffer.End);
            return false;
        }

        if (FirstByte(buffer) == (byte)'<')
        {
            FrameOffset = Position;
            frame = TrimLineEnd(buffer);
            Consume(ref buffer, buffer.End);
            return true;
        }

        error = new TelemetryParseError("connection ended inside a frame", Position);
        Consume(ref buffer, buffer.End);
        return false;
    }

    private SyslogFrameStatus OctetCounted(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out TelemetryParseError error)
    {
        frame = default;
        error = default;
        var reader = new SequenceReader<byte>(buffer);
        long length = 0;
        var digits = 0;
        while (reader.TryPeek(out var b) && b is >= (byte)'0' and <= (byte)'9' && digits <= MaxLengthDigits)
        {
            length = length * 10 + (b - '0');
            digits++;
            reader.Advance(1);
        }

        if (!reader.TryPeek(out var separator))
        {
            return SyslogFrameStatus.NeedMoreData;
        }

        if (separator != (byte)' ' || digits > MaxLengthDigits || length == 0)
        {
            error = new TelemetryParseError("octet count must be a non-zero decimal MSG-LEN followed by SP", Position + reader.Consumed);
            Resynchronise(ref buffer, reader.Consumed);
            return SyslogFrameStatus.Skipped;
        }

        if (length > maxFrameLength)
        {
            error = new TelemetryParseError($"MSG-LEN {length} exceeds the {maxFrameLength}-byte limit", Position);
            Resynchronise(ref buffer, reader.Consumed);
            return SyslogFrameStatus.Skipped;
        }

        reader.Advance(1);
        if (reader.Remaining < length)
        {
            return SyslogFrameStatus.NeedMoreData;
        }

        Framing ??= SyslogFraming.OctetCounting;
        FrameOffset = Position + reader.Consumed;
        frame = buffer.Slice(reader.Position, length);
        Consume(ref buffer, frame.End);
        return SyslogFrameStatus.Frame;
    }

    private SyslogFrameStatus LineTerminated(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out TelemetryParseError error)
    {
        frame = default;
        error = default;
        var lf = buffer.PositionOf((byte)'\n');
        if (lf is null)
        {
            if (buffer.Length > maxFrameLength)
            {
                discardingLine = true;
                discardStart = Position;
                Consume(ref buffer, buffer.End);
            }

            return SyslogFrameStatus.NeedMoreData;
        }

        var line = buffer.Slice(0, lf.Value);
        if (line.Length > maxFrameLength)
        {
            error = new TelemetryParseError($"line longer than {maxFrameLength} bytes skipped", Position);
            Consume(ref buffer, buffer.GetPosition(1, lf.Value));
            return SyslogFrameStatus.Skipped;
        }

        Framing ??= SyslogFraming.NonTransparent;
        FrameOffset = Position;
        frame = TrimLineEnd(line);
        Consume(ref buffer, buffer.GetPosition(1, lf.Value));
        return SyslogFrameStatus.Frame;
    }

    /// <summary>
    /// After a bad octet-count header, skip to the next place a frame could start: a line start, or a
    /// digit run followed by " &lt;" — losing one message rather than the rest of the connection.
    /// </summary>
    private void Resynchronise(ref ReadOnlySequence<byte> buffer, long badAt)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(Math.Max(1, badAt));
        var previous = (byte)0;
        while (reader.TryRead(out var b))
        {
            var at = reader.Consumed - 1;
            var prevIsDigit = previous is >= (byte)'0' and <= (byte)'9';
            if ((b == (byte)'<' && previous == (byte)'\n') || (b is >= (byte)'1' and <= (byte)'9' && !prevIsDigit && LooksLikeCount(buffer.Slice(at))))
            {
                Consume(ref buffer, buffer.GetPosition(at));
                return;
            }

            previous = b;
        }

        Consume(ref buffer, buffer.End);
    }

    private static bool LooksLikeCount(ReadOnlySequence<byte> rest)
    {
        var reader = new SequenceReader<byte>(rest);
        var digits = 0;
        while (reader.TryPeek(out var b) && b is >= (byte)'0' and <= (byte)'9' && digits <= MaxLengthDigits)
        {
            digits++;
            reader.Advance(1);
        }

        return reader.TryRead(out var sp) && sp == (byte)' ' && reader.TryRead(out var lt) && lt == (byte)'<';
    }

    private static ReadOnlySequence<byte> TrimLineEnd(ReadOnlySequence<byte> line)
    {
        while (line.Length > 0)
        {
            var last = FirstByte(line.Slice(line.Length - 1));
            if (last is not ((byte)'\r' or (byte)'\n' or 0))
            {
                break;
            }

            line = line.Slice(0, line.Length - 1);
        }

        return line;
    }

    // FirstSpan can be empty when a slice starts exactly at a segment boundary, so peek through a reader.
    private static byte FirstByte(in ReadOnlySequence<byte> sequence)
    {
        var reader = new SequenceReader<byte>(sequence);
        reader.TryPeek(out var b);
        return b;
    }

    private void Consume(ref ReadOnlySequence<byte> buffer, SequencePosition to)
    {
        var consumed = buffer.Slice(0, to).Length;
        Position += consumed;
        buffer = buffer.Slice(to);
    }
}

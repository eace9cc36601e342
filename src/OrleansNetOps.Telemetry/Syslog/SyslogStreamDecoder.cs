using System.Buffers;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>
/// Frames and parses a syslog TCP connection: good messages and errors (with stream offsets) are reported
/// separately so one bad message never costs the ones around it. One instance per connection.
/// </summary>
public sealed class SyslogStreamDecoder
{
    private readonly SyslogFramer framer;
    private byte[] scratch = [];

    /// <summary>Creates a decoder for one connection.</summary>
    /// <param name="maxFrameLength">Largest message accepted.</param>
    public SyslogStreamDecoder(int maxFrameLength = 64 * 1024) => framer = new SyslogFramer(maxFrameLength);

    /// <summary>The framing the connection uses, once seen.</summary>
    public SyslogFraming? Framing => framer.Framing;

    /// <summary>Decodes every complete frame in <paramref name="buffer"/>, leaving the incomplete tail in it.</summary>
    /// <param name="buffer">Unconsumed bytes; on return, the part that must wait for more data.</param>
    /// <param name="receivedAt">Reception time, for RFC 3164 timestamps.</param>
    /// <param name="messages">Receives parsed messages.</param>
    /// <param name="errors">Receives framing and parse errors, offsets relative to the start of the connection.</param>
    public void Decode(ref ReadOnlySequence<byte> buffer, DateTimeOffset receivedAt, ICollection<SyslogMessage> messages, ICollection<TelemetryParseError> errors)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(errors);
        while (true)
        {
            switch (framer.TryReadFrame(ref buffer, out var frame, out var error))
            {
                case SyslogFrameStatus.NeedMoreData:
                    return;
                case SyslogFrameStatus.Skipped:
                    errors.Add(error);
                    break;
                default:
                    ParseFrame(frame, receivedAt, messages, errors);
                    break;
            }
        }
    }

    /// <summary>At end of connection: decodes a final unterminated line, and reports any incomplete frame.</summary>
    public void Complete(ref ReadOnlySequence<byte> buffer, DateTimeOffset receivedAt, ICollection<SyslogMessage> messages, ICollection<TelemetryParseError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Decode(ref buffer, receivedAt, messages, errors);
        if (framer.TryReadFinalFrame(ref buffer, out var frame, out var error))
        {
            ParseFrame(frame, receivedAt, messages, errors);
        }
        else if (error is { } e)
        {
            errors.Add(e);
        }
    }

    private void ParseFrame(ReadOnlySequence<byte> frame, DateTimeOffset receivedAt, ICollection<SyslogMessage> messages, ICollection<TelemetryParseError> errors)
    {
        ReadOnlySpan<byte> span;
        if (frame.IsSingleSegment)
        {
            span = frame.FirstSpan;
        }
        else
        {
            // Only frames that straddle pipe segments are copied.
            if (scratch.Length < frame.Length)
            {
                scratch = new byte[Math.Max(frame.Length, 4096)];
            }

            frame.CopyTo(scratch);
            span = scratch.AsSpan(0, (int)frame.Length);
        }

        if (SyslogParser.TryParse(span, receivedAt, out var message, out var error))
        {
            messages.Add(message);
        }
        else
        {
            errors.Add(error with { Offset = framer.FrameOffset + error.Offset });
        }
    }
}

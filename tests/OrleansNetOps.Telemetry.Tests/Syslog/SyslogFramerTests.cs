using System.Buffers;
using System.Text;
using OrleansNetOps.Telemetry.Parsing;
using OrleansNetOps.Telemetry.Syslog;
using OrleansNetOps.Telemetry.Tests.Support;

namespace OrleansNetOps.Telemetry.Tests.Syslog;

public sealed class SyslogFramerTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static (List<SyslogMessage> Messages, List<TelemetryParseError> Errors, SyslogStreamDecoder Decoder) DecodeAll(byte[] data, int chunk)
    {
        var decoder = new SyslogStreamDecoder(maxFrameLength: 256);
        var messages = new List<SyslogMessage>();
        var errors = new List<TelemetryParseError>();
        var buffer = ChunkedSequence.Create(data, chunk);
        decoder.Complete(ref buffer, Now, messages, errors);
        Assert.True(buffer.IsEmpty);
        return (messages, errors, decoder);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Octet_counted_frames_are_split_across_any_segmenting(int chunk)
    {
        var m1 = "<13>1 - h a - - - first\nline";
        var m2 = "<14>Mar  1 00:00:00 h t: second";
        var data = Encoding.UTF8.GetBytes($"{Encoding.UTF8.GetByteCount(m1)} {m1}{Encoding.UTF8.GetByteCount(m2)} {m2}");

        var (messages, errors, decoder) = DecodeAll(data, chunk);

        Assert.Empty(errors);
        Assert.Equal(SyslogFraming.OctetCounting, decoder.Framing);
        Assert.Equal(["first\nline", "second"], messages.Select(m => m.Message));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(4096)]
    public void Lf_framed_messages_including_a_final_unterminated_one(int chunk)
    {
        var data = "<13>1 - h a - - - one\r\n\n<13>1 - h a - - - two\n<13>1 - h a - - - three"u8.ToArray();

        var (messages, errors, decoder) = DecodeAll(data, chunk);

        Assert.Empty(errors);
        Assert.Equal(SyslogFraming.NonTransparent, decoder.Framing);
        Assert.Equal(["one", "two", "three"], messages.Select(m => m.Message));
    }

    [Fact]
    public void A_bad_message_is_reported_with_its_stream_offset_and_the_next_one_kept()
    {
        var data = "<13>1 - h a - - - ok\n<13>1 - h a - - [bad\n<13>1 - h a - - - after\n"u8.ToArray();

        var (messages, errors, _) = DecodeAll(data, 3);

        Assert.Equal(["ok", "after"], messages.Select(m => m.Message));
        var error = Assert.Single(errors);
        // The second frame starts at 21; its SD-ID runs to the end of the line, where ']' is missing.
        Assert.Equal(21 + 20, error.Offset);
    }

    [Fact]
    public void A_bad_octet_count_skips_to_the_next_frame()
    {
        var data = "12x <13>1 - - - - - -8 <1>1 - -99999 <13>1 - - - - - - lost?9 <13>1 - -"u8.ToArray();
        var framer = new SyslogFramer(maxFrameLength: 256);
        var buffer = new ReadOnlySequence<byte>(data);
        var frames = new List<string>();
        var errors = new List<TelemetryParseError>();
        while (true)
        {
            var status = framer.TryReadFrame(ref buffer, out var frame, out var error);
            if (status == SyslogFrameStatus.NeedMoreData)
            {
                break;
            }

            if (status == SyslogFrameStatus.Frame)
            {
                frames.Add(Encoding.ASCII.GetString(frame.ToArray()));
            }
            else
            {
                errors.Add(error);
            }
        }

        Assert.Equal(["<1>1 - -", "<13>1 - -"], frames);
        Assert.Equal(2, errors.Count);
        Assert.Equal(2, errors[0].Offset);
        Assert.Contains("MSG-LEN", errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal(31, errors[1].Offset);
    }

    [Fact]
    public void An_overlong_line_is_skipped_with_an_error()
    {
        var data = Encoding.ASCII.GetBytes("<13>1 - h a - - - " + new string('x', 1000) + "\n<13>1 - h a - - - fine\n");

        var (messages, errors, _) = DecodeAll(data, 100);

        Assert.Equal("fine", Assert.Single(messages).Message);
        Assert.Equal(0, Assert.Single(errors).Offset);
    }

    [Fact]
    public void An_incomplete_octet_counted_frame_at_close_is_an_error()
    {
        var (messages, errors, _) = DecodeAll("50 <13>1 - h"u8.ToArray(), 4);

        Assert.Empty(messages);
        Assert.Contains("ended inside a frame", Assert.Single(errors).Reason, StringComparison.Ordinal);
    }
}

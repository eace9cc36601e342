using System.Diagnostics.CodeAnalysis;
using System.Text;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>
/// Parses one syslog message (RFC 5424, or RFC 3164 when the version field is absent). Pure: the caller
/// passes the reception time, which supplies the year and UTC offset RFC 3164 timestamps lack.
/// </summary>
public static class SyslogParser
{
    private const int MaxHostname = 255;
    private const int MaxAppName = 48;
    private const int MaxProcId = 128;
    private const int MaxMsgId = 32;
    private const int MaxSdName = 32;

    private static readonly IReadOnlyList<StructuredDataElement> NoStructuredData = [];

    /// <summary>Parses a message or throws <see cref="TelemetryFormatException"/>.</summary>
    /// <param name="data">One message, without transport framing.</param>
    /// <param name="receivedAt">Reception time; supplies year and offset for RFC 3164 timestamps.</param>
    public static SyslogMessage Parse(ReadOnlySpan<byte> data, DateTimeOffset receivedAt) =>
        TryParse(data, receivedAt, out var message, out var error) ? message : throw new TelemetryFormatException(error);

    /// <summary>Parses a message; on failure reports what was wrong and at which byte.</summary>
    /// <param name="data">One message, without transport framing.</param>
    /// <param name="receivedAt">Reception time; supplies year and offset for RFC 3164 timestamps.</param>
    /// <param name="message">The message when successful.</param>
    /// <param name="error">The reason and byte offset when not.</param>
    public static bool TryParse(ReadOnlySpan<byte> data, DateTimeOffset receivedAt, [NotNullWhen(true)] out SyslogMessage? message, out TelemetryParseError error)
    {
        message = null;
        var pos = 0;
        if (!TryPri(data, ref pos, out var pri, out error))
        {
            return false;
        }

        var facility = (SyslogFacility)(pri >> 3);
        var severity = (SyslogSeverity)(pri & 7);
        if (pos + 1 < data.Length && data[pos] == (byte)'1' && data[pos + 1] == (byte)' ')
        {
            pos += 2;
            return TryRfc5424(data, pos, facility, severity, out message, out error);
        }

        message = Rfc3164(data, pos, facility, severity, receivedAt);
        error = default;
        return true;
    }

    private static bool TryPri(ReadOnlySpan<byte> data, ref int pos, out int pri, out TelemetryParseError error)
    {
        pri = 0;
        if (data.IsEmpty || data[0] != (byte)'<')
        {
            error = new TelemetryParseError("syslog message must start with '<' (PRI)", 0);
            return false;
        }

        pos = 1;
        var digits = 0;
        while (pos < data.Length && IsDigit(data[pos]) && digits < 3)
        {
            pri = pri * 10 + (data[pos] - '0');
            pos++;
            digits++;
        }

        if (digits == 0 || pos >= data.Length || data[pos] != (byte)'>' || (digits > 1 && data[1] == (byte)'0'))
        {
            error = new TelemetryParseError("PRI must be 1-3 digits without leading zero followed by '>'", pos);
            return false;
        }

        if (pri > 191)
        {
            error = new TelemetryParseError($"PRI {pri} is above 191", 1);
            return false;
        }

        pos++;
        error = default;
        return true;
    }

    private static bool TryRfc5424(ReadOnlySpan<byte> data, int pos, SyslogFacility facility, SyslogSeverity severity, [NotNullWhen(true)] out SyslogMessage? message, out TelemetryParseError error)
    {
        message = null;
        DateTimeOffset? timestamp = null;
        if (pos < data.Length && data[pos] == (byte)'-')
        {
            pos++;
        }
        else if (!TryRfc3339(data, ref pos, out var parsed, out error))
        {
            return false;
        }
        else
        {
            timestamp = parsed;
        }

        if (!TrySpace(data, ref pos, "TIMESTAMP", out error)
            || !TryHeaderField(data, ref pos, MaxHostname, "HOSTNAME", out var hostname, out error)
            || !TryHeaderField(data, ref pos, MaxAppName, "APP-NAME", out var appName, out error)
            || !TryHeaderField(data, ref pos, MaxProcId, "PROCID", out var procId, out error)
            || !TryHeaderField(data, ref pos, MaxMsgId, "MSGID", out var msgId, out error)
            || !TryStructuredData(data, ref pos, out var sd, out error))
        {
            return false;
        }

        string text;
        if (pos == data.Length)
        {
            text = string.Empty;
        }
        else if (data[pos] != (byte)' ')
        {
            error = new TelemetryParseError("expected SP between STRUCTURED-DATA and MSG", pos);
            return false;
        }
        else
        {
            text = MessageText(data[(pos + 1)..]);
        }

        message = new SyslogMessage(SyslogFormat.Rfc5424, facility, severity, timestamp, hostname, appName, procId, msgId, sd, text);
        error = default;
        return true;
    }

    private static string MessageText(ReadOnlySpan<byte> msg)
    {
        // Senders append a line end even over UDP; it is framing, not content.
        while (!msg.IsEmpty && msg[^1] is (byte)'\n' or (byte)'\r' or 0)
        {
            msg = msg[..^1];
        }

        if (msg.StartsWith("\uFEFF"u8))
        {
            msg = msg[3..];
        }

        return msg.IsEmpty ? string.Empty : Encoding.UTF8.GetString(msg);
    }

    private static bool TrySpace(ReadOnlySpan<byte> data, ref int pos, string after, out TelemetryParseError error)
    {
        if (pos < data.Length && data[pos] == (byte)' ')
        {
            pos++;
            error = default;
            return true;
        }

        error = new TelemetryParseError($"expected SP after {after}", pos);
        return false;
    }

    private static bool TryHeaderField(ReadOnlySpan<byte> data, ref int pos, int max, string name, out string? value, out TelemetryParseError error)
    {
        value = null;
        var start = pos;
        while (pos < data.Length && data[pos] != (byte)' ')
        {
            if (data[pos] is < 33 or > 126)
            {
                error = new TelemetryParseError($"{name} contains a non-printable or non-ASCII byte 0x{data[pos]:X2}", pos);
                return false;
            }

            pos++;
        }

        var length = pos - start;
        if (length == 0)
        {
            error = new TelemetryParseError($"{name} is empty (NILVALUE '-' expected)", start);
            return false;
        }

        if (length > max)
        {
            error = new TelemetryParseError($"{name} is {length} characters, more than the {max} allowed", start);
            return false;
        }

        if (!TrySpace(data, ref pos, name, out error))
        {
            return false;
        }

        if (length != 1 || data[start] != (byte)'-')
        {
            value = Encoding.ASCII.GetString(data.Slice(start, length));
        }

        return true;
    }

    private static bool TryStructuredData(ReadOnlySpan<byte> data, ref int pos, out IReadOnlyList<StructuredDataElement> result, out TelemetryParseError error)
    {
        result = NoStructuredData;
        if (pos < data.Length && data[pos] == (byte)'-')
        {
            pos++;
            error = default;
            return true;
        }

        if (pos >= data.Length || data[pos] != (byte)'[')
        {
            error = new TelemetryParseError("STRUCTURED-DATA must be '-' or start with '['", pos);
            return false;
        }

        var elements = new List<StructuredDataElement>();
        while (pos < data.Length && data[pos] == (byte)'[')
        {
            pos++;
            if (!TrySdName(data, ref pos, "SD-ID", out var id, out error))
            {
                return false;
            }

            var parameters = new List<StructuredDataParameter>();
            while (pos < data.Length && data[pos] == (byte)' ')
            {
                pos++;
                if (!TrySdName(data, ref pos, "PARAM-NAME", out var name, out error))
                {
                    return false;
                }

                if (pos + 1 >= data.Length || data[pos] != (byte)'=' || data[pos + 1] != (byte)'"')
                {
                    error = new TelemetryParseError("expected '=\"' after PARAM-NAME", pos);
                    return false;
                }

                pos += 2;
                if (!TryParamValue(data, ref pos, out var value, out error))
                {
                    return false;
                }

                parameters.Add(new StructuredDataParameter(name, value));
            }

            if (pos >= data.Length || data[pos] != (byte)']')
            {
                error = new TelemetryParseError("expected ']' to close SD-ELEMENT", pos);
                return false;
            }

            pos++;
            elements.Add(new StructuredDataElement(id, parameters));
        }

        result = elements;
        error = default;
        return true;
    }

    private static bool TrySdName(ReadOnlySpan<byte> data, ref int pos, string what, out string name, out TelemetryParseError error)
    {
        name = string.Empty;
        var start = pos;
        while (pos < data.Length && data[pos] is >= 33 and <= 126 and not (byte)'=' and not (byte)']' and not (byte)'"')
        {
            pos++;
        }

        var length = pos - start;
        if (length is 0 or > MaxSdName)
        {
            error = new TelemetryParseError($"{what} must be 1-{MaxSdName} printable characters other than '=', ']', '\"' and SP", start);
            return false;
        }

        name = Encoding.ASCII.GetString(data.Slice(start, length));
        error = default;
        return true;
    }

    private static bool TryParamValue(ReadOnlySpan<byte> data, ref int pos, out string value, out TelemetryParseError error)
    {
        value = string.Empty;
        var start = pos;
        var escaped = false;
        while (pos < data.Length)
        {
            var b = data[pos];
            if (b == (byte)'\\' && pos + 1 < data.Length)
            {
                escaped = true;
                pos += 2;
                continue;
            }

            if (b == (byte)'"')
            {
                break;
            }

            if (b == (byte)']')
            {
                error = new TelemetryParseError("unescaped ']' in PARAM-VALUE", pos);
                return false;
            }

            pos++;
        }

        if (pos >= data.Length)
        {
            error = new TelemetryParseError("PARAM-VALUE is not closed by '\"'", start);
            return false;
        }

        var raw = data[start..pos];
        pos++;
        value = escaped ? Unescape(raw) : Encoding.UTF8.GetString(raw);
        error = default;
        return true;
    }

    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var buffer = raw.Length <= 512 ? stackalloc byte[raw.Length] : new byte[raw.Length];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            // Only \" \\ \] are escapes; any other backslash is kept as sent (RFC 5424 section 6.3.3).
            if (raw[i] == (byte)'\\' && i + 1 < raw.Length && raw[i + 1] is (byte)'"' or (byte)'\\' or (byte)']')
            {
                i++;
            }

            buffer[n++] = raw[i];
        }

        return Encoding.UTF8.GetString(buffer[..n]);
    }

    private static bool TryRfc3339(ReadOnlySpan<byte> data, ref int pos, out DateTimeOffset value, out TelemetryParseError error)
    {
        value = default;
        var start = pos;
        var s = data[pos..];
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryNumber(s[..4], out var year) || !TryNumber(s.Slice(5, 2), out var month) || !TryNumber(s.Slice(8, 2), out var day)
            || !TryNumber(s.Slice(11, 2), out var hour) || !TryNumber(s.Slice(14, 2), out var minute) || !TryNumber(s.Slice(17, 2), out var second))
        {
            error = new TelemetryParseError("TIMESTAMP must be '-' or YYYY-MM-DDThh:mm:ss[.frac](Z|+hh:mm)", start);
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (s[i] == (byte)'.')
        {
            i++;
            var digits = 0;
            long scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && IsDigit(s[i]))
            {
                if (digits < 7)
                {
                    scale /= 10;
                    fractionTicks += (s[i] - '0') * scale;
                }

                digits++;
                i++;
            }

            if (digits is 0 or > 6)
            {
                error = new TelemetryParseError("TIME-SECFRAC must have 1-6 digits", start + 20);
                return false;
            }
        }

        TimeSpan offset;
        if (i < s.Length && s[i] == (byte)'Z')
        {
            offset = TimeSpan.Zero;
            i++;
        }
        else if (i + 6 <= s.Length && s[i] is (byte)'+' or (byte)'-' && s[i + 3] == ':'
            && TryNumber(s.Slice(i + 1, 2), out var oh) && TryNumber(s.Slice(i + 4, 2), out var om) && oh < 24 && om < 60)
        {
            offset = new TimeSpan(oh, om, 0);
            if (s[i] == (byte)'-')
            {
                offset = -offset;
            }

            i += 6;
        }
        else
        {
            error = new TelemetryParseError("TIME-OFFSET must be 'Z' or +hh:mm / -hh:mm", start + i);
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 60 || year < 1)
        {
            error = new TelemetryParseError("TIMESTAMP has a field out of range", start);
            return false;
        }

        // A leap second is folded into the next second; DateTimeOffset has no room for :60.
        value = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset).AddTicks(fractionTicks + (second == 60 ? TimeSpan.TicksPerSecond : 0));
        pos += i;
        error = default;
        return true;
    }

    private static SyslogMessage Rfc3164(ReadOnlySpan<byte> data, int pos, SyslogFacility facility, SyslogSeverity severity, DateTimeOffset receivedAt)
    {
        DateTimeOffset? timestamp = null;
        string? hostname = null;
        if (TryBsdTimestamp(data[pos..], receivedAt, out var bsd))
        {
            timestamp = bsd;
            pos += 15;
        }
        else
        {
            var p = pos;
            if (TryRfc3339(data, ref p, out var iso, out _))
            {
                timestamp = iso;
                pos = p;
            }
        }

        if (timestamp is not null)
        {
            while (pos < data.Length && data[pos] == (byte)' ')
            {
                pos++;
            }

            // The HOSTNAME is the next word unless that word is already the TAG (senders that omit the host).
            var end = data[pos..].IndexOf((byte)' ');
            if (end > 0)
            {
                var word = data.Slice(pos, end);
                if (word[^1] != (byte)':' && word.IndexOf((byte)'[') < 0)
                {
                    hostname = Encoding.ASCII.GetString(word);
                    pos += end + 1;
                }
            }
        }

        string? tag = null;
        string? pid = null;
        var rest = data[pos..];
        var tagLength = 0;
        while (tagLength < rest.Length && tagLength < 48 && IsTagChar(rest[tagLength]))
        {
            tagLength++;
        }

        if (tagLength > 0 && tagLength < rest.Length)
        {
            var after = rest[tagLength..];
            if (after[0] == (byte)':')
            {
                tag = Encoding.ASCII.GetString(rest[..tagLength]);
                rest = after[1..];
            }
            else if (after[0] == (byte)'[')
            {
                var close = after.IndexOf((byte)']');
                if (close > 1 && close + 1 < after.Length && after[close + 1] == (byte)':')
                {
                    tag = Encoding.ASCII.GetString(rest[..tagLength]);
                    pid = Encoding.ASCII.GetString(after[1..close]);
                    rest = after[(close + 2)..];
                }
            }

            if (tag is not null && !rest.IsEmpty && rest[0] == (byte)' ')
            {
                rest = rest[1..];
            }
        }

        return new SyslogMessage(SyslogFormat.Rfc3164, facility, severity, timestamp, hostname, tag, pid, null, NoStructuredData, MessageText(rest));
    }

    private static bool TryBsdTimestamp(ReadOnlySpan<byte> s, DateTimeOffset receivedAt, out DateTimeOffset value)
    {
        value = default;
        // "Mmm dd hh:mm:ss": the day is space-padded, so the field is always 15 bytes.
        if (s.Length < 15 || s[3] != ' ' || s[6] != ' ' || s[9] != ':' || s[12] != ':')
        {
            return false;
        }

        var month = Month(s[..3]);
        var dayDigits = s[4] == ' ' ? s.Slice(5, 1) : s.Slice(4, 2);
        if (month == 0 || !TryNumber(dayDigits, out var day) || !TryNumber(s.Slice(7, 2), out var hour)
            || !TryNumber(s.Slice(10, 2), out var minute) || !TryNumber(s.Slice(13, 2), out var second)
            || hour > 23 || minute > 59 || second > 59 || day < 1)
        {
            return false;
        }

        // No year on the wire: take the receiver's, unless that puts the message well in the future
        // (a December message read in January belongs to the previous year).
        var year = receivedAt.Year;
        for (var attempt = 0; attempt < 2; attempt++, year--)
        {
            if (day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var candidate = new DateTimeOffset(year, month, day, hour, minute, second, receivedAt.Offset);
            if (candidate <= receivedAt.AddDays(7) || attempt == 1)
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    private static int Month(ReadOnlySpan<byte> s) => s switch
    {
        _ when s.SequenceEqual("Jan"u8) => 1,
        _ when s.SequenceEqual("Feb"u8) => 2,
        _ when s.SequenceEqual("Mar"u8) => 3,
        _ when s.SequenceEqual("Apr"u8) => 4,
        _ when s.SequenceEqual("May"u8) => 5,
        _ when s.SequenceEqual("Jun"u8) => 6,
        _ when s.SequenceEqual("Jul"u8) => 7,
        _ when s.SequenceEqual("Aug"u8) => 8,
        _ when s.SequenceEqual("Sep"u8) => 9,
        _ when s.SequenceEqual("Oct"u8) => 10,
        _ when s.SequenceEqual("Nov"u8) => 11,
        _ when s.SequenceEqual("Dec"u8) => 12,
        _ => 0,
    };

    private static bool IsTagChar(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'/' or (byte)'%' or (byte)'@';

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool TryNumber(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var b in s)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            value = value * 10 + (b - '0');
        }

        return true;
    }
}

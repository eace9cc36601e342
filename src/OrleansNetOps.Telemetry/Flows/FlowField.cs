using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>
/// One decoded field: its element and its bytes. Typed accessors interpret the bytes on demand, so decoding
/// a record only slices and never boxes.
/// </summary>
public readonly struct FlowField : IEquatable<FlowField>
{
    /// <summary>Creates a field.</summary>
    public FlowField(InformationElement element, ReadOnlyMemory<byte> raw)
    {
        Element = element;
        Raw = raw;
    }

    /// <summary>What the field is.</summary>
    public InformationElement Element { get; }

    /// <summary>The field's bytes as sent (network byte order).</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>Element name.</summary>
    public string Name => Element.Name;

    /// <summary>Unsigned value; reduced-size encodings (fewer bytes than the type's width) are widened. 0 when longer than 8 bytes.</summary>
    public ulong AsUInt64()
    {
        var s = Raw.Span;
        if (s.Length > 8)
        {
            return 0;
        }

        ulong value = 0;
        foreach (var b in s)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Signed value, sign-extended from its encoded width.</summary>
    public long AsInt64()
    {
        var length = Raw.Length;
        if (length is 0 or > 8)
        {
            return 0;
        }

        var shift = 64 - (8 * length);
        return (long)(AsUInt64() << shift) >> shift;
    }

    /// <summary>Floating-point value (float32 or float64).</summary>
    public double AsDouble() => Raw.Length switch
    {
        4 => BinaryPrimitives.ReadSingleBigEndian(Raw.Span),
        8 => BinaryPrimitives.ReadDoubleBigEndian(Raw.Span),
        _ => double.NaN,
    };

    /// <summary>IPv4 or IPv6 address, or null when the length fits neither.</summary>
    public IPAddress? AsAddress() => Raw.Length is 4 or 16 ? new IPAddress(Raw.Span) : null;

    /// <summary>UTF-8 text with trailing NULs removed (exporters pad fixed-length strings).</summary>
    public string AsString() => Encoding.UTF8.GetString(Raw.Span.TrimEnd((byte)0));

    /// <summary>Colon-separated MAC address.</summary>
    public string AsMacAddress() => string.Join(':', Raw.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Time value for the dateTime* types; null for other types and for values a <see cref="DateTimeOffset"/> cannot hold.</summary>
    public DateTimeOffset? AsDateTime()
    {
        var s = Raw.Span;
        switch (Element.DataType)
        {
            case FlowDataType.DateTimeSeconds when s.Length == 4:
                return DateTimeOffset.UnixEpoch.AddSeconds(BinaryPrimitives.ReadUInt32BigEndian(s));
            case FlowDataType.DateTimeMilliseconds when s.Length == 8:
                return FromUnixMilliseconds(BinaryPrimitives.ReadUInt64BigEndian(s));
            case FlowDataType.DateTimeMicroseconds or FlowDataType.DateTimeNanoseconds when s.Length == 8:
            {
                // NTP format: seconds since 1900 and a binary fraction of a second.
                var seconds = BinaryPrimitives.ReadUInt32BigEndian(s);
                var fraction = BinaryPrimitives.ReadUInt32BigEndian(s[4..]);
                var ticks = ((ulong)fraction * TimeSpan.TicksPerSecond) >> 32;
                return new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(seconds).AddTicks((long)ticks);
            }

            default:
                return null;
        }
    }

    /// <summary>A UNIX-epoch millisecond stamp, or null when out of <see cref="DateTimeOffset"/>'s range (a corrupt field).</summary>
    internal static DateTimeOffset? FromUnixMilliseconds(ulong milliseconds) =>
        milliseconds <= MaxUnixMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds) : null;

    private static readonly ulong MaxUnixMilliseconds = (ulong)DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The value as a display string according to the element's type.</summary>
    public override string ToString() => Element.DataType switch
    {
        FlowDataType.Unsigned => AsUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        FlowDataType.Signed => AsInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        FlowDataType.Float => AsDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
        FlowDataType.Ipv4Address or FlowDataType.Ipv6Address => AsAddress()?.ToString() ?? Convert.ToHexString(Raw.Span),
        FlowDataType.String => AsString(),
        FlowDataType.MacAddress => AsMacAddress(),
        FlowDataType.DateTimeSeconds or FlowDataType.DateTimeMilliseconds or FlowDataType.DateTimeMicroseconds or FlowDataType.DateTimeNanoseconds =>
            AsDateTime()?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? Convert.ToHexString(Raw.Span),
        _ => Convert.ToHexString(Raw.Span),
    };

    /// <inheritdoc />
    public bool Equals(FlowField other) => Element == other.Element && Raw.Span.SequenceEqual(other.Raw.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FlowField other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Element, Raw.Length);

    /// <summary>Equality by element and bytes.</summary>
    public static bool operator ==(FlowField left, FlowField right) => left.Equals(right);

    /// <summary>Inequality by element and bytes.</summary>
    public static bool operator !=(FlowField left, FlowField right) => !left.Equals(right);
}

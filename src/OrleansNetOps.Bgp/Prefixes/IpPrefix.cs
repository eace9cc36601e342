using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Orleans;

namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>
/// An IPv4 or IPv6 prefix held in 16 bytes of address plus a length, so a full table of them is a flat
/// array of values rather than a million <see cref="IPAddress"/> objects. Host bits are always zero.
/// IPv4 addresses live in the top 32 bits of <c>_high</c>.
/// </summary>
[GenerateSerializer, Immutable]
public readonly struct IpPrefix : IEquatable<IpPrefix>, IComparable<IpPrefix>
{
    [Id(0)]
    private readonly ulong _high;
    [Id(1)]
    private readonly ulong _low;
    [Id(2)]
    private readonly byte _length;
    [Id(3)]
    private readonly bool _isIPv6;

    private IpPrefix(bool isIPv6, ulong high, ulong low, byte length)
    {
        _isIPv6 = isIPv6;
        _length = length;
        (_high, _low) = Mask(high, low, length);
    }

    // Raw words for compact stores (see Rib/AdjRibIn) that keep prefixes as packed integers.
    internal ulong High => _high;

    internal ulong Low => _low;

    /// <summary>True for IPv6, false for IPv4.</summary>
    public bool IsIPv6 => _isIPv6;

    /// <summary>Prefix length in bits.</summary>
    public int Length => _length;

    /// <summary>Bit width of the address family (32 or 128).</summary>
    public int MaxLength => _isIPv6 ? 128 : 32;

    /// <summary>The network address (allocates).</summary>
    public IPAddress Address
    {
        get
        {
            Span<byte> bytes = stackalloc byte[16];
            WriteAddress(bytes);
            return new IPAddress(bytes[..(_isIPv6 ? 16 : 4)]);
        }
    }

    /// <summary>Creates a prefix from an address and length; host bits are cleared.</summary>
    public static IpPrefix Create(IPAddress address, int length)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return FromBytes(address.AddressFamily == AddressFamily.InterNetworkV6, bytes[..written], length);
    }

    /// <summary>
    /// Creates a prefix from the significant leading bytes of an address, as found in NLRI encoding.
    /// Missing trailing bytes are zero.
    /// </summary>
    public static IpPrefix FromBytes(bool isIPv6, ReadOnlySpan<byte> bytes, int length)
    {
        var max = isIPv6 ? 128 : 32;
        if ((uint)length > (uint)max)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"prefix length must be 0..{max}");
        }

        Span<byte> full = stackalloc byte[16];
        full.Clear();
        bytes[..Math.Min(bytes.Length, isIPv6 ? 16 : 4)].CopyTo(full);
        return new IpPrefix(
            isIPv6,
            BinaryPrimitives.ReadUInt64BigEndian(full),
            BinaryPrimitives.ReadUInt64BigEndian(full[8..]),
            (byte)length);
    }

    internal static IpPrefix FromWords(bool isIPv6, ulong high, ulong low, int length) => new(isIPv6, high, low, (byte)length);

    /// <summary>Creates an IPv4 prefix from a host-order address.</summary>
    public static IpPrefix FromIPv4(uint address, int length) =>
        (uint)length <= 32
            ? new IpPrefix(false, (ulong)address << 32, 0, (byte)length)
            : throw new ArgumentOutOfRangeException(nameof(length), length, "prefix length must be 0..32");

    /// <summary>Parses <c>192.0.2.0/24</c> or <c>2001:db8::/32</c>.</summary>
    public static IpPrefix Parse(string text) =>
        TryParse(text, out var prefix) ? prefix : throw new FormatException($"'{text}' is not an IP prefix");

    /// <summary>Parses <c>address/length</c>; a bare address is a host prefix.</summary>
    public static bool TryParse(string? text, out IpPrefix prefix)
    {
        prefix = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return false;
        }

        var max = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var length = max;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > max))
        {
            return false;
        }

        prefix = Create(address, length);
        return true;
    }

    /// <summary>Writes the 4 or 16 address bytes.</summary>
    public void WriteAddress(Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(full, _high);
        BinaryPrimitives.WriteUInt64BigEndian(full[8..], _low);
        full[..(_isIPv6 ? 16 : 4)].CopyTo(destination);
    }

    /// <summary>Number of address bytes the NLRI encoding carries for this length.</summary>
    public int WireByteCount => (_length + 7) / 8;

    /// <summary>True when <paramref name="other"/> is equal to or more specific than this prefix.</summary>
    public bool Contains(IpPrefix other)
    {
        if (other._isIPv6 != _isIPv6 || other._length < _length)
        {
            return false;
        }

        var (high, low) = Mask(other._high, other._low, _length);
        return high == _high && low == _low;
    }

    /// <summary>True when <paramref name="address"/> falls inside this prefix.</summary>
    public bool Contains(IPAddress address) => Contains(Create(address, address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32));

    /// <inheritdoc />
    public bool Equals(IpPrefix other) =>
        _high == other._high && _low == other._low && _length == other._length && _isIPv6 == other._isIPv6;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IpPrefix other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_high, _low, _length, _isIPv6);

    /// <summary>IPv4 before IPv6, then by address, then shorter prefixes first.</summary>
    public int CompareTo(IpPrefix other)
    {
        var c = _isIPv6.CompareTo(other._isIPv6);
        if (c == 0)
        {
            c = _high.CompareTo(other._high);
        }

        if (c == 0)
        {
            c = _low.CompareTo(other._low);
        }

        return c != 0 ? c : _length.CompareTo(other._length);
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(IpPrefix left, IpPrefix right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(IpPrefix left, IpPrefix right) => !left.Equals(right);

    /// <summary>Ordering, see <see cref="CompareTo"/>.</summary>
    public static bool operator <(IpPrefix left, IpPrefix right) => left.CompareTo(right) < 0;

    /// <summary>Ordering, see <see cref="CompareTo"/>.</summary>
    public static bool operator >(IpPrefix left, IpPrefix right) => left.CompareTo(right) > 0;

    /// <summary>Ordering, see <see cref="CompareTo"/>.</summary>
    public static bool operator <=(IpPrefix left, IpPrefix right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering, see <see cref="CompareTo"/>.</summary>
    public static bool operator >=(IpPrefix left, IpPrefix right) => left.CompareTo(right) >= 0;

    /// <summary><c>address/length</c> in the usual textual forms.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Address}/{_length}");

    private static (ulong High, ulong Low) Mask(ulong high, ulong low, int length)
    {
        // Shifting a ulong by 64 is a no-op in C#, so the whole-word cases are spelled out.
        var highMask = length >= 64 ? ulong.MaxValue : length == 0 ? 0UL : ulong.MaxValue << (64 - length);
        var lowMask = length >= 128 ? ulong.MaxValue : length <= 64 ? 0UL : ulong.MaxValue << (128 - length);
        return (high & highMask, low & lowMask);
    }
}

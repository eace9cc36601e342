using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>An IPv4 or IPv6 prefix such as <c>192.0.2.0/24</c>; the address is always stored with host bits cleared.</summary>
public readonly record struct IpPrefix
{
    private IpPrefix(IPAddress network, int length)
    {
        Network = network;
        Length = length;
    }

    /// <summary>Network address (host bits zero).</summary>
    public IPAddress Network { get; }

    /// <summary>Prefix length in bits.</summary>
    public int Length { get; }

    /// <summary>The prefix of the given length that contains <paramref name="address"/>.</summary>
    public static IpPrefix Of(IPAddress address, int length)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var count);
        bytes = bytes[..count];
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, count * 8);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(length - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IpPrefix(new IPAddress(bytes), length);
    }

    /// <summary>Parses <c>address/length</c>; the address's host bits are cleared.</summary>
    public static IpPrefix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(slash < 0 ? text : text[..slash]);
        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = slash < 0 ? max : int.Parse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return Of(address, length);
    }

    /// <summary>True when the address lies inside this prefix.</summary>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == Network.AddressFamily && Of(address, Length).Network.Equals(Network);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Network}/{Length.ToString(CultureInfo.InvariantCulture)}";
}

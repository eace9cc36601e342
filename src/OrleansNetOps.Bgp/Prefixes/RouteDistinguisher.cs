using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Orleans;

namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>A route distinguisher (RFC 4364), kept as its 8-byte wire value.</summary>
/// <param name="Value">The 64-bit wire value, type first.</param>
[GenerateSerializer, Immutable]
public readonly record struct RouteDistinguisher(ulong Value)
{
    /// <summary>Type 0 (2-octet AS : 4-octet number), 1 (IPv4 : 2-octet number) or 2 (4-octet AS : 2-octet number).</summary>
    public ushort Type => (ushort)(Value >> 48);

    /// <summary>True for the all-zero distinguisher, which BMP uses for the global instance.</summary>
    public bool IsZero => Value == 0;

    /// <summary>
    /// Parses <c>A:N</c> (type 0 when A fits 16 bits, else type 2), <c>A.B.C.D:N</c> (type 1), or the explicit
    /// <c>T:A:N</c> that pmacct prints and that tells a type-2 RD with a small AS from a type-0 one.
    /// </summary>
    public static bool TryParse(string? text, out RouteDistinguisher distinguisher)
    {
        distinguisher = default;
        var parts = text?.Split(':');
        if (parts is not { Length: 2 or 3 })
        {
            return false;
        }

        int type;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out type) || type > 2)
            {
                return false;
            }
        }
        else
        {
            type = parts[0].Contains('.', StringComparison.Ordinal) ? 1
                : uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var asn) && asn > ushort.MaxValue ? 2
                : 0;
        }

        var administrator = parts[^2];
        var assigned = parts[^1];
        switch (type)
        {
            case 0 when ushort.TryParse(administrator, NumberStyles.None, CultureInfo.InvariantCulture, out var asn)
                && uint.TryParse(assigned, NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                distinguisher = new RouteDistinguisher(((ulong)asn << 32) | number);
                return true;
            case 1 when IPAddress.TryParse(administrator, out var address) && address.AddressFamily == AddressFamily.InterNetwork
                && ushort.TryParse(assigned, NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                var bytes = address.GetAddressBytes();
                var ip = ((ulong)bytes[0] << 24) | ((ulong)bytes[1] << 16) | ((ulong)bytes[2] << 8) | bytes[3];
                distinguisher = new RouteDistinguisher((1UL << 48) | (ip << 16) | number);
                return true;
            case 2 when uint.TryParse(administrator, NumberStyles.None, CultureInfo.InvariantCulture, out var asn)
                && ushort.TryParse(assigned, NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                distinguisher = new RouteDistinguisher((2UL << 48) | ((ulong)asn << 16) | number);
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>A:B</c> for types 0 and 2, <c>A.B.C.D:N</c> for type 1, hex otherwise.</summary>
    public override string ToString() => Type switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{(ushort)(Value >> 32)}:{(uint)Value}"),
        1 => string.Create(CultureInfo.InvariantCulture, $"{(byte)(Value >> 40)}.{(byte)(Value >> 32)}.{(byte)(Value >> 24)}.{(byte)(Value >> 16)}:{(ushort)Value}"),
        2 => string.Create(CultureInfo.InvariantCulture, $"{(uint)(Value >> 16)}:{(ushort)Value}"),
        _ => $"0x{Value:x16}",
    };
}

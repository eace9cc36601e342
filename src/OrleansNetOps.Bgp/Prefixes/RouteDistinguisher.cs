using System.Globalization;

namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>A route distinguisher (RFC 4364), kept as its 8-byte wire value.</summary>
/// <param name="Value">The 64-bit wire value, type first.</param>
public readonly record struct RouteDistinguisher(ulong Value)
{
    /// <summary>Type 0 (2-octet AS : 4-octet number), 1 (IPv4 : 2-octet number) or 2 (4-octet AS : 2-octet number).</summary>
    public ushort Type => (ushort)(Value >> 48);

    /// <summary><c>A:B</c> for types 0 and 2, <c>A.B.C.D:N</c> for type 1, hex otherwise.</summary>
    public override string ToString() => Type switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{(ushort)(Value >> 32)}:{(uint)Value}"),
        1 => string.Create(CultureInfo.InvariantCulture, $"{(byte)(Value >> 40)}.{(byte)(Value >> 32)}.{(byte)(Value >> 24)}.{(byte)(Value >> 16)}:{(ushort)Value}"),
        2 => string.Create(CultureInfo.InvariantCulture, $"{(uint)(Value >> 16)}:{(ushort)Value}"),
        _ => $"0x{Value:x16}",
    };
}

namespace OrleansNetOps.Bgp.Attributes;

/// <summary>An extended community (RFC 4360), kept as its 8-byte wire value.</summary>
/// <param name="Value">The 64-bit wire value, type octet first.</param>
public readonly record struct ExtendedCommunity(ulong Value)
{
    /// <summary>Type high octet (IANA authority, transitivity).</summary>
    public byte Type => (byte)(Value >> 56);

    /// <summary>Sub-type octet (e.g. 0x02 route target, 0x03 route origin) for the typed layouts.</summary>
    public byte SubType => (byte)(Value >> 48);

    /// <summary>Readable form: <c>rt:asn:n</c>, <c>soo:a.b.c.d:n</c>, or raw hex.</summary>
    public override string ToString()
    {
        var kind = SubType switch { 0x02 => "rt", 0x03 => "soo", _ => null };
        return (Type & 0x3F, kind) switch
        {
            (0x00, not null) => $"{kind}:{(ushort)(Value >> 32)}:{(uint)Value}",
            (0x01, not null) => $"{kind}:{(byte)(Value >> 40)}.{(byte)(Value >> 32)}.{(byte)(Value >> 24)}.{(byte)(Value >> 16)}:{(ushort)Value}",
            (0x02, not null) => $"{kind}:{(uint)(Value >> 16)}:{(ushort)Value}",
            _ => $"0x{Value:x16}",
        };
    }
}

using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>A labelled IPv6 route packed into 32 bytes, see <see cref="Ipv4LabeledRouteKey"/>.</summary>
internal readonly struct Ipv6LabeledRouteKey(ulong distinguisher, ulong high, ulong low, uint pathId, byte length, bool hasPathId)
    : ILabeledRouteKey<Ipv6LabeledRouteKey>
{
    public readonly ulong Distinguisher = distinguisher;
    public readonly ulong High = high;
    public readonly ulong Low = low;
    public readonly uint PathId = pathId;
    public readonly byte Length = length;
    public readonly bool HasPathId = hasPathId;

    public static Ipv6LabeledRouteKey Of(in LabeledNlri route) =>
        new(route.Distinguisher?.Value ?? 0, route.Prefix.High, route.Prefix.Low, route.PathId.GetValueOrDefault(), (byte)route.Prefix.Length, route.PathId.HasValue);

    public LabeledNlri ToNlri(EquatableArray<uint> labels, bool vpn) =>
        new(IpPrefix.FromWords(true, High, Low, Length), labels, vpn ? new RouteDistinguisher(Distinguisher) : null, HasPathId ? PathId : null);

    public bool Equals(Ipv6LabeledRouteKey other) =>
        Distinguisher == other.Distinguisher && High == other.High && Low == other.Low && PathId == other.PathId
        && Length == other.Length && HasPathId == other.HasPathId;

    public override bool Equals(object? obj) => obj is Ipv6LabeledRouteKey other && Equals(other);

    public override int GetHashCode()
    {
        var mixed = (High * 0x9E3779B97F4A7C15UL) ^ (Low * 0xC2B2AE3D27D4EB4FUL) ^ (Distinguisher * 0x27D4EB2F165667C5UL)
            ^ ((ulong)PathId << 8 | Length) ^ (HasPathId ? 1UL << 40 : 0UL);
        mixed *= 0x165667B19E3779F9UL;
        return (int)(mixed >> 32) ^ (int)mixed;
    }
}

namespace OrleansNetOps.Bgp.Rib;

/// <summary>An IPv6 route packed into 24 bytes, see <see cref="Ipv4RouteKey"/>.</summary>
internal readonly struct Ipv6RouteKey(ulong high, ulong low, uint pathId, byte length, bool hasPathId) : IEquatable<Ipv6RouteKey>
{
    public readonly ulong High = high;
    public readonly ulong Low = low;
    public readonly uint PathId = pathId;
    public readonly byte Length = length;
    public readonly bool HasPathId = hasPathId;

    public bool Equals(Ipv6RouteKey other) =>
        High == other.High && Low == other.Low && PathId == other.PathId && Length == other.Length && HasPathId == other.HasPathId;

    public override bool Equals(object? obj) => obj is Ipv6RouteKey other && Equals(other);

    public override int GetHashCode()
    {
        var mixed = (High * 0x9E3779B97F4A7C15UL) ^ (Low * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)PathId << 8 | Length) ^ (HasPathId ? 1UL << 40 : 0UL);
        mixed *= 0x165667B19E3779F9UL;
        return (int)(mixed >> 32) ^ (int)mixed;
    }
}

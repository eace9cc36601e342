using System.Runtime.InteropServices;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>
/// An IPv4 route packed into 12 bytes: address, path identifier, length and whether an identifier is
/// present (ADD-PATH id 0 and "no ADD-PATH" must stay distinct routes).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct Ipv4RouteKey(uint address, uint pathId, byte length, bool hasPathId) : IEquatable<Ipv4RouteKey>
{
    public readonly uint Address = address;
    public readonly uint PathId = pathId;
    public readonly byte Length = length;
    public readonly bool HasPathId = hasPathId;

    public bool Equals(Ipv4RouteKey other) =>
        Address == other.Address && PathId == other.PathId && Length == other.Length && HasPathId == other.HasPathId;

    public override bool Equals(object? obj) => obj is Ipv4RouteKey other && Equals(other);

    // A multiplicative mix rather than HashCode.Combine: this runs once per route on table loads, and
    // prefixes of one table differ mostly in the middle bits of the address.
    public override int GetHashCode()
    {
        var mixed = ((ulong)Address << 8 | Length) * 0x9E3779B97F4A7C15UL ^ (PathId * 0xC2B2AE3D27D4EB4FUL) ^ (HasPathId ? 1UL : 0UL);
        return (int)(mixed >> 32) ^ (int)mixed;
    }
}

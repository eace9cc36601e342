using System.Runtime.InteropServices;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>A labelled IPv4 route packed into 20 bytes: distinguisher, address, path identifier, length and whether an identifier is present.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct Ipv4LabeledRouteKey(ulong distinguisher, uint address, uint pathId, byte length, bool hasPathId)
    : ILabeledRouteKey<Ipv4LabeledRouteKey>
{
    public readonly ulong Distinguisher = distinguisher;
    public readonly uint Address = address;
    public readonly uint PathId = pathId;
    public readonly byte Length = length;
    public readonly bool HasPathId = hasPathId;

    public static Ipv4LabeledRouteKey Of(in LabeledNlri route) =>
        new(route.Distinguisher?.Value ?? 0, (uint)(route.Prefix.High >> 32), route.PathId.GetValueOrDefault(), (byte)route.Prefix.Length, route.PathId.HasValue);

    public LabeledNlri ToNlri(EquatableArray<uint> labels, bool vpn) =>
        new(IpPrefix.FromIPv4(Address, Length), labels, vpn ? new RouteDistinguisher(Distinguisher) : null, HasPathId ? PathId : null);

    public bool Equals(Ipv4LabeledRouteKey other) =>
        Distinguisher == other.Distinguisher && Address == other.Address && PathId == other.PathId
        && Length == other.Length && HasPathId == other.HasPathId;

    public override bool Equals(object? obj) => obj is Ipv4LabeledRouteKey other && Equals(other);

    // The same multiplicative mix as the unicast keys: a VRF's prefixes differ mostly in the middle address bits.
    public override int GetHashCode()
    {
        var mixed = (((ulong)Address << 8 | Length) * 0x9E3779B97F4A7C15UL) ^ (Distinguisher * 0xC2B2AE3D27D4EB4FUL)
            ^ (PathId * 0x165667B19E3779F9UL) ^ (HasPathId ? 1UL : 0UL);
        return (int)(mixed >> 32) ^ (int)mixed;
    }
}

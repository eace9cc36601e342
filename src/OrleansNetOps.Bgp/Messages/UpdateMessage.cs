using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Messages;

/// <summary>UPDATE. IPv4 unicast routes use the classic fields; other families use MP_REACH/MP_UNREACH.</summary>
/// <param name="Withdrawn">Withdrawn IPv4 unicast routes.</param>
/// <param name="Attributes">Path attributes (possibly shared through an interner).</param>
/// <param name="Announced">Announced IPv4 unicast routes.</param>
/// <param name="MpReach">MP_REACH_NLRI, if present.</param>
/// <param name="MpUnreach">MP_UNREACH_NLRI, if present.</param>
public sealed record UpdateMessage(
    EquatableArray<Nlri> Withdrawn,
    PathAttributes Attributes,
    EquatableArray<Nlri> Announced,
    MpReachNlri? MpReach = null,
    MpUnreachNlri? MpUnreach = null) : BgpMessage
{
    /// <inheritdoc />
    public override BgpMessageType Type => BgpMessageType.Update;

    /// <summary>
    /// True for an End-of-RIB marker (RFC 4724): an empty UPDATE for IPv4 unicast, or one holding only an
    /// empty MP_UNREACH_NLRI for other families.
    /// </summary>
    public bool IsEndOfRib =>
        Withdrawn.IsEmpty && Announced.IsEmpty && MpReach is null
        && (MpUnreach is null ? Attributes == PathAttributes.Empty : MpUnreach.Withdrawn.IsEmpty && MpUnreach.UndecodedNlri.IsEmpty);

    /// <summary>Number of announced and withdrawn prefixes across all decoded families.</summary>
    public int PrefixCount =>
        Withdrawn.Count + Announced.Count + (MpReach?.Nlri.Count ?? 0) + (MpUnreach?.Withdrawn.Count ?? 0);
}

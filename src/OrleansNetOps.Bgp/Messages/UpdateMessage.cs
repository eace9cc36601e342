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
    public bool IsEndOfRib => EndOfRibFamily is not null;

    /// <summary>The family an End-of-RIB marker closes, or null when this UPDATE is not one.</summary>
    public AfiSafi? EndOfRibFamily => EndOfRib(Withdrawn.IsEmpty, Attributes, Announced.IsEmpty, MpReach, MpUnreach);

    /// <summary>Number of announced and withdrawn routes across all decoded families.</summary>
    public int PrefixCount =>
        Withdrawn.Count + Announced.Count + (MpReach?.Nlri.Count ?? 0) + (MpReach?.Labeled.Count ?? 0)
        + (MpUnreach?.Withdrawn.Count ?? 0) + (MpUnreach?.Labeled.Count ?? 0);

    /// <summary>
    /// Hands this UPDATE to <paramref name="sink"/> in the order <see cref="UpdateRoutes.Emit{TSink}"/> does, so a RIB
    /// fed decoded messages ends up as one fed straight from the wire.
    /// </summary>
    internal void Emit<TSink>(ref TSink sink)
        where TSink : IRouteSink
    {
        if (EndOfRibFamily is { } endOfRib)
        {
            sink.EndOfRib(endOfRib);
            return;
        }

        foreach (var route in Withdrawn.AsSpan())
        {
            sink.Withdraw(AfiSafi.IPv4Unicast, route);
        }

        if (MpUnreach is { } unreach)
        {
            foreach (var route in unreach.Withdrawn.AsSpan())
            {
                sink.Withdraw(unreach.Family, route);
            }

            foreach (ref readonly var route in unreach.Labeled.AsSpan())
            {
                sink.Withdraw(unreach.Family, in route);
            }
        }

        if (MpReach is { } reach)
        {
            foreach (var route in reach.Nlri.AsSpan())
            {
                sink.Announce(reach.Family, route, Attributes, reach);
            }

            foreach (ref readonly var route in reach.Labeled.AsSpan())
            {
                sink.Announce(reach.Family, in route, Attributes, reach);
            }
        }

        foreach (var route in Announced.AsSpan())
        {
            sink.Announce(AfiSafi.IPv4Unicast, route, Attributes, null);
        }
    }

    /// <summary>The End-of-RIB rule, shared with the streaming decoder so both see the same markers.</summary>
    internal static AfiSafi? EndOfRib(bool noWithdrawn, PathAttributes attributes, bool noAnnounced, MpReachNlri? reach, MpUnreachNlri? unreach)
    {
        if (!noWithdrawn || !noAnnounced || reach is not null)
        {
            return null;
        }

        return unreach is null
            ? (attributes == PathAttributes.Empty ? AfiSafi.IPv4Unicast : null)
            : (unreach.IsEmpty ? unreach.Family : null);
    }
}

using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Messages;

/// <summary>
/// Receives the routes of a decoded UPDATE one at a time, so that a table transfer can flow into a RIB
/// without an <see cref="UpdateMessage"/> and its prefix arrays being allocated per message. Implement it
/// on a struct and pass it by reference to keep the calls devirtualised.
/// </summary>
public interface IRouteSink
{
    /// <summary>A prefix announced with <paramref name="attributes"/> (interned when the decoder has an interner).</summary>
    /// <param name="family">The family.</param>
    /// <param name="route">Prefix and path identifier.</param>
    /// <param name="attributes">Path attributes; NEXT_HOP for IPv4 unicast in the classic fields.</param>
    /// <param name="reach">The MP_REACH_NLRI the route came in, with its next hop; null for the classic IPv4 NLRI field.</param>
    void Announce(AfiSafi family, Nlri route, PathAttributes attributes, MpReachNlri? reach);

    /// <summary>A labelled-unicast (SAFI 4) or L3VPN (SAFI 128) route announced in <paramref name="reach"/>.</summary>
    void Announce(AfiSafi family, in LabeledNlri route, PathAttributes attributes, MpReachNlri reach);

    /// <summary>A prefix withdrawn.</summary>
    void Withdraw(AfiSafi family, Nlri route);

    /// <summary>A labelled-unicast or L3VPN route withdrawn (its labels are placeholders).</summary>
    void Withdraw(AfiSafi family, in LabeledNlri route);

    /// <summary>An End-of-RIB marker (RFC 4724) for <paramref name="family"/>: the initial table of that family is complete.</summary>
    void EndOfRib(AfiSafi family);
}

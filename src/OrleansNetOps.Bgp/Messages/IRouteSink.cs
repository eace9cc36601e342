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
    void Announce(AfiSafi family, Nlri route, PathAttributes attributes);

    /// <summary>A prefix withdrawn.</summary>
    void Withdraw(AfiSafi family, Nlri route);
}

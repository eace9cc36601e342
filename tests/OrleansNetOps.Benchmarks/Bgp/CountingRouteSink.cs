using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>Counts what a RIB would store; a struct so the decoder's sink calls are not virtual.</summary>
internal struct CountingRouteSink : IBmpRouteSink
{
    public long Routes;
    public uint LastPeerAs;

    public void BeginUpdate(in BmpRoutePeer peer) => LastPeerAs = peer.PeerAs;

    public void Announce(AfiSafi family, Nlri route, PathAttributes attributes, MpReachNlri? reach) => Routes++;

    public void Announce(AfiSafi family, in LabeledNlri route, PathAttributes attributes, MpReachNlri reach) => Routes++;

    public void Withdraw(AfiSafi family, Nlri route) => Routes++;

    public void Withdraw(AfiSafi family, in LabeledNlri route) => Routes++;

    public readonly void EndOfRib(AfiSafi family)
    {
    }
}

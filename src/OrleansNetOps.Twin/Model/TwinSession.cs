using OrleansNetOps.Bgp.Decision;

namespace OrleansNetOps.Twin.Model;

/// <summary>One BGP session as seen from one end.</summary>
/// <param name="LinkIndex">The topology link that carries it.</param>
/// <param name="PeerNode">The far end's node index.</param>
/// <param name="PeerId">The far end's topology id (the key of its policy binding).</param>
/// <param name="Peer">The far end as this node's BGP sees it.</param>
/// <param name="ReverseSlot">The slot of this session at the far end.</param>
public sealed record TwinSession(int LinkIndex, int PeerNode, string PeerId, BgpPeer Peer, int ReverseSlot);

using System.Net;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>The session identification common to BGP4MP records.</summary>
/// <param name="PeerAs">Peer AS.</param>
/// <param name="LocalAs">Local (collector) AS.</param>
/// <param name="InterfaceIndex">Interface index.</param>
/// <param name="PeerAddress">Peer address.</param>
/// <param name="LocalAddress">Local address.</param>
public sealed record Bgp4mpPeering(uint PeerAs, uint LocalAs, ushort InterfaceIndex, IPAddress PeerAddress, IPAddress LocalAddress);

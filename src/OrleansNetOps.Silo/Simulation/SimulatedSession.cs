using System.Net;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>One BGP session of a simulated router, with what it receives after import policy.</summary>
/// <param name="PeerAddress">Neighbour address.</param>
/// <param name="PeerAs">Neighbour AS.</param>
/// <param name="PeerRouterId">Neighbour BGP identifier.</param>
/// <param name="LocalAddress">Our end of the session.</param>
/// <param name="Up">Whether it is established.</param>
/// <param name="Received">Routes received from the neighbour after import policy (Adj-RIB-In post-policy).</param>
/// <param name="Description">Neighbour description, e.g. the topology name.</param>
public sealed record SimulatedSession(
    IPAddress PeerAddress, uint PeerAs, IPAddress PeerRouterId, IPAddress LocalAddress, bool Up, IReadOnlyList<SimulatedRoute> Received, string Description);

namespace OrleansNetOps.Grains.Network;

/// <summary>A BGP session as the API shows it.</summary>
/// <param name="PeerAddress">Neighbour address.</param>
/// <param name="PeerAs">Neighbour AS.</param>
/// <param name="PeerRouterId">Neighbour BGP identifier.</param>
/// <param name="PeerType"><c>global</c>, <c>rd</c> or <c>local</c>.</param>
/// <param name="Rd">Route distinguisher of an RD-instance peer or a VRF's Loc-RIB instance.</param>
/// <param name="State">Session state, lower-case API name.</param>
/// <param name="UpSince">When it came up.</param>
/// <param name="PrefixesReceived">Prefixes in its post-policy Adj-RIB-In (pre-policy when only that is sent).</param>
/// <param name="FlapCount">Times it went down after being up (durable).</param>
/// <param name="LastDownReason">BMP reason and NOTIFICATION of the last down.</param>
/// <param name="LastDownAt">When it last went down.</param>
/// <param name="Description">The neighbour description the router sent, if any.</param>
/// <param name="PeerName">The topology node at the other end, if known (e.g. <c>ISP-A</c>).</param>
/// <param name="Vrf">The VRF/table name from the Peer Up information, if sent.</param>
[GenerateSerializer, Immutable]
public sealed record PeerStatus(
    string PeerAddress,
    uint PeerAs,
    string PeerRouterId,
    string PeerType,
    string? Rd,
    string State,
    DateTimeOffset? UpSince,
    int PrefixesReceived,
    int FlapCount,
    string? LastDownReason,
    DateTimeOffset? LastDownAt,
    string? Description,
    string? PeerName,
    string? Vrf = null);

using System.Net;
using OrleansNetOps.Bgp.Prefixes;
using Orleans;

namespace OrleansNetOps.Twin.Drift;

/// <summary>A best path as the live router reports it (BMP Loc-RIB, or derived from its stream).</summary>
/// <param name="Router">Router id.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="NextHop">Its next hop.</param>
/// <param name="AsPath">Its flattened AS path.</param>
/// <param name="LocalPref">LOCAL_PREF when known.</param>
/// <param name="Med">MED when known.</param>
[GenerateSerializer, Immutable]
public sealed record LiveBestPath(string Router, IpPrefix Prefix, IPAddress? NextHop, IReadOnlyList<uint> AsPath, uint? LocalPref = null, uint? Med = null);

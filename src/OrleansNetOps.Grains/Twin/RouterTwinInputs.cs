using OrleansNetOps.Grains.Network;

namespace OrleansNetOps.Grains.Twin;

/// <summary>What one router contributes to the twin: what its eBGP neighbours send and which of its links are down.</summary>
/// <param name="Router">The router id.</param>
/// <param name="Feeds">Routes from its eBGP neighbours, live from BMP.</param>
/// <param name="DownLinks">Names of its links whose session is not established.</param>
/// <param name="Live">Whether the router is monitored (false: only its configuration is known).</param>
[GenerateSerializer, Immutable]
public sealed record RouterTwinInputs(string Router, IReadOnlyList<TwinFeed> Feeds, IReadOnlyList<string> DownLinks, bool Live);

using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Twin.Model;

namespace OrleansNetOps.Grains.Twin;

/// <summary>What one router contributes to the twin: its policy, what its eBGP neighbours send, which of its links are down.</summary>
/// <param name="Router">The router id.</param>
/// <param name="Policy">Its routing policy (from configuration; what a committed change would alter).</param>
/// <param name="Feeds">Routes from its eBGP neighbours, live from BMP.</param>
/// <param name="DownLinks">Names of its links whose session is not established.</param>
/// <param name="Live">Whether the router is monitored (false: only its configuration is known).</param>
public sealed record RouterTwinInputs(string Router, RoutingPolicy Policy, IReadOnlyList<ExternalFeed> Feeds, IReadOnlyList<string> DownLinks, bool Live);

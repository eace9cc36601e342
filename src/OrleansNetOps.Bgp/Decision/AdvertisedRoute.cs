using System.Net;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Decision;

/// <summary>A path as it leaves for one neighbour, before that neighbour's outbound policy.</summary>
/// <param name="Attributes">The rewritten attributes.</param>
/// <param name="NextHop">The next hop whatever the family (also in <see cref="PathAttributes.NextHop"/> for IPv4).</param>
public sealed record AdvertisedRoute(PathAttributes Attributes, IPAddress? NextHop);

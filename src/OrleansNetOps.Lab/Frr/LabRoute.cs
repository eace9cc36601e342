namespace OrleansNetOps.Lab.Frr;

/// <summary>One path of a prefix in a lab bgpd's table (<c>show bgp ipv4|ipv6 unicast json</c>).</summary>
/// <param name="Prefix">The prefix, as FRR prints it.</param>
/// <param name="IsBest">Whether it is the best path.</param>
/// <param name="AsPath">AS path as text (empty for our own routes).</param>
/// <param name="NextHop">First next hop.</param>
/// <param name="LocalPreference">LOCAL_PREF, when FRR shows one (iBGP-learnt or set by policy).</param>
/// <param name="Med">MED.</param>
/// <param name="PeerId">Address of the peer it came from; <c>(unspec)</c> for local routes.</param>
public sealed record LabRoute(string Prefix, bool IsBest, string AsPath, string? NextHop, uint? LocalPreference, uint? Med, string? PeerId);

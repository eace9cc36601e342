using System.Net;

namespace OrleansNetOps.Twin.Recordings;

/// <summary>
/// A best path as a router showed it (e.g. FRR's <c>show bgp … json</c>) at a point of a recording. FRR shows LOCAL_PREF
/// and MED only where the attribute is present, so those are null when it showed none.
/// </summary>
/// <param name="Node">Router or ISP id.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="NextHop">The next hop.</param>
/// <param name="AsPath">The AS path.</param>
/// <param name="LocalPref">LOCAL_PREF when shown.</param>
/// <param name="Med">MED when shown.</param>
public sealed record ObservedRoute(string Node, string Prefix, IPAddress? NextHop, IReadOnlyList<uint> AsPath, uint? LocalPref, uint? Med)
{
    /// <summary>A compact form for diffs: <c>via NH [AS PATH] lp L med M</c>.</summary>
    public override string ToString() =>
        $"via {NextHop} [{string.Join(' ', AsPath)}] lp {LocalPref?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} med {Med?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
}

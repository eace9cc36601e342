using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>One prefix announced or withdrawn on one session: what the origin, hijack, leak and churn detectors read.</summary>
/// <param name="At">When it was seen.</param>
/// <param name="Vantage">
/// The session it was seen on, as a session subject id: <c>R1|203.0.113.2</c> for our routers, <c>collector|peer address</c>
/// for MRT data.
/// </param>
/// <param name="Router">Our router, by topology id; null for a route collector's data.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="Path">The AS path (the effective one, AS4_PATH merged); null for a withdrawal.</param>
public sealed record RouteUpdate(DateTimeOffset At, string Vantage, string? Router, IpPrefix Prefix, AsPath? Path)
{
    /// <summary>True for a withdrawal.</summary>
    public bool IsWithdrawal => Path is null;
}

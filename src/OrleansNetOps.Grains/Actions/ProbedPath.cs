using OrleansNetOps.Governance.Verification;

namespace OrleansNetOps.Grains.Actions;

/// <summary>One router's probes toward one ISP in the verification windows.</summary>
/// <param name="Router">Our router that probes.</param>
/// <param name="Isp">The ISP probed through.</param>
/// <param name="Probes">The paired samples, named <c>ISP via router</c>.</param>
/// <param name="DroppedBefore">Points in the "before" window that made no sample (no partner at the same time, or impossible values).</param>
/// <param name="DroppedAfter">The same for the "after" window.</param>
internal sealed record ProbedPath(string Router, string Isp, PathProbes Probes, int DroppedBefore, int DroppedAfter);

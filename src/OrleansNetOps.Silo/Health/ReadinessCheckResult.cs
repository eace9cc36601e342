namespace OrleansNetOps.Silo.Health;

/// <summary>One component's readiness.</summary>
/// <param name="Name">The component: <c>storage</c>, <c>silo</c> or <c>listeners</c>.</param>
/// <param name="Ready">Whether it can serve.</param>
/// <param name="Detail">What was seen, in words.</param>
internal sealed record ReadinessCheckResult(string Name, bool Ready, string Detail);

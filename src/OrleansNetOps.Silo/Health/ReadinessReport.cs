namespace OrleansNetOps.Silo.Health;

/// <summary>The body of <c>/health/ready</c>.</summary>
/// <param name="Status"><c>ready</c> or <c>not-ready</c>.</param>
/// <param name="NotReady">The names of the components that are not ready.</param>
/// <param name="Checks">Every component's result.</param>
internal sealed record ReadinessReport(string Status, IReadOnlyList<string> NotReady, IReadOnlyList<ReadinessCheckResult> Checks);

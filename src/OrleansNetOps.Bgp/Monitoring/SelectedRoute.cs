namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>A router's best route for a prefix, with the decision step that chose it.</summary>
/// <param name="Route">The winning route.</param>
/// <param name="Reason">The decision step that separated it from the runner-up (FRR's wording).</param>
/// <param name="Candidates">How many paths were compared.</param>
public sealed record SelectedRoute(MonitoredRoute Route, string Reason, int Candidates);

namespace OrleansNetOps.Lab.Scenarios;

/// <summary>
/// Replaces the policy (route-map) one router applies to one neighbour in one direction. An empty action list
/// restores the lab's default: permit everything in; towards an ISP, announce only our own routes.
/// </summary>
/// <param name="Router">The router (or ISP) whose configuration changes.</param>
/// <param name="Neighbor">The neighbour the policy applies to.</param>
/// <param name="Direction">In or out.</param>
/// <param name="Actions">Prefixes denied first, then the sets applied to everything else.</param>
public sealed record SetNeighborPolicy(string Router, string Neighbor, PolicyDirection Direction, IReadOnlyList<PolicyAction> Actions) : LabChange
{
    /// <inheritdoc />
    public override string Describe() =>
        $"policy {Router} {Direction.ToString().ToLowerInvariant()} {Neighbor}: {(Actions.Count == 0 ? "default" : string.Join(' ', Actions))}";
}

namespace OrleansNetOps.Twin.Checks;

/// <summary>The chain of nodes a packet to one prefix crosses from a router, following best-path next hops.</summary>
/// <param name="End">How it ends.</param>
/// <param name="Nodes">Node ids in order; the last is where it ended (the ISP for <see cref="WalkEnd.Egress"/>).</param>
public sealed record ForwardingPath(WalkEnd End, IReadOnlyList<string> Nodes)
{
    /// <summary>The ISP it leaves through, for <see cref="WalkEnd.Egress"/>.</summary>
    public string? EgressIsp => End == WalkEnd.Egress ? Nodes[^1] : null;

    /// <summary><c>R4 -> R3 -> R1 -> ISP-A</c>.</summary>
    public override string ToString() => string.Join(" -> ", Nodes);
}

namespace OrleansNetOps.Bgp.Decision;

/// <summary>The outcome of comparing two candidate paths.</summary>
/// <param name="Order">Negative when the first path is preferred, positive when the second is, 0 when equal.</param>
/// <param name="Step">The step that decided (the last one tried when equal).</param>
public readonly record struct PathComparison(int Order, DecisionStep Step)
{
    /// <summary>True when the first path is preferred.</summary>
    public bool FirstWins => Order < 0;
}

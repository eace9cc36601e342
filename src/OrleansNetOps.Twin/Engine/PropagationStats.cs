namespace OrleansNetOps.Twin.Engine;

/// <summary>What one propagation run did.</summary>
/// <param name="Evaluations">Best-path evaluations performed.</param>
/// <param name="ChangedBest">Best-path changes, (node, prefix id) with the depth in session hops from the trigger.</param>
/// <param name="MaxDepth">The deepest hop at which a best path changed.</param>
internal sealed record PropagationStats(long Evaluations, IReadOnlyDictionary<(int Node, int Prefix), int> ChangedBest, int MaxDepth);

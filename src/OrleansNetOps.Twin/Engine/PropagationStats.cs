namespace OrleansNetOps.Twin.Engine;

/// <summary>What one propagation run did.</summary>
/// <param name="Evaluations">Best-path evaluations performed.</param>
/// <param name="ChangedBest">Best-path changes, (node, prefix id) each once, with the depth in session hops from the trigger at its first change.</param>
/// <param name="MaxDepth">The deepest hop at which a best path changed.</param>
internal sealed record PropagationStats(long Evaluations, IReadOnlyList<(int Node, int Prefix, int Depth)> ChangedBest, int MaxDepth)
{
    /// <summary>When the run propagated by prefix class: the classes (else null).</summary>
    public PrefixClasses? Classes { get; init; }
}

/// <summary>
/// The prefix classes of a propagation by class. Members of a class held the very same objects on every node before
/// the run and hold the very same objects afterwards, so anything computed from the RIBs alone is the same for all.
/// </summary>
/// <param name="ClassOf">Each prefix id's class.</param>
/// <param name="Representatives">Per class, the prefix id that ran.</param>
/// <param name="Starts">Per class c, its changes are <paramref name="Found"/>[Starts[c]..Starts[c + 1]).</param>
/// <param name="Found">The representatives' changes (node, depth) in the order their runs found them.</param>
/// <param name="ForkWasPristine">True when the state held nothing of its own before the run (it read everything through its base).</param>
internal sealed record PrefixClasses(int[] ClassOf, int[] Representatives, int[] Starts, (int Node, int Depth)[] Found, bool ForkWasPristine);

/// <summary>The changes of a propagation by class in the work-list's order (by depth, then prefix id), built on first use.</summary>
internal sealed class ClassChanges(PrefixClasses classes, int count, int maxDepth) : IReadOnlyList<(int Node, int Prefix, int Depth)>
{
    private (int Node, int Prefix, int Depth)[]? _items;

    public int Count { get; } = count;

    public (int Node, int Prefix, int Depth) this[int index] => Items[index];

    private (int Node, int Prefix, int Depth)[] Items => _items ??= Build();

    public IEnumerator<(int Node, int Prefix, int Depth)> GetEnumerator() => ((IEnumerable<(int Node, int Prefix, int Depth)>)Items).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private (int Node, int Prefix, int Depth)[] Build()
    {
        var perDepth = new int[maxDepth + 2];
        var classOf = classes.ClassOf;
        var starts = classes.Starts;
        var found = classes.Found;
        for (var id = 0; id < classOf.Length; id++)
        {
            var c = classOf[id];
            for (var k = starts[c]; k < starts[c + 1]; k++)
            {
                perDepth[found[k].Depth + 1]++;
            }
        }

        for (var depth = 1; depth < perDepth.Length; depth++)
        {
            perDepth[depth] += perDepth[depth - 1];
        }

        var items = new (int Node, int Prefix, int Depth)[perDepth[^1]];
        for (var id = 0; id < classOf.Length; id++)
        {
            var c = classOf[id];
            for (var k = starts[c]; k < starts[c + 1]; k++)
            {
                var (node, depth) = found[k];
                items[perDepth[depth]++] = (node, id, depth);
            }
        }

        return items;
    }
}

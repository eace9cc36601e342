using OrleansNetOps.Bgp.Decision;

namespace OrleansNetOps.Twin.Engine;

/// <summary>
/// One node's paths to one prefix: slot 0 is its own origination, slot i + 1 the path accepted from session i
/// (after receive checks and import policy). <see cref="BestPath"/> is the path selected at the last decision — what
/// the node advertises — kept apart from <see cref="Paths"/> because a new path can replace the selected one in its
/// slot before the decision runs again. Immutable, so a fork can share it with its base.
/// </summary>
internal sealed class PrefixEntry(CandidatePath?[] paths, int best, CandidatePath? selected)
{
    public CandidatePath?[] Paths { get; } = paths;

    public int Best { get; } = best;

    public CandidatePath? BestPath { get; } = selected;

    public bool IsEmpty
    {
        get
        {
            foreach (var path in Paths)
            {
                if (path is not null)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public PrefixEntry WithPath(int slot, CandidatePath? path)
    {
        var copy = (CandidatePath?[])Paths.Clone();
        copy[slot] = path;
        return new PrefixEntry(copy, Best, BestPath);
    }

    public PrefixEntry WithBest(int best) => new(Paths, best, best < 0 ? null : Paths[best]);
}

using System.Collections.Immutable;

namespace OrleansNetOps.Runtime;

/// <summary>What a request carries about the chain of calls it belongs to.</summary>
internal sealed record CallChain(long Id, ImmutableArray<GrainId> ReentrantGrains)
{
    private static long s_nextId;

    public static CallChain New() => new(Interlocked.Increment(ref s_nextId), []);

    public CallChain AllowingReentryInto(GrainId grain) =>
        ReentrantGrains.Contains(grain) ? this : this with { ReentrantGrains = ReentrantGrains.Add(grain) };

    public bool AllowsReentryInto(GrainId grain) => !ReentrantGrains.IsDefaultOrEmpty && ReentrantGrains.Contains(grain);
}

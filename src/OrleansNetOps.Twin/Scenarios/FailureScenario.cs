using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Scenarios;

/// <summary>A generated failure, ready to run as a what-if.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Changes">The changes that model it.</param>
public sealed record FailureScenario(FailureKind Kind, IReadOnlyList<TwinChange> Changes)
{
    /// <summary>The what-if request.</summary>
    public WhatIfRequest Request => new(Changes);

    /// <summary>One line.</summary>
    public override string ToString() => $"{Kind}: {string.Join("; ", Changes.Select(c => c.Describe()))}";
}

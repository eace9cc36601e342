using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Accuracy;

/// <summary>A recorded prediction waiting for the routers to converge.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="Predicted">The predicted changes.</param>
/// <param name="Routers">Routers compared.</param>
/// <param name="RecordedAt">When it was recorded.</param>
[GenerateSerializer]
public sealed record PendingComparison(string ActionId, IReadOnlyList<BestPathChange> Predicted, IReadOnlyList<string> Routers, DateTimeOffset RecordedAt)
{
    /// <summary>What the routers reported at the last read (a digest of the predicted prefixes' paths).</summary>
    [Id(4)]
    public string? LastSeen { get; set; }

    /// <summary>Since when <see cref="LastSeen"/> has not changed.</summary>
    [Id(5)]
    public DateTimeOffset? SeenSince { get; set; }
}

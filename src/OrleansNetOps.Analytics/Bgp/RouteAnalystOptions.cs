namespace OrleansNetOps.Analytics.Bgp;

/// <summary>What a <see cref="RouteAnalyst"/> checks the routes of our routers against, besides the topology.</summary>
public sealed record RouteAnalystOptions
{
    /// <summary>Nothing configured: our ISPs as our providers (topology), our originated prefixes as our own.</summary>
    public static RouteAnalystOptions Default { get; } = new();

    /// <summary>Known AS relationships (e.g. a CAIDA <c>as1|as2|rel</c> file); our ISPs are added from the topology.</summary>
    public AsRelationships Relationships { get; init; } = AsRelationships.Empty;

    /// <summary>Prefixes owned besides those our routers originate (topology <c>originates</c>), with their origins.</summary>
    public PrefixOwnership OwnPrefixes { get; init; } = new([]);

    /// <summary>Limits of the origin monitor (its prefix bound is the analyst's memory bound).</summary>
    public OriginMonitorOptions Origins { get; init; } = OriginMonitorOptions.Default;

    /// <summary>What counts as a churn storm.</summary>
    public ChurnOptions Churn { get; init; } = ChurnOptions.Default;
}

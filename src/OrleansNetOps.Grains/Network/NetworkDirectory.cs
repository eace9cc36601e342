namespace OrleansNetOps.Grains.Network;

/// <summary>The network grain's persisted state: every router heard from and where its data comes from.</summary>
[GenerateSerializer]
public sealed class NetworkDirectory
{
    /// <summary>Router id → source.</summary>
    [Id(0)]
    public Dictionary<string, RouterSource> Routers { get; set; } = new(StringComparer.Ordinal);
}

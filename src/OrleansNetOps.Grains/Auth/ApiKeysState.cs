namespace OrleansNetOps.Grains.Auth;

/// <summary>The persisted API keys, by name.</summary>
[GenerateSerializer]
public sealed class ApiKeysState
{
    /// <summary>The keys, ordered by name.</summary>
    [Id(0)]
    public List<StoredApiKey> Keys { get; set; } = [];
}

namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>auth</c> section.</summary>
public sealed record AuthConfig
{
    /// <summary>
    /// The mode. When the section is left out the silo asks for keys: turning authentication off has to be written down.
    /// </summary>
    public AuthMode Mode { get; init; } = AuthMode.ApiKey;

    /// <summary>The accepted keys.</summary>
    public IReadOnlyList<ApiKeyConfig> Keys { get; init; } = [];
}

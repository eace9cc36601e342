namespace OrleansNetOps.Silo.Configuration;

/// <summary>The <c>http</c> section.</summary>
public sealed record HttpConfig
{
    /// <summary>The default endpoint: loopback only, so a fresh checkout is not reachable from the network.</summary>
    public const string DefaultEndpoint = "http://127.0.0.1:8080";

    /// <summary>Absolute <c>http://</c> or <c>https://</c> URLs Kestrel binds to; port 0 picks a free port.</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [DefaultEndpoint];
}

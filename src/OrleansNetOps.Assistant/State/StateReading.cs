using System.Text.Json;

namespace OrleansNetOps.Assistant.State;

/// <summary>One read of the service's own API: where from (the citation) and what came back.</summary>
/// <param name="Source">The API path read, e.g. <c>GET /api/v1/routers/R2</c>.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Json">The body when the read succeeded.</param>
public sealed record StateReading(string Source, int Status, JsonElement? Json)
{
    /// <summary>Whether the read gave a body.</summary>
    public bool Found => Json is not null;
}

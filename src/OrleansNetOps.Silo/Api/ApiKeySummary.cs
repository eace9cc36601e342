namespace OrleansNetOps.Silo.Api;

/// <summary>One entry of <c>GET /api/v1/admin/keys</c>: never the key or its hash.</summary>
/// <param name="Name">The holder.</param>
/// <param name="Role">The highest role.</param>
/// <param name="Source"><c>config</c>, <c>bootstrap</c> or <c>api</c>.</param>
internal sealed record ApiKeySummary(string Name, string Role, string Source);

namespace OrleansNetOps.Silo.Api;

/// <summary>The answer to <c>POST /api/v1/admin/keys</c>: the only time the key is shown.</summary>
/// <param name="Name">The holder.</param>
/// <param name="Roles">The roles granted (a role includes those below it).</param>
/// <param name="Key">The key; only its SHA-256 is stored.</param>
internal sealed record ApiKeyCreated(string Name, IReadOnlyList<string> Roles, string Key);

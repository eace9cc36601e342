namespace OrleansNetOps.Grains.Auth;

/// <summary>An API key added through the API: only its SHA-256 is kept.</summary>
/// <param name="Name">The holder (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; unique).</param>
/// <param name="Role">The highest role, by its API name (<c>viewer</c>, <c>operator</c>, <c>approver</c>, <c>admin</c>).</param>
/// <param name="Sha256">SHA-256 of the key, 64 hex digits.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="CreatedBy">Who added it.</param>
[GenerateSerializer, Immutable]
public sealed record StoredApiKey(string Name, string Role, string Sha256, DateTimeOffset CreatedAt, string CreatedBy);

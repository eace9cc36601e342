using OrleansNetOps.Silo.Auth;

namespace OrleansNetOps.Silo.Configuration;

/// <summary>One entry of <c>auth.keys</c>: exactly one of <see cref="Key"/> and <see cref="KeySha256"/> is set.</summary>
public sealed record ApiKeyConfig
{
    /// <summary>Who holds the key; it appears in logs and audit, the key never does.</summary>
    public required string Name { get; init; }

    /// <summary>The key itself (at least 16 characters).</summary>
    public string? Key { get; init; }

    /// <summary>The SHA-256 of the key's UTF-8 bytes as 64 hex digits, so the file need not hold the secret.</summary>
    public string? KeySha256 { get; init; }

    /// <summary>The roles granted; the highest one counts, since roles include the ones below them.</summary>
    public required IReadOnlyList<Role> Roles { get; init; }
}

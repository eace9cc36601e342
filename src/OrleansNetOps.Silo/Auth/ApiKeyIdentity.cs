namespace OrleansNetOps.Silo.Auth;

/// <summary>A known API key: who holds it and what it may do. Only the key's SHA-256 is kept.</summary>
/// <param name="Name">The holder's name from <c>auth.keys</c>.</param>
/// <param name="Role">The highest role granted.</param>
/// <param name="Source"><c>config</c>, <c>bootstrap</c> (from <c>NETOPS_BOOTSTRAP_ADMIN_KEY</c>) or <c>api</c> (added with <c>POST /api/v1/admin/keys</c>).</param>
/// <param name="Sha256">The hash of the key's UTF-8 bytes.</param>
internal sealed record ApiKeyIdentity(string Name, Role Role, string Source, ReadOnlyMemory<byte> Sha256);

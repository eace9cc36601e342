namespace OrleansNetOps.Silo.Api;

/// <summary>The body of <c>GET /api/v1/auth/whoami</c>.</summary>
/// <param name="Name">The key holder's name.</param>
/// <param name="Roles">Every role the caller has, lowest first.</param>
/// <param name="AuthMode"><c>none</c> or <c>apikey</c>.</param>
internal sealed record WhoAmIResponse(string Name, IReadOnlyList<string> Roles, string AuthMode);

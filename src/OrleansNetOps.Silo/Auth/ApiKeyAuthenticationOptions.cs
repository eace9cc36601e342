using Microsoft.AspNetCore.Authentication;

namespace OrleansNetOps.Silo.Auth;

/// <summary>Options of <see cref="ApiKeyAuthenticationHandler"/>; the keys themselves come from <see cref="ApiKeyRegistry"/>.</summary>
internal sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
}

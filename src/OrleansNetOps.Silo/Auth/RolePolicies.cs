using Microsoft.AspNetCore.Authorization;

namespace OrleansNetOps.Silo.Auth;

/// <summary>One authorization policy per role, named by the role (<c>"viewer"</c>, <c>"operator"</c>, ...).</summary>
internal static class RolePolicies
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Approver = "approver";
    public const string Admin = "admin";

    public static void Add(AuthorizationBuilder builder)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var name = SiloClaims.RoleName(role);
            builder.AddPolicy(name, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(name));
        }
    }
}

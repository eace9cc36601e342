using System.Security.Claims;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Auth;

/// <summary>Builds the principal of an authenticated caller.</summary>
internal static class SiloClaims
{
    public const string KeySource = "netops:key-source";

    public static ClaimsPrincipal For(string name, Role role, string source, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(KeySource, source) };

        // A role includes the ones below it; writing them all out lets plain role checks do the ordering.
        claims.AddRange(Enum.GetValues<Role>().Where(r => r <= role).Select(r => new Claim(ClaimTypes.Role, RoleName(r))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    public static IReadOnlyList<string> Roles(ClaimsPrincipal principal) =>
        principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public static string AnonymousAdminName(AuthMode mode) => mode == AuthMode.None ? "anonymous (auth.mode none)" : "anonymous";
}

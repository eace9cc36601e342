using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace OrleansNetOps.Silo.Auth;

/// <summary>Explains a 403: which role the endpoint needs and which one the caller has.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden)
        {
            var needed = authorizeResult.AuthorizationFailure?.FailedRequirements
                .OfType<RolesAuthorizationRequirement>()
                .SelectMany(r => r.AllowedRoles)
                .FirstOrDefault();
            var held = SiloClaims.Roles(context.User);
            var highest = held.Count == 0 ? "no role" : $"'{held[^1]}'";
            ProblemDetailText.Set(context, needed is null
                ? "The API key may not do this."
                : $"This needs the '{needed}' role; the key '{context.User.Identity?.Name}' has {highest}.");
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

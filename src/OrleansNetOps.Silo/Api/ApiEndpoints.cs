using OrleansNetOps.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Api;

/// <summary>Maps the <c>/api/v1</c> endpoints this host owns itself (runtime, auth, admin).</summary>
internal static class ApiEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(RolePolicies.Viewer);

        api.MapGet("/runtime", (RuntimeRateSampler sampler) => TypedResults.Ok(sampler.Sample()))
            .WithTags("Runtime")
            .WithName("GetRuntime")
            .WithSummary("The grain runtime's counters, with the call rate since the previous request.");

        api.MapGet("/auth/whoami", (HttpContext context, ApiKeyRegistry registry) => TypedResults.Ok(new WhoAmIResponse(
                context.User.Identity?.Name ?? "anonymous",
                SiloClaims.Roles(context.User),
                registry.Mode.ToString().ToLowerInvariant())))
            .WithTags("Auth")
            .WithName("WhoAmI")
            .WithSummary("The caller's name and roles.");

        var admin = api.MapGroup("/admin").RequireAuthorization(RolePolicies.Admin).WithTags("Admin");
        admin.MapGet("/keys", ListKeys)
            .WithName("ListApiKeys")
            .WithSummary("The API keys the silo accepts: names and roles, never secrets. Optional filter: role.");

        return api;
    }

    private static Results<Ok<List<ApiKeySummary>>, ValidationProblem> ListKeys(ApiKeyRegistry registry, string? role = null)
    {
        Role? filter = null;
        if (role is not null)
        {
            var match = Enum.GetValues<Role>().Where(r => string.Equals(SiloClaims.RoleName(r), role, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["role"] = [$"'{role}' is not one of {YamlSection.EnumNames<Role>()}"] },
                    detail: "The query has invalid values.");
            }

            filter = match[0];
        }

        // A key with a higher role also holds the lower ones, so filtering by 'viewer' lists every key.
        return TypedResults.Ok(registry.Keys
            .Where(k => filter is null || k.Role >= filter)
            .Select(k => new ApiKeySummary(k.Name, SiloClaims.RoleName(k.Role), k.Source))
            .ToList());
    }
}

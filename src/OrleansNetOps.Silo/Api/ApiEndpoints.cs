using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using OrleansNetOps.Configuration;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Api;

/// <summary>Maps the <c>/api/v1</c> endpoints this host owns itself (runtime, auth, admin).</summary>
internal static class ApiEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(RolePolicies.Viewer);

        api.MapGet("/runtime", RuntimeAsync)
            .WithTags("Runtime")
            .WithName("GetRuntime")
            .WithSummary("The cluster: its silos, their status and their grain activations.");

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
        admin.MapPost("/keys", AddKeyAsync)
            .WithName("AddApiKey")
            .WithSummary("Adds a key { name, roles }; the answer shows the key once, only its SHA-256 is stored (in the grain storage).")
            .Accepts<ApiKeyRequest>("application/json")
            .Produces<ApiKeyCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/keys/{name}", RemoveKeyAsync)
            .WithName("RemoveApiKey")
            .WithSummary("Removes a key added through the API (keys of silo.yaml and the bootstrap key are changed there).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static async Task<Ok<RuntimeStatusResponse>> RuntimeAsync(IGrainFactory grains, ILocalSiloDetails local, IOptions<ClusterOptions> cluster)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var statistics = await management.GetSimpleGrainStatistics();
        var bySilo = statistics.GroupBy(s => s.SiloAddress).ToDictionary(
            g => g.Key,
            g => g.GroupBy(s => s.GrainType).ToDictionary(t => t.Key, t => t.Sum(s => s.ActivationCount), StringComparer.Ordinal));
        var silos = hosts
            .OrderBy(h => h.Status == SiloStatus.Active ? 0 : 1).ThenByDescending(h => h.StartTime)
            .Select(h =>
            {
                var types = bySilo.GetValueOrDefault(h.SiloAddress) ?? new Dictionary<string, int>(StringComparer.Ordinal);
                return new SiloStatusView(h.SiloAddress.ToString(), h.SiloName, h.HostName, h.Status.ToString().ToLowerInvariant(),
                    h.StartTime, h.Status == SiloStatus.Active ? types.Values.Sum() : null, types);
            })
            .ToList();
        return TypedResults.Ok(new RuntimeStatusResponse(local.ClusterId, cluster.Value.ServiceId, local.SiloAddress.ToString(), silos,
            silos.Sum(s => s.Activations ?? 0)));
    }

    private static async Task<IResult> AddKeyAsync(
        HttpRequest http, ApiKeyRegistry registry, StoredKeys stored, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await JsonBody.ReadAsync(http, required: true, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var request = ApiKeyRequest.Read(body, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The key request is invalid; no key was added.");
        }

        if (registry.FixedKeys.Any(k => string.Equals(k.Name, request.Name, StringComparison.Ordinal)))
        {
            return Conflict($"A key named '{request.Name}' is defined in silo.yaml or by {ApiKeyRegistry.BootstrapVariable}; choose another name.");
        }

        var role = request.Roles.Max();
        var secret = await stored.AddAsync(request.Name, role, Actor(http));
        if (secret is null)
        {
            return Conflict($"A key named '{request.Name}' exists; delete it first to replace it.");
        }

        var granted = Enum.GetValues<Role>().Where(r => r <= role).Select(SiloClaims.RoleName).ToList();
        await audit.AppendAsync(AuditRecords.ApiKey(Actor(http), request.Name, "CREATED", granted), time.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/api/v1/admin/keys/{Uri.EscapeDataString(request.Name)}", new ApiKeyCreated(request.Name, granted, secret));
    }

    private static async Task<IResult> RemoveKeyAsync(string name, HttpRequest http, ApiKeyRegistry registry, StoredKeys stored, IAuditTrail audit, TimeProvider time)
    {
        if (registry.FixedKeys.Any(k => string.Equals(k.Name, name, StringComparison.Ordinal)))
        {
            return Conflict($"The key '{name}' is defined in silo.yaml or by {ApiKeyRegistry.BootstrapVariable}; remove it there.");
        }

        if (!await stored.RemoveAsync(name))
        {
            return TypedResults.Problem($"No key named '{name}' was added through the API.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        }

        await audit.AppendAsync(AuditRecords.ApiKey(Actor(http), name, "DELETED", []), time.GetUtcNow());
        return TypedResults.NoContent();
    }

    private static string Actor(HttpRequest http) => http.HttpContext.User.Identity?.Name ?? "anonymous";

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

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

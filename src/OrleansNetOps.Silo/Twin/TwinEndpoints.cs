using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansNetOps.Bgp.Prefixes;
using FlowTopKey = OrleansNetOps.Telemetry.Flows.FlowTopKey;
using IFlowStore = OrleansNetOps.Telemetry.Flows.IFlowStore;
using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Twin;

/// <summary>API.md "Twin": what-if simulation and drift.</summary>
internal static class TwinEndpoints
{
    // Traffic per prefix for utilisation prediction: the flows of the last five minutes.
    private static readonly TimeSpan s_trafficWindow = TimeSpan.FromMinutes(5);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var twin = endpoints.MapGroup("/api/v1/twin").RequireAuthorization(RolePolicies.Viewer).WithTags("Twin");
        twin.MapPost("/whatif", WhatIf).WithName("WhatIf")
            .WithSummary("Simulates changes ({ changes: [{ router, action, params }] }) on the twin; nothing reaches a router.");
        twin.MapGet("/drift", Drift).WithName("TwinDrift").WithSummary("Where the twin's best paths differ from the routers' own.");
    }

    private static async Task<Results<Ok<WhatIfResponse>, ValidationProblem>> WhatIf(
        JsonElement body, IGrainFactory grains, IServiceProvider services, TimeProvider time)
    {
        var request = WhatIfRequest.FromJson(body, out var errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var result = await grains.GetGrain<INetworkTwinGrain>("default").WhatIfAsync(request, await ContextAsync(services, time));
        return result.Invalid ? Invalid(result.Errors) : TypedResults.Ok(WhatIfResponse.From(result));
    }

    private static async Task<Ok<DriftResponse>> Drift(IGrainFactory grains)
    {
        var twin = grains.GetGrain<INetworkTwinGrain>("default");
        var baseline = await twin.RefreshAsync();
        return TypedResults.Ok(new DriftResponse(baseline, await twin.DriftAsync()));
    }

    private static async Task<TwinContext> ContextAsync(IServiceProvider services, TimeProvider time)
    {
        if (services.GetService<IFlowStore>() is not { } flows)
        {
            return TwinContext.None;
        }

        var now = time.GetUtcNow();
        var traffic = (await flows.TopAsync(null, FlowTopKey.Prefix, now - s_trafficWindow, now, 100_000))
            .Select(e => IpPrefix.TryParse(e.Key, out var prefix) ? new TrafficVolume(prefix, e.Bytes / s_trafficWindow.TotalSeconds) : null)
            .OfType<TrafficVolume>()
            .ToList();
        return new TwinContext(traffic, []);
    }

    // Engine errors read "changes[0].router: message"; the field path becomes the key of the problem's errors.
    private static ValidationProblem Invalid(IEnumerable<string> errors) =>
        TypedResults.ValidationProblem(
            errors.Select(e => e.Split(": ", 2))
                .GroupBy(p => p.Length == 2 ? p[0] : "body", p => p.Length == 2 ? p[1] : p[0])
                .ToDictionary(g => g.Key, g => g.ToArray()),
            detail: "The what-if request is invalid; nothing was simulated.");
}

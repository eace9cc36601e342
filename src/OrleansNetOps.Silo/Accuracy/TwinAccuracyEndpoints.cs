using Microsoft.AspNetCore.Http.HttpResults;
using OrleansNetOps.Grains.Accuracy;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Silo.Auth;

namespace OrleansNetOps.Silo.Accuracy;

/// <summary>API.md "Twin": the prediction-versus-outcome figure of executed actions.</summary>
internal static class TwinAccuracyEndpoints
{
    private const int MaxRecent = 500;

    public static void MapTwinAccuracy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/twin/accuracy", GetAsync).RequireAuthorization(RolePolicies.Viewer).WithTags("Twin").WithName("TwinAccuracy")
            .WithSummary("How often the twin's predicted best paths matched what the routers then reported after executed actions (?limit= recent actions, default 20).");
    }

    private static async Task<Results<Ok<TwinAccuracyResponse>, ValidationProblem>> GetAsync(IGrainFactory grains, int? limit)
    {
        if (limit is < 0 or > MaxRecent)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"{limit} is out of range (0..{MaxRecent})"] });
        }

        var ledger = await grains.GetGrain<ITwinAccuracyGrain>(NetOpsStreams.DefaultDomain).GetAsync(limit ?? 20);
        return TypedResults.Ok(TwinAccuracyResponse.From(ledger));
    }
}

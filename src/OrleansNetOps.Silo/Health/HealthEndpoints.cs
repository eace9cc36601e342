using OrleansNetOps.Silo.Observability;

namespace OrleansNetOps.Silo.Health;

/// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>; both anonymous, for orchestrators and load balancers.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health").AllowAnonymous().WithTags("Health");
        health.MapGet("/live", () => TypedResults.Ok(new LivenessResponse("live", ProcessClock.Uptime.TotalSeconds)))
            .WithName("Live")
            .WithSummary("The process is up and answering HTTP.");
        health.MapGet("/ready", async (ReadinessProbe probe, CancellationToken cancellationToken) =>
            {
                var report = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
                return TypedResults.Json(report, statusCode: report.NotReady.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("Ready")
            .WithSummary("Storage is reachable and the silo runs; 503 names what is not ready.")
            .Produces<ReadinessReport>(StatusCodes.Status200OK)
            .Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable);
    }
}

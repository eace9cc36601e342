using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Grains.Learning;
using OrleansNetOps.Silo.Auth;

namespace OrleansNetOps.Silo.Assistant;

/// <summary>API.md shadow mode: engineers' feedback on recommendations and the agreement statistics.</summary>
internal static class ShadowEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/actions/{id}/feedback", Feedback).RequireAuthorization(RolePolicies.Operator).WithTags("Shadow")
            .WithName("ActionFeedback").WithSummary("An engineer's verdict on a shadow recommendation: { verdict: agree|partial|disagree, comment }.");
        endpoints.MapGet("/api/v1/shadow/stats", Stats).RequireAuthorization(RolePolicies.Viewer).WithTags("Shadow")
            .WithName("ShadowStats").WithSummary("Agreement overall and per tier, readiness for production, average reward, A/B per policy.");
    }

    private static async Task<Results<Ok<FeedbackOutcome>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Feedback(
        string id, JsonElement body, HttpContext context, IGrainFactory grains)
    {
        var verdictText = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("verdict", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (!ShadowLedger.TryVerdict(verdictText, out var verdict))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["verdict"] = [verdictText is null ? "required: agree, partial or disagree" : $"'{verdictText}' is not one of agree, partial, disagree"],
            });
        }

        var comment = body.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var reviewer = context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous";
        var outcome = await grains.GetGrain<IShadowGrain>(NetOpsStreams.DefaultDomain).FeedbackAsync(id, verdict, comment, reviewer);
        if (outcome.Recorded)
        {
            return TypedResults.Ok(outcome);
        }

        var problem = new ProblemDetails { Title = "Feedback not recorded", Detail = outcome.Problem, Instance = context.Request.Path };
        if (outcome.Decision is null)
        {
            problem.Status = StatusCodes.Status404NotFound;
            return TypedResults.NotFound(problem);
        }

        problem.Status = StatusCodes.Status409Conflict;
        return TypedResults.Conflict(problem);
    }

    private static async Task<Ok<ShadowStats>> Stats(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IShadowGrain>(NetOpsStreams.DefaultDomain).GetStatsAsync());
}

using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Grains.Incidents;
using OrleansNetOps.Silo.Auth;

namespace OrleansNetOps.Silo.Incidents;

/// <summary>API.md "Incidents, actions, approvals" (incidents): the list, one incident with its timeline, and the acknowledgement.</summary>
internal static class IncidentEndpoints
{
    private const string Domain = NetOpsStreams.DefaultDomain;

    public static void MapIncidents(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Incidents");
        api.MapGet("/incidents", List).RequireAuthorization(RolePolicies.Viewer)
            .WithSummary("Incidents, newest first; ?state=open|acknowledged|mitigating|resolved|closed filters.");
        api.MapGet("/incidents/{id}", async (string id, IGrainFactory grains) =>
                await grains.GetGrain<IIncidentGrain>(id).GetAsync(timeline: true) is { } json
                    ? Results.Content(json, "application/json")
                    : TypedResults.Problem(detail: $"incident '{id}' does not exist", statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(RolePolicies.Viewer).WithSummary("One incident with its timeline.");
        api.MapPost("/incidents/{id}/ack", Acknowledge).RequireAuthorization(RolePolicies.Operator)
            .WithSummary("An operator takes an open incident on; optional body { comment }.");
    }

    private static async Task<IResult> List(string? state, IGrainFactory grains)
    {
        if (state is not null && !IncidentStates.All.Contains(state))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["state"] = [$"'{state}' is not a state; use one of {string.Join(", ", IncidentStates.All)}"],
            });
        }

        var ids = await grains.GetGrain<IIncidentIntakeGrain>(Domain).IncidentIdsAsync();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IIncidentGrain>(id).GetAsync(timeline: false)));
        var list = new JsonArray([.. views.OfType<string>().Select(v => JsonNode.Parse(v)!)
            .Where(v => state is null || v["state"]?.GetValue<string>() == state)]);
        return Results.Content(list.ToJsonString(), "application/json");
    }

    private static async Task<IResult> Acknowledge(string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        string? comment = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body);
                if (body.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["the body must be a JSON object { comment? }"] });
                }

                if (body.RootElement.TryGetProperty("comment", out var c))
                {
                    if (c.ValueKind != JsonValueKind.String)
                    {
                        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = ["'comment' is a string"] });
                    }

                    comment = c.GetString();
                }
            }
            catch (JsonException exception)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [$"the body is not JSON: {exception.Message}"] });
            }
        }

        var reply = await grains.GetGrain<IIncidentGrain>(id).AcknowledgeAsync(user.Identity?.Name ?? "anonymous", comment);
        return reply.Status == 200
            ? Results.Content(reply.Json!, "application/json")
            : TypedResults.Problem(detail: reply.Error, statusCode: reply.Status);
    }
}

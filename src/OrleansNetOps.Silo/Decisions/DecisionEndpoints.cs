using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Grains.Actions;
using OrleansNetOps.Grains.Audit;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Silo.Auth;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>API.md "Incidents, actions, approvals" (actions) and "Governance" (autonomy, kill switch, guardrails, audit).</summary>
internal static class DecisionEndpoints
{
    private const int MaxAuditLimit = 10_000;
    private const string Domain = NetOpsStreams.DefaultDomain;

    public static void MapDecisions(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Decisions");
        api.MapGet("/actions", ListActions).RequireAuthorization(RolePolicies.Viewer).WithSummary("Actions, oldest first; ?state= filters.");
        api.MapGet("/actions/{id}", GetAction).RequireAuthorization(RolePolicies.Viewer);
        api.MapPost("/actions", Propose).RequireAuthorization(RolePolicies.Operator)
            .WithSummary("An operator's proposal { router, action, params, reason, idempotencyKey? }: the same workflow as an agent's.");
        api.MapPost("/actions/{id}/approve", (string id, JsonElement body, ClaimsPrincipal user, IGrainFactory grains) =>
            ReplyAsync(grains.GetGrain<IActionGrain>(id).ApproveAsync(Name(user), Text(body, "comment")))).RequireAuthorization(RolePolicies.Approver);
        api.MapPost("/actions/{id}/reject", (string id, JsonElement body, ClaimsPrincipal user, IGrainFactory grains) =>
            ReplyAsync(grains.GetGrain<IActionGrain>(id).RejectAsync(Name(user), Text(body, "comment")))).RequireAuthorization(RolePolicies.Approver);
        api.MapPost("/actions/{id}/modify", (string id, JsonElement body, ClaimsPrincipal user, IGrainFactory grains) =>
            ReplyAsync(grains.GetGrain<IActionGrain>(id).ModifyAsync(Name(user), Params(body), Text(body, "comment")))).RequireAuthorization(RolePolicies.Approver);
        api.MapPost("/actions/{id}/rollback", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            ReplyAsync(grains.GetGrain<IActionGrain>(id).RollbackAsync(Name(user)))).RequireAuthorization(RolePolicies.Operator);

        api.MapGet("/queue", async (IGrainFactory grains) => Json(await grains.GetGrain<ICoordinatorGrain>(Domain).QueueAsync()))
            .RequireAuthorization(RolePolicies.Viewer)
            .WithSummary("The coordinator's queue: actions waiting for a lease or a rate-limit slot, in the order they go (severity, service impact, spare capacity, age).");
        api.MapGet("/autonomy", async (IGrainFactory grains) => Json(await grains.GetGrain<ICoordinatorGrain>(Domain).AutonomyAsync()))
            .RequireAuthorization(RolePolicies.Viewer);
        api.MapPut("/autonomy", SetAutonomy).RequireAuthorization(RolePolicies.Admin)
            .WithSummary("{ phase?, killSwitch?, reason? }: the kill switch halts every autonomous step at its next gate.");
        api.MapGet("/guardrails", async (IGrainFactory grains) =>
        {
            var text = await grains.GetGrain<ICoordinatorGrain>(Domain).PolicyAsync();
            return TypedResults.Ok(new { fingerprint = text.Fingerprint, version = text.Version, yaml = text.Yaml });
        }).RequireAuthorization(RolePolicies.Viewer).WithSummary("The domain's guardrails as its coordinator holds them: { fingerprint, version, yaml }.");
        api.MapPut("/guardrails", PutGuardrails).RequireAuthorization(RolePolicies.Admin)
            .WithSummary("Replaces the guardrails (YAML, as text or { yaml }); validated with positioned errors, audited.");
        api.MapGet("/audit", Audit).RequireAuthorization(RolePolicies.Viewer).WithSummary("?from=&to=&actionId=&limit= (newest limit, oldest first).");
        api.MapGet("/audit/verify", async (IAuditTrail trail, CancellationToken ct) =>
        {
            var verification = await trail.VerifyAsync(ct);
            return TypedResults.Ok(new { valid = verification.Valid, entries = verification.Entries, firstBrokenSeq = verification.FirstBrokenSeq, problem = verification.Problem });
        }).RequireAuthorization(RolePolicies.Viewer);
    }

    private static async Task<IResult> ListActions(string? state, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICoordinatorGrain>(Domain).ActionIdsAsync();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IActionGrain>(id).GetAsync()));
        var list = new JsonArray([.. views.OfType<string>().Select(v => JsonNode.Parse(v)!)
            .Where(v => state is null || string.Equals(v["state"]?.GetValue<string>(), state, StringComparison.OrdinalIgnoreCase))]);
        return Json(list.ToJsonString());
    }

    private static async Task<IResult> GetAction(string id, IGrainFactory grains) =>
        await grains.GetGrain<IActionGrain>(id).GetAsync() is { } json ? Json(json) : Problem(404, $"action '{id}' does not exist");

    private static async Task<IResult> Propose(JsonElement body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Required(string name)
        {
            var value = Text(body, name);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[name] = [$"'{name}' is required (a string)"];
            }

            return value;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["the body must be a JSON object"] });
        }

        var router = Required("router");
        var action = Required("action");
        var confidence = 1.0;
        if (body.TryGetProperty("confidence", out var c) && (c.ValueKind != JsonValueKind.Number || !c.TryGetDouble(out confidence) || confidence is < 0 or > 1))
        {
            errors["confidence"] = ["'confidence' is a number in 0..1"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var key = Text(body, "idempotencyKey");
        var id = ActionIds.For(Domain, key);
        var grain = grains.GetGrain<IActionGrain>(id);
        var existed = await grain.GetAsync() is not null;
        var reply = await grain.ProposeAsync(new ActionProposal(router!, action!, Params(body), Text(body, "reason") ?? string.Empty, Name(user), Domain,
            confidence, key, Text(body, "incidentId")));
        if (reply.Status == 200 && !existed)
        {
            return Results.Content(reply.Json!, "application/json", statusCode: 201);
        }

        return Reply(reply);
    }

    private static async Task<IResult> SetAutonomy(JsonElement body, ClaimsPrincipal user, IGrainFactory grains)
    {
        bool? kill = null;
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("killSwitch", out var k))
        {
            if (k.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["killSwitch"] = ["'killSwitch' is true or false"] });
            }

            kill = k.GetBoolean();
        }

        try
        {
            return Json(await grains.GetGrain<ICoordinatorGrain>(Domain).SetAutonomyAsync(new AutonomyUpdate(Name(user), Text(body, "phase"), kill, Text(body, "reason"))));
        }
        catch (ArgumentException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phase"] = [exception.Message.Split(" (Parameter", 2)[0]] });
        }
    }

    private static async Task<IResult> PutGuardrails(HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                text = JsonDocument.Parse(text).RootElement.GetProperty("yaml").GetString() ?? string.Empty;
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["yaml"] = ["a JSON body is { \"yaml\": \"...\" }"] });
            }
        }

        var change = await grains.GetGrain<ICoordinatorGrain>(Domain)
            .ChangePolicyAsync(new GuardrailsChangeRequest(text, "PUT /api/v1/guardrails", Name(user), GuardrailsOrigin.Api));
        if (change.Outcome == GuardrailsChangeOutcome.Rejected)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["yaml"] = [.. change.Errors] });
        }

        return TypedResults.Ok(new { fingerprint = change.Current.Fingerprint, version = change.Current.Version, yaml = change.Current.Yaml });
    }

    private static async Task<IResult> Audit(string? from, string? to, string? actionId, int? limit, IAuditTrail trail, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateTimeOffset? Time(string name, string? value)
        {
            if (value is null)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            {
                return t;
            }

            errors[name] = [$"'{value}' is not an ISO-8601 time"];
            return null;
        }

        var query = new AuditQuery(Time("from", from), Time("to", to), actionId, limit ?? 100);
        if (query.Limit is < 1 or > MaxAuditLimit)
        {
            errors["limit"] = [$"limit is 1..{MaxAuditLimit}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var entries = await trail.QueryAsync(query, ct);
        return Json(new JsonArray([.. entries.Select(e => (JsonNode)AuditEntryJson.ToJson(e))]).ToJsonString());
    }

    private static async Task<IResult> ReplyAsync(Task<ActionReply> reply) => Reply(await reply);

    private static IResult Reply(ActionReply reply) => reply.Status switch
    {
        200 => Json(reply.Json!),
        400 => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["params"] = [reply.Error ?? "invalid"] }),
        _ => Problem(reply.Status, reply.Error ?? "refused"),
    };

    private static IResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);

    private static IResult Json(string json) => Results.Content(json, "application/json");

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Params(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("params", out var value) ? value.GetRawText() : "{}";
}

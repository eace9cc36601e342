using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Silo.Api;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Twin.Scenarios;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Twin;

/// <summary>API.md "Twin": what-if simulation, failure scenarios and drift.</summary>
internal static class TwinEndpoints
{
    /// <summary>
    /// The largest what-if body read (bytes); larger ones get 413 before they are parsed. It fits
    /// <see cref="WhatIfLimits.MaxChanges"/> changes and <see cref="WhatIfLimits.MaxListedPrefixes"/> listed prefixes
    /// written plainly, with room to spare.
    /// </summary>
    public const long MaxWhatIfBodyBytes = 8 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var twin = endpoints.MapGroup("/api/v1/twin").RequireAuthorization(RolePolicies.Viewer).WithTags("Twin");
        twin.MapPost("/whatif", WhatIf).WithName("WhatIf")
            .WithMetadata(new RequestSizeLimitAttribute(MaxWhatIfBodyBytes))
            .WithSummary("Simulates changes on the twin; nothing reaches a router.")
            .WithDescription(WhatIfDescription())
            .Accepts<JsonElement>("application/json")
            .Produces<WhatIfResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        twin.MapPost("/scenarios", Scenarios).WithName("TwinScenarios")
            .WithSummary("Generated failure scenarios, each with its what-if result.")
            .Accepts<JsonElement>("application/json")
            .Produces<List<ScenarioResponse>>()
            .WithDescription(string.Create(CultureInfo.InvariantCulture,
                $"Body {{ kinds?: [{string.Join(", ", FailureKindNames.All)}], count? (1..{ScenarioRequest.MaxCount}, default {ScenarioRequest.DefaultCount}), seed?, maxFailures? (1..3) }}; the same seed gives the same scenarios."))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        twin.MapGet("/drift", Drift).WithName("TwinDrift").WithSummary("Where the twin's best paths differ from the routers' own.");
    }

    private static async Task<IResult> WhatIf(
        HttpRequest http, IGrainFactory grains, TwinContextSource context, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await JsonBody.ReadAsync(http, required: true, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("changes", out var list) && list.ValueKind == JsonValueKind.Array
            && list.GetArrayLength() > WhatIfLimits.MaxChanges)
        {
            return TooLarge(string.Create(CultureInfo.InvariantCulture,
                $"{list.GetArrayLength()} changes; at most {WhatIfLimits.MaxChanges} fit in one what-if. Split the request."));
        }

        var request = WhatIfRequest.FromJson(body, out var errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (WhatIfLimits.Check(request) is { } tooLarge)
        {
            return TooLarge(tooLarge);
        }

        try
        {
            var result = await grains.GetGrain<INetworkTwinGrain>("default")
                .WhatIfAsync(request, await context.MeasureAsync(cancellationToken), cancellationToken);
            return result.Invalid ? Invalid(result.Errors) : TypedResults.Ok(WhatIfResponse.From(result));
        }
        catch (TimeoutException timeout)
        {
            return TypedResults.Problem(timeout.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The simulation ran out of time");
        }
    }

    private static async Task<IResult> Scenarios(
        HttpRequest http, IGrainFactory grains, TwinContextSource context, CancellationToken cancellationToken)
    {
        // The body is optional: {} and no body both mean the defaults.
        var (body, unreadable) = await JsonBody.ReadAsync(http, required: false, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var request = ScenarioRequest.FromJson(body, out var errors);
        if (errors.Count > 0)
        {
            return Invalid(errors, "The scenarios request is invalid; nothing was simulated.");
        }

        try
        {
            var query = new ScenarioQuery([.. request.Kinds.Select(FailureKindNames.Name)], request.Count, request.Seed, request.MaxFailures);
            var runs = await grains.GetGrain<INetworkTwinGrain>("default")
                .ScenariosAsync(query, await context.MeasureAsync(cancellationToken), cancellationToken);
            return TypedResults.Ok(runs.Select(ScenarioResponse.From).ToList());
        }
        catch (TimeoutException timeout)
        {
            return TypedResults.Problem(timeout.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The simulation ran out of time");
        }
    }

    private static async Task<Ok<DriftResponse>> Drift(IGrainFactory grains)
    {
        var twin = grains.GetGrain<INetworkTwinGrain>("default");
        var baseline = await twin.RefreshAsync();
        return TypedResults.Ok(new DriftResponse(baseline, await twin.DriftAsync()));
    }

    private static string WhatIfDescription() => string.Join(' ',
        $"Body {{ changes: [{{ router, action, params }}] }}. Actions: {string.Join(", ", TwinActionNames.All)}.",
        $"External events (imagined, never done): {string.Join(", ", TwinChangeJson.EventNames)}.",
        string.Create(CultureInfo.InvariantCulture,
            $"At most {WhatIfLimits.MaxChanges} changes, {WhatIfLimits.MaxListedPrefixes} listed prefixes and {MaxWhatIfBodyBytes} bytes (413 beyond);"),
        string.Create(CultureInfo.InvariantCulture, $"a run stops after {NetworkTwinGrain.MaxRunTime.TotalSeconds:0} s (503)."),
        "The result lists our routers' and the ISPs' changed best paths and the inbound traffic shift per ISP.");

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The what-if is too large");

    // Engine errors read "changes[0].router: message"; the field path becomes the key of the problem's errors.
    private static ValidationProblem Invalid(IEnumerable<string> errors, string detail = "The what-if request is invalid; nothing was simulated.") =>
        TypedResults.ValidationProblem(
            errors.Select(e => e.Split(": ", 2))
                .GroupBy(p => p.Length == 2 ? p[0] : "body", p => p.Length == 2 ? p[1] : p[0])
                .ToDictionary(g => g.Key, g => g.ToArray()),
            detail: detail);
}

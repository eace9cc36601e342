using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansNetOps.Assistant;
using OrleansNetOps.Assistant.Intents;
using OrleansNetOps.Assistant.Kernel;
using OrleansNetOps.Assistant.Questions;
using OrleansNetOps.Assistant.State;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Assistant;

/// <summary>API.md "Assistant": questions about the network, and intents turned into proposed changes (never executed).</summary>
internal static class AssistantEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/assistant").WithTags("Assistant");
        group.MapPost("/ask", Ask).RequireAuthorization(RolePolicies.Viewer).WithName("AssistantAsk")
            .WithSummary("Answers a question about the network ({ question }) from live state, citing the API reads it used.");
        group.MapPost("/intent", Intent).RequireAuthorization(RolePolicies.Operator).WithName("AssistantIntent")
            .WithSummary("Reads an intent ({ text }) into one catalogue change and shows what the twin and governance make of it; executes nothing.");
        ShadowEndpoints.Map(endpoints);
        LearningEndpoints.Map(endpoints);
    }

    private static async Task<Results<Ok<AssistantAnswer>, ValidationProblem>> Ask(
        JsonElement body, HttpContext context, OfflineAnswerer offline, ILoggerFactory logs, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (TextField(body, "question") is not { } question)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["question"] = ["required, a non-empty string"] });
        }

        if (services.GetService<LlmAssistant>() is { } llm)
        {
            try
            {
                return TypedResults.Ok(await llm.AskAsync(question, Reader(context), cancellationToken));
            }
            // Whatever goes wrong at the model's end (refused, timed out, malformed), the caller gets an offline answer.
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The loop never waits on a model: a failing endpoint falls back to the offline answer.
                logs.CreateLogger("OrleansNetOps.Assistant").LogWarning(e, "The model endpoint failed; answering offline");
            }
        }

        return TypedResults.Ok(await offline.AnswerAsync(question, Reader(context), cancellationToken));
    }

    private static async Task<Results<Ok<IntentResponse>, ValidationProblem>> Intent(
        JsonElement body, HttpContext context, IntentParser parser, IGrainFactory grains, GuardrailsSource guardrails, NetworkTopology topology,
        TimeProvider time, TwinContextSource measured, ILoggerFactory logs, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (TextField(body, "text") is not { } text)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["required, a non-empty string"] });
        }

        CatalogueChange? change = null;
        string explanation;
        var mode = "offline";
        if (services.GetService<LlmAssistant>() is { } llm)
        {
            try
            {
                var (proposed, words, problems) = await llm.ProposeAsync(text, Reader(context), cancellationToken);
                mode = "llm";
                change = proposed;
                explanation = problems.Count == 0 ? words : $"{words} (not usable: {string.Join("; ", problems)})";
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logs.CreateLogger("OrleansNetOps.Assistant").LogWarning(e, "The model endpoint failed; reading the intent offline");
                (change, explanation) = Offline(parser, text);
            }
        }
        else
        {
            (change, explanation) = Offline(parser, text);
        }

        if (change is null)
        {
            return TypedResults.Ok(new IntentResponse(null, explanation, mode, false, null, null));
        }

        var result = await grains.GetGrain<INetworkTwinGrain>("default").WhatIfAsync(new WhatIfRequest([change]), await measured.MeasureAsync(cancellationToken), cancellationToken);
        var verdict = TwinVerdict.From(result);
        var decision = GovernanceDecider.Decide(new ProposedAction
        {
            ActionId = "assistant-intent",
            Router = change.Router,
            Action = change.Action,
            Parameters = change.Parameters,
            // The operator stated the intent; the assistant adds no doubt of its own, so the twin and guardrails decide alone.
            Confidence = 1.0,
            Twin = verdict,
            Requester = context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous",
            DeviceClass = topology.Router(change.Router)?.Role.ToString().ToLowerInvariant() ?? "*",
        }, new GovernanceContext(await guardrails.CurrentAsync(grains, NetOpsStreams.DefaultDomain), AutonomyState.Initial, RateLimitState.Empty, time.GetUtcNow()));

        var whatIf = new IntentWhatIf(verdict.Passed, verdict.PrefixShare, verdict.Routers, result.Changes.Count, verdict.Errors, verdict.Warnings,
            OrleansNetOps.Silo.Twin.PredictedSlaView.From(result.PredictedSla, trafficKnown: result.BlastRadius.TrafficShare is not null));
        var governance = new IntentGovernance(
            JsonSerializer.Serialize(decision.Verdict).Trim('"'), decision.Tier.ToString(), JsonSerializer.Serialize(decision.Risk.Level).Trim('"'),
            decision.Approval.RequiredApprovals, [.. decision.Violations.Select(v => v.Message)], [.. decision.Reasons]);
        return TypedResults.Ok(new IntentResponse((JsonObject)TwinChangeJson.Write(change), explanation, mode, true, whatIf, governance));
    }

    private static (CatalogueChange? Change, string Explanation) Offline(IntentParser parser, string text)
    {
        var reading = parser.Read(text);
        return (reading.Change, reading.Explanation);
    }

    // The assistant reads the API as the caller: same key, same rights.
    private static NetworkStateReader Reader(HttpContext context)
    {
        var services = context.RequestServices;
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(AssistantServices.SelfClient);
        client.BaseAddress = SelfAddress(services);
        if (context.Request.Headers.Authorization is { Count: > 0 } authorization)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization.ToString());
        }

        return new NetworkStateReader(client);
    }

    private static Uri SelfAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.First();
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }

    private static string? TextField(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansNetOps.Assistant.Learning;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Grains.Learning;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Silo.Assistant;

/// <summary>
/// API.md learning: training runs of the action-selection policy on twin episodes, versioned, promoted only on evidence.
/// A candidate version runs in shadow under the policy name <c>model-v{version}</c>; its A/B agreement gates promotion.
/// </summary>
internal static class LearningEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/learning").WithTags("Learning");
        group.MapGet("/runs", Runs).RequireAuthorization(RolePolicies.Viewer).WithName("LearningRuns")
            .WithSummary("Every training run: run id, model version, average reward, agreement, episodes, promoted.");
        group.MapPost("/runs", Train).RequireAuthorization(RolePolicies.Admin).WithName("LearningTrain")
            .WithSummary("Trains a new policy version on twin episodes ({ episodes?, heldOut?, seed? }) and compares it with production.");
        group.MapPost("/models/{version:int}/promote", Promote).RequireAuthorization(RolePolicies.Admin).WithName("LearningPromote")
            .WithSummary("Promotes a version when it beat production, its reward is ≥ 0.5 and its shadow A/B agreement ≥ 0.88.");
    }

    /// <summary>The shadow policy name of a model version.</summary>
    public static string PolicyName(int version) => "model-v" + version.ToString(CultureInfo.InvariantCulture);

    private static async Task<Ok<IReadOnlyList<LearningRun>>> Runs(IGrainFactory grains) =>
        TypedResults.Ok(await Learning(grains).GetRunsAsync());

    private static async Task<Results<Created<LearningRun>, ValidationProblem>> Train(
        JsonElement body, IGrainFactory grains, NetworkTopology topology, SiloConfig config, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined))
        {
            // A stray array or string is a mistake, not a request for a default run (which costs seconds of CPU).
            errors["body"] = [$"expected an object {{ episodes?, heldOut?, seed? }}, got {body.ValueKind.ToString().ToLowerInvariant()}"];
        }
        else if (body.ValueKind == JsonValueKind.Object)
        {
            foreach (var unknown in body.EnumerateObject().Where(p => p.Name is not ("episodes" or "heldOut" or "seed")))
            {
                errors[unknown.Name] = ["not a field of a training request (episodes, heldOut, seed)"];
            }
        }

        var episodes = Number(body, "episodes", 150, 10, 5000, errors);
        var heldOut = Number(body, "heldOut", 60, 5, 2000, errors);
        var seed = Number(body, "seed", 1, 0, int.MaxValue - 1, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var learning = Learning(grains);
        var shadow = grains.GetGrain<IShadowGrain>(NetOpsStreams.DefaultDomain);
        var (productionVersion, productionModel) = await learning.GetProductionAsync();
        var version = await learning.NextVersionAsync();
        // What engineers said about forwarded recommendations shapes the labels; the twin's episodes give the situations.
        var feedback = (await shadow.GetDecisionsAsync())
            .Where(d => d.Verdict is { } && d.Forwarded)
            .Select(d => new ActionFeedback(d.Action, ShadowRules.Reward(d.Verdict!.Value)))
            .ToList();
        // What the probes measured after executed changes shapes them too, on the twin's reward scale.
        var outcomes = (await AuditedOutcomes.ReadAsync(audit, cancellationToken))
            .Select(o => o.Feedback(topology.Sla, config.Assistant.RewardWeights))
            .ToList();

        // Training is CPU-bound and takes seconds: off the request's thread, never inside a grain turn.
        var (policy, productionReward) = await Task.Run(() =>
        {
            var generator = new EpisodeGenerator(topology, TwinState.Converge(topology), config.Assistant.RewardWeights);
            var training = FeedbackShaping.Shape(generator.Generate(seed, episodes), feedback.Concat(outcomes));
            var evaluation = generator.Generate(seed + 1, heldOut);
            var trained = PolicyTrainer.Train(training, evaluation, seed);
            return (trained, productionModel is null ? trained.RuleBasedReward : PolicyTrainer.Evaluate(productionModel, evaluation));
        }, cancellationToken);

        var stats = await shadow.GetStatsAsync();
        var agreement = stats.PerPolicy.FirstOrDefault(p => p.Policy == PolicyName(version))?.Agreement;
        var (promote, reason) = PromotionRule.Decide(policy.AvgReward, productionReward, agreement);
        var run = new LearningRun(
            $"run-{version}", version, policy.AvgReward, productionReward, agreement, policy.TrainingEpisodes, policy.HeldOutEpisodes, promote,
            $"{reason} (production: {(productionVersion == 0 ? "rule-based planner" : PolicyName(productionVersion))})", policy.TrainingMs, time.GetUtcNow())
        {
            FeedbackDecisions = feedback.Count,
            SlaOutcomes = outcomes.Count,
            TrainedOn = TrainedOn(policy.TrainingEpisodes, feedback, outcomes),
        };
        await learning.RecordAsync(run, policy.Model);
        return TypedResults.Created($"/api/v1/learning/runs/{run.RunId}", run);
    }

    private static async Task<Results<Ok<LearningRun>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Promote(int version, IGrainFactory grains)
    {
        var learning = Learning(grains);
        var run = (await learning.GetRunsAsync()).FirstOrDefault(r => r.ModelVersion == version);
        if (run is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No such model", Detail = $"model version {version} was never trained" });
        }

        var stats = await grains.GetGrain<IShadowGrain>(NetOpsStreams.DefaultDomain).GetStatsAsync();
        var agreement = stats.PerPolicy.FirstOrDefault(p => p.Policy == PolicyName(version))?.Agreement;
        var (promote, reason) = PromotionRule.Decide(run.AvgReward, run.ProductionReward, agreement);
        if (!promote)
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Not promoted", Detail = $"{PolicyName(version)}: {reason}" });
        }

        return TypedResults.Ok((await learning.PromoteAsync(version, reason))!);
    }

    private static string TrainedOn(int episodes, IReadOnlyList<ActionFeedback> verdicts, IReadOnlyList<ActionFeedback> outcomes)
    {
        var twin = $"{episodes} twin failure-scenario episodes";
        if (verdicts.Count == 0 && outcomes.Count == 0)
        {
            return $"{twin}; no reviewed shadow decisions or judged changes yet, so the labels are the twin's predicted reward alone";
        }

        var blended = new List<string>();
        if (verdicts.Count > 0)
        {
            blended.Add($"{verdicts.Count} engineers' verdicts: {PerAction(verdicts)}");
        }

        if (outcomes.Count > 0)
        {
            blended.Add($"{outcomes.Count} audited SLA outcomes of executed changes: {PerAction(outcomes)}");
        }

        return $"{twin}; labels blended with {string.Join(" and ", blended)}";
    }

    private static string PerAction(IReadOnlyList<ActionFeedback> feedback) =>
        string.Join(", ", FeedbackShaping.ByAction(feedback).OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Value.Count} (mean {a.Value.Mean:0.##})")));

    private static ILearningGrain Learning(IGrainFactory grains) => grains.GetGrain<ILearningGrain>(NetOpsStreams.DefaultDomain);

    private static int Number(JsonElement body, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (!value.TryGetInt32(out var number) || number < min || number > max)
        {
            errors[name] = [$"expected an integer in {min}..{max}, got {value.GetRawText()}"];
            return fallback;
        }

        return number;
    }
}

using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Forecasting;
using OrleansNetOps.Analytics.Logs;
using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>API.md: findings (and the correlator's incident candidates), forecasts, log templates.</summary>
internal static class AnalysisEndpoints
{
    private const int MaxLimit = 2_000;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/v1").RequireAuthorization(RolePolicies.Viewer).WithTags("Analysis");
        read.MapGet("/findings", GetFindings).WithName("GetFindings").WithSummary("Findings, newest first, with the cause their incident candidate names.");
        read.MapGet("/findings/candidates", GetCandidates).WithName("GetCandidates").WithSummary("Incident candidates: findings grouped by cause; open first.");
        read.MapGet("/forecasts", GetForecasts).WithName("GetForecasts").WithSummary("Time to threshold of a router's utilisation series, with an 80 % interval.");
        read.MapGet("/logs/templates", GetTemplates).WithName("GetLogTemplates").WithSummary("Log templates learned from syslog.");
    }

    private static async Task<Results<Ok<List<FindingView>>, ValidationProblem>> GetFindings(
        IGrainFactory grains, string? router, string? kind, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset? since, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        FindingKind? parsed = null;
        if (kind is not null)
        {
            if (FindingKinds.TryParse(kind, out var k))
            {
                parsed = k;
            }
            else
            {
                errors["kind"] = [$"'{kind}' is not one of {string.Join(", ", Enum.GetValues<FindingKind>().Select(FindingKinds.Name))}"];
            }
        }

        if (from is not null && since is not null)
        {
            errors["since"] = ["give from or since, not both"];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"{limit} is out of range (1..{MaxLimit})"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query has invalid values.");
        }

        var found = await Correlator(grains).GetFindingsAsync(new FindingQuery(router, parsed, from ?? since, to, limit ?? 100));
        return TypedResults.Ok(found.Select(FindingView.From).ToList());
    }

    private static async Task<Results<Ok<List<CandidateView>>, ValidationProblem>> GetCandidates(IGrainFactory grains, int? limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"{limit} is out of range (1..{MaxLimit})"] });
        }

        var candidates = await Correlator(grains).GetCandidatesAsync(limit ?? 100);
        return TypedResults.Ok(candidates.Select(CandidateView.From).ToList());
    }

    private static async Task<Results<Ok<ImmutableArray<ThresholdForecast>>, ValidationProblem>> GetForecasts(IGrainFactory grains, string? router)
    {
        if (string.IsNullOrWhiteSpace(router))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["router"] = ["a router id is required"] });
        }

        return TypedResults.Ok(await grains.GetGrain<IRouterAnalystGrain>(router).GetForecastsAsync());
    }

    private static async Task<Results<Ok<List<LogTemplate>>, ValidationProblem>> GetTemplates(IGrainFactory grains, NetworkTopology topology, string? router, bool? rare)
    {
        if (router is not null && string.IsNullOrWhiteSpace(router))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["router"] = ["empty: give a router id or leave router out"] });
        }

        IEnumerable<string> routers = router is null ? topology.Routers.Select(r => r.Id) : [router];
        var templates = new List<LogTemplate>();
        foreach (var id in routers)
        {
            templates.AddRange((await grains.GetGrain<IRouterAnalystGrain>(id).GetTemplatesAsync()).Where(t => rare is null || t.Rare == rare));
        }

        return TypedResults.Ok(templates);
    }

    private static IFindingCorrelatorGrain Correlator(IGrainFactory grains) => grains.GetGrain<IFindingCorrelatorGrain>(NetOpsStreams.DefaultDomain);
}

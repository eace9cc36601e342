using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansNetOps.Collectors;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Collectors.Flows;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.Snmp;
using OrleansNetOps.Telemetry.Storage;
using OrleansNetOps.Collectors.Snmp;
using OrleansNetOps.Collectors.Syslog;
using OrleansNetOps.Grains.Telemetry;
using OrleansNetOps.Silo.Analysis;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Telemetry.Alerts;
using OrleansNetOps.Telemetry.Features;
using OrleansNetOps.Telemetry.Metrics;
using OrleansNetOps.Telemetry.Syslog;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Telemetry;

/// <summary>API.md "Telemetry in": metric, Prometheus and Alertmanager ingest; series, logs, flows, traps, collectors; router features.</summary>
internal static class TelemetryEndpoints
{
    private const int MaxLimit = 10_000;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var write = endpoints.MapGroup("/api/v1").RequireAuthorization(RolePolicies.Operator).WithTags("Telemetry");
        write.MapPost("/telemetry/metrics", PostMetrics).WithName("PostMetrics").WithSummary("Metric points [{ router, path, value, timestamp?, tags? }]; all or nothing.");
        write.MapPost("/telemetry/prometheus", PostPrometheus).WithName("PostPrometheus").WithSummary("Prometheus text exposition for one router; unparsable lines are reported.");
        write.MapPost("/alerts/alertmanager", PostAlertmanager).WithName("PostAlertmanager").WithSummary("An Alertmanager webhook notification, as Alertmanager sends it.");

        var read = endpoints.MapGroup("/api/v1").RequireAuthorization(RolePolicies.Viewer).WithTags("Telemetry");
        read.MapGet("/metrics/series", GetSeries).WithName("GetSeries").WithSummary("Raw points of one series in [from, to] (resolution=1m: one-minute rollups).");
        read.MapGet("/logs", GetLogs).WithName("GetLogs").WithSummary("Syslog messages, newest first; severity means at least that severe.");
        read.MapGet("/flows/top", GetTopFlows).WithName("GetTopFlows").WithSummary("Top traffic by prefix (destination), interface, srcAs or dstAs.");
        read.MapGet("/traps", GetTraps).WithName("GetTraps").WithSummary("SNMP traps, newest first.");
        read.MapGet("/alerts", GetAlerts).WithName("GetAlerts").WithSummary("Alerts received from Alertmanager, newest first.");
        read.MapGet("/collectors", GetCollectors).WithName("GetCollectors").WithSummary("Every listener with its counters.");
        read.MapGet("/routers/{id}/features", GetFeatures).WithName("GetRouterFeatures").WithSummary("Features of a router over [from, to] (default: the last 15 minutes).");
    }

    internal static IReadOnlyList<CollectorCounters> Collectors(IServiceProvider services) =>
    [
        services.GetRequiredService<BmpCollector>().Counters,
        services.GetRequiredService<SyslogCollector>().Counters,
        services.GetRequiredService<FlowCollector>().Counters,
        services.GetRequiredService<SnmpTrapCollector>().Counters,
    ];

    private static async Task<Results<Accepted<IngestResultView>, ValidationProblem>> PostMetrics(
        JsonElement body, ITimeSeriesStore store, IClusterClient client, ILoggerFactory loggers, TimeProvider time, CancellationToken cancellationToken)
    {
        var (samples, errors) = MetricBatchReader.Read(body, time.GetUtcNow());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: $"{errors.Count} field(s) of the batch are invalid; nothing was stored.");
        }

        await store.AppendAsync(samples, cancellationToken);
        await OrleansNetOps.Silo.Events.MetricEvents.PublishAsync(client, samples, loggers.CreateLogger(typeof(OrleansNetOps.Silo.Events.MetricEvents).FullName!));
        return TypedResults.Accepted((string?)null, new IngestResultView(samples.Count, []));
    }

    private static async Task<Results<Accepted<IngestResultView>, ValidationProblem>> PostPrometheus(
        HttpRequest request, ITimeSeriesStore store, IClusterClient client, ILoggerFactory loggers, TimeProvider time, string? router, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(router))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["router"] = ["the router query parameter is required"] },
                detail: "The query has invalid values.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var scrape = PrometheusTextParser.Parse(body);
        var lines = new BodyLines(body);
        var now = MetricBatchReader.Microseconds(time.GetUtcNow());
        var samples = new List<MetricSample>(scrape.Samples.Count);
        var rejected = scrape.Errors.Select(e => new RejectedLineView(lines.LineOf(e.Offset), e.Offset, e.Reason)).ToList();
        foreach (var sample in scrape.Samples)
        {
            if (double.IsFinite(sample.Value))
            {
                samples.Add(new MetricSample(router, "/" + new PathElement(sample.Name, sample.Labels), sample.Timestamp is { } t ? MetricBatchReader.Microseconds(t) : now, sample.Value));
            }
            else
            {
                // The exposition format allows these, but a stored point is a number that minute rollups average, analysts
                // score and the series API returns as JSON; none of them has a meaning for NaN or an infinity. Refused, named.
                rejected.Add(new RejectedLineView(lines.LineOf(sample.Offset), sample.Offset,
                    $"{sample.Name}: value {FormatNonFinite(sample.Value)} is valid exposition but not stored: the metric store keeps finite numbers only"));
            }
        }

        rejected.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        if (samples.Count == 0 && rejected.Count > 0)
        {
            return TypedResults.ValidationProblem(
                rejected.GroupBy(r => $"line {r.Line}").ToDictionary(g => g.Key, g => g.Select(r => r.Reason).ToArray()),
                detail: "No line of the exposition could be stored; nothing was stored.");
        }

        await store.AppendAsync(samples, cancellationToken);
        await OrleansNetOps.Silo.Events.MetricEvents.PublishAsync(client, samples, loggers.CreateLogger(typeof(OrleansNetOps.Silo.Events.MetricEvents).FullName!));
        return TypedResults.Accepted((string?)null, new IngestResultView(samples.Count, rejected));
    }

    private static string FormatNonFinite(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";

    private static async Task<Results<Ok<AlertsAcceptedView>, ValidationProblem>> PostAlertmanager(
        HttpRequest request, ITelemetryLog<StoredAlert> alerts, TimeProvider time, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (!AlertmanagerWebhookParser.TryParse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var webhook, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error.Path ?? "$"] = [error.Reason] },
                detail: $"Not an Alertmanager webhook payload: {error}.");
        }

        var now = time.GetUtcNow();
        foreach (var alert in webhook.Alerts)
        {
            var router = alert.Labels.GetValueOrDefault("router") ?? alert.Labels.GetValueOrDefault("instance");
            alerts.Add(new StoredAlert(now, webhook.Receiver, webhook.GroupKey, router, alert));
        }

        return TypedResults.Ok(new AlertsAcceptedView(webhook.Alerts.Count, webhook.Status.ToString().ToLowerInvariant(), webhook.Receiver));
    }

    private static async Task<Results<Ok<SeriesView>, ValidationProblem>> GetSeries(
        ITimeSeriesStore store, string? router, string? path, DateTimeOffset? from, DateTimeOffset? to, string? resolution, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(router))
        {
            errors["router"] = ["required"];
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            errors["path"] = ["required"];
        }

        if (resolution is not (null or "raw" or "1m"))
        {
            errors["resolution"] = [$"'{resolution}' is not one of raw, 1m"];
        }

        CheckRange(from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query has invalid values.");
        }

        var key = new SeriesKey(router!, path!);
        var start = from ?? DateTimeOffset.MinValue;
        var end = to ?? DateTimeOffset.MaxValue;
        if (resolution == "1m")
        {
            var minutes = await store.QueryMinutesAsync(key, start, end, cancellationToken);
            return TypedResults.Ok(new SeriesView(key.Router, key.Path, "1m", [.. minutes.Select(m => new SeriesMinuteView(m.Minute, m.Average, m.Min, m.Max, m.Count))]));
        }

        var points = await store.QueryAsync(key, start, end, cancellationToken);
        return TypedResults.Ok(new SeriesView(key.Router, key.Path, "raw", [.. points.Select(p => new SeriesPointView(p.Time, p.Value))]));
    }

    private static async Task<Results<Ok<List<LogEntryView>>, ValidationProblem>> GetLogs(
        ISyslogStore logs, LogTemplateIds templateIds, string? router, DateTimeOffset? from, DateTimeOffset? to, string? severity, string? q, int? limit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        SyslogSeverity? level = null;
        if (severity is not null)
        {
            level = ParseSeverity(severity);
            if (level is null)
            {
                errors["severity"] = [$"'{severity}' is not one of emergency, alert, critical, error, warning, notice, informational, debug (or 0-7)"];
            }
        }

        CheckLimit(limit, errors);
        CheckRange(from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query has invalid values.");
        }

        var found = await logs.QueryAsync(new SyslogQuery(router, from, to, level, string.IsNullOrEmpty(q) ? null : q, limit ?? 100), cancellationToken);
        var templates = await templateIds.ForAsync(found);
        return TypedResults.Ok(found.Select((m, i) => new LogEntryView(
            m.Time, m.Router, m.Message.Hostname, Name(m.Message.Facility), Name(m.Message.Severity), m.Message.AppName, m.Message.ProcId, m.Message.MsgId, m.Message.Message,
            [.. m.Message.StructuredData.Select(e => new StructuredDataView(e.Id, [.. e.Parameters.Select(p => new StructuredDataParameterView(p.Name, p.Value))]))],
            templates[i], m.Message.Format == SyslogFormat.Rfc5424 ? "rfc5424" : "rfc3164", m.Source, m.Transport, m.ReceivedAt)).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<FlowTopEntry>>, ValidationProblem>> GetTopFlows(
        IFlowStore flows, string? router, string? by, DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        FlowTopKey? key = by switch
        {
            null or "prefix" => FlowTopKey.Prefix,
            "interface" => FlowTopKey.Interface,
            "srcAs" => FlowTopKey.SrcAs,
            "dstAs" => FlowTopKey.DstAs,
            _ => null,
        };
        if (key is null)
        {
            errors["by"] = [$"'{by}' is not one of prefix, interface, srcAs, dstAs"];
        }

        CheckLimit(limit, errors);
        CheckRange(from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query has invalid values.");
        }

        return TypedResults.Ok(await flows.TopAsync(router, key!.Value, from, to, limit ?? 10, cancellationToken));
    }

    private static async Task<Results<Ok<List<TrapView>>, ValidationProblem>> GetTraps(
        ITelemetryLog<StoredTrap> traps, string? router, DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CheckLimit(limit, errors);
        CheckRange(from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query has invalid values.");
        }

        var found = await traps.QueryAsync(new TimeRangeQuery(router, from, to, limit ?? 1000), cancellationToken);
        return TypedResults.Ok(found.Select(t => new TrapView(
            t.Time, t.Router, t.Trap.TrapOid, t.Trap.Name,
            [.. t.Trap.VarBinds.Select(v => new VarbindView(v.Oid, v.Name, Name(v.Value.Type), v.Value.ToString()))],
            t.Trap.Version.ToString().ToLowerInvariant(), t.Trap.Community, t.Trap.Uptime, t.Source)).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<StoredAlert>>, ValidationProblem>> GetAlerts(
        ITelemetryLog<StoredAlert> alerts, string? router, DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CheckLimit(limit, errors);
        CheckRange(from, to, errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, detail: "The query has invalid values.")
            : TypedResults.Ok(await alerts.QueryAsync(new TimeRangeQuery(router, from, to, limit ?? 1000), cancellationToken));
    }

    private static Ok<List<CollectorView>> GetCollectors(HttpContext context) =>
        TypedResults.Ok(Collectors(context.RequestServices).Select(c =>
        {
            var sources = c.Sources;
            return new CollectorView(c.Name, c.Protocol, c.Port, c.Listening, c.Received, c.Parsed, c.Rejected, sources.Count, sources, c.Bytes);
        }).ToList());

    private static async Task<Results<Ok<RouterFeatures>, ValidationProblem, NotFound<ProblemDetails>>> GetFeatures(
        string id, IGrainFactory grains, OrleansNetOps.Topology.NetworkTopology topology, TimeProvider time, DateTimeOffset? from, DateTimeOffset? to)
    {
        var errors = new Dictionary<string, string[]>();
        CheckRange(from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query has invalid values.");
        }

        if (!await OrleansNetOps.Silo.Network.RouterDirectory.ExistsAsync(id, grains, topology))
        {
            return OrleansNetOps.Silo.Network.RouterDirectory.NotFound(id);
        }

        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddMinutes(-15);
        return TypedResults.Ok(await grains.GetGrain<IRouterFeaturesGrain>(id).GetAsync(start, end));
    }

    private static void CheckLimit(int? limit, Dictionary<string, string[]> errors)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"{limit} is out of range (1..{MaxLimit})"];
        }
    }

    private static void CheckRange(DateTimeOffset? from, DateTimeOffset? to, Dictionary<string, string[]> errors)
    {
        if (from is not null && to is not null && from > to)
        {
            errors["from"] = ["from is after to"];
        }
    }

    private static SyslogSeverity? ParseSeverity(string text) => text.ToLowerInvariant() switch
    {
        "emergency" or "emerg" or "0" => SyslogSeverity.Emergency,
        "alert" or "1" => SyslogSeverity.Alert,
        "critical" or "crit" or "2" => SyslogSeverity.Critical,
        "error" or "err" or "3" => SyslogSeverity.Error,
        "warning" or "warn" or "4" => SyslogSeverity.Warning,
        "notice" or "5" => SyslogSeverity.Notice,
        "informational" or "info" or "6" => SyslogSeverity.Informational,
        "debug" or "7" => SyslogSeverity.Debug,
        _ => null,
    };

    private static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Forecasting;
using OrleansNetOps.Analytics.Logs;
using OrleansNetOps.Analytics.Multivariate;
using OrleansNetOps.Grains.Telemetry;
using OrleansNetOps.Telemetry.Features;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// A router's analyst: one <see cref="SeriesAnalyst"/> per metric path (learned baseline, anomaly score, fixed floors),
/// one <see cref="UtilisationForecaster"/> per utilisation path, one <see cref="LogTemplateMiner"/> for its syslog, and
/// one <see cref="RouterFeatureScorer"/> for its feature vector as a whole (built every
/// <see cref="FeatureScoringOptions.Interval"/> by the router's <see cref="IRouterFeaturesGrain"/> where the silo keeps
/// time series). Findings go to the domain's findings stream and, in their REST shape, to its events stream. The
/// detectors' state is written every few minutes and on deactivation; the number of series kept is bounded, and so is
/// the scorer's window of vectors.
/// </summary>
public sealed class RouterAnalystGrain(
    [PersistentState("analyst")] IPersistentState<RouterAnalystState> state,
    TimeProvider time,
    ILogger<RouterAnalystGrain> logger) : Grain, IRouterAnalystGrain
{
    /// <summary>Series analysed per router; points of further paths are not analysed (and logged once).</summary>
    public const int MaxSeries = 256;

    private static readonly TimeSpan WriteEvery = TimeSpan.FromMinutes(5);
    private static readonly AnomalyScorerOptions AnomalyOptions = new();
    private static readonly ForecastOptions ForecastOptions = new();

    // The scorer's vectors carry NaN for what was not measured; JSON has no such number unless told.
    private static readonly JsonSerializerOptions StateJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly Dictionary<string, SeriesAnalyst> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UtilisationForecaster> _forecasters = new(StringComparer.Ordinal);
    private LogTemplateMiner? _miner;
    private FeatureScoringOptions _featureOptions = FeatureScoringOptions.Default;
    private RouterFeatureScorer? _features;
    private DateTimeOffset? _lastVector;
    private bool _dirty;
    private bool _fullLogged;

    private string Router => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (path, json) in state.State.Series)
        {
            _series[path] = SeriesAnalyst.FromState(Series(path), AnomalyOptions, Read<SeriesAnalystState>(json));
        }

        foreach (var (path, json) in state.State.Forecasters)
        {
            _forecasters[path] = UtilisationForecaster.FromState(Series(path), ForecastOptions, AnomalyOptions.Floors.UtilisationPercent, Read<UtilisationForecasterState>(json));
        }

        if (state.State.Miner is { } miner)
        {
            _miner = LogTemplateMiner.Restore(Read<LogTemplateMinerState>(miner));
        }

        _featureOptions = ServiceProvider.GetService<FeatureScoringOptions>() ?? FeatureScoringOptions.Default;
        if (state.State.Features is { } features)
        {
            _features = RouterFeatureScorer.FromState(Router, _featureOptions.Scorer, Read<RouterFeatureScorerState>(features));
        }

        this.RegisterGrainTimer(WriteIfChangedAsync, new GrainTimerCreationOptions(WriteEvery, WriteEvery) { Interleave = false });
        // The vector is built from the stored series: a silo without a time-series store (grain tests) has none to build.
        if (ServiceProvider.GetService<ITimeSeriesStore>() is not null)
        {
            this.RegisterGrainTimer(BuildVectorAsync, new GrainTimerCreationOptions(_featureOptions.Interval, _featureOptions.Interval) { Interleave = false });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteIfChangedAsync(cancellationToken);

    /// <inheritdoc />
    public async Task ObserveMetricsAsync(ImmutableArray<AnalystMetric> points)
    {
        var found = new List<Finding>();
        foreach (var point in points)
        {
            if (!_series.TryGetValue(point.Path, out var analyst))
            {
                if (_series.Count >= MaxSeries)
                {
                    if (!_fullLogged)
                    {
                        logger.LogWarning("Router {Router} has more than {Max} series; {Path} and further paths are not analysed", Router, MaxSeries, point.Path);
                        _fullLogged = true;
                    }

                    continue;
                }

                analyst = new SeriesAnalyst(Series(point.Path), AnomalyOptions);
                _series[point.Path] = analyst;
            }

            found.AddRange(analyst.Observe(point.At, point.Value).Findings);
            if (analyst.Series.Kind == MetricKind.UtilisationPercent)
            {
                if (!_forecasters.TryGetValue(point.Path, out var forecaster))
                {
                    forecaster = new UtilisationForecaster(analyst.Series, ForecastOptions, AnomalyOptions.Floors.UtilisationPercent);
                    _forecasters[point.Path] = forecaster;
                }

                if (forecaster.Observe(point.At, point.Value).Finding is { } congestion)
                {
                    found.Add(congestion);
                }
            }
        }

        _dirty |= points.Length > 0;
        await this.PublishFindingsAsync(found);
    }

    /// <inheritdoc />
    public Task ReportAsync(ImmutableArray<Finding> findings) => this.PublishFindingsAsync(findings);

    /// <inheritdoc />
    public async Task ObserveLogsAsync(ImmutableArray<AnalystLogLine> lines)
    {
        _miner ??= new LogTemplateMiner();
        var found = new List<Finding>();
        foreach (var line in lines)
        {
            if (_miner.Observe(line.Message, line.At, Router).Finding is { } finding)
            {
                found.Add(finding);
            }
        }

        _dirty |= lines.Length > 0;
        await this.PublishFindingsAsync(found);
    }

    /// <inheritdoc />
    public async Task ObserveFeaturesAsync(ImmutableArray<RouterFeatures> vectors)
    {
        _features ??= new RouterFeatureScorer(Router, _featureOptions.Scorer);
        var found = new List<Finding>();
        foreach (var vector in vectors.Where(FeatureVectors.Measured))
        {
            if (_features.Observe(vector.To, FeatureVectors.Of(vector, _featureOptions.Scorer.Schema)).Finding is { } finding)
            {
                found.Add(finding);
            }
        }

        _dirty |= vectors.Length > 0;
        await this.PublishFindingsAsync(found);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<ThresholdForecast>> GetForecastsAsync() =>
        Task.FromResult<ImmutableArray<ThresholdForecast>>([.. _forecasters.Values.Select(f => f.Forecast()).OfType<ThresholdForecast>().OrderBy(f => f.Path, StringComparer.Ordinal)]);

    /// <inheritdoc />
    public Task<ImmutableArray<LogTemplate>> GetTemplatesAsync() =>
        Task.FromResult(_miner?.Templates() ?? []);

    /// <inheritdoc />
    public Task<ImmutableArray<string?>> ClassifyAsync(ImmutableArray<string> messages) =>
        Task.FromResult<ImmutableArray<string?>>([.. messages.Select(m => _miner?.Classify(m))]);

    private async Task BuildVectorAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = _lastVector ?? now - _featureOptions.Interval;
        var vector = await GrainFactory.GetGrain<IRouterFeaturesGrain>(Router).GetAsync(from, now);
        _lastVector = now;
        await ObserveFeaturesAsync([vector]);
    }

    private async Task WriteIfChangedAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        state.State.Series = _series.ToDictionary(p => p.Key, p => JsonSerializer.Serialize(p.Value.ToState(), StateJson), StringComparer.Ordinal);
        state.State.Forecasters = _forecasters.ToDictionary(p => p.Key, p => JsonSerializer.Serialize(p.Value.ToState(), StateJson), StringComparer.Ordinal);
        state.State.Miner = _miner is null ? null : JsonSerializer.Serialize(_miner.Snapshot(), StateJson);
        state.State.Features = _features is null ? null : JsonSerializer.Serialize(_features.ToState(), StateJson);
        await state.WriteStateAsync(cancellationToken);
        _dirty = false;
    }

    private MetricSeries Series(string path) => new(Router, path, SeriesKinds.Of(path));

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, StateJson) ?? throw new InvalidOperationException($"stored analyst state is not a {typeof(T).Name}");
}

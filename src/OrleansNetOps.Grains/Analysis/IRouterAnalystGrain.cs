using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Forecasting;
using OrleansNetOps.Analytics.Logs;
using OrleansNetOps.Telemetry.Features;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// The analyst of one router (key: router id): learns the baselines of its series, forecasts its utilisation, mines
/// its log templates, scores its feature vector as a whole, and publishes what it finds on the domain's findings and events streams.
/// </summary>
public interface IRouterAnalystGrain : IGrainWithStringKey
{
    /// <summary>Scores and learns metric points (in time order per path).</summary>
    /// <param name="points">The points.</param>
    Task ObserveMetricsAsync(ImmutableArray<AnalystMetric> points);

    /// <summary>Mines syslog messages.</summary>
    /// <param name="lines">The messages, in arrival order.</param>
    Task ObserveLogsAsync(ImmutableArray<AnalystLogLine> lines);

    /// <summary>
    /// Scores and learns the router's feature vectors (in time order); an unusual joint pattern is a
    /// <c>metric-anomaly</c> finding naming the features that carry it. Vectors in which nothing was measured are skipped.
    /// </summary>
    /// <param name="vectors">The vectors, oldest first.</param>
    Task ObserveFeaturesAsync(ImmutableArray<RouterFeatures> vectors);

    /// <summary>
    /// Passes on findings that signals state outright (an interface down, another system's alert), in order with the
    /// router's other findings.
    /// </summary>
    /// <param name="findings">The findings, oldest first.</param>
    Task ReportAsync(ImmutableArray<Finding> findings);

    /// <summary>The current forecast of each utilisation series past its cold start.</summary>
    Task<ImmutableArray<ThresholdForecast>> GetForecastsAsync();

    /// <summary>The log templates learned from this router.</summary>
    Task<ImmutableArray<LogTemplate>> GetTemplatesAsync();

    /// <summary>For each message, the id of the template it fits now (null where none), without learning.</summary>
    /// <param name="messages">The messages.</param>
    Task<ImmutableArray<string?>> ClassifyAsync(ImmutableArray<string> messages);
}

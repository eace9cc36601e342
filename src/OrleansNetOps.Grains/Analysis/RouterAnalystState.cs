namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// What a router's analyst keeps across activations. The domain states are plain records kept as their JSON, so the
/// storage needs no serializer for every detector's internals.
/// </summary>
[GenerateSerializer]
public sealed class RouterAnalystState
{
    /// <summary>Per series path, the anomaly analyst's state (JSON of <c>SeriesAnalystState</c>).</summary>
    [Id(0)]
    public Dictionary<string, string> Series { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per utilisation path, the forecaster's state (JSON of <c>UtilisationForecasterState</c>).</summary>
    [Id(1)]
    public Dictionary<string, string> Forecasters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The log template miner's state (JSON of <c>LogTemplateMinerState</c>), or null before the first line.</summary>
    [Id(2)]
    public string? Miner { get; set; }

    /// <summary>
    /// The feature scorer's state (JSON of <c>RouterFeatureScorerState</c>: its window of recent vectors and its
    /// calibration; the model is retrained from them on activation), or null before the first vector.
    /// </summary>
    [Id(3)]
    public string? Features { get; set; }
}

namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>A standardised vector as ML.NET reads it.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];
}

using OrleansNetOps.Twin.Accuracy;

namespace OrleansNetOps.Grains.Accuracy;

/// <summary>When a recorded prediction is compared with the routers' paths.</summary>
public sealed class TwinAccuracyOptions
{
    /// <summary>How often the routers' paths are read while waiting.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Paths unchanged this long count as converged (BGP's and BMP's own delays are seconds).</summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After this long the paths are compared as they stand, marked not converged.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Actions kept in full.</summary>
    public int Retention { get; set; } = AccuracyLedger.DefaultRetention;
}

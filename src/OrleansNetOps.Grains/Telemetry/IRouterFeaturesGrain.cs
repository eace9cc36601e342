using OrleansNetOps.Telemetry.Features;

namespace OrleansNetOps.Grains.Telemetry;

/// <summary>A router's features (probe latency and loss per ISP, peers down, RIB size, churn, update rate, interface utilisation), keyed by router id.</summary>
public interface IRouterFeaturesGrain : IGrainWithStringKey
{
    /// <summary>Features over [from, to]; churn and update rate are measured since the previous call.</summary>
    Task<RouterFeatures> GetAsync(DateTimeOffset from, DateTimeOffset to);
}

using OrleansNetOps.Twin.Drift;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Twin;

/// <summary>The digital twin of one network (key <c>default</c>): a baseline synced from the router grains, and what-ifs on it.</summary>
public interface INetworkTwinGrain : IGrainWithStringKey
{
    /// <summary>Runs a what-if on a copy-on-write fork of the baseline; the baseline never changes.</summary>
    Task<WhatIfResult> WhatIfAsync(WhatIfRequest request, TwinContext context);

    /// <summary>Differences between the twin's best paths and the routers' own.</summary>
    Task<IReadOnlyList<DriftEntry>> DriftAsync();

    /// <summary>Re-syncs the baseline from live state now.</summary>
    Task<TwinBaselineInfo> RefreshAsync();
}

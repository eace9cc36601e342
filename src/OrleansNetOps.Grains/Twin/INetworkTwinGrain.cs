using OrleansNetOps.Twin.Drift;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Twin;

/// <summary>The digital twin of one network (key <c>default</c>): a baseline synced from the router grains, and what-ifs on it.</summary>
public interface INetworkTwinGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs a what-if on a copy-on-write fork of the baseline; the baseline never changes. It runs off the grain's turn,
    /// so what-ifs never wait for each other; <paramref name="cancellationToken"/> (the caller going away) stops the
    /// engine, and a run longer than <see cref="NetworkTwinGrain.MaxRunTime"/> ends with <see cref="TimeoutException"/>.
    /// </summary>
    Task<WhatIfResult> WhatIfAsync(WhatIfRequest request, TwinContext context, CancellationToken cancellationToken = default);

    /// <summary>Generated failure scenarios, each run as a what-if on the baseline (off the grain's turn, like a what-if).</summary>
    Task<IReadOnlyList<ScenarioRun>> ScenariosAsync(ScenarioQuery query, TwinContext context, CancellationToken cancellationToken = default);

    /// <summary>Differences between the twin's best paths and the routers' own.</summary>
    Task<IReadOnlyList<DriftEntry>> DriftAsync();

    /// <summary>Re-syncs the baseline from live state now.</summary>
    Task<TwinBaselineInfo> RefreshAsync();
}

using OrleansNetOps.Grains.Network;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Drift;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Guardrails;
using OrleansNetOps.Twin.Model;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Twin;

/// <summary>
/// Holds the twin's converged baseline. It is rebuilt from the router twin grains (each router's policy, what its
/// eBGP neighbours really send, which of its sessions are down) when older than <see cref="MaxBaselineAge"/>;
/// what-ifs fork it copy-on-write and propagate only what a change can touch (the engine in <c>OrleansNetOps.Twin</c>).
/// </summary>
[GrainType("network-twin")]
public sealed class NetworkTwinGrain(NetworkTopology topology, TwinGuardrails guardrails, TimeProvider time) : Grain, INetworkTwinGrain
{
    private static readonly TimeSpan MaxBaselineAge = TimeSpan.FromSeconds(5);
    private TwinState? _baseline;
    private TwinBaselineInfo? _info;

    /// <inheritdoc />
    public async Task<WhatIfResult> WhatIfAsync(WhatIfRequest request, TwinContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var baseline = await BaselineAsync();
        return WhatIfEngine.Run(baseline, request, new WhatIfOptions
        {
            Guardrails = guardrails,
            Traffic = context.Traffic,
            Measurements = context.Measurements,
        });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DriftEntry>> DriftAsync()
    {
        var baseline = await BaselineAsync();
        var live = new List<LiveBestPath>();
        foreach (var router in topology.Routers)
        {
            var grain = GrainFactory.GetGrain<IRouterGrain>(router.Id);
            if ((await grain.GetSummaryAsync()).Status != RouterStatus.Unknown)
            {
                live.AddRange(await grain.GetBestPathsAsync());
            }
        }

        return DriftDetector.Compare(baseline, live);
    }

    /// <inheritdoc />
    public async Task<TwinBaselineInfo> RefreshAsync()
    {
        _baseline = null;
        await BaselineAsync();
        return _info!;
    }

    private async Task<TwinState> BaselineAsync()
    {
        if (_baseline is not null && _info is not null && time.GetUtcNow() - _info.BuiltAt < MaxBaselineAge)
        {
            return _baseline;
        }

        var inputs = await Task.WhenAll(topology.Routers.Select(r => GrainFactory.GetGrain<IRouterTwinGrain>(r.Id).GetInputsAsync()));
        var feeds = inputs.SelectMany(i => i.Feeds)
            .Select(f => new ExternalFeed(f.Router, f.Isp, [.. f.Routes.Unpack().Select(r => new ReceivedRoute(r.Prefix, r.Attributes, r.Attributes.NextHop))]))
            .ToList();
        var downLinks = inputs.SelectMany(i => i.DownLinks).Distinct().ToList();
        _baseline = TwinState.Converge(topology, new TwinInputs { Feeds = feeds, DownLinks = downLinks });
        _info = new TwinBaselineInfo(time.GetUtcNow(), _baseline.Prefixes.Count(), feeds.Count, downLinks);
        return _baseline;
    }
}

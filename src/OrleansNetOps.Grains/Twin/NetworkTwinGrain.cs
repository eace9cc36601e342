using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Runtime;
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
            if ((await grain.GetSummaryAsync()).Status == RouterStatus.Unknown)
            {
                continue;
            }

            foreach (var afi in new[] { Afi.IPv4, Afi.IPv6 })
            {
                live.AddRange((await grain.GetBestPathsAsync(afi)).Select(r => new LiveBestPath(router.Id, r.Route.Prefix, r.Attributes.NextHop,
                    RouteViews.Flatten(r.Attributes.EffectiveAsPath), r.Attributes.LocalPref, r.Attributes.MultiExitDisc)));
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
        var feeds = inputs.SelectMany(i => i.Feeds).ToList();
        var downLinks = inputs.SelectMany(i => i.DownLinks).Distinct().ToList();
        var policies = inputs.ToDictionary(i => i.Router, i => i.Policy);
        _baseline = TwinState.Converge(topology, new TwinInputs { Feeds = feeds, DownLinks = downLinks, Policies = policies });
        _info = new TwinBaselineInfo(time.GetUtcNow(), _baseline.Prefixes.Count(), feeds.Count, downLinks);
        return _baseline;
    }
}

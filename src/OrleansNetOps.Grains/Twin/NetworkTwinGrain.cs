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
/// Holds the twin's converged baseline. It is rebuilt from the router grains (what each eBGP neighbour really sends,
/// which sessions are down) when older than <see cref="MaxBaselineAge"/>; what-ifs fork it copy-on-write and
/// propagate only what a change can touch (the engine in <c>OrleansNetOps.Twin</c>).
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

        var feeds = new List<ExternalFeed>();
        var downLinks = new List<string>();
        foreach (var router in topology.Routers)
        {
            var grain = GrainFactory.GetGrain<IRouterGrain>(router.Id);
            if ((await grain.GetSummaryAsync()).Status == RouterStatus.Unknown)
            {
                continue;
            }

            var peers = await grain.GetPeersAsync();
            foreach (var link in topology.LinksOf(router.Id))
            {
                var far = link.AddressOf(link.Other(router.Id)).ToString();
                if (peers.FirstOrDefault(p => p.PeerAddress == far) is { State: not "established" })
                {
                    downLinks.Add(link.Name);
                }
            }

            foreach (var external in await grain.GetExternalRoutesAsync())
            {
                var isp = topology.NodeWithAddress(System.Net.IPAddress.Parse(external.PeerAddress));
                if (isp is null || topology.Isp(isp) is null)
                {
                    continue;
                }

                feeds.Add(new ExternalFeed(router.Id, isp, [.. external.Routes.Select(r => new ReceivedRoute(r.Route.Prefix, r.Attributes, r.Attributes.NextHop))]));
            }
        }

        _baseline = TwinState.Converge(topology, new TwinInputs { Feeds = feeds, DownLinks = downLinks.Distinct().ToList() });
        _info = new TwinBaselineInfo(time.GetUtcNow(), _baseline.Prefixes.Count(), feeds.Count, downLinks.Distinct().ToList());
        return _baseline;
    }
}

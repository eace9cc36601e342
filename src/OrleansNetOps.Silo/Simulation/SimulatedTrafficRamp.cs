using System.Net;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Silo.Configuration;
using FlowRecord = OrleansNetOps.Telemetry.Flows.FlowRecord;
using IFlowStore = OrleansNetOps.Telemetry.Flows.IFlowStore;
using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Checks;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>
/// The closed-loop demo (<c>network.demo: true</c> on the simulated network; the embedded default's <c>silo.yaml</c> turns it
/// on, code and tests leave it off so nothing else on the simulated network sees made-up load). It starts the default
/// domain in autonomy phase semi, audited as <see cref="Actor"/>, so T1 changes apply and T2/T3 wait for approval. Its
/// traffic: the demand toward the destinations of one ISP (one that the fibre-cut cycle leaves alone) grows by
/// <see cref="RampPercent"/> of that ISP's capacity every <c>network.demoStepSeconds</c> (<see cref="Step"/>) from <see cref="StartPercent"/> up to
/// <see cref="PeakPercent"/> and stays there (<see cref="SimulatedDemand"/>); the other ISPs carry a steady share.
/// Every step the demand is routed on the simulated network as it is now (<see cref="SimulatedRoutes"/>, the routers'
/// policy applied), and what that routing makes of it is recorded, all tagged <c>source: simulated</c>:
/// <list type="bullet">
/// <item>flows: per destination, the bytes of the step, exported by the edge router it leaves through, into the flow store;</item>
/// <item>the utilisation of the link to the loaded ISP, <c>R1|/probes/isp[name=ISP-A]/utilisation-pct</c>;</item>
/// <item>probes through every ISP from every router with a link to it, <c>…/latency-ms</c> and <c>…/loss-pct</c>
/// (<see cref="SimulatedProbes"/>: delay and then loss grow as the link fills).</item>
/// </list>
/// So the analysts raise the breach, the forecast and the probes' degradation; an incident opens; its resolver moves
/// some destinations off the ISP; the routing carries them elsewhere, the utilisation and the delay fall, and the
/// probes after the change verify it. A rollback puts the traffic back.
/// </summary>
internal sealed class SimulatedTrafficRamp(
    ITimeSeriesStore store, NetworkTopology topology, SiloConfig config, SimulatedRoutes routes, IGrainFactory grains, IHostApplicationLifetime lifetime,
    TimeProvider time, ILogger<SimulatedTrafficRamp> logger, IFlowStore? flows = null)
    : BackgroundService
{
    /// <summary>Who the demo's autonomy change is audited as.</summary>
    public const string Actor = "embedded-default/demo";

    /// <summary>Time between samples by default (<c>network.demoStepSeconds</c>).</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(new NetworkConfig().DemoStepSeconds);

    /// <summary>Demand toward the loaded ISP's destinations the ramp starts from (percent of its capacity).</summary>
    public const double StartPercent = 70;

    /// <summary>Growth per step (percentage points).</summary>
    public const double RampPercent = 2.5;

    /// <summary>Where demand stops growing: congested, not saturated.</summary>
    public const double PeakPercent = 95;

    private static readonly IReadOnlyDictionary<string, string> s_tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["source"] = "simulated" };

    /// <summary>The ISP the ramp loads and our router whose link to it carries the traffic; null when the topology has none.</summary>
    public static (string Isp, string Router)? Target(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var cut = topology.Links.LastOrDefault(l => l.Kind == SessionKind.Ebgp);
        return topology.Isps
            .Where(i => cut is null || !cut.Touches(i.Id))
            .SelectMany(i => topology.LinksOf(i.Id).Select(l => l.Other(i.Id)).Where(r => topology.Router(r) is not null).Order(StringComparer.Ordinal)
                .Select(r => ((string Isp, string Router)?)(i.Id, r)))
            .FirstOrDefault();
    }

    /// <summary>The next demand level: up the ramp until the peak.</summary>
    public static double Next(double current) => Math.Min(PeakPercent, current + RampPercent);

    /// <summary>
    /// What the demand does on <paramref name="routes"/> at <paramref name="at"/>: the samples (utilisation of the loaded
    /// link, probes through every ISP) and the flows of one step, each flow exported by the edge router it leaves through.
    /// </summary>
    public static (IReadOnlyList<MetricSample> Samples, IReadOnlyList<(string Router, FlowRecord Flow)> Flows) Observe(
        NetworkTopology topology, TwinState routes, IReadOnlyList<TrafficVolume> demand, (string Isp, string Router) target, DateTimeOffset at, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(demand);
        var load = WhatIfEngine.Run(routes, new WhatIfRequest([]), new WhatIfOptions { Traffic = demand }).PredictedSla.PerIsp
            .ToDictionary(p => p.Isp, p => p.UtilisationBefore, StringComparer.Ordinal);
        var samples = new List<MetricSample>
        {
            new(target.Router, $"/probes/isp[name={target.Isp}]/utilisation-pct", at, load.GetValueOrDefault(target.Isp) * 100, s_tags),
        };
        foreach (var isp in topology.Isps)
        {
            var u = load.GetValueOrDefault(isp.Id);
            foreach (var router in topology.LinksOf(isp.Id).Select(l => l.Other(isp.Id)).Where(r => topology.Router(r) is not null).Distinct().Order(StringComparer.Ordinal))
            {
                samples.Add(new(router, $"/probes/isp[name={isp.Id}]/latency-ms", at, SimulatedProbes.LatencyMs(isp.LatencyMs, u), s_tags));
                samples.Add(new(router, $"/probes/isp[name={isp.Id}]/loss-pct", at, SimulatedProbes.LossPct(u), s_tags));
            }
        }

        var sources = SimulatedDemand.Sources(topology);
        var records = new List<(string Router, FlowRecord Flow)>();
        foreach (var volume in demand)
        {
            foreach (var source in sources)
            {
                var path = ForwardingWalk.From(routes, source, volume.Prefix);
                if (path.EgressIsp is null || path.Nodes.Count < 2)
                {
                    continue; // dropped inside: no edge router sees it leave
                }

                var edge = path.Nodes[^2];
                var bytes = (ulong)(volume.BytesPerSecond / sources.Count * step.TotalSeconds);
                records.Add((edge, new FlowRecord(topology.Router(edge)!.RouterId, SourceAddress(topology, source, volume.Prefix), Host(volume.Prefix), 40000, 443, 6,
                    bytes, Math.Max(1, bytes / 1500), 0, 0, topology.Asn, 0, at - step, at)));
            }
        }

        return (samples, records);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.Network.Simulated || !config.Network.Demo || Target(topology) is not { } target)
        {
            return;
        }

        try
        {
            // Grains answer once the host has started.
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            // Started.
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await grains.GetGrain<ICoordinatorGrain>(NetOpsStreams.DefaultDomain)
            .SetAutonomyAsync(new AutonomyUpdate(Actor, "semi", null, "closed-loop demo on the simulated network: T1 changes apply, T2/T3 wait for approval"))
            .ConfigureAwait(false);

        var step = TimeSpan.FromSeconds(config.Network.DemoStepSeconds);
        var demand = SimulatedDemand.Toward(topology, routes.Initial, target.Isp,
            SimulatedNetworkService.Cycle(topology).OfType<PrefixWithdrawal>().Select(w => w.Prefix));
        logger.LogInformation("Simulated traffic: demand toward {Isp} ({Prefixes}) ramps from {Start} % of its capacity by {Ramp} points every {Step} s to {Peak} %",
            target.Isp, string.Join(", ", demand.Hot.Select(h => h.Prefix)), StartPercent, RampPercent, step.TotalSeconds, PeakPercent);
        var value = StartPercent;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                var (samples, records) = Observe(topology, routes.Current, demand.At(value / 100), target, now, step);
                await store.AppendAsync(samples, stoppingToken).ConfigureAwait(false);
                foreach (var (router, flow) in records)
                {
                    flows?.Add(router, flow, now);
                }

                await Task.Delay(step, time, stoppingToken).ConfigureAwait(false);
                value = Next(value);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    // A host inside the destination prefix and one inside the source router's own prefixes of the same family.
    private static IPAddress Host(IpPrefix prefix)
    {
        var bytes = prefix.Address.GetAddressBytes();
        bytes[^1] |= 1;
        return new IPAddress(bytes);
    }

    private static IPAddress SourceAddress(NetworkTopology topology, string router, IpPrefix toward)
    {
        var own = topology.Router(router)?.Originates.Where(p => p.IsIPv6 == toward.IsIPv6).Select(p => (IpPrefix?)p).FirstOrDefault();
        return own is { } prefix ? Host(prefix) : toward.IsIPv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
    }
}

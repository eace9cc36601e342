using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>
/// The closed-loop demo (<c>network.demo: true</c> on the simulated network; the embedded default's <c>silo.yaml</c> turns it
/// on, code and tests leave it off so nothing else on the simulated network sees made-up load). It starts the default
/// domain in autonomy phase semi, audited as <see cref="Actor"/>, so T1 changes apply and T2/T3 wait for approval. Its
/// traffic: the utilisation toward one ISP (one that the fibre-cut cycle leaves alone) grows by
/// <see cref="RampPercent"/> every <see cref="Step"/> from <see cref="StartPercent"/> until it crosses the 85 % floor,
/// so the analysts raise the threshold breach and the congestion forecast, an incident opens and its resolver shifts
/// traffic. Once a router's simulated policy moves traffic off that ISP (LOCAL_PREF or prepend toward it), the
/// utilisation falls back toward <see cref="ShiftedPercent"/>; if the change is rolled back it ramps again. Samples are
/// stored (and so reach the analysts) as <c>R1|/probes/isp[name=ISP-A]/utilisation-pct</c> tagged <c>source: simulated</c>.
/// </summary>
internal sealed class SimulatedTrafficRamp(
    ITimeSeriesStore store, NetworkTopology topology, SiloConfig config, SimulatedPolicy policy, IGrainFactory grains, IHostApplicationLifetime lifetime,
    TimeProvider time, ILogger<SimulatedTrafficRamp> logger)
    : BackgroundService
{
    /// <summary>Who the demo's autonomy change is audited as.</summary>
    public const string Actor = "embedded-default/demo";

    /// <summary>Time between samples.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    /// <summary>Utilisation the ramp starts from (percent).</summary>
    public const double StartPercent = 60;

    /// <summary>Growth per step while nothing moved traffic away (percentage points).</summary>
    public const double RampPercent = 2.5;

    /// <summary>Where the ramp stops growing: congested, not saturated.</summary>
    public const double PeakPercent = 95;

    /// <summary>Where traffic settles once moved off the ISP.</summary>
    public const double ShiftedPercent = 45;

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

    /// <summary>The next utilisation: up the ramp, or down toward <see cref="ShiftedPercent"/> once traffic was moved away.</summary>
    public static double Next(double current, bool shifted) =>
        shifted ? Math.Max(ShiftedPercent, current - (4 * RampPercent)) : Math.Min(PeakPercent, current + RampPercent);

    /// <summary>Whether some router's policy moves traffic off <paramref name="isp"/>.</summary>
    public static bool ShiftedOff(SimulatedPolicy policy, string isp)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.All.Values.SelectMany(lines => lines).Select(SimulatedPolicy.Parse)
            .Any(p => p.Action is "LOCAL_PREF_ADJUST" or "AS_PATH_PREPEND" && p.Parameters.Peer == isp);
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

        var path = $"/probes/isp[name={target.Isp}]/utilisation-pct";
        logger.LogInformation("Simulated traffic: utilisation toward {Isp} on {Router} ramps from {Start} % by {Ramp} points every {Step} s",
            target.Isp, target.Router, StartPercent, RampPercent, Step.TotalSeconds);
        var value = StartPercent;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await store.AppendAsync([new MetricSample(target.Router, path, time.GetUtcNow(), value, s_tags)], stoppingToken).ConfigureAwait(false);
                await Task.Delay(Step, time, stoppingToken).ConfigureAwait(false);
                value = Next(value, ShiftedOff(policy, target.Isp));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}

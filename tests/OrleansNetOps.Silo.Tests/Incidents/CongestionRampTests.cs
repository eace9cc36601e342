using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Grains.Incidents;
using OrleansNetOps.Planning.Candidates;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Network;
using OrleansNetOps.Silo.Simulation;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Tests.Incidents;

public sealed class CongestionRampTests
{
    [Fact]
    public void The_ramp_loads_an_isp_the_fibre_cuts_leave_alone()
    {
        var topology = TopologyFiles.LoadEmbedded();
        var target = SimulatedTrafficRamp.Target(topology);

        Assert.NotNull(target);
        var cut = topology.Links.Last(l => l.Kind == SessionKind.Ebgp);
        Assert.False(cut.Touches(target.Value.Isp));
        Assert.Contains(topology.LinksOf(target.Value.Isp), l => l.Touches(target.Value.Router));
    }

    [Fact]
    public void The_ramp_crosses_the_floor_the_analyst_raises_a_breach_and_the_incident_plans_a_shift_off_the_isp()
    {
        var topology = TopologyFiles.LoadEmbedded();
        var (isp, router) = SimulatedTrafficRamp.Target(topology)!.Value;
        var correlator = new Correlator(topology);
        var start = new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
        IncidentCandidate? candidate = null;
        var last = start;
        foreach (var finding in RampFindings.UntilBreach(topology, start))
        {
            var update = correlator.Observe(finding);
            last = finding.At;
            candidate ??= update.Opened.Concat(update.Updated).FirstOrDefault(c => c.Severity >= IncidentSeverity.Minor && c.Findings.Any(f => f.Kind == FindingKind.ThresholdBreach));
        }

        Assert.NotNull(candidate);
        Assert.True(last - start < TimeSpan.FromMinutes(3), $"the breach took {last - start}");
        var fault = IncidentFaults.From(candidate, topology);
        Assert.Equal(FaultKind.Congestion, fault.Kind);
        Assert.Equal(isp, fault.Isp);
        var candidates = CandidateCatalogue.Propose(fault, topology);
        Assert.Contains(candidates, c => c.Action == "LOCAL_PREF_ADJUST" && c.Router == router && c.Parameters.Peer == isp);
    }

    [Fact]
    public void The_demand_follows_the_routing_a_narrow_shift_moves_its_prefixes_traffic_and_delay_off_the_isp()
    {
        var topology = TopologyFiles.LoadEmbedded();
        var target = SimulatedTrafficRamp.Target(topology)!.Value;
        var configured = TwinState.Converge(topology);
        var withdrawn = SimulatedNetworkService.Cycle(topology).OfType<PrefixWithdrawal>().Select(w => w.Prefix).ToList();
        var demand = SimulatedDemand.Toward(topology, configured, target.Isp, withdrawn);
        Assert.DoesNotContain(demand.Hot, h => withdrawn.Contains(h.Prefix));
        Assert.Equal(1, demand.Hot.Sum(h => h.Weight), 9);
        var at = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

        var (before, flowsBefore) = SimulatedTrafficRamp.Observe(topology, configured, demand.At(0.9), target, at, SimulatedTrafficRamp.Step);
        Assert.Equal(90, Value(before, target.Router, $"/probes/isp[name={target.Isp}]/utilisation-pct"), 6);
        Assert.All(before, s => Assert.Equal("simulated", s.Tags!["source"]));
        var hotLatency = Value(before, target.Router, $"/probes/isp[name={target.Isp}]/latency-ms");
        Assert.InRange(hotLatency, 30, 50); // over the analysts' floor, under the SLA
        // Every destination's bytes of the step leave through an edge router: the ISP's through the loaded router.
        Assert.All(demand.Hot, h => Assert.Contains(flowsBefore, f => f.Router == target.Router && h.Prefix.Contains(f.Flow.DestinationAddress)));
        var offered = demand.At(0.9).Sum(v => v.BytesPerSecond) * SimulatedTrafficRamp.Step.TotalSeconds;
        Assert.Equal(offered, flowsBefore.Sum(f => (double)f.Flow.Bytes), offered * 1e-6);

        // The smallest of the ISP's destinations moves to another ISP: its share of the load goes with it.
        var small = demand.Hot.MinBy(h => h.Weight);
        var policy = new SimulatedPolicy();
        policy.Add(target.Router, SimulatedPolicy.Line("LOCAL_PREF_ADJUST", new ActionParameters { Peer = target.Isp, Direction = "in", LocalPref = 50, Prefixes = [small.Prefix.ToString()] }));
        var shifted = SimulatedNetworkService.WithPolicy(configured, policy, NullLogger.Instance);
        var (after, _) = SimulatedTrafficRamp.Observe(topology, shifted, demand.At(0.9), target, at, SimulatedTrafficRamp.Step);
        Assert.Equal(90 * (1 - small.Weight), Value(after, target.Router, $"/probes/isp[name={target.Isp}]/utilisation-pct"), 6);
        Assert.True(Value(after, target.Router, $"/probes/isp[name={target.Isp}]/latency-ms") < hotLatency - 10);

        Assert.Equal(SimulatedTrafficRamp.PeakPercent, SimulatedTrafficRamp.Next(SimulatedTrafficRamp.PeakPercent));
        Assert.Equal(SimulatedTrafficRamp.StartPercent + SimulatedTrafficRamp.RampPercent, SimulatedTrafficRamp.Next(SimulatedTrafficRamp.StartPercent));
    }

    private static double Value(IReadOnlyList<MetricSample> samples, string router, string path) => samples.Single(s => s.Router == router && s.Path == path).Value;

    [Fact]
    public void The_embedded_default_runs_the_demo_and_a_configuration_that_does_not_ask_for_it_does_not()
    {
        var embedded = SiloConfigLoader.LoadEmbedded([]);
        var quiet = SiloConfigLoader.Parse("network:\n  simulated: true\n", "silo.yaml", []);

        Assert.True(embedded.Network is { Simulated: true, Demo: true });
        Assert.False(quiet.Network.Demo);
    }

    [Fact]
    public async Task Without_the_demo_the_simulated_network_has_no_ramp_and_stays_passive()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(simulated: true));
        var (isp, router) = SimulatedTrafficRamp.Target(silo.App.Services.GetRequiredService<NetworkTopology>())!.Value;
        await Task.Delay(TimeSpan.FromSeconds(1));

        var series = await silo.App.Services.GetRequiredService<ITimeSeriesStore>().ListSeriesAsync(router);
        Assert.DoesNotContain(series, s => s.Path.Contains(isp, StringComparison.Ordinal));
        using var autonomy = await silo.GetAsync("/api/v1/autonomy");
        Assert.Equal("passive", JsonDocument.Parse(await autonomy.Content.ReadAsStringAsync()).RootElement.GetProperty("phase").GetString());
    }
}

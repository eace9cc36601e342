using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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
    public void Traffic_falls_once_a_router_prefers_another_isp_and_ramps_again_after_a_rollback()
    {
        var policy = new SimulatedPolicy();
        Assert.False(SimulatedTrafficRamp.ShiftedOff(policy, "ISP-A"));
        policy.Add("R1", SimulatedPolicy.Line("LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", Direction = "in", LocalPref = 50 }));
        Assert.True(SimulatedTrafficRamp.ShiftedOff(policy, "ISP-A"));
        Assert.False(SimulatedTrafficRamp.ShiftedOff(policy, "ISP-B"));

        Assert.Equal(SimulatedTrafficRamp.PeakPercent, SimulatedTrafficRamp.Next(SimulatedTrafficRamp.PeakPercent, shifted: false));
        Assert.Equal(SimulatedTrafficRamp.ShiftedPercent, SimulatedTrafficRamp.Next(SimulatedTrafficRamp.ShiftedPercent + 1, shifted: true));
        Assert.Equal(SimulatedTrafficRamp.ShiftedPercent + SimulatedTrafficRamp.RampPercent, SimulatedTrafficRamp.Next(SimulatedTrafficRamp.ShiftedPercent, shifted: false));
    }

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

using System.Collections.Immutable;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Silo.Simulation;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Portal.Tests.Infrastructure;

/// <summary>
/// The demo ramp's utilisation series read by the real router analyst, step by step, up to its first threshold breach:
/// the findings the silo's own analyst would publish after about two minutes of ramp, without waiting for them.
/// </summary>
public static class RampCongestion
{
    public static ImmutableArray<Finding> Findings(NetworkTopology topology, DateTimeOffset start)
    {
        var (isp, router) = SimulatedTrafficRamp.Target(topology) ?? throw new InvalidOperationException("the topology has no ISP the demo ramp can load");
        var analyst = new SeriesAnalyst(new MetricSeries(router, $"/probes/isp[name={isp}]/utilisation-pct", MetricKind.UtilisationPercent), new AnomalyScorerOptions());
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var value = SimulatedTrafficRamp.StartPercent;
        for (var at = start; at < start + (60 * SimulatedTrafficRamp.Step); at += SimulatedTrafficRamp.Step)
        {
            findings.AddRange(analyst.Observe(at, value).Findings);
            if (findings.Any(f => f.Kind == FindingKind.ThresholdBreach))
            {
                return findings.ToImmutable();
            }

            value = SimulatedTrafficRamp.Next(value);
        }

        throw new InvalidOperationException("the ramp never breached in 60 steps");
    }
}
